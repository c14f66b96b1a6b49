package fr.ent.platform.apps.wiki.courses;

import fr.ent.platform.runtime.ai.ChatMessage;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.List;

/**
 * The messages sent to the AI provider to draft a course, built from a {@link GenerationRequest} alone (pure:
 * unit-tested). The same text is stored with the draft for audit ({@link #audit}), with the parameters as JSON.
 */
public final class Prompt {

    /** Above this, the model's answer would not fit the chapters a course holds. */
    public static final int MAX_CHAPTERS = 8;
    static final double TEMPERATURE = 0.4;

    static final String INSTRUCTIONS = """
            Tu aides un enseignant français à préparer un cours. Tu proposes un plan et le texte de chaque chapitre, \
            que l'enseignant relira et corrigera avant de le publier à ses élèves. Règles :
            - adapte le vocabulaire et la difficulté au niveau indiqué, suis les programmes de l'Éducation nationale ;
            - de 2 à %d chapitres, proportionnés à la durée indiquée ;
            - pour chaque chapitre : un titre court, 1 à 4 objectifs (ce que l'élève saura faire), un texte de cours \
            en HTML simple (p, ul, ol, li, strong, em, h3 seulement), 1 à 3 exercices en HTML simple ;
            - n'invente ni source, ni citation, ni donnée chiffrée incertaine ; ne nomme aucun élève ;
            - réponds uniquement par un objet JSON, sans texte autour, de la forme :
            {"title": "...", "chapters": [{"title": "...", "objectives": ["..."], "text": "<p>...</p>", \
            "exercises": "<ol><li>...</li></ol>"}]}""".formatted(MAX_CHAPTERS);

    private Prompt() {
    }

    /** The system instructions and the teacher's request, in that order. */
    public static List<ChatMessage> messages(GenerationRequest request) {
        return List.of(ChatMessage.system(INSTRUCTIONS), ChatMessage.user(ask(request)));
    }

    static String ask(GenerationRequest request) {
        StringBuilder s = new StringBuilder("Prépare un cours.\n")
                .append("Niveau : ").append(request.level()).append('\n')
                .append("Discipline : ").append(request.subject()).append('\n')
                .append("Durée totale : ").append(request.durationMinutes()).append(" minutes\n");
        if (!request.keywords().isEmpty()) {
            s.append("Mots-clés : ").append(String.join(", ", request.keywords())).append('\n');
        }
        return s.toString();
    }

    /** The prompt as kept with the draft: each message's role and text. */
    public static String audit(GenerationRequest request) {
        StringBuilder s = new StringBuilder();
        for (ChatMessage m : messages(request)) {
            s.append("[").append(m.role()).append("]\n").append(m.content()).append("\n\n");
        }
        return s.toString().strip();
    }

    /** The parameters as kept with the draft (JSON): the form's fields and the sampling temperature. */
    public static String parameters(GenerationRequest request, String model) {
        JsonArrayBuilder keywords = Json.createArrayBuilder();
        request.keywords().forEach(keywords::add);
        return Json.createObjectBuilder().add("level", request.level()).add("subject", request.subject())
                .add("durationMinutes", request.durationMinutes()).add("keywords", keywords)
                .add("model", model == null ? "" : model).add("temperature", TEMPERATURE).build().toString();
    }
}
