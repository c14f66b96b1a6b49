package fr.ent.platform.operator.collectivity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which Collectivity resource owns a slug or a domain when several claim it. A claim already served (in the other
 * resource's status) wins; otherwise the oldest resource wins (then the name, for a stable answer). The loser gets
 * a condition and provisions nothing; in particular it never adopts, changes or deletes the winner's tenant.
 */
final class Ownership {

    private static final Comparator<Collectivity> AGE = Comparator
            .comparing((Collectivity c) -> c.getMetadata().getCreationTimestamp(),
                    Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(c -> c.getMetadata().getNamespace() + "/" + c.getMetadata().getName());

    private Ownership() {
    }

    /** Conflicts of {@code self} with the other resources, one sentence each. */
    static List<String> conflicts(Collectivity self, Stream<Collectivity> all) {
        List<String> conflicts = new ArrayList<>();
        String slug = self.getSpec().getSlug();
        all.filter(other -> !sameResource(self, other)).forEach(other -> {
            if (slug != null && slug.equals(other.getSpec().getSlug()) && winsOver(other, self)) {
                conflicts.add("slug \"" + slug + "\" is already managed by Collectivity " + id(other) + ".");
            }
            for (String domain : self.getSpec().getDomains()) {
                if (other.getSpec().getDomains().contains(domain) && ownsDomain(other, self, domain)) {
                    conflicts.add("domain \"" + domain + "\" is already owned by Collectivity " + id(other) + ".");
                }
            }
        });
        return conflicts;
    }

    /**
     * Whether {@code self} may act on the tenant of its slug: the slug is its own (no older resource claims it).
     * Deletion asks this rather than the whole spec check, so that a resource whose domains became invalid
     * still cleans up the tenant it provisioned.
     */
    static boolean ownsSlug(Collectivity self, Stream<Collectivity> all) {
        String slug = self.getSpec().getSlug();
        return slug != null && all.noneMatch(other -> !sameResource(self, other)
                && slug.equals(other.getSpec().getSlug()) && winsOver(other, self));
    }

    private static boolean ownsDomain(Collectivity other, Collectivity self, String domain) {
        if (serves(self, domain)) {
            return false;
        }
        return serves(other, domain) || winsOver(other, self);
    }

    private static boolean serves(Collectivity c, String domain) {
        return c.getStatus() != null && c.getStatus().getServedDomains() != null
                && c.getStatus().getServedDomains().contains(domain);
    }

    private static boolean winsOver(Collectivity other, Collectivity self) {
        return AGE.compare(other, self) < 0;
    }

    private static boolean sameResource(Collectivity a, Collectivity b) {
        return a.getMetadata().getNamespace().equals(b.getMetadata().getNamespace())
                && a.getMetadata().getName().equals(b.getMetadata().getName());
    }

    private static String id(Collectivity c) {
        return c.getMetadata().getNamespace() + "/" + c.getMetadata().getName();
    }
}
