package fr.ent.platform.operator.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.settings.InvalidSettingException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperatorSettingsTest {

    /** What the operator cannot start without: where its platform-admin tokens come from. */
    private static final Map<String, String> REQUIRED = Map.of("ENT_KEYCLOAK_URL", "http://127.0.0.1:8180",
            "ENT_OPERATOR_CLIENT_SECRET", "operator-secret");

    @Test
    void defaults() {
        OperatorSettings settings = OperatorSettings.fromEnvironment(REQUIRED);
        assertThat(settings.tenantManager()).isEqualTo(URI.create("http://127.0.0.1:9081/admin/api/v1"));
        assertThat(settings.tenantManagerTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.httpPort()).isEqualTo(8080);
        assertThat(settings.leaderElection()).isTrue();
        assertThat(settings.reconcileThreads()).isEqualTo(20);
        assertThat(settings.tenantManagerTls()).isNull();
    }

    @Test
    void aPortThatIsNotANumberNamesItsVariable() {
        Map<String, String> env = new HashMap<>(REQUIRED);
        env.put("ENT_OPERATOR_HTTP_PORT", "http");
        assertThatThrownBy(() -> OperatorSettings.fromEnvironment(env))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("invalid setting ENT_OPERATOR_HTTP_PORT: \"http\" is not a whole number from 1 to 65535");
    }
}
