package fr.ent.platform.apps.communities.data;

import fr.ent.platform.apps.communities.CommunitiesApp;
import fr.ent.platform.runtime.data.CollectivityExport;
import fr.ent.platform.runtime.data.CollectivityImport;
import fr.ent.platform.runtime.data.DataContract;
import fr.ent.platform.runtime.data.FormerUser;
import fr.ent.platform.runtime.data.Person;
import fr.ent.platform.runtime.data.PersonalExport;
import fr.ent.platform.runtime.data.Rows;
import fr.ent.platform.runtime.data.Statement;
import fr.ent.platform.runtime.data.TransferTables;
import fr.ent.platform.runtime.persistence.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.UUID;

/**
 * The communities app's data contract (ADR 0030, docs/data-protection.md). A person's export holds their places in
 * communities (member, administrator, invited, asking), the communities they created, the announcements and posts they
 * wrote (a neutralized post without its text). Erasure: her places go, and the communities nobody else is a member of
 * (with what was written there); what she wrote where others read it stays, by "Ancien utilisateur". The collectivity
 * transfer moves every table (nothing is stored as a file: shared documents stay the documents app's).
 */
@ApplicationScoped
public class CommunitiesDataContract implements DataContract {

    /** What the collectivity transfer moves (ADR 0033): the app's tables, parents first. */
    public static final TransferTables TRANSFER = TransferTables.of().table("community", "id")
            .table("community_member", "1").table("community_announcement", "id").table("community_topic", "id")
            .table("community_post", "id");

    @PersistenceUnit(unitName = CommunitiesApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    @Override
    public String app() {
        return CommunitiesApp.ID;
    }

    @Override
    public Statement personExport() {
        return Statement.done();
    }

    @Override
    public Statement personErasure() {
        return Statement.done();
    }

    @Override
    public Statement collectivityTransfer() {
        return Statement.done();
    }

    @Override
    public void exportPerson(Person person, PersonalExport into) {
        if (person.directoryId().isEmpty()) {
            return; // an account the directory does not know holds nothing here
        }
        UUID id = person.directoryId().get();
        into.section("memberships", data.read(unit, em -> Rows.select(em,
                "m.community_id, c.name, m.state, m.role, m.since",
                "community_member m JOIN community c ON c.id = m.community_id WHERE m.person_id = ?1"
                + " ORDER BY m.since", id)));
        into.section("communities", data.read(unit, em -> Rows.select(em,
                "id, name, description, created_at", "community WHERE created_by = ?1 ORDER BY created_at", id)));
        into.section("announcements", data.read(unit, em -> Rows.select(em,
                "id, community_id, title, content, created_at",
                "community_announcement WHERE author_id = ?1 ORDER BY created_at", id)));
        into.section("posts", data.read(unit, em -> Rows.select(em,
                "p.id, p.topic_id, t.title AS topic, CASE WHEN p.neutralized THEN NULL ELSE p.content END AS content, "
                + "p.created_at, p.neutralized",
                "community_post p JOIN community_topic t ON t.id = p.topic_id WHERE p.author_id = ?1"
                + " ORDER BY p.created_at", id)));
    }

    /**
     * What was hers alone goes: her places (member, administrator, invited, asking) and the communities no one else
     * is a member of, with everything written there (cascade). In the communities others are members of, her
     * announcements, topics and posts are read by them: they stay, by the former user (ADR 0032); a community she
     * created stays theirs. One transaction; a second call finds nothing more.
     */
    @Override
    public long erasePerson(Person person) {
        if (person.directoryId().isEmpty()) {
            return 0;
        }
        UUID id = person.directoryId().get();
        return data.write(unit, em -> (long) Rows.update(em, "DELETE FROM community c WHERE EXISTS (SELECT 1 FROM"
                        + " community_member m WHERE m.community_id = c.id AND m.person_id = ?1) AND NOT EXISTS (SELECT 1"
                        + " FROM community_member o WHERE o.community_id = c.id AND o.person_id <> ?1"
                        + " AND o.state = 'member')", id)
                + Rows.update(em, "DELETE FROM community_member WHERE person_id = ?1", id)
                + Rows.update(em, "UPDATE community SET created_by = ?2 WHERE created_by = ?1", id, FormerUser.ID)
                + Rows.update(em, "UPDATE community_announcement SET author_id = ?2, author_name = ?3"
                        + " WHERE author_id = ?1", id, FormerUser.ID, FormerUser.NAME)
                + Rows.update(em, "UPDATE community_topic SET author_id = ?2, author_name = ?3 WHERE author_id = ?1",
                        id, FormerUser.ID, FormerUser.NAME)
                + Rows.update(em, "UPDATE community_post SET author_id = ?2, author_name = ?3 WHERE author_id = ?1",
                        id, FormerUser.ID, FormerUser.NAME));
    }

    @Override
    public void exportCollectivity(CollectivityExport out) {
        data.read(unit, em -> {
            TRANSFER.export(em, out);
            return null;
        });
    }

    @Override
    public void importCollectivity(CollectivityImport in) {
        data.write(unit, em -> {
            TRANSFER.load(em, in);
            return null;
        });
    }
}
