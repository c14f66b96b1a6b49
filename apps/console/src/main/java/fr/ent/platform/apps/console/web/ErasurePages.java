package fr.ent.platform.apps.console.web;

import fr.ent.platform.apps.console.erasure.Erasure;
import fr.ent.platform.apps.console.erasure.Erasures;
import fr.ent.platform.apps.console.people.ConsolePeople;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * An administrator erases a person (issue 18, ADR 0032): a confirmation page (what goes, what stays as a former
 * user's, a box to tick), the request (a form with the session's anti-forgery token), then the job's page (its
 * state and progress; without JavaScript the administrator refreshes it).
 */
@ApplicationScoped
public class ErasurePages {

    @Inject
    ConsolePeople people;

    @Inject
    Erasures erasures;

    void answer(ConsolePages pages, ConsolePages.Visit v, ConsoleRoute route, String id) throws IOException {
        switch (route) {
            case USER_ERASE_CONFIRM -> confirm(pages, v, id, null, 200);
            case USER_ERASE -> erase(pages, v, id);
            case ERASURE -> show(pages, v, id);
            default -> v.response().sendError(404);
        }
    }

    private void confirm(ConsolePages pages, ConsolePages.Visit v, String userId, String error, int status)
            throws IOException {
        ConsolePeople.Person person = people.get(v.scope(), userId);
        v.response().setStatus(status);
        pages.page(v, v.t().get("erase.title", person.detail().firstName() + " " + person.detail().lastName()),
                "erase.jte", "person", person, "error", error);
    }

    private void erase(ConsolePages pages, ConsolePages.Visit v, String userId) throws IOException {
        ConsolePeople.Person person = people.get(v.scope(), userId);
        try {
            if (!"yes".equals(v.request().getParameter("confirm"))) {
                throw new InvalidInput("person-erasure-unconfirmed");
            }
            Erasure e = erasures.request(v.scope(), v.tenant(), v.session().accessToken(), person,
                    v.request().getRemoteAddr(), v.t().locale());
            v.response().sendRedirect("/console/erasures/" + e.id());
        } catch (RuntimeException e) {
            Optional<Problem> problem = ConsolePages.formProblem(e, v);
            if (problem.isEmpty()) {
                throw e;
            }
            confirm(pages, v, userId, problem.get().detail(), problem.get().status());
        }
    }

    private void show(ConsolePages pages, ConsolePages.Visit v, String id) throws IOException {
        UUID erasureId;
        try {
            erasureId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound("person-erasure-not-found", id);
        }
        Erasure e = erasures.get(v.scope(), erasureId);
        v.response().setHeader("Cache-Control", "no-store");
        pages.page(v, v.t().get("erasure.title", e.label()), "erasure.jte", "erasure", e);
    }
}
