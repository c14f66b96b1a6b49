package fr.ent.platform.apps.wiki;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The tree of a wiki's pages from their rows (parent, position), and the trail to one page (pure: unit-tested). */
public final class Tree {

    private Tree() {
    }

    /** A page as its row places it. */
    public record Row(UUID id, UUID parentId, int position, String title) {
    }

    /** The top pages, each with its children, siblings by position then title. */
    public static List<Views.Node> of(List<Row> rows) {
        Map<UUID, List<Row>> byParent = new HashMap<>();
        for (Row r : rows) {
            byParent.computeIfAbsent(r.parentId(), k -> new ArrayList<>()).add(r);
        }
        return children(null, byParent, 0);
    }

    private static List<Views.Node> children(UUID parent, Map<UUID, List<Row>> byParent, int depth) {
        List<Row> rows = new ArrayList<>(byParent.getOrDefault(parent, List.of()));
        if (depth > 50) {
            return List.of(); // deeper than any reader follows; also stops a loop should one ever be stored
        }
        rows.sort(Comparator.comparingInt(Row::position).thenComparing(Row::title));
        List<Views.Node> nodes = new ArrayList<>();
        for (Row r : rows) {
            nodes.add(new Views.Node(r.id(), r.title(), children(r.id(), byParent, depth + 1)));
        }
        return nodes;
    }

    /** The pages from the top down to {@code page}'s parent. */
    public static List<Views.Crumb> trail(List<Row> rows, UUID page) {
        Map<UUID, Row> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.id(), r));
        List<Views.Crumb> trail = new ArrayList<>();
        UUID at = Optional.ofNullable(byId.get(page)).map(Row::parentId).orElse(null);
        while (at != null && byId.containsKey(at) && trail.size() < 50) {
            Row r = byId.get(at);
            trail.add(0, new Views.Crumb(r.id(), r.title()));
            at = r.parentId();
        }
        return trail;
    }

    /** The direct children of {@code page}, in order. */
    public static List<Views.Node> childrenOf(List<Row> rows, UUID page) {
        Map<UUID, List<Row>> byParent = new HashMap<>();
        for (Row r : rows) {
            byParent.computeIfAbsent(r.parentId(), k -> new ArrayList<>()).add(r);
        }
        return children(page, byParent, 0);
    }
}
