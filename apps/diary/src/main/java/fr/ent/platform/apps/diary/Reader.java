package fr.ent.platform.apps.diary;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The signed-in person as the diary sees them: their directory id, their name (kept on what they write) and the
 * classes whose diary they may open, asked of the directory at each request ({@link Classes}): a class that is not
 * there is not found, whoever asks and whatever its id.
 */
public record Reader(UUID id, String name, Map<UUID, DiaryClass> classes) {

    public Reader {
        classes = Map.copyOf(classes);
    }

    public Optional<DiaryClass> diaryClass(UUID id) {
        return Optional.ofNullable(classes.get(id));
    }

    /** Their classes by name. */
    public List<DiaryClass> sorted() {
        return classes.values().stream().sorted(java.util.Comparator.comparing(DiaryClass::label)).toList();
    }

    public boolean writesSomewhere() {
        return classes.values().stream().anyMatch(DiaryClass::writes);
    }
}
