package fr.ent.platform.runtime.collab;

import static org.assertj.core.api.Assertions.assertThat;

import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The editor field's markup and the visual editor's library it loads (ADR 0045). */
class RichEditorTest {

    @Test
    void theVendoredLibraryIsTheVersionPinnedInTheParentPom() throws IOException {
        Matcher pinned = Pattern.compile("<squire-rte.version>([^<]+)</squire-rte.version>")
                .matcher(Files.readString(Path.of("..", "pom.xml")));
        assertThat(pinned.find()).isTrue();
        assertThat(RichEditor.SQUIRE).isEqualTo("/static/vendor/squire-rte-" + pinned.group(1) + "/squire.js");
        try (InputStream library = getClass().getResourceAsStream("/META-INF/resources" + RichEditor.SQUIRE);
             InputStream license = getClass().getResourceAsStream(
                     "/META-INF/resources" + RichEditor.SQUIRE.replace("squire.js", "LICENSE"))) {
            assertThat(library).isNotNull();
            assertThat(license).isNotNull();
            String code = new String(library.readAllBytes(), StandardCharsets.UTF_8);
            // loaded as a classic script: it defines window.Squire, and names no source map the runtime does not serve
            assertThat(code).contains("window.Squire=").doesNotContain("sourceMappingURL");
            assertThat(new String(license.readAllBytes(), StandardCharsets.UTF_8)).contains("MIT License");
        }
    }

    @Test
    void withoutScriptsTheFieldIsALabelledTextareaAndTheScriptsComeFromThePortalOnly() {
        StringOutput out = new StringOutput();
        RichEditor.plain("body", "content", "Contenu", "Mise en forme permise.", "<p>Bonjour</p>", Locale.FRENCH)
                .mandatory().writeTo(out);
        String html = out.toString();
        assertThat(html).contains("<label for=\"body\">Contenu</label>", "<textarea id=\"body\" name=\"content\"",
                "required", "&lt;p&gt;Bonjour&lt;/p&gt;</textarea>", "role=\"toolbar\"", "hidden>",
                "data-text-address=\"Adresse du lien", "<script src=\"" + RichEditor.SQUIRE + "\" defer></script>",
                "<script src=\"/static/rich-editor.js\" defer></script>")
                .doesNotContain("live-editor.js", "data-live=");
        assertThat(html.indexOf(RichEditor.SQUIRE)).isLessThan(html.indexOf("/static/rich-editor.js"));
    }
}
