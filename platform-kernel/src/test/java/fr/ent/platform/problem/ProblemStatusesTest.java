package fr.ent.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.tenancy.InvalidTenantInputException;
import fr.ent.platform.tenancy.Slug;
import java.lang.reflect.Constructor;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The table of statuses is the API contract for every problem a service raises: each kind of the sealed family
 * has the status documented in docs/architecture.md and ADR 0016, and the problem document keeps the form clients
 * already read (type from the code, detail from the bundle, extensions, Retry-After).
 */
class ProblemStatusesTest {

    /** As documented: a new kind fails here until its status is written down (and in the docs). */
    private static final Map<Class<?>, Integer> DOCUMENTED = Map.of(
            InvalidInput.class, 400,
            NotAllowed.class, 403,
            NotFound.class, 404,
            Conflict.class, 409,
            TooLarge.class, 413,
            UnacceptableContent.class, 422,
            OperationFailed.class, 500,
            DependencyFailed.class, 502,
            Unavailable.class, 503,
            DependencyTimedOut.class, 504);

    @Test
    void everyKindMapsToItsDocumentedStatus() throws ReflectiveOperationException {
        List<Class<?>> kinds = Arrays.asList(DomainException.class.getPermittedSubclasses());
        assertThat(kinds).as("kinds of DomainException").containsExactlyInAnyOrderElementsOf(DOCUMENTED.keySet());
        for (Class<?> kind : kinds) {
            Constructor<?> constructor = kind.getConstructor(String.class, Object[].class);
            DomainException e = (DomainException) constructor.newInstance("no-such-resource", new Object[0]);
            assertThat(ProblemStatuses.status(e)).as(kind.getSimpleName()).isEqualTo(DOCUMENTED.get(kind));
            assertThat(ProblemStatuses.problem(e, Locale.FRENCH).status()).as(kind.getSimpleName())
                    .isEqualTo(DOCUMENTED.get(kind));
        }
    }

    @Test
    void noTwoKindsShareAStatus() {
        assertThat(DOCUMENTED.values().stream().collect(Collectors.toSet())).hasSameSizeAs(DOCUMENTED.values());
    }

    @Test
    void theProblemDocumentComesFromTheCodeItsArgumentsAndExtensions() {
        DomainException e = new Conflict("domain-taken", "lyon.ent.fr").with("domain", "lyon.ent.fr");

        Problem problem = ProblemStatuses.problem(e, Locale.ENGLISH);

        assertThat(problem.type()).isEqualTo("urn:ent:problem:domain-taken");
        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.detail()).contains("lyon.ent.fr");
        assertThat(problem.title()).isEqualTo(Problem.of(409, "domain-taken", Locale.ENGLISH).title());
        assertThat(problem.extensions()).containsEntry("domain", "lyon.ent.fr");
        assertThat(ProblemStatuses.headers(e)).isEmpty();
    }

    @Test
    void anUnavailableServiceSaysWhenToRetryOnlyWhenItKnows() {
        assertThat(ProblemStatuses.headers(new Unavailable("identity-unavailable").retryAfter(Duration.ofSeconds(30))))
                .containsExactly(Map.entry("Retry-After", "30"));
        assertThat(ProblemStatuses.headers(new Unavailable("identity-not-configured"))).isEmpty();
    }

    @Test
    void anInvalidFieldIsListedInTheReadersLanguage() {
        InvalidTenantInputException refused = catchRefusal(() -> Slug.of("Pas Un Slug"));

        Problem french = ProblemStatuses.answer(refused, Locale.FRENCH).orElseThrow().problem();
        Problem english = ProblemStatuses.answer(refused, Locale.ENGLISH).orElseThrow().problem();

        assertThat(french.status()).isEqualTo(400);
        assertThat(french.type()).isEqualTo("urn:ent:problem:invalid-input");
        assertThat(french.extensions().get("errors")).isEqualTo(
                List.of(Problem.fieldError(refused.field(), Problem.message(refused.messageKey(), Locale.FRENCH,
                        refused.arguments()))));
        assertThat(english.detail()).isNotEqualTo(french.detail()).doesNotContain(refused.messageKey());
    }

    @Test
    void theEdgesExplicitStatusPassesThroughWithItsHeaders() {
        ProblemStatuses.Answer answer = ProblemStatuses.answer(ProblemException.unauthorized("unauthenticated"),
                Locale.FRENCH).orElseThrow();

        assertThat(answer.problem().status()).isEqualTo(401);
        assertThat(answer.headers()).containsEntry("WWW-Authenticate", "Bearer");
    }

    @Test
    void anyOtherExceptionIsNotTheTablesBusiness() {
        assertThat(ProblemStatuses.answer(new IllegalStateException("bug"), Locale.FRENCH)).isEmpty();
    }

    private static InvalidTenantInputException catchRefusal(Runnable input) {
        try {
            input.run();
        } catch (InvalidTenantInputException e) {
            return e;
        }
        throw new AssertionError("the input was accepted");
    }
}
