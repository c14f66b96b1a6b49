package fr.ent.platform.problem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Thrown by services when a request cannot be honoured for a reason the client should read (not found,
 * conflict, wrong state...). The problem mapper turns it into an RFC 9457 document.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final transient Object[] arguments;
    private final transient Map<String, Object> extensions = new LinkedHashMap<>();
    private final transient Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(int status, String code, Object... arguments) {
        super(code + " (" + status + ")");
        this.status = status;
        this.code = code;
        this.arguments = arguments.clone();
    }

    public static ProblemException notFound(String code, Object... arguments) {
        return new ProblemException(404, code, arguments);
    }

    public static ProblemException conflict(String code, Object... arguments) {
        return new ProblemException(409, code, arguments);
    }

    public static ProblemException badRequest(String code, Object... arguments) {
        return new ProblemException(400, code, arguments);
    }

    public ProblemException with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    /** A response header the problem needs (WWW-Authenticate on a 401, Retry-After on a 503...). */
    public ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }

    public static ProblemException unauthorized(String code) {
        return new ProblemException(401, code).withHeader("WWW-Authenticate", "Bearer");
    }

    public static ProblemException forbidden(String code, Object... arguments) {
        return new ProblemException(403, code, arguments);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Problem toProblem(java.util.Locale locale) {
        Problem problem = Problem.of(status, code, locale, arguments);
        for (Map.Entry<String, Object> e : extensions.entrySet()) {
            problem = problem.with(e.getKey(), e.getValue());
        }
        return problem;
    }
}
