package fr.ent.platform.apps.sharing;

import fr.ent.platform.apps.directory.service.Memberships;
import fr.ent.platform.apps.sharing.store.StoredResource;
import fr.ent.platform.apps.sharing.store.StoredShare;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.communication.CommunicationRules;
import fr.ent.platform.runtime.communication.Recipients;
import fr.ent.platform.runtime.communities.CommunityMembership;
import fr.ent.platform.runtime.persistence.TenantData;
import fr.ent.platform.runtime.sharing.Grantee;
import fr.ent.platform.runtime.sharing.ResourceRef;
import fr.ent.platform.runtime.sharing.Right;
import fr.ent.platform.runtime.sharing.Share;
import fr.ent.platform.runtime.sharing.ShareRights;
import fr.ent.platform.runtime.sharing.SharedResource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The platform's share rights over the sharing app's tables of the current collectivity (see ShareRights and
 * docs/adr/0018-share-rights.md). Group memberships come from the directory ({@link Memberships}); who may be given
 * a share from the communication rules. Decisions are {@link Access} and {@link ShareChanges}; this class reads and
 * writes.
 */
@ApplicationScoped
public class Shares implements ShareRights {

    @PersistenceUnit(unitName = SharingApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    @Inject
    Memberships memberships;

    @Inject
    CommunicationRules rules;

    /** The communities app, when the runtime has it: a share to a community reaches its accepted members. */
    @Inject
    Instance<CommunityMembership> communities;

    @Override
    public void require(UUID user, ResourceRef resource, Right right) {
        Optional<Right> held = rightOf(user, resource);
        if (held.isEmpty()) {
            throw new NotFound("no-such-resource");
        }
        if (!held.get().includes(right)) {
            throw new NotAllowed("forbidden");
        }
    }

    @Override
    public boolean allows(UUID user, ResourceRef resource, Right right) {
        return rightOf(user, resource).map(r -> r.includes(right)).orElse(false);
    }

    @Override
    public Optional<Right> rightOf(UUID user, ResourceRef resource) {
        Optional<StoredResource> found = data.read(unit, em -> find(em, resource));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (found.get().ownerId().equals(user)) {
            return Access.rightOf(found.get().ownerId(), user, List.of());
        }
        Set<UUID> grantees = granteesOf(user);
        UUID id = found.get().id();
        List<Right> granted = data.read(unit, em -> em.createQuery("SELECT s.rightLevel FROM StoredShare s"
                        + " WHERE s.resourceId = :r AND s.granteeId IN :g", Short.class)
                .setParameter("r", id).setParameter("g", List.copyOf(grantees)).getResultList().stream()
                .map(level -> StoredShare.right(level)).toList());
        return Access.rightOf(found.get().ownerId(), user, granted);
    }

    @Override
    public Map<ResourceRef, Right> rightsOf(UUID user, Collection<ResourceRef> resources) {
        Map<ResourceRef, Right> held = new HashMap<>();
        if (resources.isEmpty()) {
            return held;
        }
        // one statement per app and type asked (a caller asks for one): the registered resources among them
        List<StoredResource> found = data.read(unit, em -> resources.stream()
                .collect(Collectors.groupingBy(r -> List.of(r.app(), r.type()))).values().stream()
                .flatMap(refs -> em.createQuery("SELECT r FROM StoredResource r WHERE r.app = :a AND r.type = :t"
                                + " AND r.resourceId IN :i", StoredResource.class)
                        .setParameter("a", refs.get(0).app()).setParameter("t", refs.get(0).type())
                        .setParameter("i", refs.stream().map(ResourceRef::id).distinct().toList())
                        .getResultList().stream())
                .toList());
        Map<UUID, StoredResource> others = new HashMap<>();
        for (StoredResource r : found) {
            if (r.ownerId().equals(user)) {
                held.put(r.ref(), Right.MANAGER);
            } else {
                others.put(r.id(), r);
            }
        }
        if (others.isEmpty()) {
            return held;
        }
        Set<UUID> grantees = granteesOf(user);
        // then one statement for the shares to the user or their groups on all of them
        List<Object[]> granted = data.read(unit, em -> em.createQuery("SELECT s.resourceId, s.rightLevel"
                        + " FROM StoredShare s WHERE s.resourceId IN :r AND s.granteeId IN :g", Object[].class)
                .setParameter("r", List.copyOf(others.keySet())).setParameter("g", List.copyOf(grantees))
                .getResultList());
        Map<UUID, List<Right>> byResource = new HashMap<>();
        for (Object[] g : granted) {
            byResource.computeIfAbsent((UUID) g[0], k -> new ArrayList<>())
                    .add(StoredShare.right(((Number) g[1]).intValue()));
        }
        others.forEach((id, r) -> Access.rightOf(r.ownerId(), user, byResource.getOrDefault(id, List.of()))
                .ifPresent(right -> held.put(r.ref(), right)));
        return held;
    }

    @Override
    public void register(ResourceRef resource, UUID owner, String title) {
        String fitted = StoredResource.fitted(title);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        data.write(unit, em -> {
            find(em, resource).ifPresentOrElse(r -> r.retitle(fitted),
                    () -> em.persist(new StoredResource(resource, owner, fitted, now)));
            return null;
        });
    }

    @Override
    public void forget(ResourceRef resource) {
        data.write(unit, em -> {
            find(em, resource).ifPresent(r -> {
                em.createQuery("DELETE FROM StoredShare s WHERE s.resourceId = :r").setParameter("r", r.id())
                        .executeUpdate();
                em.remove(r);
            });
            return null;
        });
    }

    @Override
    public SharedResource shares(UUID user, ResourceRef resource) {
        requireManager(user, resource);
        return data.read(unit, em -> view(em, find(em, resource).orElseThrow(() -> new NotFound("no-such-resource"))));
    }

    @Override
    public SharedResource replace(UUID sharer, ResourceRef resource, List<Share> shares) {
        requireManager(sharer, resource);
        SharedResource before = data.read(unit, em -> view(em, find(em, resource)
                .orElseThrow(() -> new NotFound("no-such-resource"))));
        ShareChanges changes = ShareChanges.between(before.owner(), before.shares(), shares);
        if (!changes.added().isEmpty()) {
            // only new grantees: someone shared with before stays even if the rules changed since
            Recipients people = recipients(changes.added());
            if (!people.users().isEmpty() || !people.groups().isEmpty()) {
                rules.verify(sharer, people);
            }
            // a community is not a directory group: one shares with it only from inside (its members, ADR 0036)
            for (UUID community : ids(changes.added(), Grantee.Kind.COMMUNITY)) {
                if (!communities.isResolvable() || !communities.get().isMember(sharer, community)) {
                    throw new NotAllowed("communication-refused");
                }
            }
        }
        if (changes.isEmpty()) {
            return before;
        }
        return data.write(unit, em -> {
            StoredResource r = find(em, resource).orElseThrow(() -> new NotFound("no-such-resource"));
            for (Grantee gone : changes.removed()) {
                em.createQuery("DELETE FROM StoredShare s WHERE s.resourceId = :r AND s.granteeId = :g")
                        .setParameter("r", r.id()).setParameter("g", gone.id()).executeUpdate();
            }
            for (Share s : changes.changed()) {
                StoredShare stored = em.find(StoredShare.class, new StoredShare.Key(r.id(), s.grantee().id()));
                if (stored != null) {
                    stored.setRight(s.right());
                }
            }
            em.flush(); // a grantee whose kind changed is removed above and added again below, under the same key
            for (Share s : changes.added()) {
                em.persist(new StoredShare(r.id(), s));
            }
            em.flush();
            return view(em, r);
        });
    }

    @Override
    public Set<String> reachable(UUID user, String app, String type, Right right) {
        Set<UUID> grantees = granteesOf(user);
        // one statement (each statement a page sends is planned again when its connection last served another
        // collectivity, ADR 0028): the user's own resources, and those shared to them or their groups (grantee index)
        return data.read(unit, em -> Set.copyOf(em.createQuery("SELECT r.resourceId FROM StoredResource r"
                        + " WHERE r.app = :a AND r.type = :t AND (r.ownerId = :u OR r.id IN"
                        + " (SELECT s.resourceId FROM StoredShare s WHERE s.granteeId IN :g AND s.rightLevel >= :l))",
                        String.class)
                .setParameter("u", user).setParameter("a", app).setParameter("t", type)
                .setParameter("g", List.copyOf(grantees)).setParameter("l", StoredShare.level(right))
                .getResultList()));
    }

    @Override
    public List<SharedResource> sharedWith(Grantee grantee) {
        // one statement: the shares to this grantee by the grantee index, then their resources by key
        return data.read(unit, em -> em.createQuery("SELECT r, s FROM StoredResource r, StoredShare s"
                        + " WHERE s.resourceId = r.id AND s.granteeId = :g ORDER BY r.title", Object[].class)
                .setParameter("g", grantee.id()).setMaxResults(500).getResultList().stream()
                .map(row -> {
                    StoredResource r = (StoredResource) row[0];
                    return new SharedResource(r.ref(), r.ownerId(), r.title(), List.of(((StoredShare) row[1]).share()));
                }).toList());
    }

    private void requireManager(UUID user, ResourceRef resource) {
        Optional<Right> held = rightOf(user, resource);
        if (held.isEmpty()) {
            throw new NotFound("no-such-resource");
        }
        if (!Access.mayChangeShares(held)) {
            throw new NotAllowed("forbidden");
        }
    }

    /**
     * The user, every group they belong to and every community they are an accepted member of: whom a share to them
     * can be addressed to. Read at each check, so leaving a community takes its shares away at once.
     */
    private Set<UUID> granteesOf(UUID user) {
        Set<UUID> grantees = new HashSet<>(memberships.groupsOf(user));
        grantees.add(user);
        if (communities.isResolvable()) {
            grantees.addAll(communities.get().communitiesOf(user).keySet());
        }
        return grantees;
    }

    private static Recipients recipients(List<Share> shares) {
        return new Recipients(ids(shares, Grantee.Kind.USER), ids(shares, Grantee.Kind.GROUP));
    }

    private static Set<UUID> ids(List<Share> shares, Grantee.Kind kind) {
        return shares.stream().map(Share::grantee).filter(g -> g.kind() == kind).map(Grantee::id)
                .collect(Collectors.toSet());
    }

    private static Optional<StoredResource> find(EntityManager em, ResourceRef ref) {
        return em.createQuery("SELECT r FROM StoredResource r WHERE r.app = :a AND r.type = :t AND r.resourceId = :i",
                        StoredResource.class)
                .setParameter("a", ref.app()).setParameter("t", ref.type()).setParameter("i", ref.id())
                .getResultStream().findFirst();
    }

    private static SharedResource view(EntityManager em, StoredResource r) {
        List<Share> shares = new ArrayList<>();
        em.createQuery("SELECT s FROM StoredShare s WHERE s.resourceId = :r", StoredShare.class)
                .setParameter("r", r.id()).getResultList().forEach(s -> shares.add(s.share()));
        return new SharedResource(r.ref(), r.ownerId(), r.title(), shares);
    }
}
