package fr.ent.platform.apps.wiki.courses;

import java.util.List;

/**
 * What a course is generated from, and all the prompt may hold: the form's four fields, checked. It has no field for
 * a person, a class or a school, so nothing about the pupils can reach the provider through it; the keywords are
 * checked against the names of the writer's pupils before it is made ({@link CourseInputs#generation}).
 */
public record GenerationRequest(String level, String subject, int durationMinutes, List<String> keywords) {

    public GenerationRequest {
        keywords = List.copyOf(keywords);
    }
}
