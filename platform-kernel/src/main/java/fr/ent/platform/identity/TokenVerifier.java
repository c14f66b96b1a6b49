package fr.ent.platform.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.net.URI;

/**
 * Checks Keycloak tokens for one expected realm: RS256 signature against the realm's published keys, issuer,
 * audience, lifetime and token type. Keys are fetched from the realm's JWKS endpoint and cached per realm; a token
 * signed with a key the cache does not know triggers one (rate-limited) refetch, which is how Keycloak key
 * rotation is picked up without a restart. Nothing is trusted before the signature is verified: the unverified
 * issuer is only read to refuse another realm's token without fetching anything.
 *
 * <h2>Realm keys refreshed ahead</h2>
 * A realm's cached keys are fetched again shortly before they expire (the last tenth of their time to live, at most
 * 30 s), by the first request that falls in that window: the request goes on with the still-valid keys and the fetch
 * runs on two background threads ({@code ent-realm-keys-N}) shared by every realm of this verifier. Only a realm
 * with no request in that window waits for its keys once they have expired.
 */
public final class TokenVerifier {

    /** Keycloak writes {@code typ} = Bearer into access tokens, ID into ID tokens, Logout into logout tokens. */
    private static final String ACCESS_TOKEN_TYPE = "Bearer";
    private static final String LOGOUT_TOKEN_TYPE = "Logout";
    static final String BACKCHANNEL_LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";

    private final RealmEndpoints endpoints;
    private final Function<String, Optional<RealmEndpoints>> shards;
    private final Duration keysTimeToLive;
    /** By JWKS address rather than realm name: a realm moved to another shard has other keys there. */
    private final Map<String, JWKSource<SecurityContext>> keysByAddress = new ConcurrentHashMap<>();
    /**
     * Runs the refresh-ahead fetches of every realm, instead of nimbus's default of one single-thread executor per
     * source (a thread per realm: 1,000 with 1,000 realms). Two threads: a fetch is a few milliseconds of Keycloak's
     * time, and one slow shard must not hold up the others. The queue is unbounded but holds at most one refresh per
     * realm (nimbus starts no second refresh of a cached key set while one is pending), and a rejected task would
     * fail the request that triggered it. The threads are daemons and end after a minute idle: TokenVerifier has no
     * close() (the applications keep theirs for the life of the server), so a verifier dropped on an application
     * restart leaves no thread behind.
     */
    private final ExecutorService keysRefresh = keysRefreshExecutor();

    public TokenVerifier(RealmEndpoints endpoints, Duration keysTimeToLive) {
        this(endpoints, keysTimeToLive, realm -> Optional.empty());
    }

    /**
     * With realm shards (ADR 0044): {@code shards} gives the endpoints of the Keycloak server a realm lives on when
     * it is not the configured one ({@code endpoints}, the default shard); each realm's tokens must then carry that
     * server's issuer, so a token of a realm on shard A is refused for a collectivity on shard B even before its
     * signature is looked at.
     */
    public TokenVerifier(RealmEndpoints endpoints, Duration keysTimeToLive,
            Function<String, Optional<RealmEndpoints>> shards) {
        this.endpoints = endpoints;
        this.keysTimeToLive = keysTimeToLive;
        this.shards = shards;
    }

    /**
     * The verifier of an application, from its settings: Keycloak as the platform reaches it, and as browsers reach
     * it when that differs (the issuer written into tokens); keys cached {@code keysTimeToLive}.
     */
    public static TokenVerifier forKeycloak(String url, Optional<String> publicUrl, Duration keysTimeToLive) {
        String issuerBase = publicUrl.filter(s -> !s.isBlank()).orElse(url);
        return new TokenVerifier(RealmEndpoints.of(issuerBase, url), keysTimeToLive);
    }

    /** The configured Keycloak (the default shard): the platform realm and every realm not placed elsewhere. */
    public RealmEndpoints endpoints() {
        return endpoints;
    }

    /** The endpoints of the Keycloak server {@code realm} lives on. */
    public RealmEndpoints endpoints(String realm) {
        return shards.apply(realm).orElse(endpoints);
    }

    /**
     * The realm a token says it comes from (its issuer under our Keycloak), NOT verified: only to choose which
     * realm to verify it against. Empty for anything else.
     */
    public Optional<String> claimedRealm(String token) {
        try {
            String issuer = parse(token).getJWTClaimsSet().getIssuer();
            int at = issuer == null ? -1 : issuer.lastIndexOf("/realms/");
            if (at < 0) {
                return Optional.empty();
            }
            String realm = issuer.substring(at + "/realms/".length());
            // The realm's own shard must be the one that issued it: a name alone would let any server claim it.
            return realm.matches("[a-z0-9-]{1,64}") && endpoints(realm).issuer(realm).equals(issuer)
                    ? Optional.of(realm) : Optional.empty();
        } catch (InvalidTokenException | ParseException e) {
            return Optional.empty();
        }
    }

    /** Verifies an access token issued by {@code realm} for {@code audience}. */
    public VerifiedToken verifyAccessToken(String token, String realm, String audience) throws InvalidTokenException {
        JWTClaimsSet claims = process(token, realm, audience, ACCESS_TOKEN_TYPE, Set.of("sub", "exp", "iat"));
        return toVerified(realm, claims);
    }

    /**
     * Verifies an OpenID Connect back-channel logout token sent by the realm to the client {@code clientId} and
     * returns the session id it ends.
     */
    public String verifyLogoutToken(String token, String realm, String clientId) throws InvalidTokenException {
        JWTClaimsSet claims = process(token, realm, clientId, LOGOUT_TOKEN_TYPE, Set.of("iat", "jti", "sid", "events"));
        try {
            Map<String, Object> events = claims.getJSONObjectClaim("events");
            if (events == null || !events.containsKey(BACKCHANNEL_LOGOUT_EVENT) || claims.getClaim("nonce") != null) {
                throw new InvalidTokenException(InvalidTokenException.Reason.WRONG_TYPE, "not a logout token", null);
            }
            return claims.getStringClaim("sid");
        } catch (ParseException e) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED, e.getMessage(), e);
        }
    }

    /** Verifies an ID token from the code exchange (audience = the client, nonce = the one we sent). */
    public VerifiedToken verifyIdToken(String token, String realm, String clientId, String nonce)
            throws InvalidTokenException {
        JWTClaimsSet claims = process(token, realm, clientId, "ID", Set.of("sub", "exp", "iat", "nonce"));
        if (!nonce.equals(claims.getClaim("nonce"))) {
            throw new InvalidTokenException(InvalidTokenException.Reason.WRONG_TYPE, "nonce mismatch", null);
        }
        return toVerified(realm, claims);
    }

    private JWTClaimsSet process(String token, String realm, String audience, String type, Set<String> required)
            throws InvalidTokenException {
        RealmEndpoints shard = endpoints(realm);
        String issuer = shard.issuer(realm);
        JWT parsed = parse(token);
        if (parsed instanceof PlainJWT || !(parsed instanceof SignedJWT signed)) {
            throw new InvalidTokenException(InvalidTokenException.Reason.UNSIGNED, "unsigned token", null);
        }
        if (!JWSAlgorithm.RS256.equals(signed.getHeader().getAlgorithm())) {
            throw new InvalidTokenException(InvalidTokenException.Reason.BAD_SIGNATURE,
                    "algorithm " + signed.getHeader().getAlgorithm() + " not accepted", null);
        }
        try {
            String claimedIssuer = signed.getJWTClaimsSet().getIssuer();
            if (!issuer.equals(claimedIssuer)) {
                throw new InvalidTokenException(InvalidTokenException.Reason.WRONG_ISSUER,
                        "issuer " + claimedIssuer + " is not " + issuer, null);
            }
        } catch (ParseException e) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED, e.getMessage(), e);
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys(shard, realm)));
        if (LOGOUT_TOKEN_TYPE.equals(type)) {
            // Keycloak 26 heads logout tokens with typ "logout+jwt" (OIDC Back-Channel Logout 1.0, section 2.4);
            // nimbus accepts only "JWT" or none by default.
            processor.setJWSTypeVerifier(new com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier<>(
                    com.nimbusds.jose.JOSEObjectType.JWT, null, new com.nimbusds.jose.JOSEObjectType("logout+jwt")));
        }
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(issuer).claim("typ", type).build(), required));
        try {
            return processor.process(signed, null);
        } catch (BadJWSException e) {
            throw new InvalidTokenException(InvalidTokenException.Reason.BAD_SIGNATURE, e.getMessage(), e);
        } catch (BadJWTException e) {
            throw new InvalidTokenException(classify(e.getMessage()), e.getMessage(), e);
        } catch (BadJOSEException e) {
            // No key of this realm matches the token's key id: signed by someone else.
            throw new InvalidTokenException(InvalidTokenException.Reason.BAD_SIGNATURE, e.getMessage(), e);
        } catch (KeySourceException e) {
            throw new InvalidTokenException(InvalidTokenException.Reason.KEYS_UNAVAILABLE, e.getMessage(), e);
        } catch (JOSEException e) {
            throw new InvalidTokenException(InvalidTokenException.Reason.BAD_SIGNATURE, e.getMessage(), e);
        }
    }

    private static InvalidTokenException.Reason classify(String message) {
        String m = message == null ? "" : message.toLowerCase();
        if (m.contains("expired")) {
            return InvalidTokenException.Reason.EXPIRED;
        }
        if (m.contains("audience") || m.contains("aud claim")) {
            return InvalidTokenException.Reason.WRONG_AUDIENCE;
        }
        if (m.contains("typ")) {
            return InvalidTokenException.Reason.WRONG_TYPE;
        }
        if (m.contains("iss")) {
            return InvalidTokenException.Reason.WRONG_ISSUER;
        }
        return InvalidTokenException.Reason.MALFORMED;
    }

    private static JWT parse(String token) throws InvalidTokenException {
        if (token == null || token.isBlank() || token.length() > 16_384) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED, "empty or oversized token", null);
        }
        try {
            return JWTParser.parse(token);
        } catch (ParseException e) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED, e.getMessage(), e);
        }
    }

    private JWKSource<SecurityContext> keys(RealmEndpoints shard, String realm) {
        return keysByAddress.computeIfAbsent(shard.jwks(realm).toString(), address -> {
            String r = realm;
            try {
                long ttl = keysTimeToLive.toMillis();
                // Refresh ahead in the last tenth of the time to live, at most 30 s (300 s in production: 30 s): a
                // realm with at least one request in that window never waits for its keys, and no realm fetches
                // them more than ~10 % more often than the TTL says. 30 s is far longer than a fetch (2 s connect +
                // 2 s read, retried once), so the new keys are in before the old ones expire. nimbus requires
                // refresh-ahead + refresh timeout <= TTL and rate-limit interval < TTL: the halves below keep every
                // TTL the settings accept (>= 1 s) valid and are 5 s and 10 s, as before, from 20 s up (its builder
                // defaults to a 30 s refresh-ahead, which refused any TTL under 35 s).
                long refreshTimeout = Math.min(5_000, ttl / 2);
                long refreshAhead = Math.min(30_000, ttl / 10);
                return JWKSourceBuilder.<SecurityContext>create(URI.create(address).toURL(),
                                new DefaultResourceRetriever(2_000, 2_000, 256 * 1024))
                        .cache(ttl, refreshTimeout)
                        // Not scheduled (no scheduled executor): a realm nobody uses is not fetched every TTL for
                        // nothing. Not shut down with the source: the executor is this verifier's, for all realms.
                        .refreshAheadCache(refreshAhead, null, keysRefresh, false, null, false)
                        .rateLimited(Math.min(10_000, ttl / 2))
                        .retrying(true)
                        .build();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("bad JWKS address for realm " + r, e);
            }
        });
    }

    private static ExecutorService keysRefreshExecutor() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                Thread.ofPlatform().name("ent-realm-keys-", 1).daemon(true).factory());
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    private static VerifiedToken toVerified(String realm, JWTClaimsSet claims) throws InvalidTokenException {
        try {
            Map<String, Object> realmAccess = claims.getJSONObjectClaim("realm_access");
            Set<String> roles = realmAccess == null ? Set.of() : strings(realmAccess.get("roles"));
            String name = Optional.ofNullable(claims.getStringClaim("name"))
                    .orElse(claims.getStringClaim("preferred_username"));
            return new VerifiedToken(realm, claims.getSubject(), claims.getStringClaim("preferred_username"), name,
                    roles, Optional.ofNullable(claims.getStringClaim(Claims.USER_ID)),
                    strings(claims.getClaim(Claims.ADMIN_STRUCTURES)), Optional.ofNullable(claims.getStringClaim("sid")),
                    claims.getExpirationTime().toInstant());
        } catch (ParseException | RuntimeException e) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED, "unexpected claims", e);
        }
    }

    private static Set<String> strings(Object value) {
        if (value instanceof Collection<?> c) {
            Set<String> out = new LinkedHashSet<>();
            c.forEach(v -> out.add(String.valueOf(v)));
            return Set.copyOf(out);
        }
        if (value instanceof String s) {
            return Set.of(s);
        }
        return Set.of();
    }
}
