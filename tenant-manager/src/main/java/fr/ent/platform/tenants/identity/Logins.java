package fr.ent.platform.tenants.identity;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Logins as French ENTs write them: {@code prenom.nom}, lower case, without accents, spaces or apostrophes, with
 * {@code .2}, {@code .3}… for homonyms. The directory has no login column: the login lives in Keycloak only, and
 * the account is tied to the person by the {@code ent_user_id} attribute, so a login never has to be recomputed.
 */
final class Logins {

    private static final int MAX = 60;

    private Logins() {
    }

    static String base(String firstName, String lastName) {
        String login = clean(firstName) + "." + clean(lastName);
        return login.length() > MAX ? login.substring(0, MAX) : login;
    }

    /** The base itself if free, else the first free {@code base.N}; the chosen login is added to {@code taken}. */
    static String unique(String base, Set<String> taken) {
        String login = base;
        for (int n = 2; taken.contains(login); n++) {
            login = base + "." + n;
        }
        taken.add(login);
        return login;
    }

    private static String clean(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String cleaned = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return cleaned.isEmpty() ? "x" : cleaned;
    }
}
