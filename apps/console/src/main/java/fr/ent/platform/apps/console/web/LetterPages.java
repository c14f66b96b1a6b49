package fr.ent.platform.apps.console.web;

import fr.ent.platform.apps.console.letters.ConsoleActivation;
import fr.ent.platform.apps.console.schools.ConsoleSchools;
import fr.ent.platform.apps.directory.view.StructureView;
import fr.ent.platform.problem.Problem;
import fr.ent.platform.problem.ProblemStatuses;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Optional;

/**
 * Accounts and activation letters of a school's classes (ADR 0023): choose a class, see who has activated, print
 * the letters of its pupils or of their parents (a PDF, one page per person).
 */
@Dependent
public class LetterPages {

    @Inject
    ConsoleSchools schools;

    @Inject
    ConsoleActivation activation;

    void school(ConsolePages pages, ConsolePages.Visit v, String schoolId, String classId, String error, int status)
            throws IOException {
        StructureView school = schools.get(v.scope(), schoolId);
        ConsoleActivation.ClassAccounts chosen = classId == null || classId.isBlank() ? null
                : activation.accounts(v.scope(), v.tenant(), v.session(), schoolId, classId, v.t().locale());
        v.response().setStatus(status);
        pages.page(v, v.t().get("letters.title", school.name()), "activation.jte", "school", school,
                "classes", schools.classes(v.scope(), schoolId), "chosen", chosen,
                "error", error);
    }

    void print(ConsolePages pages, ConsolePages.Visit v, String schoolId) throws IOException {
        String classId = v.request().getParameter("class");
        ConsoleActivation.Audience audience = ConsoleActivation.Audience.parse(v.request().getParameter("audience"));
        ConsoleActivation.Letters letters;
        try {
            letters = activation.letters(v.scope(), v.tenant(), v.session(), schoolId, classId, audience,
                    v.t().locale());
        } catch (RuntimeException e) {
            Optional<Problem> problem = ProblemStatuses.answer(e, v.t().locale()).map(ProblemStatuses.Answer::problem)
                    .filter(p -> p.status() == 409);
            if (problem.isEmpty()) {
                throw e;
            }
            school(pages, v, schoolId, classId, problem.get().detail(), 409);
            return;
        }
        v.response().setContentType("application/pdf");
        v.response().setHeader("Cache-Control", "no-store"); // one-time codes
        v.response().setHeader("Content-Disposition", "attachment; filename=\"" + letters.fileName() + "\"");
        v.response().setContentLength(letters.pdf().length);
        v.response().getOutputStream().write(letters.pdf());
    }
}
