package fr.ent.platform.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How an app's rows become an export's: column names, JSON-ready values, parameters bound in order. */
class RowsTest {

    @Test
    void namesAreTheColumnsOrTheirAliases() {
        assertThat(Rows.names("m.id, f.name AS folder, CASE WHEN m.neutralized THEN NULL ELSE m.body END AS body,"
                + " coalesce(a, b) AS c, size")).containsExactly("id", "folder", "body", "c", "size");
    }

    @Test
    void parametersAreRenumberedInTheOrderTheyAppear() {
        List<Object> bound = new ArrayList<>();
        assertThat(Rows.numbered("SELECT x FROM t WHERE a = ?2 OR b = ?1 OR c = ?2", new Object[] {"one", "two"},
                bound)).isEqualTo("SELECT x FROM t WHERE a = ?1 OR b = ?2 OR c = ?3");
        assertThat(bound).containsExactly("two", "one", "two");
        assertThatThrownBy(() -> Rows.numbered("a = ?3", new Object[] {"one"}, new ArrayList<>()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesAreWhatJsonCarries() {
        UUID id = UUID.randomUUID();
        assertThat(Rows.value(id)).isEqualTo(id.toString());
        assertThat(Rows.value(Timestamp.from(Instant.parse("2026-09-01T07:30:00Z")))).isEqualTo("2026-09-01T07:30:00Z");
        assertThat(Rows.value(java.sql.Date.valueOf("2026-09-01"))).isEqualTo("2026-09-01");
        assertThat(Rows.value(42L)).isEqualTo(42L);
        assertThat(Rows.value(true)).isEqualTo(true);
        assertThat(Rows.value(null)).isNull();
        assertThat(Rows.value('A')).isEqualTo("A");
        assertThat(Rows.value(new byte[3])).isEqualTo("3 octets");
    }
}
