package fr.ent.platform.apps.directory.view;

import java.util.List;

/** Body of POST /directory/groups/{id}/members. */
public record NewMembers(List<String> userIds) {
}
