package fr.ent.platform.apps.actualites;

import fr.ent.platform.apps.actualites.store.NewsComment;
import fr.ent.platform.apps.actualites.store.NewsItem;
import fr.ent.platform.apps.actualites.store.NewsThread;
import fr.ent.platform.apps.directory.service.StructureService;
import fr.ent.platform.apps.directory.view.StructureView;
import fr.ent.platform.problem.Conflict;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.moderation.Moderation;
import fr.ent.platform.runtime.persistence.TenantData;
import fr.ent.platform.runtime.sharing.Right;
import fr.ent.platform.runtime.sharing.ShareRights;
import fr.ent.platform.runtime.text.RichText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The news of the current collectivity. Every read and write asks the platform's share rights on the item's thread
 * (resource {@code actualites/thread/<id>}); decisions are {@link Workflow}'s. An item or thread one may not see is
 * not found (404), whether it exists or not, and whichever collectivity it belongs to.
 */
@ApplicationScoped
public class News {

    public static final int TITLE_MAX = 200;
    public static final int THREAD_TITLE_MAX = 120;
    public static final int CONTENT_MAX = 100_000;
    public static final int COMMENT_MAX = 2000;

    @PersistenceUnit(unitName = ActualitesApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    @Inject
    ShareRights rights;

    @Inject
    StructureService schools;

    @Inject
    PublicationNotices notices;

    @Inject
    Clock clock;

    /** The threads this person may read, by title. */
    public List<Views.Thread> threads(Author me) {
        List<UUID> ids = ids(rights.reachable(me.id(), ActualitesApp.ID, ActualitesApp.THREAD, Right.READ));
        if (ids.isEmpty()) {
            return List.of();
        }
        List<NewsThread> threads = data.read(unit, em -> em.createQuery("SELECT t FROM NewsThread t WHERE t.id IN :ids",
                NewsThread.class).setParameter("ids", ids).getResultList());
        // the rights on all of them in one call (not one per thread: ADR 0028)
        java.util.Map<fr.ent.platform.runtime.sharing.ResourceRef, Right> held = rights.rightsOf(me.id(),
                threads.stream().map(t -> ActualitesApp.thread(t.id())).toList());
        return threads.stream().sorted(Comparator.comparing(NewsThread::title))
                .map(t -> view(t, held.getOrDefault(ActualitesApp.thread(t.id()), Right.READ))).toList();
    }

    /** Opens a thread, owned by its author (who holds every right on it and shares it from the dialog). */
    public Views.Thread createThread(Author me, Inputs.ThreadInput input) {
        if (!me.opensThreads()) {
            throw new NotAllowed("forbidden");
        }
        if (input == null) {
            throw new InvalidInput("malformed-request");
        }
        String title = text(input.title(), THREAD_TITLE_MAX, "title", "news.title");
        String uai = Optional.ofNullable(input.structure()).map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        if (uai == null ? !me.collectivityWide()
                : schools.list().stream().map(StructureView::uai).noneMatch(uai::equals)) {
            throw InvalidInput.field("structure", "news.structure");
        }
        NewsThread thread = new NewsThread(title, uai, me.id(), now());
        // registered first: a thread whose registration failed would be reachable by nobody
        rights.register(ActualitesApp.thread(thread.id()), me.id(), title);
        data.write(unit, em -> {
            em.persist(thread);
            return null;
        });
        return view(thread, Right.MANAGER);
    }

    /** A thread and the items this person sees in it, the latest first. */
    public Views.ThreadPage thread(Author me, UUID id) {
        Right right = held(me, id, Right.READ);
        OffsetDateTime now = now();
        return data.read(unit, em -> {
            NewsThread t = em.find(NewsThread.class, id);
            if (t == null) {
                throw new NotFound("no-such-resource");
            }
            List<Views.Item> items = em.createQuery("SELECT i FROM NewsItem i WHERE i.threadId = :t"
                            + " ORDER BY i.updatedAt DESC", NewsItem.class).setParameter("t", id).getResultList().stream()
                    .filter(i -> Workflow.sees(Optional.of(right), facts(i, me), now))
                    .map(i -> view(i, t, me, now, List.of())).toList();
            return new Views.ThreadPage(view(t, right), items);
        });
    }

    /** Deletes a thread and its items (publishers only), then its shares. */
    public void deleteThread(Author me, UUID id) {
        held(me, id, Right.MANAGER);
        data.write(unit, em -> {
            Optional.ofNullable(em.find(NewsThread.class, id)).ifPresent(em::remove);
            return null;
        });
        rights.forget(ActualitesApp.thread(id));
    }

    /** A new draft in a thread, by a writer (CONTRIB) or publisher. */
    public Views.Item createItem(Author me, UUID threadId, Inputs.ItemInput input) {
        held(me, threadId, Right.CONTRIB);
        String[] checked = checked(input);
        OffsetDateTime now = now();
        return data.write(unit, em -> {
            NewsThread t = thread(em, threadId);
            NewsItem item = new NewsItem(threadId, checked[0], checked[1], me.id(), now);
            em.persist(item);
            return view(item, t, me, now, List.of());
        });
    }

    /** One item with its comments, for someone who sees it. */
    public Views.Item item(Author me, UUID id) {
        OffsetDateTime now = now();
        Located found = located(me, id, now);
        return data.read(unit, em -> {
            NewsItem i = em.find(NewsItem.class, id);
            List<Views.Comment> comments = em.createQuery("SELECT c FROM NewsComment c WHERE c.itemId = :i"
                    + " ORDER BY c.createdAt, c.id", NewsComment.class).setParameter("i", id).getResultList().stream()
                    .map(c -> new Views.Comment(c.id().toString(), c.authorName(),
                            c.neutralized() ? Moderation.PLACEHOLDER : c.text(), c.createdAt().toString())).toList();
            return view(i, thread(em, found.threadId()), me, now, comments);
        });
    }

    /** An item with the actions its workflow allows this person now (the item page). */
    public Views.ItemPage itemPage(Author me, UUID id) {
        OffsetDateTime now = now();
        Located found = located(me, id, now);
        Right right = found.right();
        Workflow.Item facts = found.facts();
        Views.Actions may = new Views.Actions(Workflow.edit(right, facts, now) == Workflow.Outcome.ALLOWED,
                Workflow.submit(right, facts) == Workflow.Outcome.ALLOWED,
                Workflow.publish(right) == Workflow.Outcome.ALLOWED,
                Workflow.delete(right, facts) == Workflow.Outcome.ALLOWED,
                Workflow.comment(right, facts, now) == Workflow.Outcome.ALLOWED);
        return new Views.ItemPage(item(me, id), may);
    }

    /** An item this person may rewrite now (the editor), else the refusal that saving would get. */
    public Views.Item editable(Author me, UUID id) {
        OffsetDateTime now = now();
        Located found = located(me, id, now);
        act(Workflow.edit(found.right(), found.facts(), now), found.facts(), now);
        return item(me, id);
    }

    /** A thread this person may write a new item in (CONTRIB or more), else not found or forbidden. */
    public Views.Thread writable(Author me, UUID threadId) {
        Right right = held(me, threadId, Right.CONTRIB);
        return data.read(unit, em -> view(thread(em, threadId), right));
    }

    public Views.Item edit(Author me, UUID id, Inputs.ItemInput input) {
        OffsetDateTime now = now();
        Located found = located(me, id, now);
        act(Workflow.edit(found.right(), found.facts(), now), found.facts(), now);
        String[] checked = checked(input);
        return change(me, id, now, i -> i.rewrite(checked[0], checked[1], now));
    }

    public Views.Item submit(Author me, UUID id) {
        OffsetDateTime now = now();
        Located found = located(me, id, now);
        act(Workflow.submit(found.right(), found.facts()), found.facts(), now);
        return change(me, id, now, i -> i.moveTo(ItemState.SUBMITTED.code(), null, null, now));
    }

    public Views.Item publish(Author me, UUID id, Inputs.PublishInput input) {
        OffsetDateTime now = now();
        Located found = located(me, id, now);
        act(Workflow.publish(found.right()), found.facts(), now);
        OffsetDateTime publishAt = date(input == null ? null : input.publishAt()).orElse(now);
        Optional<OffsetDateTime> expireAt = date(input == null ? null : input.expireAt());
        if (expireAt.isPresent() && !expireAt.get().isAfter(publishAt)) {
            throw InvalidInput.field("expireAt", "news.dates");
        }
        Views.Item published = data.write(unit, em -> {
            NewsItem i = em.find(NewsItem.class, id);
            if (i == null) {
                throw new NotFound("no-such-resource");
            }
            i.moveTo(ItemState.PUBLISHED.code(), publishAt, expireAt.orElse(null), now);
            notices.due(em, id, me.id(), publishAt);
            return view(i, thread(em, i.threadId()), me, now, List.of());
        });
        if (!publishAt.isAfter(now)) {
            // committed: the readers are told now (a future date is the job's)
            notices.post(id);
        }
        return published;
    }

    public void delete(Author me, UUID id) {
        OffsetDateTime now = now();
        Located found = located(me, id, now);
        act(Workflow.delete(found.right(), found.facts()), found.facts(), now);
        data.write(unit, em -> {
            Optional.ofNullable(em.find(NewsItem.class, id)).ifPresent(em::remove);
            return null;
        });
    }

    public Views.Item comment(Author me, UUID id, Inputs.CommentInput input) {
        OffsetDateTime now = now();
        Located found = located(me, id, now);
        act(Workflow.comment(found.right(), found.facts(), now), found.facts(), now);
        String text = text(input == null ? null : input.text(), COMMENT_MAX, "text", "news.comment");
        data.write(unit, em -> {
            em.persist(new NewsComment(id, me.id(), me.name(), text, now));
            return null;
        });
        return item(me, id);
    }

    /** The latest live items of every thread this person may read (home widget). */
    public List<Views.Item> latest(Author me, int limit) {
        List<UUID> threads = ids(rights.reachable(me.id(), ActualitesApp.ID, ActualitesApp.THREAD, Right.READ));
        if (threads.isEmpty()) {
            return List.of();
        }
        OffsetDateTime now = now();
        // each item with its thread in one statement (not one find per thread: ADR 0028)
        return data.read(unit, em -> em.createQuery("SELECT i, t FROM NewsItem i, NewsThread t"
                        + " WHERE t.id = i.threadId AND i.threadId IN :t"
                        + " AND i.state = 'published' AND i.publishAt <= :now"
                        + " AND (i.expireAt IS NULL OR i.expireAt > :now) ORDER BY i.publishAt DESC, i.id",
                        Object[].class).setParameter("t", threads).setParameter("now", now)
                .setMaxResults(limit).getResultList().stream()
                .map(r -> view((NewsItem) r[0], (NewsThread) r[1], me, now, List.of())).toList());
    }

    // --- steps ---

    /** An item, its thread and the right held there; an item one does not see is not found. */
    private record Located(UUID threadId, Right right, Workflow.Item facts) {
    }

    private Located located(Author me, UUID id, OffsetDateTime now) {
        NewsItem item = data.read(unit, em -> em.find(NewsItem.class, id));
        if (item == null) {
            throw new NotFound("no-such-resource");
        }
        Optional<Right> right = rights.rightOf(me.id(), ActualitesApp.thread(item.threadId()));
        Workflow.Item facts = facts(item, me);
        if (!Workflow.sees(right, facts, now)) {
            throw new NotFound("no-such-resource");
        }
        return new Located(item.threadId(), right.orElseThrow(), facts);
    }

    private static void act(Workflow.Outcome outcome, Workflow.Item item, OffsetDateTime now) {
        switch (outcome) {
            case FORBIDDEN -> throw new NotAllowed("forbidden");
            case WRONG_STATE -> throw new Conflict("news-state", item.at(now).code());
            case ALLOWED -> {
                // go on
            }
        }
    }

    private Views.Item change(Author me, UUID id, OffsetDateTime now, java.util.function.Consumer<NewsItem> change) {
        return data.write(unit, em -> {
            NewsItem i = em.find(NewsItem.class, id);
            if (i == null) {
                throw new NotFound("no-such-resource");
            }
            if (i.neutralized()) {
                // its text is the moderators' evidence now: nobody rewrites it
                throw new Conflict("moderation-state", "masqué", "modifier");
            }
            change.accept(i);
            return view(i, thread(em, i.threadId()), me, now, List.of());
        });
    }

    private Right held(Author me, UUID thread, Right wanted) {
        rights.require(me.id(), ActualitesApp.thread(thread), wanted);
        return rights.rightOf(me.id(), ActualitesApp.thread(thread)).orElseThrow();
    }

    private static NewsThread thread(EntityManager em, UUID id) {
        NewsThread t = em.find(NewsThread.class, id);
        if (t == null) {
            throw new NotFound("no-such-resource");
        }
        return t;
    }

    private static ItemState stored(NewsItem i) {
        return ItemState.parse(i.stateCode()).orElseThrow();
    }

    private static Workflow.Item facts(NewsItem i, Author me) {
        return new Workflow.Item(stored(i), i.publishAt(), i.expireAt(), i.authorId().equals(me.id()));
    }

    private static String[] checked(Inputs.ItemInput input) {
        if (input == null) {
            throw new InvalidInput("malformed-request");
        }
        String title = text(input.title(), TITLE_MAX, "title", "news.title");
        String content = RichText.sanitize(RichText.typed(input.content())).strip(); // the editor's lines and tags
        if (content.isEmpty() || content.length() > CONTENT_MAX || RichText.plain(content).isEmpty()) {
            throw InvalidInput.field("content", "news.content", CONTENT_MAX);
        }
        return new String[] {title, content};
    }

    private static String text(String value, int max, String field, String key) {
        String t = value == null ? "" : value.strip();
        if (t.isEmpty() || t.length() > max) {
            throw InvalidInput.field(field, key, max);
        }
        return t;
    }

    private static Optional<OffsetDateTime> date(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw InvalidInput.field("dates", "news.dates");
        }
    }

    private static List<UUID> ids(Set<String> ids) {
        return ids.stream().map(Author::uuid).flatMap(Optional::stream).toList();
    }

    /** The platform's clock (which tests may shift), never the system's directly. */
    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    private static Views.Thread view(NewsThread t, Right right) {
        return new Views.Thread(t.id().toString(), t.title(), t.structureUai(), right.code());
    }

    private static Views.Item view(NewsItem i, NewsThread t, Author me, OffsetDateTime now,
            List<Views.Comment> comments) {
        // neutralized by moderation: every reader (its author too) gets the placeholder, in pages, API and widget
        String title = i.neutralized() ? Moderation.PLACEHOLDER : i.title();
        String content = i.neutralized() ? "<p>" + Moderation.PLACEHOLDER + "</p>" : i.content();
        return new Views.Item(i.id().toString(), t.id().toString(), t.title(), title, content,
                RichText.excerpt(content, 200), ItemState.at(stored(i), i.expireAt(), now).code(),
                i.publishAt() == null ? null : i.publishAt().toString(),
                i.expireAt() == null ? null : i.expireAt().toString(), i.authorId().equals(me.id()), comments);
    }
}
