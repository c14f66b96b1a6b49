package fr.ent.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RealmEndpointsTest {

    private final RealmEndpoints endpoints = RealmEndpoints.of("https://auth.ent.example/", "http://keycloak:8080");

    @Test
    void theAccountConsoleIsOnThePublicAddressBrowsersReach() {
        assertThat(endpoints.accountConsole("ent-lyon")).hasToString("https://auth.ent.example/realms/ent-lyon/account");
        assertThat(endpoints.signingIn("ent-lyon"))
                .hasToString("https://auth.ent.example/realms/ent-lyon/account/account-security/signing-in");
    }

    @Test
    void backChannelCallsStayOnTheInternalAddress() {
        assertThat(endpoints.token("ent-lyon"))
                .hasToString("http://keycloak:8080/realms/ent-lyon/protocol/openid-connect/token");
    }
}
