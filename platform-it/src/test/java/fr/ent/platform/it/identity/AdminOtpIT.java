package fr.ent.platform.it.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.identity.RealmRoles;
import fr.ent.platform.identity.Realms;
import fr.ent.platform.it.Platform;
import fr.ent.platform.testing.login.LoginAgent;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Administrators (SUPER_ADMIN, ADMIN_LOCAL) must log in with a second factor, through the realm's browser flow
 * made by tenant-manager: enrolment of an authenticator app at first login, a code at every later login; a
 * teacher logs in with a password only. Real Keycloak, real portal, codes computed as an app would (RFC 6238).
 */
class AdminOtpIT {

    static final String PASSWORD = "mot-de-passe-de-test-otp";
    static final String A = "otp-a";
    static final String B = "otp-b";
    static final String A_HOST = "otpa.localhost";
    static final String B_HOST = "otpb.localhost";
    static Platform platform;

    @BeforeAll
    static void collectivities() throws Exception {
        platform = Platform.get();
        platform.provisionActive(A, A_HOST);
        platform.provisionActive(B, B_HOST);
        user(A, "admin.otp", RealmRoles.SUPER_ADMIN);
        user(A, "admin.local", "ADMIN_LOCAL");
        user(A, "admin.retry", RealmRoles.SUPER_ADMIN);
        user(A, "prof.otp", "Teacher");
        user(B, "admin.otp", RealmRoles.SUPER_ADMIN);
    }

    static void user(String slug, String username, String role) throws Exception {
        platform.keycloak().ensureUser(Realms.ofCollectivity(slug), username, "Prénom", username, PASSWORD,
                List.of(role), Map.of());
    }

    static String portal(String host) {
        return "http://" + host + ":" + platform.server().runtimeBase().getPort();
    }

    /** Portal login up to the page Keycloak shows after the password. */
    static HttpResponse<String> afterPassword(LoginAgent browser, String host, String username) {
        HttpResponse<String> loginPage = browser.follow(browser.get(portal(host) + "/auth/login?return=/"), null);
        return browser.follow(browser.submitLogin(loginPage, username, PASSWORD), null);
    }

    static String meUsername(LoginAgent browser, String host) {
        HttpResponse<String> me = browser.send("GET", URI.create(portal(host) + "/api/me"), null,
                Map.of("Accept", "application/json"));
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        return Platform.json(me).getString("username");
    }

    /** Another six-digit code than the right one, for the refusals. */
    static String wrong(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 500_000) % 1_000_000);
    }

    @Test
    void an_administrator_enrols_an_authenticator_at_first_login_then_types_a_code_at_each_login() {
        LoginAgent first = new LoginAgent(platform.server().runtimeBase());
        HttpResponse<String> enrol = afterPassword(first, A_HOST, "admin.otp");
        assertThat(enrol.body()).contains("id=\"" + Logins.CONFIGURE_TOTP_FORM + "\"")
                .contains("authentification par mobile");
        String secret = LoginAgent.inputValue(enrol, "totpSecret").orElseThrow();
        // A wrong code does not enrol anything: the form is shown again.
        HttpResponse<String> refused = first.submitForm(enrol, Logins.CONFIGURE_TOTP_FORM,
                Map.of("totp", wrong(Totp.current(secret)), "totpSecret", secret, "userLabel", "Téléphone"));
        assertThat(refused.body()).contains("id=\"" + Logins.CONFIGURE_TOTP_FORM + "\"");
        HttpResponse<String> home = first.follow(first.submitForm(refused, Logins.CONFIGURE_TOTP_FORM,
                Map.of("totp", Totp.next(secret), "totpSecret", secret, "userLabel", "Téléphone")), null);
        assertThat(home.uri().getPath()).isEqualTo("/");
        assertThat(meUsername(first, A_HOST)).isEqualTo("admin.otp");

        // A later login (another browser, no Keycloak session): the password is not enough.
        LoginAgent second = new LoginAgent(platform.server().runtimeBase());
        HttpResponse<String> otp = afterPassword(second, A_HOST, "admin.otp");
        assertThat(otp.body()).contains("id=\"" + Logins.OTP_FORM + "\"");
        assertThat(second.send("GET", URI.create(portal(A_HOST) + "/api/me"), null,
                Map.of("Accept", "application/json")).statusCode()).isEqualTo(401);
        HttpResponse<String> wrongCode = second.submitForm(otp, Logins.OTP_FORM, Map.of("otp",
                wrong(Totp.current(secret))));
        assertThat(wrongCode.statusCode()).isEqualTo(200);
        assertThat(wrongCode.body()).contains("id=\"" + Logins.OTP_FORM + "\"").contains("invalide");
        assertThat(second.send("GET", URI.create(portal(A_HOST) + "/api/me"), null,
                Map.of("Accept", "application/json")).statusCode()).isEqualTo(401);
        HttpResponse<String> in = second.follow(second.submitForm(wrongCode, Logins.OTP_FORM,
                Map.of("otp", Totp.next(secret))), null);
        assertThat(in.uri().getPath()).isEqualTo("/");
        assertThat(meUsername(second, A_HOST)).isEqualTo("admin.otp");

        // The same login name in collectivity B is another account in another realm: A's authenticator is
        // nothing there, B's administrator enrols their own.
        LoginAgent other = new LoginAgent(platform.server().runtimeBase());
        HttpResponse<String> inB = afterPassword(other, B_HOST, "admin.otp");
        assertThat(inB.body()).contains("id=\"" + Logins.CONFIGURE_TOTP_FORM + "\"");
        assertThat(LoginAgent.inputValue(inB, "totpSecret").orElseThrow()).isNotEqualTo(secret);
    }

    @Test
    void a_code_is_refused_when_the_password_was_wrong_and_the_password_alone_never_signs_in_an_administrator() {
        LoginAgent browser = new LoginAgent(platform.server().runtimeBase());
        HttpResponse<String> loginPage = browser.follow(browser.get(portal(A_HOST) + "/auth/login?return=/"), null);
        HttpResponse<String> badPassword = browser.follow(browser.submitLogin(loginPage, "admin.retry", "faux"),
                null);
        assertThat(badPassword.body()).contains("kc-form-login").doesNotContain(Logins.CONFIGURE_TOTP_FORM)
                .doesNotContain(Logins.OTP_FORM);
        // With the right password, the flow stops at enrolment: leaving there gives no portal session.
        Logins.retypeAsAPerson();
        HttpResponse<String> enrol = browser.follow(browser.submitLogin(badPassword, "admin.retry", PASSWORD), null);
        assertThat(enrol.body()).contains(Logins.CONFIGURE_TOTP_FORM);
        assertThat(browser.send("GET", URI.create(portal(A_HOST) + "/api/me"), null,
                Map.of("Accept", "application/json")).statusCode()).isEqualTo(401);
    }

    @Test
    void a_school_administrator_must_enrol_too() {
        LoginAgent browser = new LoginAgent(platform.server().runtimeBase());
        HttpResponse<String> enrol = afterPassword(browser, A_HOST, "admin.local");
        assertThat(enrol.body()).contains("id=\"" + Logins.CONFIGURE_TOTP_FORM + "\"");
        HttpResponse<String> home = Logins.secondFactor(browser, enrol, A_HOST, "admin.local", null);
        assertThat(home.uri().getPath()).isEqualTo("/");
        assertThat(meUsername(browser, A_HOST)).isEqualTo("admin.local");
    }

    @Test
    void a_teacher_logs_in_with_a_password_only() {
        LoginAgent browser = new LoginAgent(platform.server().runtimeBase());
        HttpResponse<String> home = afterPassword(browser, A_HOST, "prof.otp");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.uri().getPath()).isEqualTo("/");
        assertThat(home.body()).doesNotContain(Logins.CONFIGURE_TOTP_FORM).doesNotContain(Logins.OTP_FORM);
        assertThat(meUsername(browser, A_HOST)).isEqualTo("prof.otp");
    }
}
