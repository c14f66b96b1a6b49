package fr.ent.platform.settings;

/**
 * A setting whose value cannot be used. Thrown while the settings are read at start, so the server refuses to start
 * and its log names the property, its environment variable, the value and what was expected.
 */
public final class InvalidSettingException extends IllegalStateException {

    private final String property;

    public InvalidSettingException(String property, String value, String expected) {
        super("invalid setting " + named(property) + ": \"" + value + "\" is not " + expected);
        this.property = property;
    }

    /** A setting that must be set and is not. */
    public InvalidSettingException(String property) {
        super("missing setting " + named(property));
        this.property = property;
    }

    /** The property and its environment variable, or only the variable when the reader reads the environment. */
    private static String named(String property) {
        String variable = SettingReader.environmentName(property);
        return variable.equals(property) ? variable : property + " (" + variable + ")";
    }

    public String property() {
        return property;
    }
}
