package fr.ent.platform.apps.wiki.courses.web;

import fr.ent.platform.apps.wiki.Member;
import fr.ent.platform.apps.wiki.courses.CourseViews;
import fr.ent.platform.apps.wiki.courses.Courses;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.runtime.collab.LiveKey;
import fr.ent.platform.runtime.collab.LiveText;
import fr.ent.platform.runtime.collab.LiveTexts;
import fr.ent.platform.runtime.tenant.Tenant;
import java.util.UUID;

/**
 * A course chapter's live editing sessions ({@code /courses/chapters/<id>/live} for its text,
 * {@code …/live-exercises} for its exercises): the same runtime channel as the wiki's pages (ADR 0037), one
 * {@link LiveText} per field, keyed by this collectivity, this chapter and the field, joined only by someone who may
 * write the chapter's course (asked at each request as for a save: a reader gets 403, someone who may not read the
 * course 404, as for the chapter).
 */
final class LiveChapter {

    /** The chapter's two rich fields, each its own shared text. */
    enum Field {
        CONTENT("course-chapter"), EXERCISES("course-chapter-exercises");

        final String kind;

        Field(String kind) {
            this.kind = kind;
        }

        String text(CourseViews.Chapter c) {
            return this == CONTENT ? c.content() : c.exercises();
        }

        /** The field's channel, as the editor's script calls it. */
        String channel(UUID chapter) {
            return "/courses/chapters/" + chapter + (this == CONTENT ? "/live" : "/live-exercises");
        }

        static Field of(String action) {
            return action.equals("live") ? CONTENT : EXERCISES;
        }
    }

    private LiveChapter() {
    }

    /** The session of a field of a chapter the caller may write, started from its stored text if none is going. */
    static LiveText join(LiveTexts lives, Tenant tenant, Courses courses, Member me, UUID id, Field field) {
        CourseViews.Chapter chapter = courses.chapter(me, id);
        if (!courses.course(me, chapter.courseId()).writes()) {
            throw new NotAllowed("forbidden");
        }
        String text = field.text(chapter);
        return lives.open(key(tenant, id, field), () -> LiveText.of(text == null ? "" : text, chapter.version()));
    }

    /** A save of the chapter: its sessions (if any) hear of it; saved from a session, its editors build on it. */
    static void saved(LiveTexts lives, Tenant tenant, UUID id, int version, boolean fromSession) {
        for (Field field : Field.values()) {
            lives.find(key(tenant, id, field)).ifPresent(live -> live.saved(version, fromSession));
        }
    }

    private static LiveKey key(Tenant tenant, UUID chapter, Field field) {
        return new LiveKey(tenant.id().toString(), field.kind, chapter.toString());
    }
}
