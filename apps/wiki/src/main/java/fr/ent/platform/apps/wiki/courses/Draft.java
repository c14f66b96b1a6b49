package fr.ent.platform.apps.wiki.courses;

import java.util.List;

/**
 * A course as the AI provider drafted it, after {@link DraftParser}: a title and chapters whose text and exercises are
 * sanitized HTML and whose objectives are plain lines. Nothing of it is stored until the whole answer has been read.
 */
public record Draft(String title, List<Chapter> chapters) {

    public Draft {
        chapters = List.copyOf(chapters);
    }

    public record Chapter(String title, List<String> objectives, String text, String exercises) {
        public Chapter {
            objectives = List.copyOf(objectives);
        }
    }
}
