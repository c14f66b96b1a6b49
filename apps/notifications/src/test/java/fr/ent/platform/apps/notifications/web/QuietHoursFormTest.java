package fr.ent.platform.apps.notifications.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.apps.notifications.quiet.QuietRange;
import fr.ent.platform.apps.notifications.web.QuietHoursForm.Refusal;
import fr.ent.platform.apps.notifications.web.QuietHoursForm.Row;
import fr.ent.platform.problem.InvalidInput;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The quiet-hours form of the settings and school pages: what it reads from the fields, and which row and field a
 * refusal is shown next to, with the API's problem (same rules, same problem types).
 */
class QuietHoursFormTest {

    private static final Set<DayOfWeek> MONDAY = Set.of(DayOfWeek.MONDAY);

    @Test
    void typed_rows_keep_what_was_typed_and_drop_empty_rows_and_unknown_days() {
        Map<String, String[]> fields = new HashMap<>();
        fields.put("day.0", new String[] {"MONDAY", "FUNDAY", "TUESDAY"});
        fields.put("from.0", new String[] {" 20:00 "});
        fields.put("to.0", new String[] {"24:00"});
        fields.put("from.1", new String[] {""});
        fields.put("to.1", new String[] {""});
        fields.put("from.3", new String[] {"25:00"});
        fields.put("from.99", new String[] {"08:00"}); // beyond the rows a form can have
        assertThat(QuietHoursForm.typed(fields)).containsExactly(
                new Row(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY), "20:00", "24:00"),
                new Row(Set.of(), "25:00", ""));
    }

    @Test
    void stored_ranges_come_back_as_rows_and_the_form_adds_empty_ones() {
        List<Row> rows = QuietHoursForm.rows(List.of(new QuietRange(MONDAY, 20 * 60, 1440)));
        assertThat(rows).containsExactly(new Row(MONDAY, "20:00", "24:00"));
        assertThat(QuietHoursForm.shown(rows)).hasSize(1 + QuietHoursForm.BLANK_ROWS)
                .endsWith(new Row(Set.of(), "", ""));
        assertThat(QuietHoursForm.days(Locale.FRENCH)).containsEntry("MONDAY", "lundi").hasSize(7);
        assertThat(QuietHoursForm.days(Locale.forLanguageTag("es"))).containsEntry("SUNDAY", "domingo");
    }

    @Test
    void good_rows_are_the_ranges_to_keep() {
        List<Row> rows = List.of(new Row(MONDAY, "20:00", "24:00"), new Row(MONDAY, "00:00", "07:00"));
        assertThat(QuietHoursForm.refusal(rows)).isEmpty();
        assertThat(QuietHoursForm.ranges(rows)).containsExactly(new QuietRange(MONDAY, 20 * 60, 1440),
                new QuietRange(MONDAY, 0, 7 * 60));
    }

    @Test
    void a_time_that_is_no_time_is_refused_at_its_row_and_field() {
        Refusal from = QuietHoursForm.refusal(List.of(new Row(MONDAY, "20:00", "24:00"),
                new Row(MONDAY, "8h", "09:00"))).orElseThrow();
        assertThat(from.row()).isEqualTo(1);
        assertThat(from.field()).isEqualTo("from");
        assertThat(from.target()).isEqualTo("from-1");
        assertThat(from.reason().code()).isEqualTo("invalid-input");
        Refusal to = QuietHoursForm.refusal(List.of(new Row(MONDAY, "08:00", "24:30"))).orElseThrow();
        assertThat(to.row()).isZero();
        assertThat(to.field()).isEqualTo("to");
    }

    @Test
    void the_ranges_rules_are_the_apis_and_point_at_the_row_to_fix() {
        Refusal inverted = refusal(new Row(MONDAY, "20:00", "07:00"));
        assertThat(inverted.reason().code()).isEqualTo("quiet-hours-inverted");
        assertThat(inverted.reason().arguments()[0]).isEqualTo(1);
        assertThat(inverted.target()).isEqualTo("to-0");

        Refusal noDay = refusal(new Row(MONDAY, "08:00", "09:00"), new Row(Set.of(), "12:00", "13:00"));
        assertThat(noDay.reason().code()).isEqualTo("quiet-hours-no-day");
        assertThat(noDay.target()).isEqualTo("days-1");

        Refusal overlap = refusal(new Row(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY), "18:00", "21:00"),
                new Row(Set.of(DayOfWeek.TUESDAY), "20:00", "24:00"));
        assertThat(overlap.reason().code()).isEqualTo("quiet-hours-overlapping");
        assertThat(overlap.reason().arguments()).startsWith(1, 2);
        assertThat(overlap.target()).as("shown at the later row").isEqualTo("from-1");

        assertThat(refusal(new Row(MONDAY, "24:00", "24:00")).target()).isEqualTo("from-0");
        Refusal endsAtMidnight = refusal(new Row(MONDAY, "00:00", "00:00"));
        assertThat(endsAtMidnight.reason().code()).isEqualTo("quiet-hours-out-of-day");
        assertThat(endsAtMidnight.target()).isEqualTo("to-0");
    }

    @Test
    void too_many_ranges_are_refused_for_the_whole_form() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i <= QuietRange.MAX_RANGES; i++) {
            rows.add(new Row(MONDAY, String.format("%02d:00", i), String.format("%02d:30", i)));
        }
        Refusal tooMany = QuietHoursForm.refusal(rows).orElseThrow();
        assertThat(tooMany.reason().code()).isEqualTo("quiet-hours-too-many");
        assertThat(tooMany.target()).isEqualTo("range-0");
        assertThatThrownBy(() -> QuietHoursForm.ranges(rows)).isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).code()).isEqualTo("quiet-hours-too-many");
    }

    private static Refusal refusal(Row... rows) {
        return QuietHoursForm.refusal(List.of(rows)).orElseThrow();
    }

    @Test
    void aSchoolsSaveIsWrittenPlainlyInTheAdministrationTrail() {
        assertThat(SchoolsPage.described(List.of())).isEqualTo("none");
        assertThat(SchoolsPage.described(List.of(new QuietRange(EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY),
                20 * 60, 24 * 60), new QuietRange(EnumSet.of(DayOfWeek.SATURDAY), 0, 24 * 60))))
                .isEqualTo("Mon,Fri 20:00-24:00; Sat 00:00-24:00");
    }
}
