package fr.ent.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import fr.ent.platform.identity.InvalidTokenException.Reason;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The verifier's decisions on tokens signed with real RSA keys, the keys being served as a JWKS document over
 * HTTP the way Keycloak publishes them (the integration tests run the same matrix against a real Keycloak).
 */
class TokenVerifierTest {

    static HttpServer server;
    static final Map<String, JWKSet> published = new ConcurrentHashMap<>();
    static final AtomicInteger jwksFetches = new AtomicInteger();
    /** JWKS answers, by realm, counted as they are sent. */
    static final Map<String, AtomicInteger> answered = new ConcurrentHashMap<>();
    /** Realms whose JWKS answers wait, while here, for {@code release}; {@code arrived} when one such request came. */
    static final Map<String, Hold> held = new ConcurrentHashMap<>();

    record Hold(CountDownLatch arrived, CountDownLatch release) {
        Hold() {
            this(new CountDownLatch(1), new CountDownLatch(1));
        }
    }
    static RSAKey lyonKey;
    static RSAKey occitanieKey;
    static TokenVerifier verifier;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        lyonKey = new RSAKeyGenerator(2048).keyID("lyon-1").generate();
        occitanieKey = new RSAKeyGenerator(2048).keyID("occ-1").generate();
        published.put("ent-lyon", new JWKSet(lyonKey.toPublicJWK()));
        published.put("ent-occitanie", new JWKSet(occitanieKey.toPublicJWK()));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/realms/", exchange -> {
            String realm = exchange.getRequestURI().getPath().split("/")[2];
            Hold hold = held.get(realm);
            if (hold != null) {
                hold.arrived().countDown();
                try {
                    hold.release().await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            JWKSet set = published.get(realm);
            jwksFetches.incrementAndGet();
            // Counted before it is sent: once its client has the answer, the count says so.
            answered.computeIfAbsent(realm, r -> new AtomicInteger()).incrementAndGet();
            byte[] body = (set == null ? "{\"keys\":[]}" : set.toString()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        // A held answer must not hold up the others (the default runs every exchange on the one dispatcher thread).
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        verifier = new TokenVerifier(RealmEndpoints.of(base, base), Duration.ofMinutes(5));
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    static JWTClaimsSet.Builder claims(String realm) {
        return new JWTClaimsSet.Builder()
                .issuer(base + "/realms/" + realm)
                .subject("f3a1")
                .audience(List.of("ent-api", "account"))
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)))
                .claim("typ", "Bearer")
                .claim("preferred_username", "marie.curie")
                .claim("realm_access", Map.of("roles", List.of("Teacher", "default-roles-ent-lyon")))
                .claim("ent_user_id", "0b6d8f0e-1111-4c5e-9a53-3a3f1bde0001")
                .claim("admin_structures", List.of("0690001A"))
                .claim("sid", "session-1");
    }

    static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void a_token_of_the_expected_realm_is_accepted_with_its_roles_and_directory_id() throws Exception {
        VerifiedToken token = verifier.verifyAccessToken(sign(lyonKey, claims("ent-lyon").build()), "ent-lyon",
                "ent-api");
        assertThat(token.realm()).isEqualTo("ent-lyon");
        assertThat(token.roles()).contains("Teacher");
        assertThat(token.entUserId()).contains("0b6d8f0e-1111-4c5e-9a53-3a3f1bde0001");
        assertThat(token.adminStructures()).containsExactly("0690001A");
        assertThat(token.sessionId()).contains("session-1");
    }

    @Test
    void another_realms_token_is_refused_even_when_validly_signed_by_it() throws Exception {
        String occitanieToken = sign(occitanieKey, claims("ent-occitanie").build());
        assertReason(() -> verifier.verifyAccessToken(occitanieToken, "ent-lyon", "ent-api"), Reason.WRONG_ISSUER);
    }

    @Test
    void a_token_claiming_our_issuer_but_signed_with_another_realms_key_is_refused() throws Exception {
        String forged = sign(occitanieKey, claims("ent-lyon").build());
        assertReason(() -> verifier.verifyAccessToken(forged, "ent-lyon", "ent-api"), Reason.BAD_SIGNATURE);
    }

    @Test
    void an_expired_token_is_refused() throws Exception {
        String expired = sign(lyonKey, claims("ent-lyon")
                .expirationTime(Date.from(Instant.now().minusSeconds(600))).build());
        assertReason(() -> verifier.verifyAccessToken(expired, "ent-lyon", "ent-api"), Reason.EXPIRED);
    }

    @Test
    void a_tampered_token_is_refused() throws Exception {
        String token = sign(lyonKey, claims("ent-lyon").build());
        String[] parts = token.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("Teacher", "SUPER_ADMIN");
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertReason(() -> verifier.verifyAccessToken(tampered, "ent-lyon", "ent-api"), Reason.BAD_SIGNATURE);
    }

    @Test
    void a_token_for_another_audience_is_refused() throws Exception {
        String token = sign(lyonKey, claims("ent-lyon").audience("account").build());
        assertReason(() -> verifier.verifyAccessToken(token, "ent-lyon", "ent-api"), Reason.WRONG_AUDIENCE);
    }

    @Test
    void an_unsigned_alg_none_token_is_refused() {
        String none = new PlainJWT(claims("ent-lyon").build()).serialize();
        assertReason(() -> verifier.verifyAccessToken(none, "ent-lyon", "ent-api"), Reason.UNSIGNED);
    }

    @Test
    void an_hmac_token_keyed_with_the_public_key_is_refused() throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims("ent-lyon").build());
        jwt.sign(new MACSigner(lyonKey.toPublicJWK().toRSAPublicKey().getEncoded()));
        assertReason(() -> verifier.verifyAccessToken(jwt.serialize(), "ent-lyon", "ent-api"), Reason.BAD_SIGNATURE);
    }

    @Test
    void an_id_token_is_not_accepted_as_an_access_token() throws Exception {
        String idToken = sign(lyonKey, claims("ent-lyon").claim("typ", "ID").build());
        assertReason(() -> verifier.verifyAccessToken(idToken, "ent-lyon", "ent-api"), Reason.WRONG_TYPE);
    }

    @Test
    void garbage_is_refused() {
        assertReason(() -> verifier.verifyAccessToken("not.a.jwt", "ent-lyon", "ent-api"), Reason.MALFORMED);
        assertReason(() -> verifier.verifyAccessToken("", "ent-lyon", "ent-api"), Reason.MALFORMED);
    }

    @Test
    void a_rotated_key_is_picked_up_without_restart() throws Exception {
        TokenVerifier fresh = new TokenVerifier(RealmEndpoints.of(base, base), Duration.ofMinutes(5));
        fresh.verifyAccessToken(sign(lyonKey, claims("ent-lyon").build()), "ent-lyon", "ent-api");
        RSAKey rotated = new RSAKeyGenerator(2048).keyID("lyon-2").generate();
        published.put("ent-lyon", new JWKSet(List.of(rotated.toPublicJWK(), lyonKey.toPublicJWK())));
        try {
            VerifiedToken token = fresh.verifyAccessToken(sign(rotated, claims("ent-lyon").build()), "ent-lyon",
                    "ent-api");
            assertThat(token.username()).isEqualTo("marie.curie");
        } finally {
            published.put("ent-lyon", new JWKSet(lyonKey.toPublicJWK()));
        }
    }

    @Test
    void keys_are_cached_between_requests() throws Exception {
        TokenVerifier fresh = new TokenVerifier(RealmEndpoints.of(base, base), Duration.ofMinutes(5));
        String token = sign(lyonKey, claims("ent-lyon").build());
        fresh.verifyAccessToken(token, "ent-lyon", "ent-api");
        int before = jwksFetches.get();
        for (int i = 0; i < 20; i++) {
            fresh.verifyAccessToken(token, "ent-lyon", "ent-api");
        }
        assertThat(jwksFetches.get()).isEqualTo(before);
    }

    @Test
    void keys_are_refreshed_ahead_of_expiry_in_the_background_and_fetched_again_once_expired() throws Exception {
        // TokenVerifier refreshes in the last tenth of the TTL: here from 9 s to 10 s after a realm's keys came.
        Duration ttl = Duration.ofSeconds(10);
        long window = ttl.toMillis() / 10;
        List<String> others = List.of("ent-ahead-2", "ent-ahead-3", "ent-ahead-4", "ent-ahead-5");
        List<String> realms = new java.util.ArrayList<>(List.of("ent-ahead", "ent-expiry"));
        realms.addAll(others);
        realms.forEach(realm -> published.put(realm, new JWKSet(lyonKey.toPublicJWK())));
        RSAKey rotated = new RSAKeyGenerator(2048).keyID("lyon-ahead-2").generate();
        Hold hold = new Hold();
        try {
            // Warm (classes, JIT) so that the realms' first fetches below take milliseconds, not the window's half.
            verifier.verifyAccessToken(sign(lyonKey, claims("ent-lyon").build()), "ent-lyon", "ent-api");
            TokenVerifier fresh = new TokenVerifier(RealmEndpoints.of(base, base), ttl);
            for (String realm : realms.reversed()) {
                fresh.verifyAccessToken(sign(lyonKey, claims(realm).build()), realm, "ent-api");
            }
            // ent-ahead's keys were the last fetched: they expire at most 10 s after now, and the others before.
            long loaded = System.currentTimeMillis();
            held.put("ent-ahead", hold);
            String token = sign(lyonKey, claims("ent-ahead").build());
            Map<String, String> otherTokens = new java.util.HashMap<>();
            for (String realm : others) {
                otherTokens.put(realm, sign(lyonKey, claims(realm).build()));
            }
            // Just inside the window (it starts at most 9 s after `loaded`): a late wake-up on a busy machine still
            // has most of the window's second before ent-ahead's keys expire.
            long inWindow = loaded + ttl.toMillis() - window + 50;
            while (System.currentTimeMillis() < inWindow) {
                Thread.sleep(Math.max(1, inWindow - System.currentTimeMillis()));
            }

            // In the window: answered from the cached keys while their refresh waits on the stand-in server. Were
            // the keys fetched before answering, the held fetch would time out and the verification fail.
            long late = System.currentTimeMillis() - loaded;
            try {
                assertThat(fresh.verifyAccessToken(token, "ent-ahead", "ent-api").realm()).isEqualTo("ent-ahead");
            } catch (InvalidTokenException e) {
                throw new AssertionError("not answered from the cache " + late + " ms after the keys came", e);
            }
            for (String realm : others) {
                fresh.verifyAccessToken(otherTokens.get(realm), realm, "ent-api");
            }
            assertThat(hold.arrived().await(5, TimeUnit.SECONDS))
                    .as("a refresh of ent-ahead's keys was started (in the window %d ms after they came)", late)
                    .isTrue();
            assertThat(answered.get("ent-ahead")).as("ent-ahead's refresh is still held").hasValue(1);
            // ...its fetch under way on one of the verifier's threads (the request's own would have given up on it:
            // nimbus ignores a failed refresh), and five realms refreshed on those two threads rather than one each.
            Map<Thread, StackTraceElement[]> threads = Thread.getAllStackTraces();
            assertThat(threads.entrySet().stream().filter(t -> t.getKey().getName().startsWith("ent-realm-keys-"))
                    .anyMatch(t -> java.util.Arrays.stream(t.getValue())
                            .anyMatch(frame -> frame.getClassName().endsWith(".DefaultResourceRetriever"))))
                    .as("a keys thread is fetching").isTrue();
            assertThat(threads.keySet().stream().filter(thread -> thread.getName().startsWith("ent-realm-keys-"))
                    .count()).isBetween(1L, 2L);

            published.put("ent-ahead", new JWKSet(List.of(rotated.toPublicJWK(), lyonKey.toPublicJWK())));
            hold.release().countDown();
            held.remove("ent-ahead");
            long deadline = System.currentTimeMillis() + 10_000;
            while (answered.get("ent-ahead").get() < 2 && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertThat(answered.get("ent-ahead")).hasValue(2);
            // The refreshed keys are the cached ones: a token of the key published meanwhile needs no fetch.
            assertThat(fresh.verifyAccessToken(sign(rotated, claims("ent-ahead").build()), "ent-ahead", "ent-api")
                    .realm()).isEqualTo("ent-ahead");
            assertThat(fresh.verifyAccessToken(token, "ent-ahead", "ent-api").realm()).isEqualTo("ent-ahead");
            assertThat(answered.get("ent-ahead")).hasValue(2);

            // ent-expiry had no request in its window: once expired, its keys are fetched again, and it still works.
            assertThat(answered.get("ent-expiry")).hasValue(1);
            Thread.sleep(Math.max(0, loaded + ttl.toMillis() + 200 - System.currentTimeMillis()));
            assertThat(fresh.verifyAccessToken(sign(lyonKey, claims("ent-expiry").build()), "ent-expiry", "ent-api")
                    .realm()).isEqualTo("ent-expiry");
            assertThat(answered.get("ent-expiry")).hasValue(2);
        } finally {
            hold.release().countDown();
            held.remove("ent-ahead");
            realms.forEach(published::remove);
        }
    }

    @Test
    void a_logout_token_names_the_session_it_ends_and_an_access_token_is_not_one() throws Exception {
        JWTClaimsSet logout = new JWTClaimsSet.Builder().issuer(base + "/realms/ent-lyon").audience("portal")
                .issueTime(new Date()).jwtID("j1").claim("sid", "session-9").claim("typ", "Logout")
                .claim("events", Map.of(TokenVerifier.BACKCHANNEL_LOGOUT_EVENT, Map.of())).build();
        assertThat(verifier.verifyLogoutToken(sign(lyonKey, logout), "ent-lyon", "portal")).isEqualTo("session-9");
        // As Keycloak 26 sends them (found by BackchannelLogoutIT): header typ "logout+jwt".
        SignedJWT typed = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(lyonKey.getKeyID())
                .type(new JOSEObjectType("logout+jwt")).build(), logout);
        typed.sign(new RSASSASigner(lyonKey));
        assertThat(verifier.verifyLogoutToken(typed.serialize(), "ent-lyon", "portal")).isEqualTo("session-9");
        String access = sign(lyonKey, claims("ent-lyon").audience("portal").build());
        assertThatThrownBy(() -> verifier.verifyLogoutToken(access, "ent-lyon", "portal"))
                .isInstanceOf(InvalidTokenException.class);
    }

    interface Call {
        void run() throws Exception;
    }

    static void assertReason(Call call, Reason reason) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidTokenException.class,
                e -> assertThat(e.reason()).as(e.getMessage()).isEqualTo(reason));
    }
}
