package fr.ent.platform.problem;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What went wrong, said in business terms: services throw one of these kinds and never name an HTTP status. The
 * code names the problem type (its texts in the problem bundles, its {@code urn:ent:problem:} URI); the arguments
 * fill the bundle's detail message; extensions are extra members of the problem document. How each kind is
 * answered over HTTP is decided in one place, {@link ProblemStatuses}.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFound, Conflict, InvalidInput, NotAllowed, Unavailable, DependencyFailed, DependencyTimedOut,
        OperationFailed, TooLarge, UnacceptableContent {

    private final String code;
    private final transient Object[] arguments;
    private final transient Map<String, Object> extensions = new LinkedHashMap<>();

    protected DomainException(String code, Object... arguments) {
        super(code + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
        this.code = code;
        this.arguments = arguments.clone();
    }

    /** An extra member of the problem document (the domain in conflict, the unknown recipients...). */
    public DomainException with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    public String code() {
        return code;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    public Map<String, Object> extensions() {
        return Map.copyOf(extensions);
    }
}
