package fr.ent.platform.apps.directory.aaf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A staged record's attributes come back as they went in: order, several values, an empty value, no value. */
class PayloadTest {

    @Test
    void attributesComeBackAsTheyWentIn() {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put("ENTPersonNomPatro", List.of("DURAND"));
        attributes.put("ENTEleveClasses", List.of("0330001A$3A", "0330001A$3B"));
        attributes.put("ENTPersonMail", List.of(""));
        attributes.put("ENTEleveGroupes", List.of());
        attributes.put("ENTPersonPrenom", List.of("Léa", "", "Marie"));

        String text = Payload.encode(attributes);

        assertThat(Payload.decode(text)).isEqualTo(attributes);
        assertThat(List.copyOf(Payload.decode(text).keySet())).containsExactlyElementsOf(attributes.keySet());
        assertThat(Payload.decode("")).isEmpty();
        assertThat(Payload.decode(null)).isEmpty();
    }
}
