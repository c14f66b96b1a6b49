package fr.ent.platform.apps.directory;

import fr.ent.platform.tenancy.InvalidTenantInputException;
import java.util.Locale;

/** Kind of school; it decides the level of education (premier degré for écoles, second degré otherwise). */
public enum StructureType {
    ECOLE("1D"), COLLEGE("2D"), LYCEE("2D");

    private final String educationLevel;

    StructureType(String educationLevel) {
        this.educationLevel = educationLevel;
    }

    public String educationLevel() {
        return educationLevel;
    }

    /** Accepts "ecole", "École", "LYCÉE"...: accents and case are how people write it, not a different type. */
    public static StructureType parse(String input) {
        String folded = Text.fold(input).toUpperCase(Locale.ROOT);
        for (StructureType t : values()) {
            if (t.name().equals(folded)) {
                return t;
            }
        }
        throw new InvalidTenantInputException("type", "structure.type", input == null ? "" : input);
    }
}
