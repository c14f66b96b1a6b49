package fr.ent.platform.apps.directory.view;

/** Body of POST /directory/structures/{id}/groups: type PROFILE needs a profile; classId ties it to a class. */
public record NewGroup(String name, String type, String profile, String classId) {
}
