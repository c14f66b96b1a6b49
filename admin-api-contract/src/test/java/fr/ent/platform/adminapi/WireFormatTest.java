package fr.ent.platform.adminapi;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.tenancy.TenantState;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The records travel between JSON-B (tenant-manager in Liberty) and Jackson 3 (the operator): what one writes the
 * other reads back unchanged, states travel as their names and instants as ISO-8601 strings (docs/admin-api.md).
 */
class WireFormatTest {

    private final Jsonb jsonb = JsonbBuilder.create();
    // as TenantManagerClient configures it: a newer server may add properties
    private final JsonMapper jackson = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final CollectivityView view = new CollectivityView("lyon", "commune", "Ville de Lyon",
            List.of("ent.lyon.fr"), TenantState.SUSPENDED, null, null, "t_lyon", "3", null, false,
            Instant.parse("2026-11-02T08:15:30.123Z"), Instant.parse("2026-11-03T09:00:00Z"), "standard");

    @Test
    void viewWrittenByTheServerKeepsItsPropertyNamesAndStateName() {
        JsonNode doc = jackson.readTree(jsonb.toJson(view));

        assertThat(doc.path("state").asString()).isEqualTo("SUSPENDED");
        assertThat(doc.path("createdAt").asString()).isEqualTo("2026-11-02T08:15:30.123Z");
        assertThat(doc.path("domains").get(0).asString()).isEqualTo("ent.lyon.fr");
        assertThat(doc.path("dataRetained").asBoolean(true)).isFalse();
        assertThat(doc.propertyNames()).contains("slug", "kind", "displayName", "schema", "schemaVersion", "plan",
                "updatedAt");
    }

    @Test
    void viewWrittenByTheServerIsReadByTheOperatorUnchanged() {
        CollectivityView read = jackson.readValue(jsonb.toJson(view), CollectivityView.class);

        assertThat(read).isEqualTo(view);
        assertThat(read.is(TenantState.SUSPENDED)).isTrue();
    }

    @Test
    void unknownPropertiesFromANewerServerAreIgnored() {
        String newer = "{\"slug\":\"lyon\",\"state\":\"ACTIVE\",\"domains\":[\"a.fr\"],\"enabledApps\":[\"wiki\"]}";

        assertThat(jackson.readValue(newer, CollectivityView.class).state()).isEqualTo(TenantState.ACTIVE);
        assertThat(jsonb.fromJson(newer, CollectivityView.class).domains()).containsExactly("a.fr");
    }

    @Test
    void requestWrittenByTheOperatorIsReadByTheServer() {
        CollectivityRequest request = new CollectivityRequest("lyon", "commune", "Ville de Lyon",
                List.of("ent.lyon.fr", "lyon.localhost"), null);

        CollectivityRequest read = jsonb.fromJson(jackson.writeValueAsString(request), CollectivityRequest.class);

        assertThat(read).isEqualTo(request);
    }

    @Test
    void absentPatchFieldsReadAsNull() {
        CollectivityRequest patch = jsonb.fromJson("{\"displayName\":\"Lyon\"}", CollectivityRequest.class);

        assertThat(patch.domains()).isNull();
        assertThat(patch.kind()).isNull();
        assertThat(patch.plan()).isNull();
    }

    @Test
    void provisioningStepsTravelWithTheirTimes() {
        ProvisioningView progress = new ProvisioningView("lyon", TenantState.PROVISIONING, null, null, 1, 2,
                List.of(new ProvisioningView.Step("SCHEMA", "DONE", 1, Instant.parse("2026-11-02T08:15:30Z"),
                        Instant.parse("2026-11-02T08:15:31Z"), null),
                        new ProvisioningView.Step("REALM", "RUNNING", 1, Instant.parse("2026-11-02T08:15:31Z"),
                                null, null)));

        assertThat(jackson.readValue(jsonb.toJson(progress), ProvisioningView.class)).isEqualTo(progress);
    }
}
