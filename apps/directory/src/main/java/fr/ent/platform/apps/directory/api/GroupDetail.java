package fr.ent.platform.apps.directory.api;

import java.util.List;

/** A group with its members. */
public record GroupDetail(GroupView group, List<UserSummary> members) {
}
