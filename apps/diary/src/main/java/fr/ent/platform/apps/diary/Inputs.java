package fr.ent.platform.apps.diary;

import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.runtime.text.RichText;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What a teacher sends to write an entry, and its checking (pure: unit-tested). */
public final class Inputs {

    public static final String SESSION = "session";
    public static final String HOMEWORK = "homework";
    public static final int SUBJECT_MAX = 80;
    public static final int CONTENT_MAX = 20_000;
    public static final int ATTACHMENTS_MAX = 10;

    private Inputs() {
    }

    /**
     * An entry as sent: kind {@code session} or {@code homework}, its day ({@code 2026-12-07}: the session's day or
     * the homework's due day), a subject (free text, "Mathématiques"), its content (HTML, sanitized), the day the
     * families see it from (none: today) and the ids of documents to attach.
     */
    public record EntryInput(String kind, String day, String subject, String content, String visibleFrom,
            List<String> attachments) {
    }

    /** An input that passed its checks: the content sanitized, the dates read. */
    public record Checked(String kind, LocalDate day, String subject, String content, LocalDate visibleFrom,
            List<UUID> attachments) {
    }

    public static Checked check(EntryInput input, LocalDate today) {
        if (input == null) {
            throw new InvalidInput("malformed-request");
        }
        String kind = Optional.ofNullable(input.kind()).map(String::strip).orElse("");
        if (!kind.equals(SESSION) && !kind.equals(HOMEWORK)) {
            throw InvalidInput.field("kind", "diary.kind");
        }
        LocalDate day = date(input.day()).orElseThrow(() -> InvalidInput.field("day", "diary.day"));
        String subject = Optional.ofNullable(input.subject()).map(String::strip).orElse("");
        if (subject.isEmpty() || subject.length() > SUBJECT_MAX) {
            throw InvalidInput.field("subject", "diary.subject", SUBJECT_MAX);
        }
        String content = RichText.sanitize(RichText.typed(input.content())).strip();
        if (content.length() > CONTENT_MAX || RichText.plain(content).isEmpty()) {
            throw InvalidInput.field("content", "diary.content", CONTENT_MAX);
        }
        LocalDate visibleFrom = input.visibleFrom() == null || input.visibleFrom().isBlank() ? today
                : date(input.visibleFrom()).orElseThrow(() -> InvalidInput.field("visibleFrom", "diary.day"));
        if (kind.equals(HOMEWORK) && visibleFrom.isAfter(day)) {
            // homework the families would only see once it is due
            throw InvalidInput.field("visibleFrom", "diary.visible-from");
        }
        Set<UUID> attachments = new LinkedHashSet<>();
        for (String id : Optional.ofNullable(input.attachments()).orElse(List.of())) {
            if (id == null || id.isBlank()) {
                continue;
            }
            try {
                attachments.add(UUID.fromString(id.strip()));
            } catch (IllegalArgumentException notAnId) {
                throw new fr.ent.platform.problem.NotFound("document-not-found", id);
            }
        }
        if (attachments.size() > ATTACHMENTS_MAX) {
            throw InvalidInput.field("attachments", "diary.attachments", ATTACHMENTS_MAX);
        }
        return new Checked(kind, day, subject, content, visibleFrom, new ArrayList<>(attachments));
    }

    /** An ISO date ({@code 2026-12-07}), none for anything else. */
    public static Optional<LocalDate> date(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
