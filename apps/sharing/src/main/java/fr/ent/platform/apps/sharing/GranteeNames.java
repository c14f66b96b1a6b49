package fr.ent.platform.apps.sharing;

import fr.ent.platform.apps.directory.service.Memberships;
import fr.ent.platform.runtime.sharing.Grantee;
import fr.ent.platform.runtime.sharing.Share;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Shares with their grantees' names (the directory's), groups first then people, by name: as the dialog lists them. */
@ApplicationScoped
public class GranteeNames {

    @Inject
    Memberships directory;

    @Inject
    jakarta.enterprise.inject.Instance<fr.ent.platform.runtime.communities.CommunityMembership> communities;

    /** A share and whom it names; a grantee gone from the directory shows its id. */
    public record Named(Share share, String name) {
    }

    public List<Named> of(List<Share> shares) {
        Map<UUID, String> users = directory.userNames(ids(shares, Grantee.Kind.USER));
        Map<UUID, String> groups = new java.util.HashMap<>(directory.groupNames(ids(shares, Grantee.Kind.GROUP)));
        Set<UUID> communityIds = ids(shares, Grantee.Kind.COMMUNITY);
        if (!communityIds.isEmpty() && communities.isResolvable()) {
            groups.putAll(communities.get().names(communityIds)); // ids of both are random UUIDs: no clash
        }
        return shares.stream().map(s -> {
            UUID id = s.grantee().id();
            String name = (s.grantee().kind() == Grantee.Kind.USER ? users : groups).getOrDefault(id, id.toString());
            return new Named(s, name);
        }).sorted(Comparator.comparing((Named n) -> n.share().grantee().kind() == Grantee.Kind.USER)
                .thenComparing(Named::name)).toList();
    }

    private static Set<UUID> ids(List<Share> shares, Grantee.Kind kind) {
        return shares.stream().map(Share::grantee).filter(g -> g.kind() == kind).map(Grantee::id)
                .collect(Collectors.toSet());
    }
}
