package fr.ent.platform.sovereignty.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/sovereignty.md lists every rule with its sources and how it is checked, as the code has them. */
class SovereigntyDocTest {

    static String document() throws Exception {
        String location = System.getProperty("ent.sovereignty.doc", "../docs/sovereignty.md");
        Path file = Path.of(location);
        assertThat(file).as("docs/sovereignty.md (propriété ent.sovereignty.doc)").exists();
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void theGeneratedCatalogueBlockIsUpToDate() throws Exception {
        String document = document();
        assertThat(CatalogueMarkdown.update(document, Catalogue.standard()))
                .as("docs/sovereignty.md est en retard sur le catalogue : relancer CatalogueMarkdown (voir sa javadoc)")
                .isEqualTo(document);
    }

    @Test
    void everyRuleAndEverySourceIsInTheDocument() throws Exception {
        String document = document();
        for (Rule rule : Catalogue.standard().rules()) {
            assertThat(document).contains("### " + rule.id().code(), rule.check());
            for (Source source : rule.sources()) {
                assertThat(document).contains(source.toString());
            }
        }
    }

    @Test
    void updateReplacesOnlyTheGeneratedBlock() {
        String updated = CatalogueMarkdown.update("avant\n" + CatalogueMarkdown.BEGIN + "\nvieux\n"
                + CatalogueMarkdown.END + "\naprès\n", Catalogue.standard());
        assertThat(updated).startsWith("avant\n" + CatalogueMarkdown.BEGIN + "\n| règle |")
                .endsWith(CatalogueMarkdown.END + "\naprès\n").doesNotContain("vieux");
    }
}
