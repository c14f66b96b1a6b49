package fr.ent.platform.problem;

/**
 * The content was read and understood, and is refused for what it is (a file the antivirus found infected): well
 * formed, so not {@link InvalidInput}, and sending it again will not help (ADR 0020).
 */
public final class UnacceptableContent extends DomainException {

    public UnacceptableContent(String code, Object... arguments) {
        super(code, arguments);
    }
}
