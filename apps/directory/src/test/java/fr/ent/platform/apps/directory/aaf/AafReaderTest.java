package fr.ent.platform.apps.directory.aaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.platform.apps.directory.aaf.AafRecord.Operation;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AafReaderTest {

    @Test
    void readsEveryRequestOfACompleteFileWithItsAttributesAndLine() throws Exception {
        List<AafRecord> records = new ArrayList<>();
        try (InputStream in = AafFixtures.open(AafFixtures.file("complet", "Eleve"))) {
            AafReader.read("Eleve", in, records::add);
        }
        assertThat(records).extracting(AafRecord::id).containsExactly("1001", "1002", "1003", "1004", "1005");
        AafRecord lea = records.get(0);
        assertThat(lea.operation()).isEqualTo(Operation.ADD);
        assertThat(lea.line()).isEqualTo(5);
        assertThat(lea.first("givenName")).isEqualTo("Léa");
        assertThat(lea.all("ENTElevePersRelEleve")).containsExactly("5001$2$1$1$0$1", "5002$1$1$1$0$1");
        // an empty <value/> is no value: the attribute is there, empty
        assertThat(lea.has("personalTitle")).isTrue();
        assertThat(lea.all("personalTitle")).isEmpty();
        // the category is the file's kind, not an attribute of the person
        assertThat(lea.has("categoriePersonne")).isFalse();
    }

    @Test
    void readsTheOperationsOfADelta() throws Exception {
        List<AafRecord> records = new ArrayList<>();
        try (InputStream in = AafFixtures.open(AafFixtures.file("delta", "Eleve"))) {
            AafReader.read("Eleve", in, records::add);
        }
        assertThat(records).extracting(AafRecord::operation)
                .containsExactly(Operation.MODIFY, Operation.DELETE, Operation.ADD, Operation.MODIFY);
        assertThat(records.get(0).attributes()).containsOnlyKeys("ENTEleveClasses");
        assertThat(records.get(0).all("ENTEleveClasses")).containsExactly("910001$3A");
        assertThat(records.get(1).attributes()).isEmpty();
    }

    @Test
    void refusesExternalEntitiesWithoutResolvingThem() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE ficAlimMENESR [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <ficAlimMENESR><addRequest><identifier><id>1</id></identifier><attributes>
                <attr name="sn"><value>&xxe;</value></attr></attributes></addRequest></ficAlimMENESR>
                """;
        assertThatThrownBy(() -> AafReader.read("x.xml", bytes(xxe), r -> { }))
                .isInstanceOf(AafFormatException.class)
                .satisfies(e -> assertThat(((AafFormatException) e).reason()).doesNotContain("root:"));
    }

    @Test
    void refusesInternalEntityExpansion() {
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE ficAlimMENESR [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
                <ficAlimMENESR><addRequest><identifier><id>&b;</id></identifier></addRequest></ficAlimMENESR>
                """;
        assertThatThrownBy(() -> AafReader.read("x.xml", bytes(laughs), r -> { }))
                .isInstanceOf(AafFormatException.class);
    }

    @Test
    void aBrokenFileIsRefusedAtItsLine() {
        String broken = "<?xml version=\"1.0\"?>\n<ficAlimMENESR>\n<addRequest>\n<identifier><id>1</id>\n"
                + "</addRequest>\n</ficAlimMENESR>\n";
        assertThatThrownBy(() -> AafReader.read("x.xml", bytes(broken), r -> { }))
                .isInstanceOfSatisfying(AafFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(5);
                    assertThat(e.reason()).startsWith("XML illisible");
                });
        assertThatThrownBy(() -> AafReader.read("x.xml", bytes("<html/>"), r -> { }))
                .isInstanceOfSatisfying(AafFormatException.class,
                        e -> assertThat(e.reason()).contains("ficAlimMENESR"));
    }

    /**
     * The shape of streaming: on an endless file, the first request reaches the caller after a few kilobytes were
     * read. A parser that built the document first would never return (or run out of memory).
     */
    @Test
    void handsEachRequestOverAsSoonAsItIsRead() {
        EndlessAaf in = new EndlessAaf();
        class Stop extends RuntimeException {
        }
        List<Long> consumedAt = new ArrayList<>();
        assertThatThrownBy(() -> AafReader.read("endless.xml", in, r -> {
            consumedAt.add(in.served());
            if (consumedAt.size() == 1000) {
                throw new Stop();
            }
        })).isInstanceOf(Stop.class);
        assertThat(consumedAt.get(0)).isLessThan(64 * 1024);
        // 1,000 requests later, still only about as much read as they take: nothing read far ahead.
        assertThat(consumedAt.get(999)).isLessThan(1000L * EndlessAaf.RECORD.length() + 64 * 1024);
    }

    @Test
    void fileNamesSayTheKindAndWhetherItIsADelta() {
        AafFileName complete = AafFileName.parse("ENTFICTIF_Complet_20260901_EtabEducNat_0000.xml");
        assertThat(complete.kind()).isEqualTo(AafKind.STRUCTURE);
        assertThat(complete.delta()).isFalse();
        assertThat(complete.ent()).isEqualTo("ENTFICTIF");
        AafFileName delta = AafFileName.parse("some/dir/FULL_ENT_X_Delta_20260915_PersRelEleve_0003.xml");
        assertThat(delta.kind()).isEqualTo(AafKind.RELATIVE);
        assertThat(delta.delta()).isTrue();
        assertThat(delta.part()).isEqualTo(3);
        assertThat(AafFileName.parse("X_Complet_20260901_MatiereEducNat_0000.xml").kind()).isEqualTo(AafKind.SUBJECT);
        assertThatThrownBy(() -> AafFileName.parse("eleves.csv")).isInstanceOf(AafFormatException.class);
        assertThatThrownBy(() -> AafFileName.parse("X_Complet_20260901_Inconnu_0000.xml"))
                .isInstanceOfSatisfying(AafFormatException.class, e -> assertThat(e.reason()).contains("Inconnu"));
    }

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    /** An AAF file that never ends: the same pupil request again and again, served a byte at a time on demand. */
    static final class EndlessAaf extends InputStream {
        static final String RECORD = """
                <addRequest><operationalAttributes><attr name="categoriePersonne"><value>Eleve</value></attr>\
                </operationalAttributes><identifier><id>1</id></identifier><attributes>\
                <attr name="sn"><value>Martin</value></attr><attr name="givenName"><value>Léa</value></attr>\
                </attributes></addRequest>
                """;
        private final byte[] head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ficAlimMENESR>\n"
                .getBytes(StandardCharsets.UTF_8);
        private final byte[] record = RECORD.getBytes(StandardCharsets.UTF_8);
        private long served;

        @Override
        public int read() {
            long at = served++;
            if (at < head.length) {
                return head[(int) at] & 0xff;
            }
            return record[(int) ((at - head.length) % record.length)] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            for (int i = 0; i < len; i++) {
                b[off + i] = (byte) read();
            }
            return len;
        }

        long served() {
            return served;
        }
    }
}
