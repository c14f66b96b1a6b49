package fr.ent.platform.apps.directory.service;

import fr.ent.platform.problem.NotFound;
import fr.ent.platform.apps.directory.Ids;
import fr.ent.platform.apps.directory.Profile;
import fr.ent.platform.apps.directory.Text;
import fr.ent.platform.apps.directory.view.GroupDetail;
import fr.ent.platform.apps.directory.view.GroupView;
import fr.ent.platform.apps.directory.view.NewGroup;
import fr.ent.platform.apps.directory.view.UserSummary;
import fr.ent.platform.apps.directory.model.EntGroup;
import fr.ent.platform.apps.directory.model.EntUser;
import fr.ent.platform.apps.directory.model.GroupMember;
import fr.ent.platform.apps.directory.model.GroupType;
import fr.ent.platform.apps.directory.model.SchoolClass;
import fr.ent.platform.apps.directory.model.Structure;
import fr.ent.platform.apps.directory.DirectoryData;
import fr.ent.platform.tenancy.InvalidTenantInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Groups of a school: profile groups (all the teachers...), manual, teaching and community groups, and who is in
 * them. Members must be people of the same school, so that a group never gathers people across schools or
 * collectivities.
 */
@ApplicationScoped
public class GroupService {

    @Inject
    DirectoryData data;

    public List<GroupView> list(String structureId) {
        return data.read(em -> {
            Structure school = Lookups.structure(em, structureId);
            return em.createQuery("SELECT g FROM EntGroup g WHERE g.structureId = :s ORDER BY g.name, g.id",
                    EntGroup.class).setParameter("s", school.id()).getResultList().stream().map(GroupView::of).toList();
        });
    }

    public GroupView create(String structureId, NewGroup body) {
        String name = Text.trimToNull(body.name());
        if (name == null || name.length() > 100) {
            throw new InvalidTenantInputException("name", "group.name");
        }
        GroupType type = type(body.type());
        String profile = null;
        if (type == GroupType.PROFILE) {
            profile = Profile.parse("profile", body.profile()).name();
        }
        String profileName = profile;
        String classText = Text.trimToNull(body.classId());
        return data.write(em -> {
            Structure school = Lookups.structure(em, structureId);
            UUID classId = null;
            if (classText != null) {
                SchoolClass c = Lookups.schoolClass(em, classText);
                if (!c.structureId().equals(school.id())) {
                    throw new NotFound("class-not-found", Ids.shown(classText));
                }
                classId = c.id();
            }
            EntGroup group = new EntGroup(school.id(), classId, name, type, profileName);
            em.persist(group);
            return GroupView.of(group);
        });
    }

    public GroupDetail get(String id) {
        return data.read(em -> detail(em, group(em, id)));
    }

    /** Adds people of the group's school; someone unknown here (or of another school) is a 404, and nothing is added. */
    public GroupDetail addMembers(String id, List<String> userIds) {
        if (userIds == null || userIds.isEmpty() || userIds.size() > 1000) {
            throw new InvalidTenantInputException("userIds", "group.members");
        }
        return data.write(em -> {
            EntGroup group = group(em, id);
            Set<UUID> wanted = new LinkedHashSet<>();
            for (String userId : userIds) {
                EntUser user = Lookups.user(em, userId);
                if (!group.structureId().equals(user.structureId()) && em.find(
                        fr.ent.platform.apps.directory.model.UserAttachment.class,
                        new fr.ent.platform.apps.directory.model.UserAttachment.Key(user.id(), group.structureId()))
                        == null) { // a person attached to the school by a merge is one of its people too
                    throw new NotFound("user-not-found", Ids.shown(userId));
                }
                wanted.add(user.id());
            }
            List<UUID> already = em.createQuery("SELECT m.userId FROM GroupMember m WHERE m.groupId = :g", UUID.class)
                    .setParameter("g", group.id()).getResultList();
            wanted.removeAll(already);
            for (UUID userId : wanted) {
                em.persist(new GroupMember(group.id(), userId));
            }
            em.flush();
            return detail(em, group);
        });
    }

    /**
     * Removes people from a group made by hand (MANUAL, TEACHING, COMMUNITY). Profile groups are computed from
     * schools, classes and families (ProfileGroups): removing someone by hand would be undone at the next change,
     * so it is refused ({@code group.profile-members}). Someone not in the group is ignored.
     */
    public GroupDetail removeMembers(String id, List<String> userIds) {
        if (userIds == null || userIds.isEmpty() || userIds.size() > 1000) {
            throw new InvalidTenantInputException("userIds", "group.members");
        }
        return data.write(em -> {
            EntGroup group = group(em, id);
            if (group.type() == GroupType.PROFILE) {
                throw new InvalidTenantInputException("userIds", "group.profile-members");
            }
            for (String userId : userIds) {
                Ids.parse(userId).map(u -> em.find(GroupMember.class, new GroupMember.Key(group.id(), u)))
                        .ifPresent(em::remove);
            }
            em.flush();
            return detail(em, group);
        });
    }

    private static EntGroup group(EntityManager em, String id) {
        EntGroup g = em.find(EntGroup.class, Ids.orNotFound(id, "group-not-found"));
        if (g == null) {
            throw new NotFound("group-not-found", Ids.shown(id));
        }
        return g;
    }

    private static GroupDetail detail(EntityManager em, EntGroup group) {
        List<UserSummary> members = em.createQuery("""
                        SELECT u FROM EntUser u
                         WHERE u.id IN (SELECT m.userId FROM GroupMember m WHERE m.groupId = :g)
                         ORDER BY u.searchKey, u.id""", EntUser.class)
                .setParameter("g", group.id()).getResultList().stream().map(UserSummary::of).toList();
        return new GroupDetail(GroupView.of(group), members);
    }

    private static GroupType type(String text) {
        if (text == null) {
            throw new InvalidTenantInputException("type", "group.type", "");
        }
        try {
            return GroupType.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidTenantInputException("type", "group.type", text);
        }
    }
}
