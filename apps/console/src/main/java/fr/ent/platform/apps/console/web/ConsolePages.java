package fr.ent.platform.apps.console.web;

import fr.ent.platform.apps.console.audit.AuditTarget;
import fr.ent.platform.apps.console.audit.ConsoleAudit;
import fr.ent.platform.apps.console.audit.Outcome;
import fr.ent.platform.apps.console.people.ConsoleAccounts;
import fr.ent.platform.apps.console.people.ConsolePeople;
import fr.ent.platform.apps.console.schools.ConsoleSchools;
import fr.ent.platform.apps.console.scope.ConsoleScope;
import fr.ent.platform.apps.console.tenantmanager.ComplianceSummary;
import fr.ent.platform.apps.console.tenantmanager.TenantManagerChannel;
import fr.ent.platform.apps.directory.Profile;
import fr.ent.platform.apps.directory.StructureType;
import fr.ent.platform.apps.directory.view.NewClass;
import fr.ent.platform.apps.directory.view.NewStructure;
import fr.ent.platform.apps.directory.view.StructureView;
import fr.ent.platform.problem.Problem;
import fr.ent.platform.problem.ProblemStatuses;
import fr.ent.platform.runtime.portal.Launcher;
import fr.ent.platform.runtime.security.login.PortalSession;
import fr.ent.platform.runtime.security.login.PortalSessions;
import fr.ent.platform.runtime.tenant.Tenant;
import fr.ent.platform.runtime.tenant.TenantContext;
import fr.ent.platform.runtime.web.Pages;
import gg.jte.TemplateEngine;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The tenant console's pages (docs/console.md): plain forms, no script, in the portal's layout, on the
 * collectivity's own domain with the portal's session. Every request goes the same way: a route of
 * {@link ConsoleRoute} (else 404), a signed-in session of this collectivity (else the sign-in), a console user
 * (SUPER_ADMIN or ADMIN_LOCAL, else 403), and for a change the session's anti-forgery token (field {@code csrf},
 * else 403); then the services check the {@link ConsoleScope} against the school or person concerned. A change
 * answers with a redirect (POST, redirect, GET), or with the form again and the reason, in the reader's language.
 */
@WebServlet(urlPatterns = {"/console", "/console/*"}, name = "console-pages")
// forms with a file: BE1D uploads (ADR 0023), SAML metadata (ADR 0025), the portal's logo (ADR 0024); each file is
// checked against its own limit by its service (UploadedExport, SamlMetadata, LogoCheck), the request as a whole here;
// a form field of a multipart form is read from its part (see field)
@MultipartConfig(fileSizeThreshold = 1024 * 1024, maxRequestSize = 40L * 1024 * 1024)
public class ConsolePages extends HttpServlet {

    static final TemplateEngine TEMPLATES = Pages.engine(ConsolePages.class, "fr.ent.platform.apps.console.jte");
    private static final java.util.Set<String> NOTICES = java.util.Set.of("created", "saved", "class-created",
            "class-renamed", "function-given", "function-removed", "blocked", "unblocked", "child-linked", "child-unlinked",
            "merged", "group-created", "member-added", "member-removed", "identity-saved", "rules-saved", "rule-added",
            "rule-removed", "defaults-applied");
    private static final Logger LOG = Logger.getLogger(ConsolePages.class.getName());

    @Inject
    TenantContext context;

    @Inject
    PortalSessions sessions;

    @Inject
    Launcher launcher;

    @Inject
    ConsoleSchools schools;

    @Inject
    ConsolePeople people;

    @Inject
    TenantManagerChannel tenantManager;

    @Inject
    ConsoleAccounts accounts;

    @Inject
    ImportPages imports;

    @Inject
    LetterPages letters;

    @Inject
    PeopleAndIdentityPages groupsMergeIdentity;

    /** The console's audit trail: every change recorded with its outcome (ADR 0024). */
    @Inject
    ConsoleAudit audit;

    /** A school's communication rules (ADR 0029). */
    @Inject
    StructurePages structures;

    /** A person's erasure (ADR 0032). */
    @Inject
    ErasurePages erasures;

    /** Apps and look, service, audit trail. */
    @Inject
    ConsoleLookPages look;

    /** One request being answered: who, where, in which language. */
    record Visit(HttpServletRequest request, HttpServletResponse response, Tenant tenant, PortalSession session,
            ConsoleScope scope, Texts t) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        answer(request, response);
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        Optional<ConsoleRoute.Match> match = ConsoleRoute.of(request.getMethod(), path);
        if (match.isEmpty()) {
            response.sendError(404);
            return;
        }
        Tenant tenant = context.current();
        Optional<PortalSession> session = sessions.current(request, tenant);
        if (session.isEmpty()) {
            response.sendRedirect("/auth/login?return=" + URLEncoder.encode(
                    match.get().route().changes() ? "/console" : path, StandardCharsets.UTF_8));
            return;
        }
        Optional<ConsoleScope> scope = ConsoleScope.of(session.get().token());
        if (scope.isEmpty()) {
            response.sendError(403);
            return;
        }
        String csrf;
        try {
            csrf = match.get().route().changes() ? field(request, "csrf") : null;
        } catch (IllegalStateException tooLarge) {
            response.sendError(413); // above the multipart limit: nothing read, nothing changed
            return;
        }
        if (match.get().route().changes() && !session.get().acceptsToken(csrf)) {
            response.sendError(403);
            return;
        }
        Visit visit = new Visit(request, response, tenant, session.get(), scope.get(),
                new Texts(Pages.locale(request)));
        String id = match.get().id();
        try {
            switch (match.get().route()) {
                case HOME -> home(visit);
                case SCHOOLS_NEW -> schoolForm(visit, null, new NewStructure("", "", "ECOLE", null), null, 200);
                case SCHOOLS_CREATE -> createSchool(visit);
                case SCHOOL -> school(visit, id, null, null, null, 200);
                case SCHOOL_UPDATE -> updateSchool(visit, id);
                case CLASS_CREATE -> createClass(visit, id);
                case CLASS_RENAME -> renameClass(visit, id);
                case USERS -> users(visit);
                case USER -> user(visit, id);
                case USER_FUNCTIONS -> changeFunction(visit, id);
                case USER_ENABLED -> setEnabled(visit, id);
                case USER_CHILDREN -> link(visit, id);
                case COMPLIANCE -> compliance(visit);
                // imports and activation letters (ADR 0023)
                case IMPORTS -> imports.list(this, visit);
                case IMPORT_SCHOOL -> imports.school(this, visit, id, null, 200);
                case IMPORT_DRY_RUN -> imports.dryRun(this, visit, id);
                case IMPORT -> imports.show(this, visit, id);
                case IMPORT_CONFIRM -> imports.confirm(this, visit, id);
                case ACTIVATION -> letters.school(this, visit, id, request.getParameter("class"), null, 200);
                case LETTERS -> letters.print(this, visit, id);
                case SCHOOL_GROUPS, GROUP_CREATE, GROUP, GROUP_MEMBERS, USER_RESET, USER_MERGE_PREVIEW, USER_MERGE,
                        IDENTITY, IDENTITY_PROVIDER, IDENTITY_PROVIDER_SAVE, ADMINISTRATORS ->
                    groupsMergeIdentity.answer(this, visit, match.get().route(), id);
                case APPS -> look.apps(visit, this);
                case APPS_SET -> look.setApp(visit, this);
                case LOOK -> look.look(visit, this, null, 200);
                case LOOK_NAME -> look.rename(visit, this);
                case LOOK_COLOURS -> look.colours(visit, this);
                case LOOK_LOGO -> look.logo(visit, this);
                case SERVICE -> look.service(visit, this);
                case SERVICE_REPORT -> look.slaReport(visit, this);
                case COMPLIANCE_PDF -> look.compliancePdf(visit);
                case AUDIT -> look.audit(visit, this);
                case COMMUNICATION, COMMUNICATION_SWITCH, COMMUNICATION_LINK, COMMUNICATION_DEFAULTS ->
                    structures.answer(this, visit, match.get().route(), id);
                case USER_ERASE_CONFIRM, USER_ERASE, ERASURE -> erasures.answer(this, visit, match.get().route(), id);
            }
            if (AUDITED_BY_STATUS.contains(match.get().route())) {
                recordByStatus(visit, match.get().route(), id, path);
            }
        } catch (RuntimeException e) {
            Optional<ProblemStatuses.Answer> known = ProblemStatuses.answer(e, visit.t().locale());
            if (match.get().route().changes()) {
                // a change refused or failed before its handler could say more: recorded as asked
                audit.record(visit.scope(), match.get().route().name(), AuditTarget.collectivityWide("request", id,
                        path), known.map(k -> k.problem().status() < 500 ? Outcome.REFUSED : Outcome.FAILED)
                        .orElse(Outcome.FAILED), known.map(k -> k.problem().title()).orElse(e.getClass().getName()));
            }
            if (known.isEmpty()) {
                throw e;
            }
            Problem problem = known.get().problem();
            if (problem.status() == 403 || problem.status() == 404) {
                response.sendError(problem.status());
                return;
            }
            problemPage(visit, problem);
        }
    }

    private void home(Visit v) throws IOException {
        String q = v.request().getParameter("q");
        List<StructureView> list = schools.list(v.scope(), q);
        page(v, v.t().get("home.title"), "home.jte", "schools", list, "q", q == null ? "" : q,
                "done", notice(v));
    }

    private void schoolForm(Visit v, String id, NewStructure values, String error, int status) throws IOException {
        if (id == null && !v.scope().declaresSchools()) {
            v.response().sendError(403);
            return;
        }
        v.response().setStatus(status);
        page(v, v.t().get(id == null ? "school.new" : "school.edit"), "school-new.jte", "values", values,
                "error", error, "types", types());
    }

    private void createSchool(Visit v) throws IOException {
        NewStructure values = schoolValues(v.request());
        try {
            StructureView created = schools.create(v.scope(), values);
            audit.record(v.scope(), ConsoleRoute.SCHOOLS_CREATE.name(), school(created), Outcome.DONE,
                    created.uai() + " " + created.type());
            v.response().sendRedirect("/console/schools/" + created.id() + "?done=created");
        } catch (RuntimeException e) {
            Optional<Problem> problem = formProblem(e, v);
            if (problem.isEmpty()) {
                throw e;
            }
            audit.record(v.scope(), ConsoleRoute.SCHOOLS_CREATE.name(), AuditTarget.inSchools("school", null,
                    values.name(), java.util.Set.of(String.valueOf(values.uai()))), Outcome.REFUSED,
                    problem.get().detail());
            schoolForm(v, null, values, problem.get().detail(), problem.get().status());
        }
    }

    private void school(Visit v, String id, NewStructure values, String error, String classError, int status)
            throws IOException {
        StructureView school = schools.get(v.scope(), id);
        v.response().setStatus(status);
        page(v, school.name(), "school.jte", "school", school,
                "values", values == null ? new NewStructure(school.uai(), school.name(), school.type().name(), null)
                        : values,
                "classes", schools.classes(v.scope(), id), "error", error, "classError", classError,
                "types", types(), "done", notice(v),
                // its quiet hours are the notifications app's page (ADR 0029): linked when the collectivity has it
                "quietHours", v.tenant().enables("notifications"));
    }

    private void updateSchool(Visit v, String id) throws IOException {
        NewStructure values = schoolValues(v.request());
        try {
            StructureView updated = schools.update(v.scope(), id, values);
            audit.record(v.scope(), ConsoleRoute.SCHOOL_UPDATE.name(), school(updated), Outcome.DONE,
                    updated.uai() + " " + updated.type());
            v.response().sendRedirect("/console/schools/" + id + "?done=saved");
        } catch (RuntimeException e) {
            Optional<Problem> problem = formProblem(e, v);
            if (problem.isEmpty()) {
                throw e;
            }
            audit.record(v.scope(), ConsoleRoute.SCHOOL_UPDATE.name(), AuditTarget.inSchools("school", id,
                    values.name(), schoolUais(v, id)), Outcome.REFUSED,
                    problem.get().detail());
            school(v, id, values, problem.get().detail(), null, problem.get().status());
        }
    }

    private void createClass(Visit v, String schoolId) throws IOException {
        try {
            var created = schools.createClass(v.scope(), schoolId, new NewClass(v.request().getParameter("name"),
                    v.request().getParameter("level")));
            audit.record(v.scope(), ConsoleRoute.CLASS_CREATE.name(), AuditTarget.inSchools("class",
                    created.id().toString(), created.name(), schoolUais(v, schoolId)), Outcome.DONE, null);
            v.response().sendRedirect("/console/schools/" + schoolId + "?done=class-created");
        } catch (RuntimeException e) {
            Optional<Problem> problem = formProblem(e, v);
            if (problem.isEmpty()) {
                throw e;
            }
            audit.record(v.scope(), ConsoleRoute.CLASS_CREATE.name(), AuditTarget.inSchools("class", null,
                    v.request().getParameter("name"), schoolUais(v, schoolId)), Outcome.REFUSED,
                    problem.get().detail());
            school(v, schoolId, null, null, problem.get().detail(), problem.get().status());
        }
    }

    private void renameClass(Visit v, String classId) throws IOException {
        var renamed = schools.renameClass(v.scope(), classId, v.request().getParameter("name"));
        audit.record(v.scope(), ConsoleRoute.CLASS_RENAME.name(), AuditTarget.inSchools("class", classId,
                renamed.name(), schoolUais(v, renamed.structureId().toString())), Outcome.DONE, null);
        v.response().sendRedirect("/console/schools/" + renamed.structureId() + "?done=class-renamed");
    }

    private void users(Visit v) throws IOException {
        HttpServletRequest r = v.request();
        int pageNumber = 1;
        try {
            pageNumber = Integer.parseInt(Optional.ofNullable(r.getParameter("page")).orElse("1"));
        } catch (NumberFormatException e) {
            // a page number that is not one: the first page
        }
        ConsolePeople.Query query = new ConsolePeople.Query(r.getParameter("q"), r.getParameter("profile"),
                r.getParameter("school"), pageNumber);
        var found = people.search(v.scope(), query);
        List<StructureView> reachable = schools.list(v.scope(), null);
        page(v, v.t().get("users.title"), "users.jte", "query", query, "found", found, "schools", reachable,
                "profiles", Arrays.stream(Profile.values()).map(Profile::name).toList(),
                "pageSize", ConsolePeople.PAGE_SIZE);
    }

    private void user(Visit v, String id) throws IOException {
        ConsolePeople.Person person = people.get(v.scope(), id);
        var detail = person.detail();
        String childQ = v.request().getParameter("childQ");
        boolean parent = detail.profile() == Profile.Relative;
        page(v, detail.firstName() + " " + detail.lastName(), "user.jte", "person", person,
                "schoolsById", people.schoolsById(), "done", notice(v), "childQ", childQ == null ? "" : childQ,
                "pupils", parent && childQ != null && !childQ.isBlank() ? people.pupils(v.scope(), childQ).items()
                        : List.of(),
                "managesAccounts", ConsoleAccounts.managesAccounts(v.scope(), person),
                "account", accounts.account(v.scope(), v.tenant(), v.session(), person, v.t().locale())
                        .orElse(null));
    }

    /** Gives or removes ADMIN_LOCAL (of one of the person's schools) or CLASS_ADMIN. */
    private void changeFunction(Visit v, String id) throws IOException {
        ConsolePeople.Person person = people.get(v.scope(), id);
        ConsoleScope.Function function = ConsoleScope.Function.parse(v.request().getParameter("function"))
                .orElseThrow(() -> fr.ent.platform.problem.InvalidInput.field("function", "console.function",
                        String.valueOf(v.request().getParameter("function"))));
        boolean give = !"remove".equals(v.request().getParameter("action"));
        accounts.change(v.scope(), v.tenant(), v.session(), person, function, v.request().getParameter("school"),
                give, v.t().locale());
        audit.record(v.scope(), ConsoleRoute.USER_FUNCTIONS.name(), person(person), Outcome.DONE,
                (give ? "give " : "remove ") + function + " " + v.request().getParameter("school"));
        v.response().sendRedirect("/console/users/" + person.detail().id() + "?done="
                + (give ? "function-given" : "function-removed"));
    }

    /** Links a parent to a child (field {@code child}), or removes the link ({@code action=remove}). */
    private void link(Visit v, String id) throws IOException {
        boolean linked = !"remove".equals(v.request().getParameter("action"));
        String child = Optional.ofNullable(v.request().getParameter("child")).orElse("");
        ConsolePeople.Person parent = people.link(v.scope(), id, child, linked);
        audit.record(v.scope(), ConsoleRoute.USER_CHILDREN.name(), person(parent), Outcome.DONE,
                (linked ? "link " : "unlink ") + child);
        v.response().sendRedirect("/console/users/" + parent.detail().id() + "?done=" + (linked ? "child-linked" : "child-unlinked"));
    }

    private void setEnabled(Visit v, String id) throws IOException {
        ConsolePeople.Person person = people.get(v.scope(), id);
        boolean enabled = "true".equals(v.request().getParameter("enabled"));
        accounts.setEnabled(v.scope(), v.tenant(), v.session(), person, enabled, v.t().locale());
        audit.record(v.scope(), ConsoleRoute.USER_ENABLED.name(), person(person), Outcome.DONE,
                enabled ? "unblocked" : "blocked");
        v.response().sendRedirect("/console/users/" + person.detail().id() + "?done="
                + (enabled ? "unblocked" : "blocked"));
    }

    private void compliance(Visit v) throws IOException {
        if (!v.scope().readsCollectivityReports()) {
            v.response().sendError(403);
            return;
        }
        TenantManagerChannel.Answer answer = tenantManager.get(v.tenant(), v.session(), "compliance-report",
                "application/json", v.t().locale());
        if (answer.status() != 200) {
            LOG.warning(() -> "tenant=" + v.tenant().slug() + " compliance report answered " + answer.status());
            v.response().sendError(502);
            return;
        }
        page(v, v.t().get("compliance.title"), "compliance.jte", "report", ComplianceSummary.parse(answer.body()));
    }

    private void problemPage(Visit v, Problem problem) throws IOException {
        v.response().setStatus(problem.status());
        page(v, problem.title(), "problem.jte", "problem", problem);
    }

    /** A refusal a form shows next to its fields (bad input, a conflict); anything else goes up. */
    static Optional<Problem> formProblem(RuntimeException e, Visit v) {
        return ProblemStatuses.answer(e, v.t().locale()).map(ProblemStatuses.Answer::problem)
                .filter(p -> p.status() == 400 || p.status() == 409);
    }

    private static NewStructure schoolValues(HttpServletRequest r) {
        return new NewStructure(r.getParameter("uai"), r.getParameter("name"), r.getParameter("type"), null);
    }

    private static List<String> types() {
        return Arrays.stream(StructureType.values()).map(StructureType::name).toList();
    }

    static String notice(Visit v) {
        String done = v.request().getParameter("done");
        return done != null && NOTICES.contains(done) ? done : null;
    }

    /**
     * Changes whose handlers answer a refusal with the form again (a status, no exception) and do not record
     * themselves: recorded here once answered, by the answer's status (below 400 done, 4xx refused, 5xx failed).
     * The imports and letters name their school, so that its local administrators read them too.
     */
    private static final java.util.Set<ConsoleRoute> AUDITED_BY_STATUS = java.util.EnumSet.of(
            ConsoleRoute.IMPORT_DRY_RUN, ConsoleRoute.IMPORT_CONFIRM, ConsoleRoute.LETTERS, ConsoleRoute.GROUP_CREATE,
            ConsoleRoute.GROUP_MEMBERS, ConsoleRoute.USER_RESET, ConsoleRoute.USER_MERGE,
            ConsoleRoute.IDENTITY_PROVIDER_SAVE);

    private void recordByStatus(Visit v, ConsoleRoute route, String id, String path) {
        int status = v.response().getStatus();
        Outcome outcome = status < 400 ? Outcome.DONE : status < 500 ? Outcome.REFUSED : Outcome.FAILED;
        AuditTarget target = route == ConsoleRoute.IMPORT_DRY_RUN || route == ConsoleRoute.LETTERS
                ? AuditTarget.inSchools("school", id, path, schoolUais(v, id))
                : AuditTarget.collectivityWide("request", id, path);
        audit.record(v.scope(), route.name(), target, outcome, "HTTP " + status);
    }

    /** A school as the audit trail names it. */
    private static AuditTarget school(StructureView s) {
        return AuditTarget.inSchools("school", s.id().toString(), s.name(), java.util.Set.of(s.uai()));
    }

    /** A person as the audit trail names them, with the schools they are attached to. */
    private static AuditTarget person(ConsolePeople.Person p) {
        return AuditTarget.inSchools("person", p.detail().id().toString(),
                p.detail().firstName() + " " + p.detail().lastName(), p.schools());
    }

    /** The UAI of a school in the scope (for the audit trail), none if it cannot be read. */
    private java.util.Set<String> schoolUais(Visit v, String schoolId) {
        try {
            return java.util.Set.of(schools.get(v.scope(), schoolId).uai());
        } catch (RuntimeException e) {
            return java.util.Set.of();
        }
    }

    /** A text field of the form, URL-encoded or multipart (then read from its part: 64 KiB at most). */
    static String field(HttpServletRequest request, String name) throws IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return request.getParameter(name);
        }
        try {
            var part = request.getPart(name);
            if (part == null) {
                return null;
            }
            try (InputStream in = part.getInputStream()) {
                return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
            }
        } catch (ServletException e) {
            throw new IOException(e);
        }
    }

    void page(Visit v, String title, String template, Object... pairs) throws IOException {
        Map<String, Object> params = new HashMap<>();
        params.put("t", v.t());
        params.put("title", title);
        params.put("scope", v.scope());
        params.put("csrf", v.session().csrfToken());
        for (int i = 0; i < pairs.length; i += 2) {
            params.put((String) pairs[i], pairs[i + 1]);
        }
        Pages.writePage(v.response(), launcher.shell(v.tenant(), Optional.of(v.session()), v.t().locale(), title),
                output -> TEMPLATES.render(template, params, output));
    }

    /** The language tag of the reader (for templates: {@code lang} of quoted content). */
    static String language(Locale locale) {
        return locale.getLanguage();
    }
}
