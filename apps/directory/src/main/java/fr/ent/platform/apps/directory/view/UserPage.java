package fr.ent.platform.apps.directory.view;

import java.util.List;

/**
 * One page of a directory search. {@code total} is the number of matches when {@code totalExact}; otherwise there
 * are more than {@code total} matches (a bounded count, ADR 0059), and a next page exists.
 */
public record UserPage(List<UserSummary> items, long total, boolean totalExact, int limit, int offset) {

    /** Whether matches follow this page. */
    public boolean hasNext() {
        return !totalExact || offset + items.size() < total;
    }
}
