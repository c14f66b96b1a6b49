package fr.ent.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Realm shards (ADR 0044): a realm placed on another Keycloak server is checked against that server's issuer and
 * keys. The two "servers" are TokenVerifierTest's JWKS server under two names (127.0.0.1 and localhost), so that
 * their issuers differ as two shards' do.
 */
class TokenVerifierShardsTest {

    static TokenVerifier verifier;
    static String shardB;

    @BeforeAll
    static void start() throws Exception {
        TokenVerifierTest.start();
        shardB = TokenVerifierTest.base.replace("127.0.0.1", "localhost");
        Map<String, RealmEndpoints> shards = Map.of("ent-occitanie", RealmEndpoints.of(shardB, shardB));
        verifier = new TokenVerifier(RealmEndpoints.of(TokenVerifierTest.base, TokenVerifierTest.base),
                Duration.ofMinutes(5), realm -> Optional.ofNullable(shards.get(realm)));
    }

    @AfterAll
    static void stop() {
        TokenVerifierTest.stop();
    }

    static JWTClaimsSet.Builder onShardB(String realm) {
        return TokenVerifierTest.claims(realm).issuer(shardB + "/realms/" + realm);
    }

    @Test
    void a_realm_on_another_shard_is_verified_there_and_one_on_the_default_shard_here() throws Exception {
        String occitanie = TokenVerifierTest.sign(TokenVerifierTest.occitanieKey, onShardB("ent-occitanie").build());
        assertThat(verifier.verifyAccessToken(occitanie, "ent-occitanie", "ent-api").realm())
                .isEqualTo("ent-occitanie");
        String lyon = TokenVerifierTest.sign(TokenVerifierTest.lyonKey, TokenVerifierTest.claims("ent-lyon").build());
        assertThat(verifier.verifyAccessToken(lyon, "ent-lyon", "ent-api").realm()).isEqualTo("ent-lyon");
        assertThat(verifier.endpoints("ent-occitanie").token("ent-occitanie").toString()).startsWith(shardB);
        assertThat(verifier.endpoints("ent-lyon").token("ent-lyon").toString()).startsWith(TokenVerifierTest.base);
    }

    @Test
    void a_realm_named_by_the_wrong_server_is_refused_even_validly_signed() throws Exception {
        // ent-occitanie's real keys, but issued (says the token) by the default server, where it does not live
        String elsewhere = TokenVerifierTest.sign(TokenVerifierTest.occitanieKey,
                TokenVerifierTest.claims("ent-occitanie").build());
        assertThatThrownBy(() -> verifier.verifyAccessToken(elsewhere, "ent-occitanie", "ent-api"))
                .isInstanceOfSatisfying(InvalidTokenException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidTokenException.Reason.WRONG_ISSUER));
        assertThat(verifier.claimedRealm(elsewhere)).isEmpty();
        // and ent-lyon (default shard) claimed by shard B's server
        String lyonFromB = TokenVerifierTest.sign(TokenVerifierTest.lyonKey, onShardB("ent-lyon").build());
        assertThatThrownBy(() -> verifier.verifyAccessToken(lyonFromB, "ent-lyon", "ent-api"))
                .isInstanceOf(InvalidTokenException.class);
        assertThat(verifier.claimedRealm(lyonFromB)).isEmpty();
    }

    @Test
    void a_token_of_a_realm_on_shard_b_is_refused_for_a_realm_on_the_default_shard() throws Exception {
        String occitanie = TokenVerifierTest.sign(TokenVerifierTest.occitanieKey, onShardB("ent-occitanie").build());
        assertThat(verifier.claimedRealm(occitanie)).contains("ent-occitanie");
        assertThatThrownBy(() -> verifier.verifyAccessToken(occitanie, "ent-lyon", "ent-api"))
                .isInstanceOfSatisfying(InvalidTokenException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidTokenException.Reason.WRONG_ISSUER));
    }
}
