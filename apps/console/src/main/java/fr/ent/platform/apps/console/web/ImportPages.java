package fr.ent.platform.apps.console.web;

import fr.ent.platform.apps.console.imports.ConsoleImports;
import fr.ent.platform.apps.console.schools.ConsoleSchools;
import fr.ent.platform.apps.directory.be1d.Be1dFile;
import fr.ent.platform.apps.directory.view.StructureView;
import fr.ent.platform.problem.Problem;
import fr.ent.platform.problem.ProblemStatuses;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The console's import pages (ADR 0023): the schools to import into, a school's upload form and import history, an
 * import's report with its Confirm button. A dry run is kept server-side; Confirm applies it (POST, redirect, GET);
 * while it runs the page refreshes itself ({@code Refresh} header: no script). A file that cannot be imported
 * shows the form again with the reason, and nothing is kept.
 */
@Dependent
public class ImportPages {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Set<String> NOTICES = Set.of("dry-run", "applied");

    @Inject
    ConsoleImports imports;

    @Inject
    ConsoleSchools schools;

    void list(ConsolePages pages, ConsolePages.Visit v) throws IOException {
        pages.page(v, v.t().get("imports.title"), "imports.jte", "schools", schools.list(v.scope(), null));
    }

    void school(ConsolePages pages, ConsolePages.Visit v, String schoolId, String error, int status)
            throws IOException {
        StructureView school = schools.get(v.scope(), schoolId);
        v.response().setStatus(status);
        pages.page(v, v.t().get("imports.school.title", school.name()), "import-school.jte", "school", school,
                "history", imports.history(v.scope(), schoolId), "error", error, "maxMb", UploadedExport.MAX_FILE_MB);
    }

    void dryRun(ConsolePages pages, ConsolePages.Visit v, String schoolId) throws IOException {
        schools.get(v.scope(), schoolId); // out of reach: 403 before the files are read
        try {
            Map<Be1dFile, byte[]> files = UploadedExport.read(v.request());
            ConsoleImports.Import done = imports.dryRun(v.scope(), schoolId, files);
            v.response().sendRedirect("/console/imports/" + done.entry().id() + "?done=dry-run");
        } catch (RuntimeException e) {
            Optional<Problem> problem = ProblemStatuses.answer(e, v.t().locale()).map(ProblemStatuses.Answer::problem)
                    .filter(p -> p.status() == 400 || p.status() == 409 || p.status() == 413);
            if (problem.isEmpty()) {
                throw e;
            }
            school(pages, v, schoolId, problem.get().title() + " : " + problem.get().detail(),
                    problem.get().status());
        }
    }

    void show(ConsolePages pages, ConsolePages.Visit v, String importId) throws IOException {
        ConsoleImports.Import imp = imports.get(v.scope(), importId);
        if (imp.entry().state().name().equals("RUNNING")) {
            v.response().setHeader("Refresh", "3"); // progress without script: the page asks again until it is done
        }
        String done = v.request().getParameter("done");
        pages.page(v, v.t().get("imports.title.one", imp.school().name()), "import.jte", "imp", imp,
                "done", done != null && NOTICES.contains(done) ? done : null);
    }

    void confirm(ConsolePages pages, ConsolePages.Visit v, String importId) throws IOException {
        ConsoleImports.Import done = imports.confirm(v.scope(), importId);
        v.response().sendRedirect("/console/imports/" + done.entry().id() + "?done=applied");
    }

    /** A date and time as the school reads it (Paris time, the reader's language). */
    public static String when(OffsetDateTime at, Locale locale) {
        return at == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(PARIS).format(at);
    }
}
