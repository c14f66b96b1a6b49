package fr.ent.platform.apps.directory.view;

import java.util.List;
import java.util.UUID;

/**
 * "Ma classe" as one reader may see it: a teacher's classes with their pupils and each pupil's parents, a pupil's
 * classes with classmates and teachers, a parent's children each with their classes and teachers, personnel's
 * school's classes. What the reader may not see is not in it (an empty list, never a hidden field).
 *
 * @param profile  the reader's directory profile, or null when the account has no directory entry
 * @param classes  the classes of a teacher, a pupil or personnel (empty for a parent: see {@code children})
 * @param children a parent's children with their classes (empty for anyone else)
 */
public record MyClassView(String profile, List<ClassCard> classes, List<ChildCard> children) {

    public static MyClassView none() {
        return new MyClassView(null, List.of(), List.of());
    }

    /** A person as "Ma classe" shows them: a name, nothing more. */
    public record Person(UUID id, String firstName, String lastName) {
    }

    /** A pupil of a class; their parents only for their teachers. */
    public record Pupil(UUID id, String firstName, String lastName, List<Person> relatives) {
    }

    /** A school, by name. */
    public record School(UUID id, String name) {
    }

    /** A class with its school, its teachers and (for its teachers, pupils and school personnel) its pupils. */
    public record ClassCard(UUID id, String name, String level, School school, List<Person> teachers,
            List<Pupil> pupils) {
    }

    /** One of a parent's children and the classes they are in. */
    public record ChildCard(Person child, List<ClassCard> classes) {
    }
}
