package fr.ent.platform.apps.console.web;

import fr.ent.platform.adminapi.AccountResetView;
import fr.ent.platform.apps.console.groups.ConsoleGroups;
import fr.ent.platform.apps.console.identity.ConsoleIdentity;
import fr.ent.platform.apps.console.identity.SamlMetadata;
import fr.ent.platform.apps.console.people.ConsoleAccounts;
import fr.ent.platform.apps.console.people.ConsoleMerge;
import fr.ent.platform.apps.console.people.ConsolePeople;
import fr.ent.platform.apps.console.schools.ConsoleSchools;
import fr.ent.platform.apps.directory.view.StructureView;
import fr.ent.platform.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * The console's pages for groups, account resets, merges of duplicates, identity providers and administrators
 * (ADR 0025), answered for {@link ConsolePages} once it has checked the route, the session, the console user and
 * the anti-forgery token; the services check the scope against the school, group or person concerned.
 */
@ApplicationScoped
public class PeopleAndIdentityPages {

    @Inject
    ConsoleGroups groups;

    @Inject
    ConsoleSchools schools;

    @Inject
    ConsolePeople people;

    @Inject
    ConsoleAccounts accounts;

    @Inject
    ConsoleMerge merges;

    @Inject
    ConsoleIdentity identity;

    void answer(ConsolePages pages, ConsolePages.Visit v, ConsoleRoute route, String id) throws IOException {
        switch (route) {
            case SCHOOL_GROUPS -> schoolGroups(pages, v, id, null, 200);
            case GROUP_CREATE -> createGroup(pages, v, id);
            case GROUP -> group(pages, v, id, null, 200);
            case GROUP_MEMBERS -> members(pages, v, id);
            case USER_RESET -> reset(pages, v, id);
            case USER_MERGE_PREVIEW -> mergePreview(pages, v, id, null, 200);
            case USER_MERGE -> merge(pages, v, id);
            case IDENTITY -> identityHome(pages, v);
            case IDENTITY_PROVIDER -> provider(pages, v, id, null, 200);
            case IDENTITY_PROVIDER_SAVE -> saveProvider(pages, v, id);
            case ADMINISTRATORS -> administrators(pages, v);
            default -> v.response().sendError(404);
        }
    }

    private void schoolGroups(ConsolePages pages, ConsolePages.Visit v, String schoolId, String error, int status)
            throws IOException {
        StructureView school = schools.get(v.scope(), schoolId);
        var list = groups.list(v.scope(), schoolId);
        v.response().setStatus(status);
        pages.page(v, v.t().get("groups.title", school.name()), "groups.jte", "school", school, "groups", list,
                "error", error, "done", ConsolePages.notice(v));
    }

    private void createGroup(ConsolePages pages, ConsolePages.Visit v, String schoolId) throws IOException {
        try {
            var created = groups.create(v.scope(), schoolId, v.request().getParameter("name"));
            v.response().sendRedirect("/console/groups/" + created.id() + "?done=group-created");
        } catch (RuntimeException e) {
            Optional<Problem> problem = ConsolePages.formProblem(e, v);
            if (problem.isEmpty()) {
                throw e;
            }
            schoolGroups(pages, v, schoolId, problem.get().detail(), problem.get().status());
        }
    }

    private void group(ConsolePages pages, ConsolePages.Visit v, String groupId, String error, int status)
            throws IOException {
        ConsoleGroups.Group group = groups.get(v.scope(), groupId);
        String q = Optional.ofNullable(v.request().getParameter("q")).orElse("");
        var candidates = group.manual() && !q.isBlank()
                ? people.search(v.scope(), new ConsolePeople.Query(q, null, group.school().id().toString(), 1))
                        .items()
                : List.<fr.ent.platform.apps.directory.view.UserSummary>of();
        v.response().setStatus(status);
        pages.page(v, group.detail().group().name(), "group.jte", "group", group, "q", q, "candidates", candidates,
                "error", error, "done", ConsolePages.notice(v));
    }

    /** Adds ({@code user}) or removes ({@code action=remove}) a member of a group made by hand. */
    private void members(ConsolePages pages, ConsolePages.Visit v, String groupId) throws IOException {
        boolean remove = "remove".equals(v.request().getParameter("action"));
        String user = Optional.ofNullable(v.request().getParameter("user")).orElse("");
        try {
            if (remove) {
                groups.remove(v.scope(), groupId, user);
            } else {
                groups.add(v.scope(), groupId, user);
            }
            v.response().sendRedirect("/console/groups/" + groupId + "?done="
                    + (remove ? "member-removed" : "member-added"));
        } catch (RuntimeException e) {
            Optional<Problem> problem = ConsolePages.formProblem(e, v);
            if (problem.isEmpty()) {
                throw e;
            }
            group(pages, v, groupId, problem.get().detail(), problem.get().status());
        }
    }

    /**
     * Resets the account ({@code mode} code or email). A new code is shown on this answer only, never stored nor
     * put in an address: the page is not cached and reloading it does not show it again.
     */
    private void reset(ConsolePages pages, ConsolePages.Visit v, String userId) throws IOException {
        ConsolePeople.Person person = people.get(v.scope(), userId);
        String mode = "email".equals(v.request().getParameter("mode")) ? "email" : "code";
        try {
            AccountResetView done = accounts.reset(v.scope(), v.tenant(), v.session(), person, mode,
                    v.t().locale());
            v.response().setHeader("Cache-Control", "no-store");
            pages.page(v, v.t().get("reset.title"), "reset.jte", "person", person, "reset", done, "error", null);
        } catch (RuntimeException e) {
            Optional<Problem> problem = ConsolePages.formProblem(e, v);
            if (problem.isEmpty()) {
                throw e;
            }
            v.response().setStatus(problem.get().status());
            pages.page(v, v.t().get("reset.title"), "reset.jte", "person", person, "reset", null, "error",
                    problem.get().detail());
        }
    }

    /** Without {@code other}: duplicates found by name among the same profile; with it: what the merge does. */
    private void mergePreview(ConsolePages pages, ConsolePages.Visit v, String keptId, String error, int status)
            throws IOException {
        ConsolePeople.Person kept = people.get(v.scope(), keptId);
        String other = v.request().getParameter("other");
        String q = Optional.ofNullable(v.request().getParameter("q"))
                .orElse(kept.detail().lastName());
        ConsoleMerge.Preview preview = other == null || other.isBlank() ? null
                : merges.preview(v.scope(), v.tenant(), v.session(), keptId, other, v.t().locale());
        var candidates = preview != null ? List.<fr.ent.platform.apps.directory.view.UserSummary>of()
                : people.search(v.scope(), new ConsolePeople.Query(q, kept.detail().profile().name(), null, 1))
                        .items().stream().filter(u -> !u.id().equals(kept.detail().id())).toList();
        v.response().setStatus(status);
        pages.page(v, v.t().get("merge.title", kept.detail().firstName() + " " + kept.detail().lastName()),
                "merge.jte", "kept", kept, "preview", preview, "q", q, "candidates", candidates,
                "schoolsById", people.schoolsById(), "error", error);
    }

    private void merge(ConsolePages pages, ConsolePages.Visit v, String keptId) throws IOException {
        try {
            merges.merge(v.scope(), v.tenant(), v.session(), keptId, v.request().getParameter("other"),
                    v.t().locale());
            v.response().sendRedirect("/console/users/" + keptId + "?done=merged");
        } catch (RuntimeException e) {
            Optional<Problem> problem = ConsolePages.formProblem(e, v);
            if (problem.isEmpty()) {
                throw e;
            }
            mergePreview(pages, v, keptId, problem.get().detail(), problem.get().status());
        }
    }

    private void identityHome(ConsolePages pages, ConsolePages.Visit v) throws IOException {
        var slots = identity.slots(v.scope(), v.tenant(), v.session(), v.t().locale());
        pages.page(v, v.t().get("identity.title"), "identity.jte", "slots", slots, "done", ConsolePages.notice(v));
    }

    private void provider(ConsolePages pages, ConsolePages.Visit v, String alias, String error, int status)
            throws IOException {
        var slot = identity.slot(v.scope(), v.tenant(), v.session(), alias, v.t().locale());
        var links = slot.provider() == null ? List.<ConsoleIdentity.Link>of()
                : identity.links(v.scope(), v.tenant(), v.session(), alias, v.t().locale());
        v.response().setStatus(status);
        pages.page(v, v.t().get("identity.provider.title", v.t().get("identity.alias." + known(alias))),
                "identity-provider.jte", "slot", slot, "links", links, "error", error,
                "testLogin", ConsoleIdentity.testLogin(alias), "done", ConsolePages.notice(v));
    }

    private void saveProvider(ConsolePages pages, ConsolePages.Visit v, String alias) throws IOException {
        HttpServletRequest r = v.request();
        ConsoleIdentity.Form form = new ConsoleIdentity.Form(r.getParameter("kind"), r.getParameter("displayName"),
                file(r, "metadata"), r.getParameter("metadataUrl"), r.getParameter("subjectAttribute"),
                r.getParameter("discoveryUrl"), r.getParameter("clientId"), r.getParameter("clientSecret"));
        try {
            identity.configure(v.scope(), v.tenant(), v.session(), alias, form, v.t().locale());
            v.response().sendRedirect("/console/identity/" + alias + "?done=identity-saved");
        } catch (SamlMetadata.Unreadable e) {
            provider(pages, v, alias, v.t().get("identity.metadata.refused", v.t().get(e.reason())), 400);
        } catch (RuntimeException e) {
            Optional<Problem> problem = ConsolePages.formProblem(e, v);
            if (problem.isEmpty()) {
                throw e;
            }
            provider(pages, v, alias, problem.get().detail(), problem.get().status());
        }
    }

    private void administrators(ConsolePages pages, ConsolePages.Visit v) throws IOException {
        var list = identity.administrators(v.scope(), v.tenant(), v.session(), v.t().locale());
        pages.page(v, v.t().get("administrators.title"), "administrators.jte", "administrators", list,
                "schoolsById", people.schoolsById());
    }

    /** An uploaded file's bytes (at most one byte over the metadata limit, which is then refused), or null. */
    private static byte[] file(HttpServletRequest r, String name) throws IOException {
        if (r.getContentType() == null || !r.getContentType().startsWith("multipart/")) {
            return null;
        }
        try {
            Part part = r.getPart(name);
            if (part == null || part.getSize() == 0) {
                return null;
            }
            try (InputStream in = part.getInputStream()) {
                return in.readNBytes(SamlMetadata.MAX_BYTES + 1);
            }
        } catch (ServletException | IllegalStateException e) {
            return new byte[SamlMetadata.MAX_BYTES + 1]; // over the container's limit: refused as too big
        }
    }

    private static String known(String alias) {
        return ConsoleIdentity.OFFERED.contains(alias) ? alias : "other";
    }
}
