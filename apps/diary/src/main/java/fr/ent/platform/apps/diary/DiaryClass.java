package fr.ent.platform.apps.diary;

import java.util.List;
import java.util.UUID;

/**
 * A class whose diary the reader may open, as the directory relates them: a teacher's class (they write in it), a
 * pupil's class, a parent's child's class (with the children in it, to tell two children apart), the classes of a
 * member of the school's personnel (read only).
 */
public record DiaryClass(UUID id, String name, String school, List<String> children, boolean writes) {

    /** "CP" or "CP (Léa)" for a parent. */
    public String label() {
        return children.isEmpty() ? name : name + " (" + String.join(", ", children) + ")";
    }
}
