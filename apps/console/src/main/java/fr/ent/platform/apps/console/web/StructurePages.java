package fr.ent.platform.apps.console.web;

import fr.ent.platform.apps.console.audit.AuditTarget;
import fr.ent.platform.apps.console.audit.ConsoleAudit;
import fr.ent.platform.apps.console.audit.Outcome;
import fr.ent.platform.apps.console.structures.ConsoleCommunication;
import fr.ent.platform.apps.directory.view.StructureView;
import fr.ent.platform.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * A school's communication rules in the console (issue 17 item 5, ADR 0029), answered for
 * {@link ConsolePages} once it has checked the route, the session, the console user and the anti-forgery token.
 * The services check the scope against the school (SUPER_ADMIN every school, ADMIN_LOCAL its own); every change is
 * recorded in the console's audit trail here, with what changed, once its outcome is known (a refusal the dispatcher
 * sees, a 403 or 404, is recorded there).
 */
@ApplicationScoped
public class StructurePages {

    @Inject
    ConsoleCommunication communication;

    @Inject
    ConsoleAudit audit;

    void answer(ConsolePages pages, ConsolePages.Visit v, ConsoleRoute route, String id) throws IOException {
        switch (route) {
            case COMMUNICATION -> rules(pages, v, communication.of(v.scope(), id), null, 200);
            case COMMUNICATION_SWITCH -> pupilsTalk(pages, v, id);
            case COMMUNICATION_LINK -> link(pages, v, id);
            case COMMUNICATION_DEFAULTS -> defaults(v, id);
            default -> v.response().sendError(404);
        }
    }

    private void rules(ConsolePages pages, ConsolePages.Visit v, ConsoleCommunication.Rules rules, String error,
            int status) throws IOException {
        v.response().setStatus(status);
        pages.page(v, v.t().get("rules.title", rules.school().name()), "communication.jte", "rules", rules,
                "error", error, "done", ConsolePages.notice(v));
    }

    /** The pupil-to-pupil switch of every class ({@code pupilsTalk} true or false). */
    private void pupilsTalk(ConsolePages pages, ConsolePages.Visit v, String schoolId) throws IOException {
        String typed = v.request().getParameter("pupilsTalk");
        Boolean allowed = "true".equals(typed) ? Boolean.TRUE : "false".equals(typed) ? Boolean.FALSE : null;
        try {
            var rules = communication.pupilsTalk(v.scope(), schoolId, allowed);
            audit.record(v.scope(), ConsoleRoute.COMMUNICATION_SWITCH.name(), school(rules.school()), Outcome.DONE,
                    "pupils talk " + (allowed ? "on" : "off"));
            v.response().sendRedirect(path(schoolId, "communication") + "?done=rules-saved");
        } catch (RuntimeException e) {
            refusedOrThrow(pages, v, schoolId, ConsoleRoute.COMMUNICATION_SWITCH, e, "pupilsTalk=" + typed);
        }
    }

    /** A rule added ({@code from}, {@code to}: two groups of the school), or removed ({@code action=remove}). */
    private void link(ConsolePages pages, ConsolePages.Visit v, String schoolId) throws IOException {
        boolean remove = "remove".equals(v.request().getParameter("action"));
        String from = v.request().getParameter("from");
        String to = v.request().getParameter("to");
        try {
            var rules = remove ? communication.remove(v.scope(), schoolId, from, to)
                    : communication.add(v.scope(), schoolId, from, to);
            audit.record(v.scope(), ConsoleRoute.COMMUNICATION_LINK.name(), school(rules.school()), Outcome.DONE,
                    (remove ? "remove " : "add ") + rules.describe(from, to));
            v.response().sendRedirect(path(schoolId, "communication") + "?done="
                    + (remove ? "rule-removed" : "rule-added"));
        } catch (RuntimeException e) {
            refusedOrThrow(pages, v, schoolId, ConsoleRoute.COMMUNICATION_LINK, e,
                    (remove ? "remove " : "add ") + from + " → " + to);
        }
    }

    /** The profile groups brought up to date and every missing default rule added back. */
    private void defaults(ConsolePages.Visit v, String schoolId) throws IOException {
        var rules = communication.defaults(v.scope(), schoolId);
        audit.record(v.scope(), ConsoleRoute.COMMUNICATION_DEFAULTS.name(), school(rules.school()), Outcome.DONE,
                rules.rules().size() + " rules");
        v.response().sendRedirect(path(schoolId, "communication") + "?done=defaults-applied");
    }

    /** A bad form (400, 409) shows the page again with the reason, recorded refused; anything else goes up. */
    private void refusedOrThrow(ConsolePages pages, ConsolePages.Visit v, String schoolId, ConsoleRoute route,
            RuntimeException e, String asked) throws IOException {
        Optional<Problem> problem = ConsolePages.formProblem(e, v);
        if (problem.isEmpty()) {
            throw e;
        }
        var rules = communication.of(v.scope(), schoolId);
        audit.record(v.scope(), route.name(), school(rules.school()), Outcome.REFUSED,
                asked + ": " + problem.get().detail());
        rules(pages, v, rules, problem.get().detail(), problem.get().status());
    }

    private static String path(String schoolId, String page) {
        return "/console/schools/" + schoolId + "/" + page;
    }

    private static AuditTarget school(StructureView s) {
        return AuditTarget.inSchools("school", s.id().toString(), s.name(), Set.of(s.uai()));
    }
}
