package fr.ent.platform.it.directory;

import fr.ent.platform.identity.Claims;
import fr.ent.platform.identity.Realms;
import fr.ent.platform.it.Platform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A fresh collectivity with a school, its class "CP" (teacher Sophie Martin, pupils Léa Durand and Hugo Moreau,
 * Léa's parent Nicolas Durand) and a second school with class "CM2" (pupil Zoé Roux): the directory entries made
 * through the directory API, and Keycloak accounts linked to them (claim {@code ent_user_id}) with one password.
 * For the "Ma classe" and "Mon compte" tests, API and browser.
 */
public final class ClassFixture {

    /** 13 characters: the realms ask for 12 at least (a number under 100000, one run in ten, made it too short). */
    public static final String PASSWORD = "classe-"
            + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));

    public final DirectoryApi api;
    public final String slug;
    public final String schoolA;
    public final String schoolB;
    /** The schools' UAIs (what ADMIN_LOCAL accounts name in admin_structures). */
    public final String uaiA;
    public final String uaiB;
    public final String cp;
    public final String cm2;
    public final String teacher;
    public final String lea;
    public final String hugo;
    public final String parent;
    public final String zoe;

    private ClassFixture(String prefix) {
        api = DirectoryApi.newCollectivity(prefix);
        slug = api.host.substring(0, api.host.indexOf('.'));
        uaiA = DirectoryApi.randomUai();
        uaiB = DirectoryApi.randomUai();
        schoolA = api.createStructure(uaiA, "École Jean Macé", "ECOLE").getString("id");
        schoolB = api.createStructure(uaiB, "École Jules Ferry", "ECOLE").getString("id");
        cp = api.createClass(schoolA, "CP").getString("id");
        cm2 = api.createClass(schoolB, "CM2").getString("id");
        teacher = account("Teacher", "Martin", "Sophie", schoolA, List.of(cp), List.of());
        lea = account("Student", "Durand", "Léa", schoolA, List.of(cp), List.of());
        hugo = account("Student", "Moreau", "Hugo", schoolA, List.of(cp), List.of());
        parent = account("Relative", "Durand", "Nicolas", schoolA, List.of(), List.of(lea));
        zoe = account("Student", "Roux", "Zoé", schoolB, List.of(cm2), List.of());
    }

    public static ClassFixture create(String prefix) {
        return new ClassFixture(prefix);
    }

    public String domain() {
        return api.host;
    }

    /** The login of the person with this first name ({@code sophie.martin}...). */
    public static String login(String firstName, String lastName) {
        String ascii = java.text.Normalizer.normalize(firstName + "." + lastName, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        return ascii.toLowerCase(java.util.Locale.ROOT);
    }

    /** One more person of this collectivity, with an account (login {@link #login}), as the others. */
    public String account(String profile, String lastName, String firstName, String school, List<String> classes,
            List<String> children) {
        String id = api.createUser(profile, lastName, firstName, school, classes, children).getString("id");
        try {
            Platform.get().keycloak().ensureUser(Realms.ofCollectivity(slug), login(firstName, lastName), firstName,
                    lastName, PASSWORD, List.of(profile), Map.of(Claims.USER_ID, id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return id;
    }
}
