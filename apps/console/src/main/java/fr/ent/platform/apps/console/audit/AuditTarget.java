package fr.ent.platform.apps.console.audit;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What an administrator's action was about: a kind ({@code school}, {@code class}, {@code person}, {@code app},
 * {@code branding}, {@code collectivity}...), its id and a readable label as they were at the time, and the UAIs of
 * the schools it concerns (none for a collectivity-wide change). The schools decide which local administrators read
 * the entry (ADR 0024).
 */
public record AuditTarget(String kind, String id, String label, Set<String> schools) {

    private static final Pattern KIND = Pattern.compile("^[a-z][a-z0-9-]{0,31}$");
    private static final Pattern UAI = Pattern.compile("^[0-9]{7}[A-Z]$");

    public AuditTarget {
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("an audit target's kind is lower-case letters and dashes: " + kind);
        }
        TreeSet<String> uais = new TreeSet<>();
        for (String s : schools == null ? Set.<String>of() : schools) {
            String uai = s == null ? "" : s.strip().toUpperCase(Locale.ROOT);
            if (UAI.matcher(uai).matches()) {
                uais.add(uai);
            }
        }
        schools = java.util.Collections.unmodifiableSet(uais);
    }

    /** Something of the whole collectivity (its apps, its look, its name). */
    public static AuditTarget collectivityWide(String kind, String id, String label) {
        return new AuditTarget(kind, id, label, Set.of());
    }

    /** Something of these schools (a school, one of its classes, a person attached to them). */
    public static AuditTarget inSchools(String kind, String id, String label, Set<String> schools) {
        return new AuditTarget(kind, id, label, schools);
    }

    /** The schools as the table keeps them: UAIs in order, comma-separated. */
    String schoolsColumn() {
        return String.join(",", schools);
    }
}
