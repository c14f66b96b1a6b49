package fr.ent.platform.apps.flash;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * What the flash message form shows: the values typed (or the message being edited) and, after a refused submit,
 * why. Dates are the form's date-time fields, at {@link FlashDraft#FORM_ZONE}.
 *
 * @param id the message edited, or null for a new one
 */
public record FormState(String id, String title, String text, String level, Set<String> profiles,
        Set<String> structures, String startsAt, String endsAt, List<String> errors) {

    public FormState {
        profiles = Set.copyOf(profiles);
        structures = Set.copyOf(structures);
        errors = List.copyOf(errors);
    }

    /** A new message: information for everyone's profile choice left to the editor, starting now, for a week. */
    static FormState blank(OffsetDateTime now) {
        return new FormState(null, "", "", Level.INFO.code(), Set.of(), Set.of(), local(now), local(now.plusDays(7)),
                List.of());
    }

    static FormState of(FlashView m) {
        return new FormState(m.id(), m.title(), m.text(), m.level(), Set.copyOf(m.profiles()),
                Set.copyOf(m.structures()), local(m.startsAt()), local(m.endsAt()), List.of());
    }

    static FormState of(String id, FlashInput in, List<String> errors) {
        return new FormState(id, nonNull(in.title()), nonNull(in.text()), nonNull(in.level()), Set.copyOf(in.profiles()),
                Set.copyOf(in.structures()), nonNull(in.startsAt()), nonNull(in.endsAt()), errors);
    }

    public boolean isNew() {
        return id == null;
    }

    /** Where the form posts: the list for a new message, the message itself for an edit. */
    public String action() {
        return id == null ? "/flash" : "/flash/" + id;
    }

    /** The value of a datetime-local field. */
    static String local(OffsetDateTime at) {
        return at.atZoneSameInstant(FlashDraft.FORM_ZONE).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
