package fr.ent.platform.apps.diary;

import fr.ent.platform.runtime.notify.Audience;
import fr.ent.platform.runtime.notify.Notice;
import fr.ent.platform.runtime.notify.Timeline;
import fr.ent.platform.runtime.choices.PersonalChoices;
import fr.ent.platform.runtime.persistence.TenantData;
import fr.ent.platform.runtime.web.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells a class's pupils and their parents that a homework is there for them (notification {@code diary.homework}),
 * once per homework, when they can see it (its visible-from day has come in the collectivity's time zone, and it is
 * not past due): right after the request that wrote it when that day is today, by {@link HomeworkJob} when the day
 * comes. Same design as the news' publication notices: the write records the notice as owed (table
 * {@code diary_notice}, in its own transaction); whoever posts first claims it in a transaction of its own, then
 * posts; a failed post gives the claim back for the next tick. The timeline expands the class audiences and honours
 * each recipient's preferences and quiet hours. The author is never told.
 */
@ApplicationScoped
public class HomeworkNotices {

    private static final Logger LOG = Logger.getLogger(HomeworkNotices.class.getName());
    /** Notices posted per tick and collectivity; the rest waits for the next tick. */
    static final int PER_TICK = 100;

    @PersistenceUnit(unitName = DiaryApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    @Inject
    Timeline timeline;

    @Inject
    Clock clock;

    @Inject
    PersonalChoices choices;

    /**
     * Inside the write's transaction: a homework is owed a notice (told already: never again); an entry that is no
     * longer a homework, or a homework written after its due day, has nothing left to tell.
     */
    void due(EntityManager em, UUID entry, String kind, LocalDate day, UUID author, LocalDate today) {
        TenantData.nativeSqlInSchema(em);
        if (!Inputs.HOMEWORK.equals(kind) || day.isBefore(today)) {
            em.createNativeQuery("DELETE FROM diary_notice WHERE entry_id = ?1 AND notified_at IS NULL")
                    .setParameter(1, entry).executeUpdate();
            return;
        }
        em.createNativeQuery("INSERT INTO diary_notice (entry_id, author_id) VALUES (?1, ?2) ON CONFLICT (entry_id)"
                        + " DO UPDATE SET author_id = EXCLUDED.author_id WHERE diary_notice.notified_at IS NULL")
                .setParameter(1, entry).setParameter(2, author).executeUpdate();
    }

    /** Posts the notices that are due in the current collectivity (the job, each tick); how many were posted. */
    public int postDue() {
        java.sql.Date today = java.sql.Date.valueOf(today());
        @SuppressWarnings("unchecked")
        List<Object> due = data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            return em.createNativeQuery("SELECT CAST(n.entry_id AS text) FROM diary_notice n JOIN diary_entry e"
                    + " ON e.id = n.entry_id WHERE n.notified_at IS NULL AND e.kind = 'homework'"
                    + " AND e.visible_from <= ?1 AND e.day >= ?1 ORDER BY e.visible_from LIMIT " + PER_TICK)
                    .setParameter(1, today).getResultList();
        });
        int posted = 0;
        for (Object id : due) {
            if (post(UUID.fromString(id.toString()))) {
                posted++;
            }
        }
        return posted;
    }

    /** Claims the homework's notice if it is due, and posts it; false when there is nothing to post. */
    public boolean post(UUID entry) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = today();
        Optional<Claimed> claimed = data.write(unit, em -> claim(em, entry, now, today));
        if (claimed.isEmpty()) {
            return false;
        }
        try {
            Claimed c = claimed.get();
            timeline.post(new Notice(DiaryApp.HOMEWORK.id(), texts(c.subject(), c.day()),
                    Optional.of("/diary/entries/" + c.entry()), Set.of(),
                    Set.of(new Audience(Audience.Kind.CLASS, c.classId(), Optional.of("Student")),
                            new Audience(Audience.Kind.CLASS, c.classId(), Optional.of("Relative"))),
                    Optional.of(c.author())));
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "diary homework " + entry + " visible, its notice could not be posted: retried", e);
            data.write(unit, em -> {
                TenantData.nativeSqlInSchema(em);
                return em.createNativeQuery("UPDATE diary_notice SET notified_at = NULL WHERE entry_id = ?1")
                        .setParameter(1, entry).executeUpdate();
            });
            return false;
        }
    }

    private record Claimed(UUID entry, UUID classId, String subject, LocalDate day, UUID author) {
    }

    /** Today in the collectivity's time zone: the day families see what is visible from it. */
    LocalDate today() {
        return LocalDate.now(clock.withZone(choices.collectivityTimeZone()));
    }

    private static Optional<Claimed> claim(EntityManager em, UUID entry, OffsetDateTime now, LocalDate today) {
        TenantData.nativeSqlInSchema(em);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("UPDATE diary_notice n SET notified_at = ?1 FROM diary_entry e"
                        + " WHERE e.id = n.entry_id AND n.entry_id = ?2 AND n.notified_at IS NULL"
                        + " AND e.kind = 'homework' AND e.visible_from <= ?3 AND e.day >= ?3"
                        + " RETURNING CAST(e.class_id AS text), e.subject, e.day, CAST(n.author_id AS text)")
                .setParameter(1, now).setParameter(2, entry).setParameter(3, java.sql.Date.valueOf(today))
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        return Optional.of(new Claimed(entry, Diary.uuid(r[0]), (String) r[1], Diary.date(r[2]), Diary.uuid(r[3])));
    }

    /** The notice in every language of the app: « Travail à faire en <matière> pour <jour> ». */
    static Map<String, String> texts(String subject, LocalDate day) {
        Map<String, String> texts = new HashMap<>();
        for (Locale language : Pages.LANGUAGES) {
            String pattern = new MessageFormat(DiaryApp.texts(language).getString("format.day"), language)
                    .format(new Object[0]);
            String date = day.format(DateTimeFormatter.ofPattern(pattern, language));
            texts.put(language.getLanguage(), new MessageFormat(DiaryApp.texts(language)
                    .getString("notification.text"), language).format(new Object[] {subject, date}));
        }
        return texts;
    }
}
