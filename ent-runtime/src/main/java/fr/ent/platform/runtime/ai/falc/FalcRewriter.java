package fr.ent.platform.runtime.ai.falc;

import fr.ent.platform.runtime.ai.ChatCompletions;
import fr.ent.platform.runtime.ai.ChatMessage;
import fr.ent.platform.tenancy.InvalidTenantInputException;
import java.util.List;
import java.util.Objects;

/**
 * Rewrites a text in FALC (« Facile à lire et à comprendre ») with the sovereign AI provider and measures the
 * readability before and after. The human stays in the loop: the answer is a suggestion, nothing is stored, and the
 * text is sent to the provider only for this request.
 */
public final class FalcRewriter {

    /** Longest text accepted (characters): a page of a school letter, enough for the use and bounded in cost. */
    public static final int MAX_LENGTH = 6000;
    static final String NOTICE = "Suggestion générée automatiquement : relisez-la et adaptez-la avant de la "
            + "diffuser. Rien n'a été enregistré.";

    /** The FALC rules given to the model (from the European « Information pour tous » guidelines, in short). */
    static final String INSTRUCTIONS = """
            Tu réécris des textes en français « Facile à lire et à comprendre » (FALC) pour des élèves, des parents \
            et des personnels d'école. Règles :
            - des phrases courtes, une seule idée par phrase ;
            - des mots simples et courants ; explique un mot difficile s'il est indispensable ;
            - la voix active, le présent quand c'est possible, pas de double négation ;
            - pas de sigle ni d'abréviation sans explication ;
            - les nombres en chiffres, les dates complètes ;
            - garde toutes les informations utiles du texte (dates, lieux, personnes, démarches) et n'en invente aucune.
            Réponds uniquement par le texte réécrit, sans titre ni commentaire.""";

    private final ChatCompletions ai;

    public FalcRewriter(ChatCompletions ai) {
        this.ai = Objects.requireNonNull(ai, "ai");
    }

    public FalcSuggestion rewrite(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidTenantInputException("text", "falc.text.required");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidTenantInputException("text", "falc.text.length", String.valueOf(MAX_LENGTH));
        }
        String rewritten = ai.complete(List.of(ChatMessage.system(INSTRUCTIONS), ChatMessage.user(text.strip())), 0.2);
        return new FalcSuggestion(rewritten, Readability.of(text), Readability.of(rewritten), NOTICE);
    }
}
