package fr.ent.platform.tenants.identity;

import fr.ent.platform.settings.InvalidSettingException;
import fr.ent.platform.settings.SettingReader;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How Keycloak hashes the passwords of the realms tenant-manager makes (collectivity realms and realm
 * {@code platform}): Keycloak's default unless {@code ent.keycloak.password-hashing} names other password-policy
 * terms, appended to the realm's policy. Keycloak's default outside FIPS mode is Argon2 (7 MB and tens of
 * milliseconds of CPU per hash), paid at every password set and every password sign-in, which is right for people's
 * passwords and is what production keeps.
 *
 * <p>The integration tests set {@code hashAlgorithm(pbkdf2-sha256) and hashIterations(1)}: their passwords are
 * known test strings on a loopback Keycloak, and the default hashing was a large share of the CI's CPU
 * (docs/benchmarks.md, "PasswordHashBench"). Only hashing terms are accepted, so that the setting cannot weaken the
 * rules people's passwords must follow (length, history).
 */
public record PasswordHashing(Optional<String> terms) {

    public static final String SETTING = "ent.keycloak.password-hashing";
    /** Keycloak's own hashing (Argon2 outside FIPS mode): production. */
    public static final PasswordHashing KEYCLOAK_DEFAULT = new PasswordHashing(Optional.empty());

    private static final Pattern TERM = Pattern.compile("hashAlgorithm\\([a-z0-9-]+\\)|hashIterations\\([1-9][0-9]{0,6}\\)");

    public PasswordHashing {
        terms.ifPresent(PasswordHashing::check);
    }

    /** The setting; blank or unset: Keycloak's default. */
    public static PasswordHashing from(SettingReader settings) {
        Optional<String> value = settings.text(SETTING);
        try {
            return new PasswordHashing(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(SETTING, value.orElse(""),
                    "hashAlgorithm(...) and/or hashIterations(n) joined by \" and \"");
        }
    }

    /** The realm's password policy: {@code base} followed by the hashing terms, if any. */
    public String policy(String base) {
        return terms.map(t -> base + " and " + t).orElse(base);
    }

    private static void check(String terms) {
        for (String term : terms.strip().split(" and ", -1)) {
            if (!TERM.matcher(term.strip()).matches()) {
                throw new IllegalArgumentException("not a password hashing term: \"" + term + "\"");
            }
        }
    }

    @Override
    public String toString() {
        return terms.orElse("Keycloak's default");
    }
}
