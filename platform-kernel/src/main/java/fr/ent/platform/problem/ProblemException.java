package fr.ent.platform.problem;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A problem with an explicit HTTP status, for the HTTP edge only (filters, resources, servlets) when the status
 * is a matter of the protocol rather than of the domain: a 401 with its {@code WWW-Authenticate} challenge, a 413
 * for a request part too large, a 410 for an archived collectivity. Services throw a {@link DomainException}
 * instead; {@code ServicesSpeakTheDomainTest} (runtime-war) refuses this class anywhere else.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final transient Object[] arguments;
    private final transient Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(int status, String code, Object... arguments) {
        super(code + " (" + status + ")");
        this.status = status;
        this.code = code;
        this.arguments = arguments.clone();
    }

    /** No credentials, or credentials that cannot be read: 401 with the Bearer challenge (RFC 6750). */
    public static ProblemException unauthorized(String code) {
        return new ProblemException(401, code).withHeader("WWW-Authenticate", "Bearer");
    }

    /** A response header the problem needs (the challenge of a 401...). */
    public ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Problem toProblem(Locale locale) {
        return Problem.of(status, code, locale, arguments);
    }
}
