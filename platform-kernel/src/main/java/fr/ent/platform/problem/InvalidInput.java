package fr.ent.platform.problem;

import java.util.Optional;

/**
 * The caller's data is wrong: a malformed body, a value out of its rules, a month in the future... When one field
 * is at fault, {@link #field} names it with a bundle message saying what to fix, so that the problem document
 * lists it under {@code errors} in the reader's language.
 */
public final class InvalidInput extends DomainException {

    /** The field at fault and the bundle key (with its arguments) of the message saying why. */
    public record Field(String name, String messageKey, Object... arguments) {
    }

    private final transient Field field;

    public InvalidInput(String code, Object... arguments) {
        super(code, arguments);
        this.field = null;
    }

    private InvalidInput(Field field) {
        super("invalid-input", field.messageKey());
        this.field = field;
    }

    /** The generic {@code invalid-input} problem about one field; its detail is the field's message. */
    public static InvalidInput field(String name, String messageKey, Object... arguments) {
        return new InvalidInput(new Field(name, messageKey, arguments.clone()));
    }

    public Optional<Field> field() {
        return Optional.ofNullable(field);
    }
}
