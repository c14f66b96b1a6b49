package fr.ent.platform.testing.login;

/**
 * What the tests know of Keycloak's login page, in one place for both ways of filling it: {@link LoginAgent} over
 * HTTP and the real browser ({@code fr.ent.platform.testing.browser.RealBrowser}). The ids and names are those of
 * Keycloak's stock theme; our own login theme (a later issue) must keep them or change them here.
 */
public final class KeycloakLoginForm {

    /** The login form's id. */
    public static final String FORM_ID = "kc-form-login";
    /** The user name field's id and name. */
    public static final String USERNAME = "username";
    /** The password field's id and name. */
    public static final String PASSWORD = "password";
    /** The submit button's id. */
    public static final String SUBMIT_ID = "kc-login";

    private KeycloakLoginForm() {
    }
}
