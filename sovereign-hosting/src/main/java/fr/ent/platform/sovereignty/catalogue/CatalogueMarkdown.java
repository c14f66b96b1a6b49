package fr.ent.platform.sovereignty.catalogue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The catalogue as Markdown, for docs/sovereignty.md: the block between {@value #BEGIN} and {@value #END} is
 * generated from the code (a test checks that it is up to date). Regenerate it with
 * {@code java -cp sovereign-hosting/target/classes fr.ent.platform.sovereignty.catalogue.CatalogueMarkdown docs/sovereignty.md}.
 */
public final class CatalogueMarkdown {

    public static final String BEGIN = "<!-- catalogue: début (généré depuis Catalogue.standard(), ne pas éditer) -->";
    public static final String END = "<!-- catalogue: fin -->";

    private CatalogueMarkdown() {
    }

    public static String render(Catalogue catalogue) {
        StringBuilder md = new StringBuilder();
        md.append("| règle | gravité | portée | exigence |\n|---|---|---|---|\n");
        for (Rule rule : catalogue.rules()) {
            md.append("| [`").append(rule.id().code()).append("`](#").append(rule.id().code().toLowerCase(java.util.Locale.ROOT))
                    .append(") | ").append(severity(rule.severity())).append(" | ").append(scope(rule.scope()))
                    .append(" | ").append(rule.title()).append(" |\n");
        }
        for (Rule rule : catalogue.rules()) {
            md.append("\n### ").append(rule.id().code()).append("\n\n");
            md.append(rule.title()).append(".\n\n");
            md.append("- Gravité : ").append(severity(rule.severity())).append(" ; portée : ")
                    .append(scope(rule.scope())).append(".\n");
            md.append("- Sources :\n");
            for (Source source : rule.sources()) {
                md.append("  - ").append(source).append("\n");
            }
            md.append("- Vérification : ").append(rule.check()).append("\n");
        }
        return md.toString();
    }

    /** The document with its generated block replaced by the current catalogue. */
    public static String update(String document, Catalogue catalogue) {
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("le document n'a pas les marqueurs " + BEGIN + " … " + END);
        }
        return document.substring(0, begin + BEGIN.length()) + "\n" + render(catalogue) + document.substring(end);
    }

    private static String severity(Severity severity) {
        return severity == Severity.BLOCKING ? "bloquante" : "avertissement";
    }

    private static String scope(Scope scope) {
        return scope == Scope.PLATFORM ? "plateforme" : "par collectivité";
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage : CatalogueMarkdown <docs/sovereignty.md>");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        Files.writeString(file, update(Files.readString(file, StandardCharsets.UTF_8), Catalogue.standard()),
                StandardCharsets.UTF_8);
    }
}
