package fr.ent.platform.tenancy;

import java.text.Normalizer;
import java.util.Locale;

/** What kind of public body buys the ENT; it decides which schools it runs (écoles, collèges, lycées). */
public enum CollectivityKind {
    REGION("région"),
    DEPARTEMENT("département"),
    COMMUNE("commune"),
    GROUPEMENT("groupement");

    private final String label;

    CollectivityKind(String label) {
        this.label = label;
    }

    /** The French name, as written in the API. */
    public String label() {
        return label;
    }

    /** Accepts the French name with or without accents, in any case ("région", "REGION", "region"). */
    public static CollectivityKind parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidTenantInputException("kind", "kind.required");
        }
        String plain = Normalizer.normalize(text.trim(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT);
        for (CollectivityKind kind : values()) {
            if (kind.name().equals(plain)) {
                return kind;
            }
        }
        throw new InvalidTenantInputException("kind", "kind.unknown", text);
    }
}
