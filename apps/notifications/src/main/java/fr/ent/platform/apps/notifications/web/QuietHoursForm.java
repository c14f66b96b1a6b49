package fr.ent.platform.apps.notifications.web;

import fr.ent.platform.apps.notifications.api.SettingsResource;
import fr.ent.platform.apps.notifications.quiet.QuietRange;
import fr.ent.platform.apps.notifications.quiet.QuietRanges;
import fr.ent.platform.problem.InvalidInput;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The quiet-hours form, as a user's settings page and a school's page both show and read it: rows of days, start
 * and end (row i's fields are {@code day.i}, {@code from.i}, {@code to.i}), with empty rows under them to add one
 * without JavaScript. Its rules are the API's: a time as {@link SettingsResource#minute} reads it, the ranges as
 * {@link QuietRange#check} judges them, refused with the same problems; a refusal also says which row and which
 * field, so that a page can show the reason next to it.
 */
public final class QuietHoursForm {

    /** Empty rows offered under the ranges, to add one without JavaScript. */
    static final int BLANK_ROWS = 2;

    private QuietHoursForm() {
    }

    /** One row of the form, as typed. */
    public record Row(Set<DayOfWeek> days, String from, String to) {
    }

    /**
     * Why the rows cannot be kept: the problem the API would answer, and where it is — the row (from 0, or -1 for the
     * whole form: too many ranges) and its field ({@code days}, {@code from} or {@code to}).
     */
    public record Refusal(int row, String field, InvalidInput reason) {

        /** The id of the input (or of the days' fieldset) the reason is about, for the error summary's link. */
        public String target() {
            return row < 0 ? "range-0" : field + "-" + row;
        }
    }

    /** The rows as typed; wholly empty rows are dropped, values that are no day are ignored (no such box). */
    static List<Row> typed(Map<String, String[]> parameters) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < QuietRange.MAX_RANGES + BLANK_ROWS; i++) {
            String from = first(parameters, "from." + i);
            String to = first(parameters, "to." + i);
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (String d : parameters.getOrDefault("day." + i, new String[0])) {
                try {
                    days.add(DayOfWeek.valueOf(d));
                } catch (IllegalArgumentException e) {
                    // not a day: ignored, as a box that does not exist
                }
            }
            if (!from.isEmpty() || !to.isEmpty() || !days.isEmpty()) {
                rows.add(new Row(days, from, to));
            }
        }
        return rows;
    }

    /** The rows of stored ranges. */
    static List<Row> rows(List<QuietRange> ranges) {
        return ranges.stream().map(r -> new Row(r.days(), QuietRange.time(r.startsMinute()),
                QuietRange.time(r.endsMinute()))).toList();
    }

    /** The rows as the form shows them: these, then the empty ones. */
    static List<Row> shown(List<Row> rows) {
        List<Row> shown = new ArrayList<>(rows);
        for (int i = 0; i < BLANK_ROWS; i++) {
            shown.add(new Row(Set.of(), "", ""));
        }
        return shown;
    }

    /** The days of the week by name, in the reader's language, Monday first. */
    static Map<String, String> days(Locale locale) {
        Map<String, String> days = new LinkedHashMap<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            days.put(d.name(), d.getDisplayName(TextStyle.FULL, locale));
        }
        return days;
    }

    /** What is wrong with these rows, the first thing only (as the API answers), or nothing. */
    static Optional<Refusal> refusal(List<Row> rows) {
        List<QuietRange> ranges = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            int from;
            int to;
            try {
                from = SettingsResource.minute("from", row.from());
            } catch (InvalidInput e) {
                return Optional.of(new Refusal(i, "from", e));
            }
            try {
                to = SettingsResource.minute("to", row.to());
            } catch (InvalidInput e) {
                return Optional.of(new Refusal(i, "to", e));
            }
            ranges.add(new QuietRange(row.days(), from, to));
        }
        return QuietRange.check(ranges).map(fault -> {
            // an overlap is shown at the later of the two rows: the one just typed, most often
            int at = fault.other() >= 0 ? fault.other() : fault.range();
            String field = switch (fault.kind()) {
                case NO_DAY -> "days";
                case INVERTED -> "to";
                case OUT_OF_DAY -> ranges.get(at).startsMinute() > 1439 ? "from" : "to";
                case OVERLAPPING, TOO_MANY -> "from";
            };
            return new Refusal(at, field, QuietRanges.refusal(fault));
        });
    }

    /** The ranges of rows that {@link #refusal} accepts; otherwise its reason is thrown. */
    static List<QuietRange> ranges(List<Row> rows) {
        Optional<Refusal> refused = refusal(rows);
        if (refused.isPresent()) {
            throw refused.get().reason();
        }
        return rows.stream().map(r -> new QuietRange(r.days(), SettingsResource.minute("from", r.from()),
                SettingsResource.minute("to", r.to()))).toList();
    }

    private static String first(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 || values[0] == null ? "" : values[0].strip();
    }
}
