package fr.ent.platform.problem;

/** The operation failed part way on our side (a schema drop, a realm deletion); repeating it finishes it. */
public final class OperationFailed extends DomainException {

    public OperationFailed(String code, Object... arguments) {
        super(code, arguments);
    }
}
