package fr.ent.platform.apps.directory;

import fr.ent.platform.tenancy.InvalidTenantInputException;

/** A user's profile. The constants are spelled as stored in {@code ent_user.profile} and shown in the API. */
public enum Profile {
    Student, Relative, Teacher, Personnel, Guest;

    /** Reads a profile from request input; the name must match exactly (it is an API value, not free text). */
    public static Profile parse(String field, String input) {
        for (Profile p : values()) {
            if (p.name().equals(input)) {
                return p;
            }
        }
        throw new InvalidTenantInputException(field, "user.profile", input == null ? "" : input);
    }
}
