package fr.ent.platform.apps.communities.moderation;

import fr.ent.platform.apps.communities.CommunitiesApp;
import fr.ent.platform.apps.communities.Communities;
import fr.ent.platform.apps.communities.Person;
import fr.ent.platform.identity.VerifiedToken;
import fr.ent.platform.problem.DomainException;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.moderation.ContentFacts;
import fr.ent.platform.runtime.moderation.ContentRef;
import fr.ent.platform.runtime.moderation.ContentSource;
import fr.ent.platform.runtime.moderation.ContentState;
import fr.ent.platform.runtime.persistence.TenantData;
import fr.ent.platform.runtime.text.RichText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The posts of the communities' discussions as the moderation service sees them (kind {@code post}): a member
 * reports a post of a topic they may read (the platform's content alert, docs/moderation.md); neutralizing sets the
 * flag (readers get the placeholder in the pages and the API), deleting removes the post. A community spans the
 * schools of its collectivity, so its posts name no school: the collectivity's SUPER_ADMIN moderates them.
 */
@ApplicationScoped
public class PostContent implements ContentSource {

    public static final String POST = "post";

    @PersistenceUnit(unitName = CommunitiesApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    @Inject
    Communities communities;

    @Override
    public String app() {
        return CommunitiesApp.ID;
    }

    @Override
    public Optional<ContentFacts> readableBy(VerifiedToken reader, ContentRef ref) {
        Optional<ContentFacts> facts = facts(ref);
        if (facts.isEmpty()) {
            return Optional.empty();
        }
        try {
            String link = facts.get().link();
            communities.topic(Person.of(reader), UUID.fromString(link.substring(link.lastIndexOf('/') + 1)),
                    Locale.FRENCH);
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
            TenantData.nativeSqlInSchema(em);
            List<Object[]> rows = em.createNativeQuery("SELECT CAST(p.author_id AS text), p.author_name, t.title,"
                            + " p.content, CAST(t.id AS text), p.neutralized FROM community_post p"
                            + " JOIN community_topic t ON t.id = p.topic_id WHERE p.id = ?1")
                    .setParameter(1, id.get()).getResultList();
            return rows.stream().findFirst().map(r -> new ContentFacts(ref,
                    Optional.of(UUID.fromString((String) r[0])), (String) r[1], Set.of(), (String) r[2],
                    RichText.plain((String) r[3]), "/communities/topics/" + r[4],
                    (Boolean) r[5] ? ContentState.NEUTRALIZED : ContentState.VISIBLE));
        });
    }

    @Override
    public void apply(ContentRef ref, ContentState state) {
        UUID id = id(ref).orElseThrow(() -> new NotFound("no-such-resource"));
        data.write(unit, em -> {
            TenantData.nativeSqlInSchema(em);
            int changed = state == ContentState.DELETED
                    ? em.createNativeQuery("DELETE FROM community_post WHERE id = ?1").setParameter(1, id)
                            .executeUpdate()
                    : em.createNativeQuery("UPDATE community_post SET neutralized = ?2 WHERE id = ?1")
                            .setParameter(1, id).setParameter(2, state == ContentState.NEUTRALIZED).executeUpdate();
            if (changed == 0) {
                throw new NotFound("no-such-resource");
            }
            return null;
        });
    }

    private static Optional<UUID> id(ContentRef ref) {
        if (!ref.app().equals(CommunitiesApp.ID) || !ref.kind().equals(POST)) {
            return Optional.empty();
        }
        return Person.uuid(ref.id());
    }
}
