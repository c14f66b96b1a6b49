package fr.ent.platform.apps.directory.view;

import java.util.List;

/** A group with its members. */
public record GroupDetail(GroupView group, List<UserSummary> members) {
}
