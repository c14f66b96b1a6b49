package fr.ent.platform.apps.directory.be1d;

import java.time.LocalDate;
import java.util.List;

/** The importable lines of a BE1D export, after parsing and line-level checks. Names are trimmed. */
public final class Lines {

    private Lines() {
    }

    /**
     * A pupil of élèves. {@code familyName} is the legal name ("Nom Elève", part of the identity);
     * {@code lastName} the name shown (the usage name when there is one).
     */
    public record Student(int line, String familyName, String lastName, String firstName, LocalDate birthDate,
            String className, String level) {
    }

    /** A teacher of enseignants; a teacher of several classes may appear on several lines. */
    public record Teacher(int line, String familyName, String lastName, String firstName, String email,
            String className) {
    }

    /** A parent of responsables with the children listed on the same line (1 to 3 in BE1D). */
    public record Relative(int line, String familyName, String lastName, String firstName, String email,
            String address, String postalCode, List<Child> children) {
    }

    /**
     * A child as a parent's line names it: family name and/or usage name, first name, class if given. Matched
     * later against the school's pupils.
     */
    public record Child(String familyName, String usageName, String firstName, String className) {

        /** How a person reads it in a rejection message: "MARTINEZ Alexandre (CE2)". */
        public String label() {
            String name = (familyName != null ? familyName : usageName) + " " + firstName;
            return className == null ? name : name + " (" + className + ")";
        }
    }
}
