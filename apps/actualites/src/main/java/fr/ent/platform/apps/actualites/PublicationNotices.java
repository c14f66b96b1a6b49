package fr.ent.platform.apps.actualites;

import fr.ent.platform.apps.actualites.store.NewsItem;
import fr.ent.platform.apps.actualites.store.NewsThread;
import fr.ent.platform.runtime.notify.Audience;
import fr.ent.platform.runtime.notify.Notice;
import fr.ent.platform.runtime.notify.Timeline;
import fr.ent.platform.runtime.persistence.TenantData;
import fr.ent.platform.runtime.sharing.Grantee;
import fr.ent.platform.runtime.sharing.Share;
import fr.ent.platform.runtime.sharing.SharedResource;
import fr.ent.platform.runtime.sharing.ShareRights;
import fr.ent.platform.runtime.web.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells the readers of a thread that one of its items went live (notification {@code actualites.published}),
 * exactly once per item. The publication records that a notice is due (table {@code news_publication_notice}, in
 * the publication's own transaction); whoever posts it first claims it in a transaction of its own, then posts:
 * the publishing request right after its commit when the date is now, the {@link PublicationJob} when a future
 * date comes. A post that fails gives the claim back, so the next tick retries; only a crash between the claim
 * and the post loses a notice (never twice). Readers are whoever the thread is shared with (users, and groups
 * expanded by the timeline) and its owner; the publisher is never told of their own publication.
 */
@ApplicationScoped
public class PublicationNotices {

    private static final Logger LOG = Logger.getLogger(PublicationNotices.class.getName());
    /** Items notified per tick and collectivity; the rest waits for the next tick. */
    static final int PER_TICK = 100;

    @PersistenceUnit(unitName = ActualitesApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    @Inject
    ShareRights rights;

    @Inject
    Timeline timeline;

    @Inject
    Clock clock;

    /**
     * Records, inside the publication's transaction, that the readers are to be told at {@code dueAt}; an item
     * already notified is not notified again, one not yet notified gets its new date.
     */
    void due(EntityManager em, UUID item, UUID publisher, OffsetDateTime dueAt) {
        TenantData.nativeSqlInSchema(em);
        em.createNativeQuery("INSERT INTO news_publication_notice (item_id, publisher_id, due_at) VALUES (?1, ?2, ?3)"
                        + " ON CONFLICT (item_id) DO UPDATE SET publisher_id = EXCLUDED.publisher_id,"
                        + " due_at = EXCLUDED.due_at WHERE news_publication_notice.notified_at IS NULL")
                .setParameter(1, item).setParameter(2, publisher).setParameter(3, dueAt).executeUpdate();
    }

    /** Posts the notices that are due in the current collectivity (the job, each tick); how many were posted. */
    public int postDue() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        @SuppressWarnings("unchecked")
        List<Object> due = data.read(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            return em.createNativeQuery("SELECT CAST(n.item_id AS text) FROM news_publication_notice n"
                            + " JOIN news_item i ON i.id = n.item_id WHERE n.notified_at IS NULL AND n.due_at <= ?1"
                            + " AND i.state = 'published' AND (i.expire_at IS NULL OR i.expire_at > ?2)"
                            + " ORDER BY n.due_at LIMIT " + PER_TICK)
                    .setParameter(1, now).setParameter(2, now).getResultList();
        });
        int posted = 0;
        for (Object id : due) {
            if (post(UUID.fromString(id.toString()))) {
                posted++;
            }
        }
        return posted;
    }

    /**
     * Claims the item's notice if it is due and its item live, and posts it; false when there is nothing to post
     * (not due, already claimed, no reader). Called by the publishing request after its commit, and by the job.
     */
    public boolean post(UUID item) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<Claimed> claimed = data.write(unit, em -> claim(em, item, now));
        if (claimed.isEmpty()) {
            return false;
        }
        try {
            return send(claimed.get());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "news item " + item + " published, its notice could not be posted: retried later",
                    e);
            data.write(unit, em -> {
                TenantData.nativeSqlInSchema(em);
                return em.createNativeQuery("UPDATE news_publication_notice SET notified_at = NULL WHERE item_id = ?1")
                        .setParameter(1, item).executeUpdate();
            });
            return false;
        }
    }

    /** What a claimed notice says and to whom. */
    private record Claimed(UUID item, String title, UUID thread, String threadTitle, UUID owner, UUID publisher) {
    }

    private static Optional<Claimed> claim(EntityManager em, UUID item, OffsetDateTime now) {
        TenantData.nativeSqlInSchema(em);
        @SuppressWarnings("unchecked")
        List<Object> publisher = em.createNativeQuery("UPDATE news_publication_notice n SET notified_at = ?1"
                        + " FROM news_item i WHERE i.id = n.item_id AND n.item_id = ?2 AND n.notified_at IS NULL"
                        + " AND n.due_at <= ?3 AND i.state = 'published' AND (i.expire_at IS NULL OR i.expire_at > ?4)"
                        + " RETURNING CAST(n.publisher_id AS text)")
                .setParameter(1, now).setParameter(2, item).setParameter(3, now).setParameter(4, now)
                .getResultList();
        if (publisher.isEmpty()) {
            return Optional.empty();
        }
        NewsItem i = em.find(NewsItem.class, item);
        NewsThread t = em.find(NewsThread.class, i.threadId());
        return Optional.of(new Claimed(item, i.title(), t.id(), t.title(), t.ownerId(),
                UUID.fromString(publisher.get(0).toString())));
    }

    private boolean send(Claimed c) {
        // the owner may read the shares of their own thread: the recipients are asked in their name
        SharedResource shared = rights.shares(c.owner(), ActualitesApp.thread(c.thread()));
        Set<UUID> users = new LinkedHashSet<>();
        Set<Audience> groups = new LinkedHashSet<>();
        users.add(c.owner());
        for (Share s : shared.shares()) {
            if (s.grantee().kind() == Grantee.Kind.USER) {
                users.add(s.grantee().id());
            } else if (s.grantee().kind() == Grantee.Kind.GROUP) {
                groups.add(new Audience(Audience.Kind.GROUP, s.grantee().id(), Optional.empty()));
            }
            // a thread shared with a community (docs/communities.md): its members read it, but are not notified of
            // its items yet (the timeline has no community audience; the communities app notifies its own news)
        }
        users.remove(c.publisher());
        if (users.isEmpty() && groups.isEmpty()) {
            return false;
        }
        Map<String, String> texts = texts(c.threadTitle(), c.title());
        // the timeline takes so many recipients per notice: more are split, each recipient told once
        List<UUID> userList = new ArrayList<>(users);
        List<Audience> groupList = new ArrayList<>(groups);
        int u = 0;
        int g = 0;
        do {
            List<UUID> someUsers = userList.subList(u, Math.min(userList.size(), u + MAX_USERS));
            List<Audience> someGroups = groupList.subList(g, Math.min(groupList.size(), g + MAX_GROUPS));
            timeline.post(new Notice(ActualitesApp.PUBLISHED.id(), texts, Optional.of("/actualites/items/" + c.item()),
                    Set.copyOf(someUsers), Set.copyOf(someGroups), Optional.of(c.publisher())));
            u += someUsers.size();
            g += someGroups.size();
        } while (u < userList.size() || g < groupList.size());
        return true;
    }

    private static final int MAX_USERS = 1000;
    private static final int MAX_GROUPS = 50;

    /** The notice in every language of the app: « New in <thread>: <title> ». */
    static Map<String, String> texts(String thread, String title) {
        Map<String, String> texts = new HashMap<>();
        for (Locale language : Pages.LANGUAGES) {
            texts.put(language.getLanguage(), new MessageFormat(ActualitesApp.texts(language)
                    .getString("notification.text"), language).format(new Object[] {thread, title}));
        }
        return texts;
    }
}
