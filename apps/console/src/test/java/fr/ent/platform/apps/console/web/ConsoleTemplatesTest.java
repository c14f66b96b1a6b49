package fr.ent.platform.apps.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.platform.adminapi.AccountResetView;
import fr.ent.platform.adminapi.AccountView;
import fr.ent.platform.adminapi.AdministratorView;
import fr.ent.platform.adminapi.IdentityProviderView;
import fr.ent.platform.apps.console.groups.ConsoleGroups;
import fr.ent.platform.apps.console.identity.ConsoleIdentity;
import fr.ent.platform.apps.console.people.ConsoleMerge;
import fr.ent.platform.apps.directory.merge.MergePlan;
import fr.ent.platform.apps.directory.model.GroupType;
import fr.ent.platform.apps.directory.view.GroupDetail;
import fr.ent.platform.apps.directory.view.GroupView;
import fr.ent.platform.apps.console.people.ConsolePeople;
import fr.ent.platform.apps.console.scope.ConsoleScope;
import fr.ent.platform.apps.console.tenantmanager.ComplianceSummary;
import fr.ent.platform.apps.directory.Profile;
import fr.ent.platform.apps.directory.StructureType;
import fr.ent.platform.apps.directory.view.ClassView;
import fr.ent.platform.apps.directory.view.NewStructure;
import fr.ent.platform.apps.directory.view.StructureView;
import fr.ent.platform.apps.directory.view.UserDetail;
import fr.ent.platform.apps.directory.view.UserPage;
import fr.ent.platform.apps.directory.view.UserSummary;
import fr.ent.platform.problem.Problem;
import gg.jte.output.StringOutput;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every console template renders in the three languages with what the pages give it (a missing text, a wrong
 * parameter or a null would fail here rather than in front of an administrator), and says what it must: who the
 * reader administers, the reason of a refusal, the account's functions and only the forms the scope allows.
 */
class ConsoleTemplatesTest {

    static final StructureView MACE = new StructureView(UUID.randomUUID(), "0693331W", "École Jean Macé",
            StructureType.ECOLE, "1D", null);
    static final ConsoleScope SUPER = new ConsoleScope(true, Set.of(), "admin");
    static final ConsoleScope LOCAL = new ConsoleScope(false, Set.of("0693331W"), "adml");
    static final UserSummary LEA = new UserSummary(UUID.randomUUID(), Profile.Student, "Durand", "Léa", MACE.id());

    @Test
    void every_page_renders_in_every_language() {
        for (Locale locale : List.of(Locale.FRENCH, Locale.ENGLISH, Locale.of("es"))) {
            for (ConsoleScope scope : List.of(SUPER, LOCAL)) {
                render("home.jte", locale, scope, "schools", List.of(MACE), "q", "", "done", null);
                render("school-new.jte", locale, scope, "values", new NewStructure("", "", "ECOLE", null),
                        "error", "Le code UAI est invalide", "types", List.of("ECOLE", "COLLEGE", "LYCEE"));
                render("school.jte", locale, scope, "school", MACE,
                        "values", new NewStructure(MACE.uai(), MACE.name(), "ECOLE", null),
                        "classes", List.of(new ClassView(UUID.randomUUID(), MACE.id(), "CP", null)), "error", null,
                        "classError", "taken", "types", List.of("ECOLE"), "done", "class-renamed");
                render("users.jte", locale, scope, "query", new ConsolePeople.Query("dur", null, null, 1),
                        "found", new UserPage(List.of(LEA), 60, true, 25, 0), "schools", List.of(MACE),
                        "profiles", List.of("Student", "Relative", "Teacher", "Personnel", "Guest"), "pageSize", 25);
                for (AccountView account : new AccountView[] {null, new AccountView(LEA.id().toString(), "lea.durand",
                        false, List.of("ADMIN_LOCAL", "CLASS_ADMIN"), List.of("0693331W"), true)}) {
                    render("user.jte", locale, scope, "person", parent(), "schoolsById", Map.of(MACE.id(), MACE),
                            "done", "function-given", "managesAccounts", scope.whole() && account != null,
                            "account", account, "childQ", "dur", "pupils", List.of(LEA));
                }
                render("compliance.jte", locale, scope, "report", new ComplianceSummary("Ville de Lyon",
                        "non évaluable", "2026-12-04T10:00:00Z", List.of(new ComplianceSummary.Line("Résidence",
                        "non évaluable", "Pas d'inventaire", null))));
                render("problem.jte", locale, scope, "problem", Problem.of(400, "uai-taken", locale, "0693331W"));
                renderNewPages(locale, scope);
            }
        }
    }

    /** The pages of groups, resets, merges, identity providers and administrators (ADR 0025). */
    private static void renderNewPages(Locale locale, ConsoleScope scope) {
        GroupView manual = new GroupView(UUID.randomUUID(), MACE.id(), null, "Chorale", GroupType.MANUAL, null);
        GroupView profile = new GroupView(UUID.randomUUID(), MACE.id(), null, "Élèves", GroupType.PROFILE,
                "Student");
        render("groups.jte", locale, scope, "school", MACE, "groups", List.of(manual, profile), "error", "Nom ?",
                "done", "group-created");
        for (GroupView g : List.of(manual, profile)) {
            render("group.jte", locale, scope, "group", new ConsoleGroups.Group(new GroupDetail(g, List.of(LEA)), MACE),
                    "q", "dur", "candidates", List.of(LEA), "error", null, "done", "member-added");
        }
        render("reset.jte", locale, scope, "person", parent(), "reset", new AccountResetView(LEA.id().toString(),
                "lea.durand", "code", "ABCD-EFGH-JKMN", "2027-01-03T10:00:00Z"), "error", null);
        render("reset.jte", locale, scope, "person", parent(), "reset", new AccountResetView(LEA.id().toString(),
                "lea.durand", "email", null, null), "error", null);
        render("reset.jte", locale, scope, "person", parent(), "reset", null, "error", "Pas d'adresse");
        render("merge.jte", locale, scope, "kept", parent(), "preview", null, "q", "dur", "candidates", List.of(LEA),
                "schoolsById", Map.of(MACE.id(), MACE), "error", null);
        render("merge.jte", locale, scope, "kept", parent(), "preview", preview(true), "q", "", "candidates",
                List.of(), "schoolsById", Map.of(MACE.id(), MACE), "error", null);
        render("merge.jte", locale, scope, "kept", parent(), "preview", preview(false), "q", "", "candidates",
                List.of(), "schoolsById", Map.of(MACE.id(), MACE), "error", "refusé");
        IdentityProviderView saml = new IdentityProviderView("academie", "SAML", "Académie de Lyon",
                Map.of("idpEntityId", "https://idp.ac-lyon.fr", "signingCertificate", "MIIB"), false,
                "/realms/ent-lyon/broker/academie/endpoint");
        render("identity.jte", locale, scope, "slots", List.of(new ConsoleIdentity.Slot("educonnect", null),
                new ConsoleIdentity.Slot("academie", saml), new ConsoleIdentity.Slot("autre", saml)), "done", null);
        for (ConsoleIdentity.Slot slot : List.of(new ConsoleIdentity.Slot("educonnect", null),
                new ConsoleIdentity.Slot("academie", saml))) {
            render("identity-provider.jte", locale, scope, "slot", slot, "links",
                    List.of(new ConsoleIdentity.Link(LEA.id().toString(), "Léa Durand", "sub-1"),
                            new ConsoleIdentity.Link(UUID.randomUUID().toString(), null, "sub-2")),
                    "error", "refusé", "testLogin", "/auth/login?idp=academie", "done", "identity-saved");
        }
        render("administrators.jte", locale, scope, "administrators", List.of(new AdministratorView(
                LEA.id().toString(), "admin.lyon", "Ada", "Admin", List.of("SUPER_ADMIN"), List.of(), true, false),
                new AdministratorView(null, "adml", "Léo", "Local", List.of("ADMIN_LOCAL"), List.of("0693331W"),
                        true, true)), "schoolsById", Map.of(MACE.id(), MACE));
    }

    @Test
    void a_large_directory_says_more_than_its_bounded_count_and_still_offers_the_next_page() {
        String large = render("users.jte", Locale.FRENCH, SUPER, "query", new ConsolePeople.Query("", null, null, 3),
                "found", new UserPage(List.of(LEA), 1050, false, 25, 50), "schools", List.of(MACE),
                "profiles", List.of("Student"), "pageSize", 25);
        assertThat(large).contains("Plus de 1\u202f050 personnes, page 3").contains("rel=\"next\"")
                .contains("rel=\"prev\"");
        String last = render("users.jte", Locale.FRENCH, SUPER, "query", new ConsolePeople.Query("", null, null, 3),
                "found", new UserPage(List.of(LEA), 51, true, 25, 50), "schools", List.of(MACE),
                "profiles", List.of("Student"), "pageSize", 25);
        assertThat(last).contains("51 personnes, page 3 sur 3").doesNotContain("rel=\"next\"");
    }

    @Test
    void aNewActivationCodeIsShownAndTheMergePreviewSaysWhatMovesAndWhatDoesNot() {
        String reset = render("reset.jte", Locale.FRENCH, LOCAL, "person", parent(), "reset",
                new AccountResetView(LEA.id().toString(), "lea.durand", "code", "ABCD-EFGH-JKMN",
                        "2027-01-03T10:00:00Z"), "error", null);
        assertThat(reset).contains("ABCD-EFGH-JKMN", "lea.durand", "2027-01-03", "affiché qu'une fois");

        String merge = render("merge.jte", Locale.FRENCH, SUPER, "kept", parent(), "preview", preview(true), "q", "",
                "candidates", List.of(), "schoolsById", Map.of(MACE.id(), MACE), "error", null);
        assertThat(merge).contains("Rattachement à l'établissement École Jean Macé", "Classe CE1",
                "Le compte nicolas.durand2 du doublon est bloqué", "ADMIN_LOCAL", "name=\"other\"",
                "restent sous son ancien identifiant");
        String refused = render("merge.jte", Locale.FRENCH, SUPER, "kept", parent(), "preview", preview(false), "q",
                "", "candidates", List.of(), "schoolsById", Map.of(MACE.id(), MACE), "error", null);
        assertThat(refused).contains("pas le même profil").doesNotContain("name=\"other\"");
    }

    /** A merge preview: possible (the other record in a class of Macé, with an account) or refused (profiles). */
    private static ConsoleMerge.Preview preview(boolean possible) {
        ConsolePeople.Person kept = parent();
        ClassView ce1 = new ClassView(UUID.randomUUID(), MACE.id(), "CE1", null);
        UserDetail otherDetail = new UserDetail(UUID.randomUUID(), possible ? Profile.Relative : Profile.Teacher,
                "Durand", "Nicolas", null, null, MACE.id(), List.of(ce1), List.of(), List.of());
        ConsolePeople.Person other = new ConsolePeople.Person(otherDetail, Set.of("0693331W"));
        MergePlan.Side keptSide = new MergePlan.Side(kept.detail().id(), Profile.Relative, null, null, Set.of(),
                Set.of(), Set.of(), Set.of(), Set.of(), Map.of(), false);
        MergePlan.Side otherSide = new MergePlan.Side(otherDetail.id(), otherDetail.profile(), null, UUID.randomUUID(),
                Set.of(MACE.id()), Set.of(ce1.id()), Set.of(), Set.of(), Set.of(), Map.of("academie", "s"), false);
        return new ConsoleMerge.Preview(kept, other, MergePlan.of(keptSide, otherSide), new AccountView(
                otherDetail.id().toString(), "nicolas.durand2", true, List.of("ADMIN_LOCAL"), List.of(), false));
    }

    @Test
    void a_page_says_whom_the_reader_administers_and_offers_only_what_it_may_do() {
        String local = render("home.jte", Locale.FRENCH, LOCAL, "schools", List.of(MACE), "q", "", "done", null);
        assertThat(local).contains("Vous administrez les établissements 0693331W.")
                .doesNotContain("/console/schools/new", "/console/compliance");
        String whole = render("home.jte", Locale.FRENCH, SUPER, "schools", List.of(MACE), "q", "", "done", null);
        assertThat(whole).contains("toute la collectivité", "/console/schools/new", "/console/compliance");

        AccountView account = new AccountView(LEA.id().toString(), "nicolas.durand", true, List.of("ADMIN_LOCAL"),
                List.of("0693331W"), false);
        String page = render("user.jte", Locale.FRENCH, SUPER, "person", parent(), "schoolsById",
                Map.of(MACE.id(), MACE), "done", null, "managesAccounts", true, "account", account, "childQ", "",
                "pupils", List.of());
        assertThat(page).contains("nicolas.durand", "0693331W", "Bloquer le compte", "value=\"ADMIN_LOCAL\"",
                "name=\"csrf\" value=\"jeton\"");
        String byLocal = render("user.jte", Locale.FRENCH, LOCAL, "person", parent(), "schoolsById",
                Map.of(MACE.id(), MACE), "done", null, "managesAccounts", false, "account", null, "childQ", "",
                "pupils", List.of());
        assertThat(byLocal).contains("gérés par l'administrateur de la collectivité")
                .doesNotContain("Bloquer le compte", "value=\"ADMIN_LOCAL\"");
    }

    private static ConsolePeople.Person parent() {
        UserDetail detail = new UserDetail(UUID.randomUUID(), Profile.Relative, "Durand", "Nicolas", null, null,
                MACE.id(), List.of(), List.of(LEA), List.of());
        return new ConsolePeople.Person(detail, Set.of("0693331W"));
    }

    private static String render(String template, Locale locale, ConsoleScope scope, Object... pairs) {
        Map<String, Object> params = new HashMap<>();
        params.put("t", new Texts(locale));
        params.put("title", "Titre");
        params.put("scope", scope);
        params.put("csrf", "jeton");
        for (int i = 0; i < pairs.length; i += 2) {
            params.put((String) pairs[i], pairs[i + 1]);
        }
        StringOutput output = new StringOutput();
        ConsolePages.TEMPLATES.render(template, params, output);
        return output.toString();
    }
}
