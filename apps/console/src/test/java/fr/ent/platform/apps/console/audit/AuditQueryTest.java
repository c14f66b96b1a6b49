package fr.ent.platform.apps.console.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.apps.console.scope.ConsoleScope;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Who reads which entries of the audit trail (ADR 0024), and the form's filters made safe: a SUPER_ADMIN every
 * entry, a local administrator only those about its schools; typed text is only ever a parameter.
 */
class AuditQueryTest {

    static final ConsoleScope SUPER = new ConsoleScope(true, Set.of(), "admin");
    static final ConsoleScope LOCAL = new ConsoleScope(false, Set.of("0693331W", "0691234A"), "adml");

    @Test
    void a_super_admin_reads_everything_a_local_administrator_only_its_schools() {
        assertThat(AuditQuery.of(null, null, null, null).condition(SUPER))
                .isEqualTo(new AuditQuery.Condition("TRUE", List.of()));
        AuditQuery.Condition local = AuditQuery.of(null, null, null, null).condition(LOCAL);
        assertThat(local.sql()).isEqualTo("string_to_array(schools, ',') && string_to_array(?1, ',')");
        assertThat(local.parameters()).containsExactly("0691234A,0693331W");
    }

    @Test
    void filters_are_parameters_numbered_after_the_scope() {
        AuditQuery.Condition c = AuditQuery.of("APPS_SET", " Ad_m%n ", "REFUSED", "3").condition(LOCAL);
        assertThat(c.sql()).isEqualTo("string_to_array(schools, ',') && string_to_array(?1, ',') AND action = ?2"
                + " AND lower(actor) LIKE ?3 AND outcome = ?4");
        assertThat(c.parameters()).containsExactly("0691234A,0693331W", "APPS_SET", "%ad\\_m\\%n%", "REFUSED");
        assertThat(AuditQuery.of("APPS_SET", null, null, "3").offset()).isEqualTo(2 * AuditQuery.PAGE_SIZE);
    }

    @Test
    void unreadable_filters_are_no_filters() {
        AuditQuery q = AuditQuery.of("x'; DROP TABLE console_audit; --", "   ", "MAYBE", "-4");
        assertThat(q.action()).isNull();
        assertThat(q.actor()).isNull();
        assertThat(q.outcome()).isNull();
        assertThat(q.page()).isEqualTo(1);
        assertThat(AuditQuery.of(null, null, null, "deux").page()).isEqualTo(1);
        assertThat(AuditQuery.of("USER_ENABLED", "é à", "DONE", "2").parameters())
                .isEqualTo("&action=USER_ENABLED&actor=%C3%A9+%C3%A0&outcome=DONE");
    }

    @Test
    void a_target_keeps_only_well_formed_uais_and_a_plain_kind() {
        AuditTarget t = AuditTarget.inSchools("person", "id", "Léa", Set.of("0693331w", "nope", "0691234A"));
        assertThat(t.schools()).containsExactly("0691234A", "0693331W");
        assertThat(t.schoolsColumn()).isEqualTo("0691234A,0693331W");
        assertThat(AuditTarget.collectivityWide("app", "diary", null).schoolsColumn()).isEmpty();
        assertThatThrownBy(() -> AuditTarget.collectivityWide("Bad Kind", null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
