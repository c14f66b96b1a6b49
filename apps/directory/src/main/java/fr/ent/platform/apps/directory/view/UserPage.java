package fr.ent.platform.apps.directory.view;

import java.util.List;

/** One page of a directory search, with the total number of matches. */
public record UserPage(List<UserSummary> items, long total, int limit, int offset) {
}
