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

    /**
     * The siblings under {@code parent} once {@code page} is moved there at {@code position} (1: first; beyond the
     * last: last), in their new order. Refused (InvalidInput {@code wiki.parent}) when the parent is the page itself
     * or one of its descendants, which would cut a branch off the tree; {@code parent} null is the top.
     */
    public static List<UUID> place(List<Row> rows, UUID page, UUID parent, int position) {
        Map<UUID, Row> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.id(), r));
        for (UUID at = parent; at != null; at = Optional.ofNullable(byId.get(at)).map(Row::parentId).orElse(null)) {
            if (at.equals(page)) {
                throw fr.ent.platform.problem.InvalidInput.field("parentId", "wiki.parent");
            }
        }
        List<Row> siblings = new ArrayList<>(rows.stream().filter(r -> java.util.Objects.equals(r.parentId(), parent)
                && !r.id().equals(page)).toList());
        siblings.sort(Comparator.comparingInt(Row::position).thenComparing(Row::title));
        List<UUID> order = new ArrayList<>(siblings.stream().map(Row::id).toList());
        order.add(Math.max(0, Math.min(position - 1, order.size())), page);
        return order;
    }

    /** The pages a page may move under: every page but itself and its descendants. */
    public static List<Row> possibleParents(List<Row> rows, UUID page) {
        Map<UUID, Row> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.id(), r));
        List<Row> possible = new ArrayList<>();
        for (Row r : rows) {
            boolean under = false;
            for (UUID at = r.id(); at != null && !under; at = Optional.ofNullable(byId.get(at)).map(Row::parentId)
                    .orElse(null)) {
                under = at.equals(page);
            }
            if (!under) {
                possible.add(r);
            }
        }
        possible.sort(Comparator.comparing(Row::title));
        return possible;
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
