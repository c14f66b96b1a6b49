package fr.ent.platform.apps.wiki.courses;

import fr.ent.platform.problem.DependencyFailed;
import fr.ent.platform.runtime.text.RichText;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads the provider's answer into a {@link Draft} (pure: unit-tested). The answer is untrusted text: it may be wrapped
 * in a Markdown code fence, hold hostile HTML, be cut off, or be anything else. Texts and exercises go through the
 * platform's one sanitizer; titles and objectives are plain text (their markup dropped, the templates escape them);
 * lengths are cut to what the tables hold. An answer without a readable course is {@code ai-provider-invalid-response}
 * (502), the same problem as an unreadable chat-completion, and nothing is stored.
 */
public final class DraftParser {

    private static final Logger LOG = Logger.getLogger(DraftParser.class.getName());
    static final int TEXT_MAX = CourseInputs.CONTENT_MAX;

    private DraftParser() {
    }

    public static Draft parse(String answer, String fallbackTitle) {
        JsonObject json = object(answer);
        List<Draft.Chapter> chapters = new ArrayList<>();
        JsonArray array = json.get("chapters") instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY;
        for (JsonValue v : array) {
            if (!(v instanceof JsonObject c) || chapters.size() >= Prompt.MAX_CHAPTERS) {
                continue;
            }
            String title = plain(string(c, "title"), CourseInputs.TITLE_MAX);
            if (title.isEmpty()) {
                title = "Chapitre " + (chapters.size() + 1);
            }
            List<String> objectives = new ArrayList<>();
            if (c.get("objectives") instanceof JsonArray list) {
                for (JsonValue o : list) {
                    if (o instanceof JsonString s && objectives.size() < CourseInputs.OBJECTIVES_MAX) {
                        String line = plain(s.getString(), CourseInputs.OBJECTIVE_MAX);
                        if (!line.isEmpty()) {
                            objectives.add(line);
                        }
                    }
                }
            } else if (c.get("objectives") instanceof JsonString s) {
                CourseInputs.objectiveLines(s.getString()).forEach(objectives::add);
            }
            chapters.add(new Draft.Chapter(title, objectives, rich(string(c, "text")), rich(exercises(c))));
        }
        if (chapters.isEmpty()) {
            LOG.log(Level.WARNING, "AI course draft without any chapter");
            throw new DependencyFailed("ai-provider-invalid-response");
        }
        String title = plain(string(json, "title"), CourseInputs.TITLE_MAX);
        return new Draft(title.isEmpty() ? plain(fallbackTitle, CourseInputs.TITLE_MAX) : title, chapters);
    }

    /** The JSON object of the answer: the answer itself, or inside a code fence, or from its first { to its last }. */
    static JsonObject object(String answer) {
        String text = answer == null ? "" : answer.strip();
        int open = text.indexOf('{');
        int close = text.lastIndexOf('}');
        if (open < 0 || close <= open) {
            LOG.log(Level.WARNING, "AI course draft is not JSON");
            throw new DependencyFailed("ai-provider-invalid-response");
        }
        try (var reader = Json.createReader(new StringReader(text.substring(open, close + 1)))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            LOG.log(Level.WARNING, "AI course draft unreadable: {0}", e.getMessage());
            throw new DependencyFailed("ai-provider-invalid-response");
        }
    }

    private static String exercises(JsonObject c) {
        if (c.get("exercises") instanceof JsonArray list) {
            StringBuilder s = new StringBuilder("<ol>");
            for (JsonValue e : list) {
                if (e instanceof JsonString t) {
                    s.append("<li>").append(t.getString()).append("</li>");
                }
            }
            return s.append("</ol>").toString();
        }
        return string(c, "exercises");
    }

    private static String string(JsonObject o, String key) {
        return o.get(key) instanceof JsonString s ? s.getString() : "";
    }

    private static String rich(String html) {
        String clean = RichText.sanitize(RichText.typed(html)).strip();
        return clean.length() <= TEXT_MAX ? clean : RichText.sanitize(clean.substring(0, TEXT_MAX));
    }

    /** Markup dropped, spaces folded, cut at {@code max}. */
    static String plain(String text, int max) {
        String p = RichText.plain(RichText.sanitize(text == null ? "" : text)).replaceAll("\\s+", " ").strip();
        return p.length() <= max ? p : p.substring(0, max).strip();
    }
}
