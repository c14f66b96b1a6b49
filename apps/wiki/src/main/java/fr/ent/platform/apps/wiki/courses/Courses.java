package fr.ent.platform.apps.wiki.courses;

import fr.ent.platform.apps.wiki.Member;
import fr.ent.platform.apps.wiki.Owner;
import fr.ent.platform.apps.wiki.Rights;
import fr.ent.platform.apps.wiki.WikiApp;
import fr.ent.platform.problem.Conflict;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.communities.CommunityMembership;
import fr.ent.platform.runtime.documents.DocumentFacts;
import fr.ent.platform.runtime.documents.DocumentLibrary;
import fr.ent.platform.runtime.documents.OpenDocument;
import fr.ent.platform.runtime.persistence.TenantData;
import fr.ent.platform.runtime.sharing.Right;
import fr.ent.platform.runtime.sharing.ShareRights;
import fr.ent.platform.runtime.sharing.SharedResource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The courses of the current collectivity (ADR 0035). Rights as the wiki's ({@link Rights}: the owner's members from
 * the directory, the higher with the share rights on {@code courses/course/<id>}); on top, a DRAFT is seen by its
 * writers only: to a reader it does not exist (404), as a course they have no right on, or another collectivity's.
 * A chapter save names its version and is refused when stale (409 {@code course-chapter-stale}); a person's save
 * clears the chapter's AI mark. A generated draft is written whole in one transaction, or not at all.
 */
@ApplicationScoped
public class Courses {

    static final int LISTED = 200;
    static final int ATTACHABLE_SHOWN = 20;

    @PersistenceUnit(unitName = WikiApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    @Inject
    ShareRights shares;

    @Inject
    Clock clock;

    /** The espace documentaire; unresolvable when the documents app is not deployed (nothing to attach then). */
    @Inject
    Instance<DocumentLibrary> library;

    /** The communities app, when the runtime has it: whether a community exists, its name. */
    @Inject
    Instance<CommunityMembership> membership;

    record CourseRow(UUID id, Owner owner, String title, String level, String subject, int duration, String state,
            String aiPrompt, String aiParameters, Instant createdAt, Instant publishedAt) {
    }

    // --- courses ---

    /** The courses of the reader's classes and schools and those shared with them: drafts for their writers only. */
    public List<CourseViews.Summary> list(Member me) {
        Set<String> shared = shares.reachable(me.id(), CoursesApp.ID, CoursesApp.COURSE, Right.READ);
        List<UUID> classes = List.copyOf(me.classes().keySet());
        List<UUID> schools = List.copyOf(me.schools().keySet());
        List<UUID> sharedIds = shared.stream().map(CourseInputs::uuidOrNull).filter(java.util.Objects::nonNull)
                .toList();
        if (classes.isEmpty() && schools.isEmpty() && sharedIds.isEmpty()) {
            return List.of();
        }
        List<CourseRow> rows = data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            List<Object[]> result = em.createNativeQuery("SELECT " + COURSE_COLUMNS + " FROM course WHERE"
                            + " (owner_kind = 'class' AND owner_id = ANY(CAST(?1 AS uuid[])))"
                            + " OR (owner_kind = 'school' AND owner_id = ANY(CAST(?2 AS uuid[])))"
                            + " OR id = ANY(CAST(?3 AS uuid[])) ORDER BY created_at DESC, id LIMIT " + LISTED)
                    .setParameter(1, array(classes)).setParameter(2, array(schools)).setParameter(3, array(sharedIds))
                    .getResultList();
            return result.stream().map(Courses::courseRow).flatMap(Optional::stream).toList();
        });
        // the shared ones' rights in one call (not one per course: ADR 0028)
        java.util.Map<fr.ent.platform.runtime.sharing.ResourceRef, Right> held = shares.rightsOf(me.id(), rows.stream()
                .filter(c -> shared.contains(c.id().toString())).map(c -> CoursesApp.resource(c.id())).toList());
        List<CourseViews.Summary> list = new ArrayList<>();
        for (CourseRow c : rows) {
            Optional<Right> right = Rights.higher(Rights.fromMembership(me, c.owner()),
                    Optional.ofNullable(held.get(CoursesApp.resource(c.id()))));
            right.filter(r -> "published".equals(c.state()) || r.includes(Right.CONTRIB)).ifPresent(r -> list.add(
                    new CourseViews.Summary(c.id(), c.owner().kind().code(), c.owner().id(), ownerName(me, c.owner()),
                            c.title(), c.level(), c.subject(), c.duration(), c.state(), r.code())));
        }
        return list;
    }

    /** Where the reader may write a course: the classes they teach, the schools they work in. */
    public List<CourseViews.OwnerChoice> owners(Member me) {
        List<CourseViews.OwnerChoice> choices = new ArrayList<>();
        me.classes().values().stream().filter(Member.Place::staff).sorted(Comparator.comparing(Member.Place::label))
                .forEach(p -> choices.add(new CourseViews.OwnerChoice(Owner.Kind.CLASS.code(), p.id(), p.label())));
        me.schools().values().stream().filter(Member.Place::staff).sorted(Comparator.comparing(Member.Place::label))
                .forEach(p -> choices.add(new CourseViews.OwnerChoice(Owner.Kind.SCHOOL.code(), p.id(), p.label())));
        return choices;
    }

    /** Checks that the reader may write a course for this owner (404 when they are not of it, 403 a reader). */
    public void requireWriter(Member me, Owner owner) {
        if (Rights.fromMembership(me, owner).isEmpty()) {
            throw new NotFound("wiki-owner-not-found", owner.id().toString());
        }
        if (!Rights.mayCreate(me, owner)) {
            throw new NotAllowed("forbidden");
        }
    }

    /** A new empty draft written by hand. */
    public CourseViews.Course create(Member me, CourseInputs.CourseInput input) {
        CourseInputs.CheckedCourse c = CourseInputs.course(input);
        requireWriter(me, c.owner());
        UUID id = UUID.randomUUID();
        shares.register(CoursesApp.resource(id), me.id(), c.title());
        data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            insertCourse(em, id, c.owner(), c.title(), c.level(), c.subject(), c.durationMinutes(), me, null, null);
            return null;
        });
        return course(me, id);
    }

    /**
     * A draft from the AI provider, whole in one transaction: the course, its prompt and parameters (audit), every
     * chapter marked as AI-written. Registered first with the share rights (a failure after it leaves a registration
     * without a course, harmless; never a course its writer cannot manage).
     */
    public CourseViews.Course storeDraft(Member me, Owner owner, GenerationRequest request, Draft draft,
            String prompt, String parameters) {
        requireWriter(me, owner);
        UUID id = UUID.randomUUID();
        String title = draft.title().isEmpty() ? request.subject() : draft.title();
        shares.register(CoursesApp.resource(id), me.id(), title);
        OffsetDateTime now = now();
        data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            insertCourse(em, id, owner, title, request.level(), request.subject(), request.durationMinutes(), me,
                    prompt, parameters);
            int position = 1;
            for (Draft.Chapter c : draft.chapters()) {
                insertChapter(em, UUID.randomUUID(), id, position++, new CourseInputs.CheckedChapter(c.title(),
                        c.objectives(), c.text(), c.exercises(), List.of()), true, me, now);
            }
            return null;
        });
        return course(me, id);
    }

    /** A course with its chapters, for whoever may see it. */
    public CourseViews.Course course(Member me, UUID id) {
        record Found(CourseRow course, List<CourseViews.Chapter> chapters) {
        }
        Found found = data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            CourseRow c = courseRow(em, id).orElseThrow(() -> new NotFound("course-not-found", id.toString()));
            return new Found(c, chapters(em, id));
        });
        Right right = right(me, found.course());
        boolean writes = right.includes(Right.CONTRIB);
        CourseRow c = found.course();
        return new CourseViews.Course(id, c.owner().kind().code(), c.owner().id(), ownerName(me, c.owner()),
                c.title(), c.level(), c.subject(), c.duration(), c.state(), right.code(), writes,
                right.includes(Right.MANAGER), c.aiPrompt() != null, writes ? c.aiPrompt() : null,
                writes ? c.aiParameters() : null, c.createdAt(), c.publishedAt(), found.chapters());
    }

    /** Publishes a draft to the course's readers (its writers only). Publishing twice changes nothing. */
    public CourseViews.Course publish(Member me, UUID id) {
        writable(me, id);
        data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            em.createNativeQuery("UPDATE course SET state = 'published', published_at = ?2 WHERE id = ?1"
                    + " AND state = 'draft'").setParameter(1, id).setParameter(2, now()).executeUpdate();
            return null;
        });
        return course(me, id);
    }

    // --- communities (ADR 0035's seam with ADR 0036) ---

    /**
     * Publishes the course to a community: a READ share to the community in the platform's share rights (so its
     * members read it while they are members, and lose it the moment they leave), and the draft published. For the
     * course's manager (its author, or whoever they made MANAGER) who administers the community; publishing twice
     * changes nothing. The share is written first: a failure before the state changes leaves a draft its readers
     * still cannot see.
     */
    public CourseViews.Course publishToCommunity(Member me, UUID id, UUID community) {
        CourseViews.Course c = managed(me, id);
        CommunityPublishing.requireAdmin(me, community, () -> exists(community));
        SharedResource shared = shares.shares(me.id(), CoursesApp.resource(id));
        shares.replace(me.id(), CoursesApp.resource(id), CommunityPublishing.with(shared.shares(), community));
        return c.published() ? course(me, id) : publish(me, id);
    }

    /**
     * Takes the course back from a community (its members no longer read it, unless through the class or school);
     * for the course's manager, administrator of the community or not (the course is theirs). The course stays
     * published to its own readers.
     */
    public void withdrawFromCommunity(Member me, UUID id, UUID community) {
        managed(me, id);
        SharedResource shared = shares.shares(me.id(), CoursesApp.resource(id));
        if (!CommunityPublishing.communities(shared.shares()).contains(community)) {
            throw new NotFound("community-not-found", community.toString());
        }
        shares.replace(me.id(), CoursesApp.resource(id), CommunityPublishing.without(shared.shares(), community));
    }

    /** Where the course is published beyond its owner, and where {@code me} may publish it: for its manager only. */
    public CourseViews.Communities communities(Member me, CourseViews.Course course) {
        if (!course.manages()) {
            return CourseViews.Communities.NONE;
        }
        List<UUID> published = CommunityPublishing.communities(
                shares.shares(me.id(), CoursesApp.resource(course.id())).shares());
        Map<UUID, String> names = published.isEmpty() || !membership.isResolvable() ? Map.of()
                : membership.get().names(Set.copyOf(published));
        return CommunityPublishing.view(me, published, names);
    }

    private boolean exists(UUID community) {
        return membership.isResolvable() && !membership.get().names(Set.of(community)).isEmpty();
    }

    /** Throws a course away (a draft, or a published course taken back), its chapters and attachment references. */
    public void delete(Member me, UUID id) {
        writable(me, id);
        data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            em.createNativeQuery("DELETE FROM course WHERE id = ?1").setParameter(1, id).executeUpdate();
            return null;
        });
        shares.forget(CoursesApp.resource(id));
    }

    // --- chapters ---

    public CourseViews.Chapter addChapter(Member me, UUID courseId, CourseInputs.ChapterInput input) {
        writable(me, courseId);
        CourseInputs.CheckedChapter checked = CourseInputs.chapter(input);
        List<CourseViews.Attachment> attached = attachable(me, checked.attachments(), List.of());
        UUID id = UUID.randomUUID();
        data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            em.createNativeQuery("SELECT id FROM course WHERE id = ?1 FOR UPDATE").setParameter(1, courseId)
                    .getResultList();
            Number last = (Number) em.createNativeQuery("SELECT COALESCE(MAX(position), 0) FROM course_chapter"
                    + " WHERE course_id = ?1").setParameter(1, courseId).getSingleResult();
            insertChapter(em, id, courseId, last.intValue() + 1, checked, false, me, now());
            attach(em, id, attached);
            return null;
        });
        return chapter(me, id);
    }

    /** A chapter, for whoever may see its course. */
    public CourseViews.Chapter chapter(Member me, UUID id) {
        UUID courseId = courseOf(id);
        return course(me, courseId).chapters().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFound("course-chapter-not-found", id.toString()));
    }

    /**
     * Saves a chapter edited from {@code baseVersion}: a person's text now, so the AI mark goes. Refused (409
     * {@code course-chapter-stale}) when someone saved since; nothing is written then.
     */
    public CourseViews.Chapter saveChapter(Member me, UUID id, CourseInputs.ChapterInput input) {
        CourseViews.Chapter before = chapter(me, id);
        writable(me, before.courseId());
        CourseInputs.CheckedChapter checked = CourseInputs.chapter(input);
        int base = CourseInputs.baseVersion(input.baseVersion());
        List<CourseViews.Attachment> attached = attachable(me, checked.attachments(), before.attachments());
        data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            int changed = em.createNativeQuery("UPDATE course_chapter SET title = ?3, objectives = ?4, content = ?5,"
                            + " exercises = ?6, ai_written = false, version = version + 1, updated_at = ?7,"
                            + " updated_by = ?8 WHERE id = ?1 AND version = ?2")
                    .setParameter(1, id).setParameter(2, base).setParameter(3, checked.title())
                    .setParameter(4, String.join("\n", checked.objectives())).setParameter(5, checked.content())
                    .setParameter(6, checked.exercises()).setParameter(7, now()).setParameter(8, me.name())
                    .executeUpdate();
            if (changed == 0) {
                Number now = (Number) em.createNativeQuery("SELECT version FROM course_chapter WHERE id = ?1")
                        .setParameter(1, id).getSingleResult();
                throw new Conflict("course-chapter-stale", String.valueOf(base), String.valueOf(now.intValue()));
            }
            em.createNativeQuery("DELETE FROM course_attachment WHERE chapter_id = ?1").setParameter(1, id)
                    .executeUpdate();
            attach(em, id, attached);
            return null;
        });
        return chapter(me, id);
    }

    /** Removes a chapter; the later ones move up. */
    public void deleteChapter(Member me, UUID id) {
        CourseViews.Chapter c = chapter(me, id);
        writable(me, c.courseId());
        data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            em.createNativeQuery("SELECT id FROM course WHERE id = ?1 FOR UPDATE").setParameter(1, c.courseId())
                    .getResultList();
            em.createNativeQuery("DELETE FROM course_chapter WHERE id = ?1").setParameter(1, id).executeUpdate();
            // two steps so that the unique (course_id, position) holds after each statement
            em.createNativeQuery("UPDATE course_chapter SET position = -position WHERE course_id = ?1"
                    + " AND position > ?2").setParameter(1, c.courseId()).setParameter(2, c.position())
                    .executeUpdate();
            em.createNativeQuery("UPDATE course_chapter SET position = -position - 1 WHERE course_id = ?1"
                    + " AND position < 0").setParameter(1, c.courseId()).executeUpdate();
            return null;
        });
    }

    // --- attachments ---

    /** The files a writer may attach: their own, newest first. */
    public List<CourseViews.Attachable> attachable(Member me) {
        if (!library.isResolvable()) {
            return List.of();
        }
        return library.get().ownFiles(me.id(), "", 0, ATTACHABLE_SHOWN).files().stream()
                .map(f -> new CourseViews.Attachable(f.id(), f.name())).toList();
    }

    /** An attached document's content, for a reader who sees the chapter, while the chapter references it. */
    public OpenDocument attachment(Member me, UUID chapterId, UUID documentId) {
        CourseViews.Chapter c = chapter(me, chapterId);
        if (c.attachments().stream().noneMatch(a -> a.id().equals(documentId)) || !library.isResolvable()) {
            throw new NotFound("document-not-found", documentId.toString());
        }
        return library.get().attached(documentId)
                .orElseThrow(() -> new NotFound("document-not-found", documentId.toString()));
    }

    /** Documents already on the chapter stay as they were checked; new ones must be the writer's to share. */
    private List<CourseViews.Attachment> attachable(Member me, List<UUID> ids, List<CourseViews.Attachment> kept) {
        List<CourseViews.Attachment> result = new ArrayList<>();
        for (UUID id : ids) {
            Optional<CourseViews.Attachment> old = kept.stream().filter(a -> a.id().equals(id)).findFirst();
            if (old.isPresent()) {
                result.add(old.get());
                continue;
            }
            if (!library.isResolvable()) {
                throw new NotFound("document-not-found", id.toString());
            }
            DocumentFacts file = library.get().attachable(me.id(), id);
            result.add(new CourseViews.Attachment(file.id(), file.name(), file.contentType()));
        }
        return result;
    }

    private static void attach(EntityManager em, UUID chapter, List<CourseViews.Attachment> attachments) {
        int position = 0;
        for (CourseViews.Attachment a : attachments) {
            em.createNativeQuery("INSERT INTO course_attachment (chapter_id, document_id, name, content_type,"
                            + " position) VALUES (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, chapter).setParameter(2, a.id()).setParameter(3, a.name())
                    .setParameter(4, a.contentType()).setParameter(5, position++).executeUpdate();
        }
    }

    // --- rights and rows ---

    /** The reader's right on a course they may see: none, or a draft seen by a mere reader, is "not found". */
    private Right right(Member me, CourseRow c) {
        Right right = Rights.higher(Rights.fromMembership(me, c.owner()), shares.rightOf(me.id(),
                CoursesApp.resource(c.id()))).orElseThrow(() -> new NotFound("course-not-found", c.id().toString()));
        if (!"published".equals(c.state()) && !right.includes(Right.CONTRIB)) {
            throw new NotFound("course-not-found", c.id().toString());
        }
        return right;
    }

    private CourseViews.Course writable(Member me, UUID id) {
        CourseViews.Course c = course(me, id);
        if (!c.writes()) {
            throw new NotAllowed("forbidden");
        }
        return c;
    }

    /** A course the reader manages (shares): its author or whoever they made MANAGER; a mere writer is refused. */
    private CourseViews.Course managed(Member me, UUID id) {
        CourseViews.Course c = course(me, id);
        if (!c.manages()) {
            throw new NotAllowed("forbidden");
        }
        return c;
    }

    private UUID courseOf(UUID chapter) {
        return data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            List<?> rows = em.createNativeQuery("SELECT CAST(course_id AS text) FROM course_chapter WHERE id = ?1")
                    .setParameter(1, chapter).getResultList();
            if (rows.isEmpty()) {
                throw new NotFound("course-chapter-not-found", chapter.toString());
            }
            return UUID.fromString((String) rows.get(0));
        });
    }

    private void insertCourse(EntityManager em, UUID id, Owner owner, String title, String level, String subject,
            int duration, Member me, String prompt, String parameters) {
        em.createNativeQuery("INSERT INTO course (id, owner_kind, owner_id, title, level, subject, duration_minutes,"
                        + " state, created_by, created_at, ai_prompt, ai_parameters)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'draft', ?8, ?9, ?10, ?11)")
                .setParameter(1, id).setParameter(2, owner.kind().code()).setParameter(3, owner.id())
                .setParameter(4, title).setParameter(5, level).setParameter(6, subject).setParameter(7, duration)
                .setParameter(8, me.id()).setParameter(9, now()).setParameter(10, prompt)
                .setParameter(11, parameters).executeUpdate();
    }

    private static void insertChapter(EntityManager em, UUID id, UUID course, int position,
            CourseInputs.CheckedChapter c, boolean aiWritten, Member me, OffsetDateTime now) {
        em.createNativeQuery("INSERT INTO course_chapter (id, course_id, position, title, objectives, content,"
                        + " exercises, ai_written, version, updated_at, updated_by)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1, ?9, ?10)")
                .setParameter(1, id).setParameter(2, course).setParameter(3, position).setParameter(4, c.title())
                .setParameter(5, String.join("\n", c.objectives())).setParameter(6, c.content())
                .setParameter(7, c.exercises()).setParameter(8, aiWritten).setParameter(9, now)
                .setParameter(10, me.name()).executeUpdate();
    }

    private static final String COURSE_COLUMNS = "CAST(id AS text), owner_kind, CAST(owner_id AS text), title, level,"
            + " subject, duration_minutes, state, ai_prompt, ai_parameters, created_at, published_at";

    private static Optional<CourseRow> courseRow(EntityManager em, UUID id) {
        List<Object[]> rows = em.createNativeQuery("SELECT " + COURSE_COLUMNS + " FROM course WHERE id = ?1")
                .setParameter(1, id).getResultList();
        return rows.isEmpty() ? Optional.empty() : courseRow(rows.get(0));
    }

    /** A course's row; one of an owner kind this runtime does not know (a later one) is left out. */
    private static Optional<CourseRow> courseRow(Object[] r) {
        return Owner.Kind.parse((String) r[1]).map(kind -> new CourseRow(UUID.fromString((String) r[0]),
                new Owner(kind, UUID.fromString((String) r[2])), (String) r[3], (String) r[4], (String) r[5],
                ((Number) r[6]).intValue(), (String) r[7], (String) r[8], (String) r[9], instant(r[10]),
                r[11] == null ? null : instant(r[11])));
    }

    private static List<CourseViews.Chapter> chapters(EntityManager em, UUID course) {
        List<Object[]> rows = em.createNativeQuery("SELECT CAST(id AS text), position, title, objectives, content,"
                + " exercises, ai_written, version, updated_at, updated_by FROM course_chapter WHERE course_id = ?1"
                + " ORDER BY position").setParameter(1, course).getResultList();
        Map<UUID, List<CourseViews.Attachment>> attachments = new HashMap<>();
        List<Object[]> attached = em.createNativeQuery("SELECT CAST(a.chapter_id AS text), CAST(a.document_id AS text),"
                + " a.name, a.content_type FROM course_attachment a JOIN course_chapter c ON c.id = a.chapter_id"
                + " WHERE c.course_id = ?1 ORDER BY a.position").setParameter(1, course).getResultList();
        for (Object[] a : attached) {
            attachments.computeIfAbsent(UUID.fromString((String) a[0]), k -> new ArrayList<>())
                    .add(new CourseViews.Attachment(UUID.fromString((String) a[1]), (String) a[2], (String) a[3]));
        }
        List<CourseViews.Chapter> chapters = new ArrayList<>();
        for (Object[] r : rows) {
            UUID id = UUID.fromString((String) r[0]);
            String objectives = (String) r[3];
            chapters.add(new CourseViews.Chapter(id, course, ((Number) r[1]).intValue(), (String) r[2],
                    objectives.isEmpty() ? List.of() : List.of(objectives.split("\n")), (String) r[4], (String) r[5],
                    (Boolean) r[6], ((Number) r[7]).intValue(), instant(r[8]), (String) r[9],
                    List.copyOf(attachments.getOrDefault(id, List.of()))));
        }
        return chapters;
    }

    /**
     * The owner's name as the reader knows it. Not a switch over every kind on purpose: a kind added to the wiki's
     * {@link Owner} (the community, apps/communities) must not break courses; it shows no name until added here.
     */
    private static String ownerName(Member me, Owner owner) {
        Member.Place p = owner.kind() == Owner.Kind.CLASS ? me.classes().get(owner.id())
                : owner.kind() == Owner.Kind.SCHOOL ? me.schools().get(owner.id()) : null;
        return p == null ? "" : p.label();
    }

    private static String array(List<UUID> ids) {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < ids.size(); i++) {
            s.append(i == 0 ? "" : ",").append(ids.get(i));
        }
        return s.append('}').toString();
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case java.sql.Timestamp t -> t.toInstant();
            case OffsetDateTime o -> o.toInstant();
            case Instant i -> i;
            default -> throw new IllegalStateException("not a time: " + value);
        };
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
