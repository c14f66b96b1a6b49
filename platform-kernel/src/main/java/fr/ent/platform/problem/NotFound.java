package fr.ent.platform.problem;

/** No such thing here: an unknown collectivity, structure, user... (or one the caller may not know of). */
public final class NotFound extends DomainException {

    public NotFound(String code, Object... arguments) {
        super(code, arguments);
    }
}
