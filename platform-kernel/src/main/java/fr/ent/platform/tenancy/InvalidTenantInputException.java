package fr.ent.platform.tenancy;

/**
 * Input that cannot describe a collectivity. Carries a message key (resolved in French or English by the
 * problem mapper) and the field at fault, so the API can say exactly what to fix.
 */
public class InvalidTenantInputException extends IllegalArgumentException {

    private final String field;
    private final String messageKey;
    private final transient Object[] arguments;

    public InvalidTenantInputException(String field, String messageKey, Object... arguments) {
        super(field + ": " + messageKey + (arguments.length > 0 ? " " + arguments[0] : ""));
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
