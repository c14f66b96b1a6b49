package fr.ent.platform.apps.flash;

import fr.ent.platform.identity.RealmRoles;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A flash message that passed every check, ready to be written. {@link #check} is the one place that decides what
 * a message may be and whom an editor may target; it touches nothing, so both the API and the form use it.
 */
public record FlashDraft(String title, String text, Level level, Target target, OffsetDateTime startsAt,
        OffsetDateTime endsAt) {

    static final int MAX_TITLE = 120;
    static final int MAX_TEXT = 2000;
    static final int MAX_STRUCTURES = 200;
    /**
     * Dates without an offset (a form's date-time fields) are read at the collectivity's legal time. Metropolitan
     * France for now: per-user time zones (overseas territories) come with the user settings.
     */
    public static final ZoneId FORM_ZONE = ZoneId.of("Europe/Paris");

    /** The checked result: a draft, or why not. */
    public record Checked(Optional<FlashDraft> draft, List<Violation> violations) {
    }

    /**
     * Checks an input for this editor. {@code schools} are the UAIs of the collectivity's directory: a school that
     * is not there is refused like a mistyped one, whichever collectivity it belongs to.
     */
    public static Checked check(FlashInput in, Editor editor, Set<String> schools) {
        List<Violation> violations = new ArrayList<>();
        String title = strip(in.title());
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            violations.add(Violation.invalid("title", "title", String.valueOf(MAX_TITLE)));
        }
        // Plain text: the page escapes it and keeps its line breaks; no HTML is accepted, so none needs sanitizing.
        String text = strip(in.text()).replace("\r\n", "\n");
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            violations.add(Violation.invalid("text", "text", String.valueOf(MAX_TEXT)));
        }
        Optional<Level> level = Level.parse(in.level() == null ? null : in.level().strip().toLowerCase(Locale.ROOT));
        if (level.isEmpty()) {
            violations.add(Violation.invalid("level", "level", null));
        }
        TreeSet<String> profiles = new TreeSet<>();
        for (String p : orEmpty(in.profiles())) {
            if (!RealmRoles.PROFILES.contains(p)) {
                violations.add(Violation.invalid("profiles", "profile", String.valueOf(p)));
            } else {
                profiles.add(p);
            }
        }
        if (profiles.isEmpty()) {
            violations.add(Violation.invalid("profiles", "profiles", null));
        }
        TreeSet<String> structures = new TreeSet<>();
        for (String s : orEmpty(in.structures())) {
            structures.add(s == null ? "" : s.strip().toUpperCase(Locale.ROOT));
        }
        structures.remove("");
        if (structures.size() > MAX_STRUCTURES) {
            violations.add(Violation.invalid("structures", "structures", String.valueOf(MAX_STRUCTURES)));
        }
        for (String uai : structures) {
            if (!schools.contains(uai)) {
                violations.add(Violation.invalid("structures", "unknown-school", uai.length() > 20 ? uai.substring(0, 20) : uai));
            }
        }
        if (!editor.wholeCollectivity()) {
            if (structures.isEmpty()) {
                violations.add(Violation.notYours("structures", ""));
            }
            for (String uai : structures) {
                if (!editor.structures().contains(uai)) {
                    violations.add(Violation.notYours("structures", uai.length() > 20 ? uai.substring(0, 20) : uai));
                }
            }
        }
        Optional<OffsetDateTime> startsAt = date(in.startsAt());
        Optional<OffsetDateTime> endsAt = date(in.endsAt());
        if (startsAt.isEmpty()) {
            violations.add(Violation.invalid("startsAt", "date", null));
        }
        if (endsAt.isEmpty()) {
            violations.add(Violation.invalid("endsAt", "date", null));
        }
        if (startsAt.isPresent() && endsAt.isPresent() && !endsAt.get().isAfter(startsAt.get())) {
            violations.add(Violation.invalid("endsAt", "end-before-start", null));
        }
        if (!violations.isEmpty()) {
            return new Checked(Optional.empty(), List.copyOf(violations));
        }
        return new Checked(Optional.of(new FlashDraft(title, text, level.orElseThrow(), new Target(profiles, structures),
                startsAt.orElseThrow(), endsAt.orElseThrow())), List.of());
    }

    /** An ISO date-time with an offset, or without one (read in {@link #FORM_ZONE}); anything else is nothing. */
    static Optional<OffsetDateTime> date(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        try {
            return Optional.of(OffsetDateTime.parse(t));
        } catch (DateTimeParseException withoutOffset) {
            try {
                return Optional.of(LocalDateTime.parse(t).atZone(FORM_ZONE).toOffsetDateTime());
            } catch (DateTimeParseException unreadable) {
                return Optional.empty();
            }
        }
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
