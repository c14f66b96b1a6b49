package fr.ent.platform.apps.directory.be1d;

import fr.ent.platform.apps.directory.Text;

/**
 * The {@code ent_user.external_id} of people imported from BE1D, so that importing the same export again finds
 * the same people instead of creating them twice. BE1D gives no stable identifier, so it is derived from what
 * identifies a person in the export, folded (case, accents, spaces) so that a re-typed name still matches:
 * <ul>
 * <li>pupil: {@code be1d:<uai>:eleve:<family name>:<first name>:<birth date>}; the birth date separates
 * namesakes and does not change;</li>
 * <li>teacher: {@code be1d:<uai>:enseignant:<family name>:<first name>}; a teacher of several classes is one
 * person;</li>
 * <li>parent: {@code be1d:<uai>:responsable:<family name>:<first name>:adresse:<address> <postal code>}, so that a
 * parent listed once per child at the same address is one person with several children, while two namesakes
 * at different addresses stay two people; without an address, {@code ...:enfant:<first child's name>}.</li>
 * </ul>
 * The UAI scopes every id to the school: the same person in two schools' exports gets two accounts (BE1D
 * cannot tell namesakes apart across schools).
 */
public final class Be1dIdentity {

    private Be1dIdentity() {
    }

    public static String prefix(String uai) {
        return "be1d:" + uai + ":";
    }

    static String student(String uai, Lines.Student s) {
        return prefix(uai) + "eleve:" + Text.fold(s.familyName()) + ":" + Text.fold(s.firstName()) + ":"
                + s.birthDate();
    }

    static String teacher(String uai, Lines.Teacher t) {
        return prefix(uai) + "enseignant:" + Text.fold(t.familyName()) + ":" + Text.fold(t.firstName());
    }

    static String relative(String uai, Lines.Relative r) {
        String person = prefix(uai) + "responsable:" + Text.fold(r.familyName()) + ":" + Text.fold(r.firstName());
        if (r.address() != null) {
            return person + ":adresse:" + Text.fold(r.address() + " " + (r.postalCode() == null ? "" : r.postalCode()));
        }
        Lines.Child child = r.children().get(0);
        String childName = child.familyName() != null ? child.familyName() : child.usageName();
        return person + ":enfant:" + Text.fold(childName) + ":" + Text.fold(child.firstName());
    }
}
