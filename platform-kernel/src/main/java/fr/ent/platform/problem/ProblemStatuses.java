package fr.ent.platform.problem;

import fr.ent.platform.tenancy.InvalidTenantInputException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one table from what went wrong to how HTTP says it: each kind of {@link DomainException} has its status
 * here and nowhere else (the switch is exhaustive over the sealed family, so a new kind does not compile until it
 * is given one). The JAX-RS mapper and the runtime's answers outside JAX-RS (tenant resolution) both read it.
 * {@link ProblemException} is the HTTP edge's own explicit status (a 401 with its challenge, a 413): it passes
 * through as it is.
 */
public final class ProblemStatuses {

    private ProblemStatuses() {
    }

    /** A problem document and the response headers it needs. */
    public record Answer(Problem problem, Map<String, String> headers) {
        public Answer {
            headers = Map.copyOf(headers);
        }
    }

    public static int status(DomainException e) {
        return switch (e) {
            case InvalidInput i -> 400;
            case NotAllowed n -> 403;
            case NotFound n -> 404;
            case Conflict c -> 409;
            case TooLarge t -> 413;
            case UnacceptableContent u -> 422;
            case OperationFailed f -> 500;
            case DependencyFailed f -> 502;
            case Unavailable u -> 503;
            case DependencyTimedOut t -> 504;
        };
    }

    /** Headers a kind implies: when to retry, for an unavailable service that knows. */
    public static Map<String, String> headers(DomainException e) {
        if (e instanceof Unavailable u && u.retryAfter().isPresent()) {
            return Map.of("Retry-After", Long.toString(u.retryAfter().get().toSeconds()));
        }
        return Map.of();
    }

    /**
     * The answer to a domain exception, an explicit edge problem or an invalid collectivity input; empty for any
     * other exception (the mapper's business: a JAX-RS error, an unreadable body, a bug).
     */
    public static Optional<Answer> answer(Throwable exception, Locale locale) {
        return switch (exception) {
            case DomainException d -> Optional.of(new Answer(problem(d, locale), headers(d)));
            case ProblemException p -> Optional.of(new Answer(p.toProblem(locale), p.headers()));
            case InvalidTenantInputException i -> answer(of(i), locale);
            default -> Optional.empty();
        };
    }

    public static Problem problem(DomainException e, Locale locale) {
        int status = status(e);
        Problem problem;
        if (e instanceof InvalidInput i && i.field().isPresent()) {
            InvalidInput.Field field = i.field().get();
            String message = Problem.message(field.messageKey(), locale, field.arguments());
            problem = Problem.of(status, e.code(), locale, message)
                    .with("errors", List.of(Problem.fieldError(field.name(), message)));
        } else {
            problem = Problem.of(status, e.code(), locale, e.arguments());
        }
        for (Map.Entry<String, Object> extension : e.extensions().entrySet()) {
            problem = problem.with(extension.getKey(), extension.getValue());
        }
        return problem;
    }

    /** Value objects (slug, domain name...) refuse their input with this exception: one field at fault. */
    public static InvalidInput of(InvalidTenantInputException e) {
        return InvalidInput.field(e.field(), e.messageKey(), e.arguments());
    }
}
