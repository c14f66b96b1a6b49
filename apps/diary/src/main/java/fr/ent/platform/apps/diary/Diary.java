package fr.ent.platform.apps.diary;

import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.documents.DocumentFacts;
import fr.ent.platform.runtime.documents.DocumentLibrary;
import fr.ent.platform.runtime.documents.OpenDocument;
import fr.ent.platform.runtime.persistence.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.persistence.Query;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The cahier de textes of the current collectivity. Every read and write starts from the reader's classes
 * ({@link Classes}, the directory's): a class, or an entry of a class, that is not among them is not found (404),
 * whether it exists or not, and whichever collectivity it belongs to; an entry the families may not see yet is not
 * found for them either. Writing asks {@link Rules}: a pupil, a parent or another teacher is refused (403) on an
 * entry they see. Attachments are documents the writer could share (the documents app's MANAGER), opened by the
 * entry's readers through the entry; the diary reaches them only through the platform's {@link DocumentLibrary}
 * contract (ADR 0022), never through the documents app's classes.
 */
@ApplicationScoped
public class Diary {

    /** The files offered to attach: the writer's newest. */
    static final int ATTACHABLE_SHOWN = 50;
    private static final String COLUMNS = "CAST(e.id AS text), CAST(e.class_id AS text), e.kind, e.day, e.subject,"
            + " e.content, e.visible_from, CAST(e.author_id AS text), e.author_name";

    @PersistenceUnit(unitName = DiaryApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    /** The espace documentaire; unresolvable when the documents app is not deployed (nothing to attach then). */
    @Inject
    Instance<DocumentLibrary> library;

    @Inject
    HomeworkNotices notices;

    @Inject
    Clock clock;

    /** Today in the collectivity's time zone: the day the families' view turns on (the notices' rule too). */
    public LocalDate today() {
        return notices.today();
    }

    /** One class's days from {@code first} to {@code last} (a week, or a day), as the reader may see them. */
    public Views.Days days(Reader reader, UUID classId, LocalDate first, LocalDate last) {
        DiaryClass c = reader.diaryClass(classId).orElseThrow(() -> new NotFound("diary-class-not-found",
                classId.toString()));
        LocalDate today = today();
        List<Views.Entry> entries = entries(reader, List.of(c), first, last, today);
        List<Views.Day> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            LocalDate day = d;
            days.add(new Views.Day(day,
                    entries.stream().filter(e -> e.day().equals(day) && !e.homework()).toList(),
                    entries.stream().filter(e -> e.day().equals(day) && e.homework()).toList()));
        }
        long span = java.time.temporal.ChronoUnit.DAYS.between(first, last) + 1;
        return new Views.Days(c, first, last, days, first.minusDays(span), first.plusDays(span), today);
    }

    /** The week (Monday to Sunday) holding {@code day}. */
    public Views.Days week(Reader reader, UUID classId, LocalDate day) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return days(reader, classId, monday, monday.plusDays(6));
    }

    /** The homework due from {@code first} to {@code last} in every class of the reader (the home widget). */
    public List<Views.Entry> homework(Reader reader, LocalDate first, LocalDate last) {
        if (reader.classes().isEmpty()) {
            return List.of();
        }
        return entries(reader, reader.sorted(), first, last, today()).stream().filter(Views.Entry::homework)
                .toList();
    }

    /** One entry, for someone who sees it. */
    public Views.Entry entry(Reader reader, UUID id) {
        return located(reader, id, today());
    }

    /** A new entry in a class the reader teaches. */
    public Views.Entry create(Reader reader, UUID classId, Inputs.EntryInput input) {
        DiaryClass c = reader.diaryClass(classId).orElseThrow(() -> new NotFound("diary-class-not-found",
                classId.toString()));
        if (!c.writes()) {
            throw new NotAllowed("forbidden");
        }
        LocalDate today = today();
        Inputs.Checked checked = Inputs.check(input, today);
        List<Views.Attachment> attached = attachable(reader, checked.attachments(), List.of());
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(clock);
        data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            em.createNativeQuery("INSERT INTO diary_entry (id, class_id, kind, day, subject, content, visible_from,"
                            + " author_id, author_name, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
                            + " ?9, ?10, ?10)")
                    .setParameter(1, id).setParameter(2, classId).setParameter(3, checked.kind())
                    .setParameter(4, java.sql.Date.valueOf(checked.day())).setParameter(5, checked.subject())
                    .setParameter(6, checked.content()).setParameter(7, java.sql.Date.valueOf(checked.visibleFrom()))
                    .setParameter(8, reader.id()).setParameter(9, reader.name()).setParameter(10, now)
                    .executeUpdate();
            attach(em, id, attached);
            notices.due(em, id, checked.kind(), checked.day(), reader.id(), today);
            return null;
        });
        // committed: the families are told now if they see it today (a later day is the job's)
        notices.post(id);
        return entry(reader, id);
    }

    /** Rewrites an entry (its author, while they teach its class). */
    public Views.Entry update(Reader reader, UUID id, Inputs.EntryInput input) {
        LocalDate today = today();
        Views.Entry before = changeable(reader, id, today);
        Inputs.Checked checked = Inputs.check(input, today);
        List<Views.Attachment> attached = attachable(reader, checked.attachments(), before.attachments());
        OffsetDateTime now = OffsetDateTime.now(clock);
        data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            em.createNativeQuery("UPDATE diary_entry SET kind = ?2, day = ?3, subject = ?4, content = ?5,"
                            + " visible_from = ?6, updated_at = ?7 WHERE id = ?1")
                    .setParameter(1, id).setParameter(2, checked.kind())
                    .setParameter(3, java.sql.Date.valueOf(checked.day())).setParameter(4, checked.subject())
                    .setParameter(5, checked.content()).setParameter(6, java.sql.Date.valueOf(checked.visibleFrom()))
                    .setParameter(7, now).executeUpdate();
            em.createNativeQuery("DELETE FROM diary_attachment WHERE entry_id = ?1").setParameter(1, id)
                    .executeUpdate();
            attach(em, id, attached);
            notices.due(em, id, checked.kind(), checked.day(), reader.id(), today);
            return null;
        });
        notices.post(id);
        return entry(reader, id);
    }

    public void delete(Reader reader, UUID id) {
        changeable(reader, id, today());
        data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            return em.createNativeQuery("DELETE FROM diary_entry WHERE id = ?1").setParameter(1, id).executeUpdate();
        });
    }

    /** An attached document's content, for a reader who sees the entry, while the entry references it. */
    public OpenDocument attachment(Reader reader, UUID entryId, UUID documentId) {
        Views.Entry e = located(reader, entryId, today());
        if (e.attachments().stream().noneMatch(a -> a.id().equals(documentId))) {
            throw new NotFound("document-not-found", documentId.toString());
        }
        return documents().attached(documentId)
                .orElseThrow(() -> new NotFound("document-not-found", documentId.toString()));
    }

    /** The files a writer may attach (their own, newest first); none for a reader who writes nowhere. */
    public List<Views.Attachable> attachable(Reader reader) {
        if (!reader.writesSomewhere() || !library.isResolvable()) {
            return List.of();
        }
        return library.get().ownFiles(reader.id(), "", 0, ATTACHABLE_SHOWN).files().stream()
                .map(f -> new Views.Attachable(f.id(), f.name(), f.contentType())).toList();
    }

    // --- rights ---

    private Views.Entry located(Reader reader, UUID id, LocalDate today) {
        List<Views.Entry> found = data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM diary_entry e WHERE e.id = ?1")
                    .setParameter(1, id).getResultList();
            return views(em, reader, rows, today);
        });
        if (found.isEmpty()) {
            throw new NotFound("diary-entry-not-found", id.toString());
        }
        return found.get(0);
    }

    private Views.Entry changeable(Reader reader, UUID id, LocalDate today) {
        Views.Entry e = located(reader, id, today);
        if (!e.editable()) {
            throw new NotAllowed("forbidden");
        }
        return e;
    }

    /**
     * The documents to attach: those already on the entry stay (they were checked when attached), new ones must be
     * the writer's to share (the documents app answers not found or forbidden otherwise).
     */
    private List<Views.Attachment> attachable(Reader reader, List<UUID> ids, List<Views.Attachment> kept) {
        Map<UUID, Views.Attachment> already = kept.stream().collect(Collectors.toMap(Views.Attachment::id, a -> a));
        List<Views.Attachment> result = new ArrayList<>();
        for (UUID id : ids) {
            Views.Attachment a = already.get(id);
            if (a == null) {
                DocumentFacts file = documents().attachable(reader.id(), id);
                a = new Views.Attachment(file.id(), file.name(), file.contentType());
            }
            result.add(a);
        }
        return result;
    }

    private DocumentLibrary documents() {
        if (!library.isResolvable()) {
            throw new NotFound("document-not-found", "");
        }
        return library.get();
    }

    private static void attach(EntityManager em, UUID entry, List<Views.Attachment> attachments) {
        int position = 0;
        for (Views.Attachment a : attachments) {
            em.createNativeQuery("INSERT INTO diary_attachment (entry_id, document_id, name, content_type, position)"
                            + " VALUES (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, entry).setParameter(2, a.id()).setParameter(3, a.name())
                    .setParameter(4, a.contentType()).setParameter(5, position++).executeUpdate();
        }
    }

    // --- rows ---

    /** The entries of these classes between two days that the reader sees, by day, sessions first, then subject. */
    private List<Views.Entry> entries(Reader reader, Collection<DiaryClass> classes, LocalDate first, LocalDate last,
            LocalDate today) {
        List<DiaryClass> list = List.copyOf(classes);
        return data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            Query q = em.createNativeQuery(rangeSql(list.size()))
                    .setParameter(1, java.sql.Date.valueOf(first)).setParameter(2, java.sql.Date.valueOf(last));
            for (int i = 0; i < list.size(); i++) {
                q.setParameter(i + 3, list.get(i).id());
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = q.getResultList();
            return views(em, reader, rows, today);
        });
    }

    /** The rows the reader sees, as views with their attachments (one more query for all of them). */
    private static List<Views.Entry> views(EntityManager em, Reader reader, List<Object[]> rows, LocalDate today) {
        List<Object[]> seen = rows.stream().filter(r -> reader.diaryClass(uuid(r[1]))
                .filter(c -> Rules.sees(c, date(r[6]), today)).isPresent()).toList();
        if (seen.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Views.Attachment>> attachments = new HashMap<>();
        Query q = em.createNativeQuery(attachmentsSql(seen.size()));
        for (int i = 0; i < seen.size(); i++) {
            q.setParameter(i + 1, uuid(seen.get(i)[0]));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> attached = q.getResultList();
        for (Object[] a : attached) {
            attachments.computeIfAbsent(uuid(a[0]), k -> new ArrayList<>())
                    .add(new Views.Attachment(uuid(a[1]), (String) a[2], (String) a[3]));
        }
        List<Views.Entry> views = new ArrayList<>();
        for (Object[] r : seen) {
            UUID id = uuid(r[0]);
            DiaryClass c = reader.diaryClass(uuid(r[1])).orElseThrow();
            LocalDate visibleFrom = date(r[6]);
            views.add(new Views.Entry(id, c.id(), c.label(), (String) r[2], date(r[3]), (String) r[4], (String) r[5],
                    visibleFrom, !visibleFrom.isAfter(today), (String) r[8],
                    List.copyOf(attachments.getOrDefault(id, List.of())), Rules.changes(c, uuid(r[7]), reader.id())));
        }
        return views;
    }

    /**
     * The entries of {@code classes} classes between two days ({@code ?1}, {@code ?2}; the classes {@code ?3}...):
     * the week view's, the widget's. Public for the benchmark ({@code DiaryWeekBench}), which times this very text.
     */
    public static String rangeSql(int classes) {
        return "SELECT " + COLUMNS + " FROM diary_entry e WHERE e.day BETWEEN ?1 AND ?2 AND e.class_id IN ("
                + positions(3, classes) + ") ORDER BY e.day, e.kind DESC, e.subject, e.created_at";
    }

    /** The attachments of {@code entries} entries ({@code ?1}...), in their order. */
    public static String attachmentsSql(int entries) {
        return "SELECT CAST(entry_id AS text), CAST(document_id AS text), name, content_type FROM diary_attachment"
                + " WHERE entry_id IN (" + positions(1, entries) + ") ORDER BY position";
    }

    private static String positions(int first, int count) {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < count; i++) {
            in.append(i == 0 ? "" : ", ").append('?').append(first + i);
        }
        return in.toString();
    }

    static UUID uuid(Object value) {
        return value instanceof UUID u ? u : UUID.fromString(value.toString());
    }

    static LocalDate date(Object value) {
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        return LocalDate.parse(value.toString().substring(0, 10));
    }
}
