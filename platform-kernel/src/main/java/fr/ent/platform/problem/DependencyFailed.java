package fr.ent.platform.problem;

/** A system we depend on (Keycloak, an AI provider) answered with an error or something unusable. */
public final class DependencyFailed extends DomainException {

    public DependencyFailed(String code, Object... arguments) {
        super(code, arguments);
    }
}
