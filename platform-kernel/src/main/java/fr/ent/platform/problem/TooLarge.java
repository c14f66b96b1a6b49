package fr.ent.platform.problem;

/**
 * What was sent is larger than allowed (a file past the store's size limit). Separate from {@link InvalidInput}
 * because the client can tell from it alone that sending less is the fix (ADR 0020).
 */
public final class TooLarge extends DomainException {

    public TooLarge(String code, Object... arguments) {
        super(code, arguments);
    }
}
