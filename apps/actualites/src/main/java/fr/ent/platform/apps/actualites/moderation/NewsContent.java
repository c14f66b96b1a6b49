package fr.ent.platform.apps.actualites.moderation;

import fr.ent.platform.apps.actualites.ActualitesApp;
import fr.ent.platform.apps.actualites.Author;
import fr.ent.platform.apps.actualites.News;
import fr.ent.platform.apps.actualites.store.NewsComment;
import fr.ent.platform.apps.actualites.store.NewsItem;
import fr.ent.platform.apps.actualites.store.NewsThread;
import fr.ent.platform.apps.directory.service.UserService;
import fr.ent.platform.apps.directory.view.UserDetail;
import fr.ent.platform.identity.VerifiedToken;
import fr.ent.platform.problem.DomainException;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.moderation.ContentFacts;
import fr.ent.platform.runtime.moderation.ContentRef;
import fr.ent.platform.runtime.moderation.ContentSource;
import fr.ent.platform.runtime.moderation.ContentState;
import fr.ent.platform.runtime.moderation.Moderation;
import fr.ent.platform.runtime.notify.Timeline;
import fr.ent.platform.runtime.persistence.TenantData;
import fr.ent.platform.runtime.text.RichText;
import fr.ent.platform.runtime.web.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * News items and comments as the moderation service sees them (kinds {@code item} and {@code comment}). A reader
 * may report what they may read (an item they see, a comment of such an item); it belongs to its thread's school
 * (a collectivity-wide thread: the SUPER_ADMIN's). Neutralizing sets the flag (readers get the placeholder in the
 * pages, the API and the home widget; the author can no longer rewrite it) and masks the notices opening the item;
 * deleting removes it.
 */
@ApplicationScoped
public class NewsContent implements ContentSource {

    public static final String ITEM = "item";
    public static final String COMMENT = "comment";

    @PersistenceUnit(unitName = ActualitesApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    @Inject
    News news;

    @Inject
    UserService users;

    @Inject
    Timeline timeline;

    @Override
    public String app() {
        return ActualitesApp.ID;
    }

    @Override
    public Optional<ContentFacts> readableBy(VerifiedToken reader, ContentRef ref) {
        Optional<ContentFacts> facts = facts(ref);
        if (facts.isEmpty()) {
            return Optional.empty();
        }
        try {
            news.item(Author.of(reader), itemOf(facts.get()));
            return facts;
        } catch (DomainException cannotRead) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<ContentFacts> facts(ContentRef ref) {
        Optional<UUID> id = id(ref);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return data.read(unit, em -> {
            if (ref.kind().equals(ITEM)) {
                NewsItem i = em.find(NewsItem.class, id.get());
                if (i == null) {
                    return Optional.<ContentFacts>empty();
                }
                NewsThread t = em.find(NewsThread.class, i.threadId());
                return Optional.of(new ContentFacts(ref, Optional.of(i.authorId()), name(i.authorId()), schools(t),
                        i.title(), RichText.excerpt(i.content(), 100_000), itemLink(i.id()), state(i.neutralized())));
            }
            NewsComment c = em.find(NewsComment.class, id.get());
            if (c == null) {
                return Optional.<ContentFacts>empty();
            }
            NewsItem i = em.find(NewsItem.class, c.itemId());
            NewsThread t = i == null ? null : em.find(NewsThread.class, i.threadId());
            return Optional.of(new ContentFacts(ref, Optional.of(c.authorId()), c.authorName(), schools(t),
                    i == null ? "" : i.title(), c.text(), itemLink(c.itemId()), state(c.neutralized())));
        });
    }

    @Override
    public void apply(ContentRef ref, ContentState state) {
        UUID id = id(ref).orElseThrow(() -> new NotFound("no-such-resource"));
        data.write(unit, em -> {
            Object found = ref.kind().equals(ITEM) ? em.find(NewsItem.class, id) : em.find(NewsComment.class, id);
            if (found == null) {
                throw new NotFound("no-such-resource");
            }
            if (state == ContentState.DELETED) {
                em.remove(found);
            } else if (found instanceof NewsItem i) {
                i.neutralize(state == ContentState.NEUTRALIZED);
            } else {
                ((NewsComment) found).neutralize(state == ContentState.NEUTRALIZED);
            }
            return null;
        });
        if (ref.kind().equals(ITEM)) {
            // the publication notices quoted its title
            if (state == ContentState.VISIBLE) {
                timeline.unmask(itemLink(id));
            } else {
                Map<String, String> texts = new HashMap<>();
                for (Locale language : Pages.LANGUAGES) {
                    texts.put(language.getLanguage(), Moderation.placeholder(language));
                }
                timeline.mask(itemLink(id), texts);
            }
        }
    }

    private static UUID itemOf(ContentFacts facts) {
        String link = facts.link();
        return UUID.fromString(link.substring(link.lastIndexOf('/') + 1));
    }

    private String name(UUID person) {
        if (!users.existing(Set.of(person)).contains(person)) {
            return "";
        }
        UserDetail d = users.get(person.toString());
        return d.firstName() + " " + d.lastName();
    }

    private static Set<String> schools(NewsThread t) {
        return t == null || t.structureUai() == null ? Set.of() : Set.of(t.structureUai());
    }

    private static ContentState state(boolean neutralized) {
        return neutralized ? ContentState.NEUTRALIZED : ContentState.VISIBLE;
    }

    private static String itemLink(UUID item) {
        return "/actualites/items/" + item;
    }

    private static Optional<UUID> id(ContentRef ref) {
        if (!ref.app().equals(ActualitesApp.ID) || !(ref.kind().equals(ITEM) || ref.kind().equals(COMMENT))) {
            return Optional.empty();
        }
        return Author.uuid(ref.id());
    }
}
