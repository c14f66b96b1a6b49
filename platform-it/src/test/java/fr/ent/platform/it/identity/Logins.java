package fr.ent.platform.it.identity;

import fr.ent.platform.identity.Realms;
import fr.ent.platform.it.Platform;
import fr.ent.platform.testing.login.LoginAgent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Real logins against the platform's Keycloak: through the portal (a browser) or as a public client (an app). */
public final class Logins {

    /**
     * The OTP secrets of the administrators these tests enrolled, by user and domain: administrators must use a
     * second factor (realm browser flow), and the first login enrols the "authenticator app" {@link Totp}.
     */
    private static final Map<String, String> SECRETS = new ConcurrentHashMap<>();

    private Logins() {
    }

    /**
     * Waits as a person does before typing their password again after a wrong one. Keycloak's brute-force detection
     * (the realms' default quickLoginCheckMilliSeconds, one second) takes a retry sooner than that for a robot and
     * locks the account for a minute: the right password is then refused too (seen in CI: a retry 105 ms after the
     * failure was "user_temporarily_disabled").
     */
    static void retypeAsAPerson() {
        try {
            Thread.sleep(1_500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static final String CONFIGURE_TOTP_FORM = "kc-totp-settings-form";
    static final String OTP_FORM = "kc-otp-login-form";

    /**
     * After the password: enrols the authenticator when Keycloak asks to configure one, or types the code when it
     * asks for it (the secret from an earlier enrolment), then follows redirects as before. Other pages: unchanged.
     */
    static HttpResponse<String> secondFactor(LoginAgent browser, HttpResponse<String> page, String domain,
            String username, String stopAtPrefix) {
        String key = username + "@" + domain;
        if (page.body().contains("id=\"" + CONFIGURE_TOTP_FORM + "\"")) {
            String secret = LoginAgent.inputValue(page, "totpSecret").orElseThrow();
            SECRETS.put(key, secret);
            return browser.follow(browser.submitForm(page, CONFIGURE_TOTP_FORM, Map.of("totp", Totp.next(secret),
                    "totpSecret", secret, "userLabel", "Téléphone de test")), stopAtPrefix);
        }
        if (page.body().contains("id=\"" + OTP_FORM + "\"")) {
            String secret = SECRETS.get(key);
            if (secret == null) {
                throw new IllegalStateException(username + " has an OTP these tests did not enrol");
            }
            return browser.follow(browser.submitForm(page, OTP_FORM, Map.of("otp", Totp.next(secret))), stopAtPrefix);
        }
        return page;
    }

    /** The secret enrolled for this user on this domain (after a first login). */
    static String secret(String domain, String username) {
        return SECRETS.get(username + "@" + domain);
    }

    /** Logs in through the collectivity's portal (code flow + PKCE done by the runtime); returns the browser. */
    public static LoginAgent portal(Platform platform, String domain, String username, String password) {
        LoginAgent browser = new LoginAgent(platform.server().runtimeBase());
        String portal = "http://" + domain + ":" + platform.server().runtimeBase().getPort();
        HttpResponse<String> loginPage = browser.follow(browser.get(portal + "/auth/login?return=/"), null);
        HttpResponse<String> afterLogin = secondFactor(browser,
                browser.follow(browser.submitLogin(loginPage, username, password), null), domain, username, null);
        if (afterLogin.statusCode() != 200 || !afterLogin.uri().getPath().equals("/")) {
            throw new IllegalStateException("portal login of " + username + " ended on " + afterLogin.uri() + " "
                    + afterLogin.statusCode() + ": " + afterLogin.body());
        }
        return browser;
    }

    /**
     * An access token obtained the way a mobile app would: authorization code + PKCE with the public portal
     * client, the user typing their password into Keycloak's own form.
     */
    public static String accessToken(Platform platform, String slug, String domain, String username, String password) {
        LoginAgent browser = new LoginAgent(platform.server().runtimeBase());
        String redirect = "http://" + domain + ":" + platform.server().runtimeBase().getPort() + "/auth/callback";
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        String realm = Realms.ofCollectivity(slug);
        String keycloak = platform.identity().baseUrl().toString();
        String authorize = keycloak + "/realms/" + realm + "/protocol/openid-connect/auth?client_id=portal"
                + "&response_type=code&scope=openid&state=s1&redirect_uri=" + encode(redirect)
                + "&code_challenge_method=S256&code_challenge=" + challenge(verifier);
        HttpResponse<String> page = browser.follow(browser.get(authorize), null);
        HttpResponse<String> answer = secondFactor(browser,
                browser.follow(browser.submitLogin(page, username, password), redirect), domain, username, redirect);
        String location = LoginAgent.location(answer).orElseThrow(() -> new IllegalStateException(
                "no redirect after login of " + username + ": " + answer.statusCode() + " " + answer.body()));
        String code = LoginAgent.query(location).get("code");
        String form = "grant_type=authorization_code&client_id=portal&code=" + encode(code) + "&redirect_uri="
                + encode(redirect) + "&code_verifier=" + encode(verifier);
        HttpResponse<String> tokens = browser.send("POST",
                URI.create(keycloak + "/realms/" + realm + "/protocol/openid-connect/token"), form, Map.of());
        if (tokens.statusCode() != 200) {
            throw new IllegalStateException("code exchange refused: " + tokens.body());
        }
        JsonObject json = Json.createReader(new StringReader(tokens.body())).readObject();
        return json.getString("access_token");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
