package fr.ent.platform.apps.flash;

/**
 * One reason a flash message is refused: the field, and the key of its explanation in the app's bundle
 * ({@code error.<key>}, one argument at most). {@link #forbidden} marks a target the editor may not reach (a school
 * it does not administer): a 403 rather than a 400.
 */
public record Violation(String field, String key, String argument, boolean forbidden) {

    static Violation invalid(String field, String key, String argument) {
        return new Violation(field, key, argument, false);
    }

    static Violation notYours(String field, String argument) {
        return new Violation(field, "not-yours", argument, true);
    }
}
