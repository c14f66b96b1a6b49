package fr.ent.platform.apps.diary;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the diary's API and pages show. */
public final class Views {

    private Views() {
    }

    /**
     * A session (what was done on {@code day}) or a homework (what is due on {@code day}). {@code visible}: whether
     * the families see it yet; {@code editable}: whether the reader may change it.
     */
    public record Entry(UUID id, UUID classId, String classLabel, String kind, LocalDate day, String subject,
            String content, LocalDate visibleFrom, boolean visible, String authorName, List<Attachment> attachments,
            boolean editable) {

        public boolean homework() {
            return Inputs.HOMEWORK.equals(kind);
        }
    }

    /** A document of the documents app attached to an entry; opened through the entry. */
    public record Attachment(UUID id, String name, String contentType) {
    }

    /** One day of a class: the sessions held that day, the homework due that day. */
    public record Day(LocalDate date, List<Entry> sessions, List<Entry> homework) {

        public boolean empty() {
            return sessions.isEmpty() && homework.isEmpty();
        }
    }

    /** Some days of a class's diary (a week, or one day), with the days before and after to move to. */
    public record Days(DiaryClass diaryClass, LocalDate first, LocalDate last, List<Day> days, LocalDate previous,
            LocalDate next, LocalDate today) {
    }

    /** A document the reader may attach (their own live files). */
    public record Attachable(UUID id, String name, String contentType) {
    }
}
