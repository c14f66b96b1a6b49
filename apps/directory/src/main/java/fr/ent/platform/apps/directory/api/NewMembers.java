package fr.ent.platform.apps.directory.api;

import java.util.List;

/** Body of POST /directory/groups/{id}/members. */
public record NewMembers(List<String> userIds) {
}
