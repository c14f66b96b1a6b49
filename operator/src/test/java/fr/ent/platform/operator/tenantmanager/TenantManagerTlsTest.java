package fr.ent.platform.operator.tenantmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.operator.app.OperatorSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A wrong ENT_TENANT_MANAGER_CA stops the operator at start, never falls back to trusting something else. */
class TenantManagerTlsTest {

    @TempDir
    Path dir;

    @Test
    void aFileWithoutCertificatesIsRefused() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.crt"), "");
        Path garbage = Files.writeString(dir.resolve("garbage.crt"), "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n"
                + "-----END CERTIFICATE-----\n");
        assertThatThrownBy(() -> TenantManagerTls.trusting(empty)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no certificate");
        assertThatThrownBy(() -> TenantManagerTls.trusting(garbage)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid tenant-manager CA");
        assertThatThrownBy(() -> TenantManagerTls.trusting(dir.resolve("missing.crt")))
                .hasMessageContaining("cannot read the tenant-manager CA");
    }

    @Test
    void theOperatorReadsItsCaFromTheEnvironment() {
        Map<String, String> env = Map.of("ENT_KEYCLOAK_URL", "http://127.0.0.1:9", "ENT_OPERATOR_CLIENT_SECRET", "s",
                "ENT_TENANT_MANAGER_URL", "https://ent-runtime-admin.ent.svc:9443/admin/api/v1");
        assertThat(OperatorSettings.fromEnvironment(env).tenantManagerTls()).as("unset: the JVM's CAs").isNull();
        Map<String, String> wrong = new java.util.HashMap<>(env);
        wrong.put("ENT_TENANT_MANAGER_CA", dir.resolve("missing.crt").toString());
        assertThatThrownBy(() -> OperatorSettings.fromEnvironment(wrong)).hasMessageContaining("missing.crt");
    }
}
