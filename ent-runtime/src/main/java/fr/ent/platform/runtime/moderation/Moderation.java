package fr.ent.platform.runtime.moderation;

import fr.ent.platform.identity.VerifiedToken;
import java.util.Locale;
import java.util.UUID;

/**
 * The platform's moderation service (implemented by the moderation app, apps/moderation): any signed-in reader
 * reports a content they may read; the collectivity's moderators (SUPER_ADMIN, ADMIN_LOCAL for their schools)
 * neutralize, restore or delete it. See docs/moderation.md.
 */
public interface Moderation {

    /** The placeholder readers see instead of a neutralized content, in French (API answers). */
    String PLACEHOLDER = "Contenu masqué par la modération";

    /**
     * Records a report of a content {@code reporter} may read, with a reason ({@link ReportReason}) and a free text
     * (up to 1000 characters, may be empty); returns the report's id. A content they may not read is NotFound; a bad
     * reason or text is InvalidInput.
     */
    UUID report(VerifiedToken reporter, ContentRef ref, String reason, String text);

    /** The placeholder in a language (fr, en, es; French otherwise). */
    static String placeholder(Locale locale) {
        return switch (locale.getLanguage()) {
            case "en" -> "Content hidden by moderation";
            case "es" -> "Contenido ocultado por la moderación";
            default -> PLACEHOLDER;
        };
    }
}
