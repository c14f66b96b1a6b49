package fr.ent.platform.apps.wiki.courses;

import fr.ent.platform.apps.wiki.Inputs;
import fr.ent.platform.apps.wiki.Owner;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.text.RichText;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** What a writer sends for a course, a chapter or a generation, and its checking (pure: unit-tested). */
public final class CourseInputs {

    public static final int TITLE_MAX = 120;
    public static final int LEVEL_MAX = 60;
    public static final int SUBJECT_MAX = 80;
    public static final int KEYWORDS_MAX = 200;
    public static final int CONTENT_MAX = 100_000;
    public static final int OBJECTIVES_MAX = 10;
    public static final int OBJECTIVE_MAX = 300;
    public static final int ATTACHMENTS_MAX = 10;
    public static final int DURATION_MIN = 5;
    public static final int DURATION_MAX = 6000;

    private CourseInputs() {
    }

    /** A new course written by hand: whose, its title, level, subject and duration in minutes. */
    public record CourseInput(String ownerKind, String ownerId, String title, String level, String subject,
            Integer durationMinutes) {
    }

    /** A course to generate: whose, and the four fields of the form (keywords separated by commas). */
    public record GenerationInput(String ownerKind, String ownerId, String level, String subject,
            Integer durationMinutes, String keywords) {
    }

    /**
     * A chapter as sent: title, objectives (one per line), content and exercises (HTML, sanitized; plain text keeps
     * its lines), documents to attach (ids from the writer's espace documentaire) and, for a save, the version it was
     * edited from.
     */
    public record ChapterInput(String title, String objectives, String content, String exercises,
            List<String> attachments, Integer baseVersion) {
    }

    /** The community a course is published to, by id. */
    public record CommunityInput(String community) {
    }

    public record CheckedCourse(Owner owner, String title, String level, String subject, int durationMinutes) {
    }

    public record CheckedChapter(String title, List<String> objectives, String content, String exercises,
            List<UUID> attachments) {
    }

    public static Owner owner(String kind, String id) {
        Owner.Kind k = Owner.Kind.parse(kind).orElseThrow(() -> InvalidInput.field("ownerKind", "wiki.owner-kind"));
        UUID u = Inputs.uuid(id).orElseThrow(() -> InvalidInput.field("ownerId", "wiki.owner"));
        return new Owner(k, u);
    }

    public static CheckedCourse course(CourseInput input) {
        if (input == null) {
            throw new InvalidInput("malformed-request");
        }
        return new CheckedCourse(owner(input.ownerKind(), input.ownerId()), title(input.title()),
                text(input.level(), "level", "course.level", LEVEL_MAX), text(input.subject(), "subject",
                        "course.subject", SUBJECT_MAX), duration(input.durationMinutes()));
    }

    /**
     * The generation request, only from the form's fields. {@code pupilNames}: the names of the pupils the writer
     * teaches (first and last names); keywords naming one of them are refused, so that a pupil's name cannot reach
     * the provider even typed by mistake.
     */
    public static GenerationRequest generation(GenerationInput input, Collection<String> pupilNames) {
        if (input == null) {
            throw new InvalidInput("malformed-request");
        }
        String level = text(input.level(), "level", "course.level", LEVEL_MAX);
        String subject = text(input.subject(), "subject", "course.subject", SUBJECT_MAX);
        int duration = duration(input.durationMinutes());
        String typed = Optional.ofNullable(input.keywords()).map(String::strip).orElse("");
        if (typed.length() > KEYWORDS_MAX) {
            throw InvalidInput.field("keywords", "course.keywords", KEYWORDS_MAX);
        }
        List<String> keywords = new ArrayList<>();
        for (String k : typed.split("[,;\\n]")) {
            String w = DraftParser.plain(k, KEYWORDS_MAX);
            if (!w.isEmpty() && !keywords.contains(w)) {
                keywords.add(w);
            }
        }
        for (String field : List.of(level, subject, String.join(" ", keywords))) {
            if (namesAPupil(field, pupilNames)) {
                throw InvalidInput.field(field.equals(level) ? "level" : field.equals(subject) ? "subject"
                        : "keywords", "course.personal");
            }
        }
        return new GenerationRequest(level, subject, duration, keywords);
    }

    /** Whether {@code text} holds one of the names as a whole word, case and accents aside. */
    static boolean namesAPupil(String text, Collection<String> names) {
        String words = " " + fold(text).replaceAll("[^a-z0-9]+", " ") + " ";
        for (String name : names) {
            String n = fold(name).replaceAll("[^a-z0-9]+", " ").strip();
            if (n.length() >= 2 && words.contains(" " + n + " ")) {
                return true;
            }
        }
        return false;
    }

    private static String fold(String s) {
        return Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }

    public static CheckedChapter chapter(ChapterInput input) {
        if (input == null) {
            throw new InvalidInput("malformed-request");
        }
        String title = title(input.title());
        List<String> objectives = objectiveLines(input.objectives());
        if (objectives.size() > OBJECTIVES_MAX || objectives.stream().anyMatch(o -> o.length() > OBJECTIVE_MAX)) {
            throw InvalidInput.field("objectives", "course.objectives", OBJECTIVES_MAX, OBJECTIVE_MAX);
        }
        String content = RichText.sanitize(RichText.typed(input.content())).strip();
        if (content.length() > CONTENT_MAX) {
            throw InvalidInput.field("content", "course.content", CONTENT_MAX);
        }
        String exercises = RichText.sanitize(RichText.typed(input.exercises())).strip();
        if (exercises.length() > CONTENT_MAX) {
            throw InvalidInput.field("exercises", "course.content", CONTENT_MAX);
        }
        List<UUID> attachments = new ArrayList<>();
        for (String a : input.attachments() == null ? List.<String>of() : input.attachments()) {
            UUID id = Inputs.uuid(a).orElseThrow(() -> InvalidInput.field("attachments", "course.attachments",
                    ATTACHMENTS_MAX));
            if (!attachments.contains(id)) {
                attachments.add(id);
            }
        }
        if (attachments.size() > ATTACHMENTS_MAX) {
            throw InvalidInput.field("attachments", "course.attachments", ATTACHMENTS_MAX);
        }
        return new CheckedChapter(title, objectives, content, exercises, attachments);
    }

    /** One objective a line, blank lines and list marks dropped. */
    public static List<String> objectiveLines(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : (text == null ? "" : text).split("\\R")) {
            String l = DraftParser.plain(line.replaceFirst("^\\s*[-*•]\\s*", ""), Integer.MAX_VALUE);
            if (!l.isEmpty()) {
                lines.add(l);
            }
        }
        return lines;
    }

    public static String title(String title) {
        String t = Optional.ofNullable(title).map(String::strip).orElse("");
        if (t.isEmpty() || t.length() > TITLE_MAX) {
            throw InvalidInput.field("title", "course.title", TITLE_MAX);
        }
        return t;
    }

    private static String text(String value, String field, String key, int max) {
        String t = Optional.ofNullable(value).map(String::strip).orElse("");
        if (t.isEmpty() || t.length() > max) {
            throw InvalidInput.field(field, key, max);
        }
        return t;
    }

    static int duration(Integer minutes) {
        if (minutes == null || minutes < DURATION_MIN || minutes > DURATION_MAX) {
            throw InvalidInput.field("durationMinutes", "course.duration", DURATION_MIN, DURATION_MAX);
        }
        return minutes;
    }

    public static int baseVersion(Integer base) {
        if (base == null || base < 1) {
            throw InvalidInput.field("baseVersion", "wiki.base-version");
        }
        return base;
    }

    /** A community's id as sent: anything that is not an id names no community (404, as an unknown one). */
    public static UUID community(String id) {
        return Inputs.uuid(id).orElseThrow(() -> new NotFound("community-not-found", String.valueOf(id)));
    }

    /** An id, or null for anything else (ids from the share rights, which may name something of another app). */
    static UUID uuidOrNull(String id) {
        return Inputs.uuid(id).orElse(null);
    }
}
