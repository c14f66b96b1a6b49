package fr.ent.platform.tenants.identity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Where an account stands, read from its Keycloak representation; ids that are none name nobody. */
class AccountActivationTest {

    @Test
    void anAccountIsActivatedOnceItsCodeWasExchangedForAPassword() {
        assertThat(AccountActivation.state(user(true, null))).isEqualTo(AccountActivation.State.PENDING);
        assertThat(AccountActivation.state(user(true, "expired"))).isEqualTo(AccountActivation.State.EXPIRED);
        assertThat(AccountActivation.state(user(false, null))).isEqualTo(AccountActivation.State.ACTIVATED);
        assertThat(AccountActivation.state(user(false, "expired"))).isEqualTo(AccountActivation.State.ACTIVATED);
        assertThat(AccountActivation.state(Json.createObjectBuilder().add("username", "x").build()))
                .isEqualTo(AccountActivation.State.ACTIVATED);
    }

    @Test
    void onlyIdsAreKept() {
        UUID id = UUID.randomUUID();
        assertThat(AccountActivation.ids(java.util.Arrays.asList(id.toString(), "../other", null, "")))
                .containsExactly(id);
        assertThat(AccountActivation.ids(null)).isEmpty();
    }

    private static JsonObject user(boolean waiting, String mark) {
        var attributes = Json.createObjectBuilder().add("ent_user_id", Json.createArrayBuilder().add("x"));
        if (mark != null) {
            attributes.add("ent_activation", Json.createArrayBuilder().add(mark));
        }
        return Json.createObjectBuilder().add("username", "lea.durand").add("attributes", attributes)
                .add("requiredActions", waiting ? Json.createArrayBuilder().add("UPDATE_PASSWORD")
                        : Json.createArrayBuilder())
                .build();
    }

}
