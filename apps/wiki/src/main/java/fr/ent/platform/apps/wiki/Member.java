package fr.ent.platform.apps.wiki;

import java.util.Map;
import java.util.UUID;

/**
 * The signed-in person as the wiki sees them: their directory id and name (kept on the versions they write), and the
 * classes and schools they belong to as the directory relates them ({@link Members}), each saying whether they write
 * there, and the communities they are an accepted member of. A class, school or community not in these maps gives them nothing (shares aside).
 */
public record Member(UUID id, String name, Map<UUID, Place> classes, Map<UUID, Place> schools,
        Map<UUID, Place> communities) {

    public Member {
        classes = Map.copyOf(classes);
        schools = Map.copyOf(schools);
        communities = Map.copyOf(communities);
    }

    public Member(UUID id, String name, Map<UUID, Place> classes, Map<UUID, Place> schools) {
        this(id, name, classes, schools, Map.of());
    }

    /**
     * The same member with the communities they belong to (apps/communities): a community's administrators write in
     * its wikis ({@code staff}), its other members read them.
     */
    public Member withCommunities(Map<UUID, Place> places) {
        return new Member(id, name, classes, schools, places);
    }

    /**
     * A class or school of the member: its name (a class: "CP", with the school's name for a label; a parent's: the
     * children in it, "CP (Léa)") and whether the member teaches or works there ({@code staff}).
     */
    public record Place(UUID id, String name, String label, boolean staff) {
    }
}
