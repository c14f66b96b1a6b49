package fr.ent.platform.problem;

import fr.ent.platform.tenancy.InvalidTenantInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one error mapper of both applications: every exception leaving a REST resource becomes an RFC 9457
 * {@code application/problem+json} document. Domain exceptions get their status from {@link ProblemStatuses}.
 * Unexpected exceptions are logged with their stack and answered with a 500 that reveals nothing internal. Each
 * application registers it in its JAX-RS Application class.
 */
public class ProblemExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMapper.class.getName());

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Throwable exception) {
        Locale locale = preferredLocale();
        Optional<ProblemStatuses.Answer> known = ProblemStatuses.answer(exception, locale);
        if (known.isEmpty() && DatabaseOutage.isCause(exception)) {
            // not a bug: one line, not a stack per request while the database restarts
            LOG.warning(() -> logContext() + "database unavailable: " + exception);
            known = ProblemStatuses.answer(DatabaseOutage.problem(), locale);
        }
        if (known.isPresent()) {
            Problem problem = known.get().problem();
            Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                    .entity(problem.toJson());
            known.get().headers().forEach(response::header);
            return response.build();
        }
        Problem problem = switch (exception) {
            case WebApplicationException w -> fromHttpStatus(w, locale);
            case Throwable t when isUnreadableBody(t) ->
                    ProblemStatuses.problem(new InvalidInput("malformed-request"), locale);
            default -> {
                LOG.log(Level.SEVERE, logContext() + "Unexpected error while serving a request", exception);
                yield Problem.of(500, "internal-error", locale);
            }
        };
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.toJson()).build();
    }

    /** Prefix of the error log line naming whose request failed (the runtime names the collectivity). */
    protected String logContext() {
        return "";
    }

    /** A body the JSON binding could not read: the client's fault, not a server error. */
    private static boolean isUnreadableBody(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof jakarta.json.bind.JsonbException || t instanceof jakarta.json.JsonException) {
                return true;
            }
        }
        return false;
    }

    public static Problem invalidInput(InvalidTenantInputException e, Locale locale) {
        return ProblemStatuses.problem(ProblemStatuses.of(e), locale);
    }

    private static Problem fromHttpStatus(WebApplicationException w, Locale locale) {
        int status = w.getResponse().getStatus();
        if (status >= 500) {
            LOG.log(Level.SEVERE, "Server error while serving a request", w);
        }
        return Problem.ofStatus(status, locale);
    }

    private Locale preferredLocale() {
        if (headers == null) {
            return Locale.FRENCH;
        }
        List<Locale> languages = headers.getAcceptableLanguages();
        return languages.isEmpty() ? Locale.FRENCH : Problem.localeOf(languages.get(0));
    }
}
