package fr.ent.platform.problem;

/** The thing already exists (a taken domain, UAI, class name) or is in a state that forbids the change. */
public final class Conflict extends DomainException {

    public Conflict(String code, Object... arguments) {
        super(code, arguments);
    }
}
