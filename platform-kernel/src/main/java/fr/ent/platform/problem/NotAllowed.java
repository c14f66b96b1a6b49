package fr.ent.platform.problem;

/** The caller is known but may not do this (a role it lacks, another collectivity's data, a refused CSRF token). */
public final class NotAllowed extends DomainException {

    public NotAllowed(String code, Object... arguments) {
        super(code, arguments);
    }
}
