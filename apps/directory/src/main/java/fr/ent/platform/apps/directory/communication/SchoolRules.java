package fr.ent.platform.apps.directory.communication;

import fr.ent.platform.apps.directory.DirectoryData;
import fr.ent.platform.apps.directory.Ids;
import fr.ent.platform.apps.directory.model.CommunicationLink;
import fr.ent.platform.apps.directory.model.CommunicationSetting;
import fr.ent.platform.apps.directory.model.EntGroup;
import fr.ent.platform.apps.directory.model.Structure;
import fr.ent.platform.apps.directory.view.GroupView;
import fr.ent.platform.apps.directory.view.SchoolRulesView;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/**
 * A school's rules as its administrators change them (who may, ADMIN_LOCAL of the school or SUPER_ADMIN, is the
 * resource's check): the pupil-to-pupil switch, a rule added or removed between two groups of the school, the
 * defaults applied again. A group of another school, of another collectivity or of nothing is the same 404.
 */
@ApplicationScoped
public class SchoolRules {

    @Inject
    DirectoryData data;

    public SchoolRulesView of(String structureId) {
        return data.read(em -> view(em, school(em, structureId).id()));
    }

    /** Turns the pupil-to-pupil rule of every class of the school on or off (new classes follow the switch). */
    public SchoolRulesView pupilsTalk(String structureId, Boolean allowed) {
        if (allowed == null) {
            throw InvalidInput.field("pupilsTalk", "communication.pupils-talk");
        }
        return data.write(em -> {
            UUID school = school(em, structureId).id();
            ProfileGroups.sync(em, school, false); // the switch row exists after the first application
            em.find(CommunicationSetting.class, school).pupilsTalk(allowed);
            em.flush();
            ProfileGroups.sync(em, school, false);
            return view(em, school);
        });
    }

    /** Members of {@code from} may write to {@code to} and its members from now on. */
    public SchoolRulesView addLink(String structureId, String from, String to) {
        return data.write(em -> {
            UUID school = school(em, structureId).id();
            UUID f = groupOf(em, school, "from", from);
            UUID t = groupOf(em, school, "to", to);
            if (em.find(CommunicationLink.class, new CommunicationLink.Key(f, t)) == null) {
                em.persist(new CommunicationLink(f, t));
                em.flush();
            }
            return view(em, school);
        });
    }

    /** The rule from {@code from} to {@code to} is gone (nothing happens if there was none). */
    public void removeLink(String structureId, String from, String to) {
        data.write(em -> {
            UUID school = school(em, structureId).id();
            CommunicationLink link = em.find(CommunicationLink.class,
                    new CommunicationLink.Key(groupOf(em, school, "from", from), groupOf(em, school, "to", to)));
            if (link != null) {
                em.remove(link);
            }
            return null;
        });
    }

    /** Brings the profile groups up to date and adds back every default rule that is missing (entcore's applyDefaultRules). */
    public SchoolRulesView applyDefaults(String structureId) {
        return data.write(em -> {
            UUID school = school(em, structureId).id();
            ProfileGroups.sync(em, school, true);
            return view(em, school);
        });
    }

    private static SchoolRulesView view(EntityManager em, UUID school) {
        var groups = em.createQuery("SELECT g FROM EntGroup g WHERE g.structureId = :s ORDER BY g.name, g.id",
                EntGroup.class).setParameter("s", school).getResultList().stream().map(GroupView::of).toList();
        var links = em.createQuery("""
                        SELECT l FROM CommunicationLink l
                         WHERE l.fromGroupId IN (SELECT g.id FROM EntGroup g WHERE g.structureId = :s)
                         ORDER BY l.fromGroupId, l.toGroupId""", CommunicationLink.class)
                .setParameter("s", school).getResultList().stream()
                .map(l -> new SchoolRulesView.Link(l.fromGroupId(), l.toGroupId())).toList();
        boolean pupilsTalk = java.util.Optional.ofNullable(em.find(CommunicationSetting.class, school))
                .map(CommunicationSetting::pupilsTalk).orElse(false);
        return new SchoolRulesView(school, pupilsTalk, groups, links);
    }

    private static Structure school(EntityManager em, String id) {
        Structure s = em.find(Structure.class, Ids.orNotFound(id, "structure-not-found"));
        if (s == null) {
            throw new NotFound("structure-not-found", Ids.shown(id));
        }
        return s;
    }

    private static UUID groupOf(EntityManager em, UUID school, String field, String id) {
        if (id == null || id.isBlank()) {
            throw InvalidInput.field(field, "communication.link");
        }
        EntGroup g = em.find(EntGroup.class, Ids.orNotFound(id, "group-not-found"));
        if (g == null || !school.equals(g.structureId())) {
            throw new NotFound("group-not-found", Ids.shown(id));
        }
        return g.id();
    }
}
