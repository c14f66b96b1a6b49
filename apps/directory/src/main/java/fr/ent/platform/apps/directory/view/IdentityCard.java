package fr.ent.platform.apps.directory.view;

import fr.ent.platform.apps.directory.view.MyClassView.Person;
import fr.ent.platform.apps.directory.view.MyClassView.School;
import java.util.List;

/**
 * Who a person is in the directory, as their own account page shows it: name, profile, schools (their own and
 * those of their classes), classes, and their children (a parent) or parents (a pupil).
 */
public record IdentityCard(String firstName, String lastName, String profile, List<School> schools,
        List<ClassLine> classes, List<Person> children, List<Person> relatives) {

    /** A class and the name of its school. */
    public record ClassLine(String name, String school) {
    }
}
