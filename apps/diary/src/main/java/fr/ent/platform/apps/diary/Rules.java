package fr.ent.platform.apps.diary;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Who sees and who changes an entry, decided apart from the store (unit-tested). The class's writers (its
 * teachers) see every entry of it, prepared ones included; everyone else who may open the class (its pupils,
 * their parents, the school's personnel) sees an entry from its visible-from day on, never before (pages, API and
 * widget alike). Only the teacher who wrote an entry changes or deletes it, and only while they still teach the
 * class: in a secondary school, each teacher keeps their own subject's entries.
 */
public final class Rules {

    private Rules() {
    }

    public static boolean sees(DiaryClass c, LocalDate visibleFrom, LocalDate today) {
        return c.writes() || !visibleFrom.isAfter(today);
    }

    public static boolean changes(DiaryClass c, UUID author, UUID reader) {
        return c.writes() && author.equals(reader);
    }
}
