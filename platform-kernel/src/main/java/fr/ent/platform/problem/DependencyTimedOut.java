package fr.ent.platform.problem;

/** A system we depend on did not answer in time; nothing says the work was not done there. */
public final class DependencyTimedOut extends DomainException {

    public DependencyTimedOut(String code, Object... arguments) {
        super(code, arguments);
    }
}
