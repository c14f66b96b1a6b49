package fr.ent.platform.runtime.sharing;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Who may do what with a resource of an app, in the current collectivity: the one check every app calls on every
 * read and write of a shared resource (the page only hides what the server refuses anyway). A resource is shared
 * with directory users and groups as READ, CONTRIB or MANAGER (see {@link Right}); its owner has every right.
 * Implemented by the sharing app (apps/sharing), which owns the tables; see docs/adr/0018-share-rights.md.
 *
 * <p>Users are directory ids (the token's {@code ent_user_id}). A resource the user may not even read is, to them,
 * a resource that does not exist: {@link #require} then throws NotFound {@code no-such-resource}, exactly as for an
 * unknown id, so that guessing ids tells nothing.
 */
public interface ShareRights {

    /**
     * Passes when {@code user} holds {@code right} on the resource (as owner, directly or through a group). Otherwise
     * throws NotFound {@code no-such-resource} when they may not read it (or it is not registered), NotAllowed
     * {@code forbidden} when they may read it but not do this.
     */
    void require(UUID user, ResourceRef resource, Right right);

    /** Whether {@code user} holds {@code right} on the resource; false for an unregistered resource. */
    boolean allows(UUID user, ResourceRef resource, Right right);

    /**
     * Records a new resource of an app with its owner and the title the sharing dialog shows (in the app's unit of
     * work is not possible: call it right after the app's own write; registering twice updates the title).
     */
    void register(ResourceRef resource, UUID owner, String title);

    /** Forgets a deleted resource and all its shares; nothing happens for an unknown one. */
    void forget(ResourceRef resource);

    /**
     * The resource, its owner and shares, for someone who may change them (its owner or a MANAGER); others get the
     * refusals of {@link #require} for MANAGER.
     */
    SharedResource shares(UUID user, ResourceRef resource);

    /**
     * Replaces the resource's shares by {@code shares} (one per grantee), for its owner or a MANAGER. Every new
     * grantee must be someone the sharer may communicate with ({@code CommunicationRules.verify}); a grantee kept
     * from before is not checked again. The owner cannot be a grantee. Returns the resource as it now is.
     */
    SharedResource replace(UUID sharer, ResourceRef resource, List<Share> shares);

    /**
     * The ids of the resources of this app and type that {@code user} holds at least {@code right} on: owned,
     * shared with them or with one of their groups ("shared with me" lists).
     */
    Set<String> reachable(UUID user, String app, String type, Right right);

    /** The right {@code user} holds on the resource, if any (to show or hide actions; the server checks anyway). */
    java.util.Optional<Right> rightOf(UUID user, ResourceRef resource);

    /**
     * The rights {@code user} holds on each of these resources, those without any left out: what {@link #rightOf}
     * answers for each, in a fixed number of statements whatever their number (a listing's items, a folder's chain),
     * where one {@link #rightOf} per item costs a few statements each (ADR 0028).
     */
    default java.util.Map<ResourceRef, Right> rightsOf(UUID user, java.util.Collection<ResourceRef> resources) {
        java.util.Map<ResourceRef, Right> held = new java.util.HashMap<>();
        for (ResourceRef r : resources) {
            rightOf(user, r).ifPresent(right -> held.put(r, right));
        }
        return held;
    }

    /**
     * The resources of every app shared with {@code grantee} itself (not through its members' other groups), by
     * title: what a community's page lists as shared with it. Each comes with its owner, title and that one share.
     * The caller checks that the person asking may see the grantee's list (a community's members).
     */
    List<SharedResource> sharedWith(Grantee grantee);
}
