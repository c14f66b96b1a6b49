package fr.ent.platform.sovereignty.inventory;

import java.util.Locale;

/** Where a collectivity's data must stay, as in the Collectivity resource's {@code spec.dataResidency}. */
public enum Residency {
    /** France only. */
    FR,
    /** The European Union (France included). */
    EU;

    /** Parses the resource's value; absent means FR (the CRD's default). */
    public static Residency parse(String value) {
        if (value == null || value.isBlank()) {
            return FR;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("dataResidency inconnue : « " + value + " » (attendu FR ou EU)", e);
        }
    }
}
