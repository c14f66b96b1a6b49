package fr.ent.platform.apps.console.letters;

import fr.ent.platform.adminapi.ActivationRequest;
import fr.ent.platform.adminapi.ActivationStatusView;
import fr.ent.platform.apps.console.schools.ConsoleSchools;
import fr.ent.platform.apps.console.scope.ConsoleScope;
import fr.ent.platform.apps.console.tenantmanager.TenantManagerChannel;
import fr.ent.platform.apps.directory.service.ClassService;
import fr.ent.platform.apps.directory.view.ClassDetail;
import fr.ent.platform.apps.directory.view.StructureView;
import fr.ent.platform.apps.directory.view.UserSummary;
import fr.ent.platform.apps.directory.Profile;
import fr.ent.platform.problem.Conflict;
import fr.ent.platform.problem.DependencyFailed;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.security.login.PortalSession;
import fr.ent.platform.runtime.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Accounts and activation letters of a class (ADR 0023): who has activated their account, and the letters to hand
 * out (pupils of the class, or their parents). The people come from the directory, after the {@link ConsoleScope}
 * is checked against the class's school; the accounts and the codes are tenant-manager's, reached through
 * {@link TenantManagerChannel} with the administrator's own token (ADR 0021), which tenant-manager accepts from the
 * collectivity's SUPER_ADMIN, and from a local administrator of the class's school when every person asked is
 * attached to its schools (ADR 0029; administrators' accounts then get no new code).
 */
@ApplicationScoped
public class ConsoleActivation {

    /** Whose letters: the class's pupils, or their parents. */
    public enum Audience {
        STUDENTS, RELATIVES;

        public static Audience parse(String text) {
            return "RELATIVES".equals(text) ? RELATIVES : STUDENTS;
        }
    }

    /** A person of the class with where their account stands (NONE, PENDING, EXPIRED, ACTIVATED). */
    public record Row(UserSummary person, String login, String state) {
    }

    /** A class of a school in scope, with its pupils' and parents' accounts. */
    public record ClassAccounts(StructureView school, ClassDetail schoolClass, List<Row> pupils, List<Row> parents) {

        public long activated(List<Row> rows) {
            return rows.stream().filter(r -> "ACTIVATED".equals(r.state())).count();
        }
    }

    /** A PDF of letters. */
    public record Letters(String fileName, byte[] pdf) {
    }

    @Inject
    ConsoleSchools schools;

    @Inject
    ClassService classes;

    @Inject
    TenantManagerChannel tenantManager;

    /** The class, checked against the scope: a class of a school out of reach is 403. */
    public ClassDetail schoolClass(ConsoleScope scope, String schoolId, String classId) {
        StructureView school = schools.get(scope, schoolId);
        ClassDetail c = classes.get(classId);
        if (!c.structureId().equals(school.id())) {
            throw new NotFound("class-not-found", classId);
        }
        return c;
    }

    public ClassAccounts accounts(ConsoleScope scope, Tenant tenant, PortalSession session, String schoolId,
            String classId, Locale language) {
        StructureView school = schools.get(scope, schoolId);
        ClassDetail c = schoolClass(scope, schoolId, classId);
        List<UserSummary> pupils = c.members().stream().filter(u -> u.profile() == Profile.Student).toList();
        List<UserSummary> parents = classes.relatives(classId);
        List<String> ids = new java.util.ArrayList<>();
        pupils.forEach(p -> ids.add(p.id().toString()));
        parents.forEach(p -> ids.add(p.id().toString()));
        TenantManagerChannel.Answer answer = tenantManager.post(tenant, session, "accounts/activation/status",
                new ActivationRequest(ids, null), language);
        if (answer.status() == 403) {
            // a local administrator, and someone of the class attached elsewhere only (tenant-manager's rule, ADR
            // 0029): the class is shown without its accounts rather than not at all
            return new ClassAccounts(school, c, rows(pupils, Map.of()), rows(parents, Map.of()));
        }
        if (answer.status() != 200) {
            throw new DependencyFailed("tenant-manager-failed");
        }
        Map<String, ActivationStatusView.Account> byId = new HashMap<>();
        TenantManagerChannel.read(answer, ActivationStatusView.class).accounts()
                .forEach(a -> byId.put(a.entUserId(), a));
        return new ClassAccounts(school, c, rows(pupils, byId), rows(parents, byId));
    }

    /**
     * The letters of the class's pupils or parents: tenant-manager creates the missing accounts and gives every
     * account still waiting a new code (the previous letter stops working); activated accounts get no page.
     */
    public Letters letters(ConsoleScope scope, Tenant tenant, PortalSession session, String schoolId, String classId,
            Audience audience, Locale language) {
        StructureView school = schools.get(scope, schoolId);
        ClassDetail c = schoolClass(scope, schoolId, classId);
        List<UserSummary> people = audience == Audience.STUDENTS
                ? c.members().stream().filter(u -> u.profile() == Profile.Student).toList()
                : classes.relatives(classId);
        if (people.isEmpty()) {
            throw new Conflict("letters-empty");
        }
        String heading = school.name() + " — " + c.name();
        TenantManagerChannel.Bytes answer = tenantManager.postForBytes(tenant, session, "accounts/activation/letters",
                new ActivationRequest(people.stream().map(p -> p.id().toString()).toList(), heading),
                "application/pdf", language);
        if (answer.status() == 409) {
            throw new Conflict("letters-empty");
        }
        if (answer.status() == 403) {
            throw new fr.ent.platform.problem.NotAllowed("forbidden"); // someone asked is out of a local reach
        }
        if (answer.status() != 200 || !answer.contentType().startsWith("application/pdf")) {
            throw new DependencyFailed("tenant-manager-failed");
        }
        return new Letters(fileName(c.name(), audience), answer.body());
    }

    /** "lettres-activation-CE1-eleves.pdf": ASCII letters, digits and dashes only (a header value). */
    public static String fileName(String className, Audience audience) {
        String folded = java.text.Normalizer.normalize(className, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return "lettres-activation-" + (folded.isEmpty() ? "classe" : folded) + "-"
                + (audience == Audience.STUDENTS ? "eleves" : "parents") + ".pdf";
    }

    private static List<Row> rows(List<UserSummary> people, Map<String, ActivationStatusView.Account> accounts) {
        return people.stream().map(p -> {
            ActivationStatusView.Account a = accounts.get(p.id().toString());
            return new Row(p, a == null ? null : a.login(), a == null ? null : a.state());
        }).toList();
    }
}
