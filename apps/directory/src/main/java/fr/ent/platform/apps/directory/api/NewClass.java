package fr.ent.platform.apps.directory.api;

/** Body of POST /directory/structures/{id}/classes. */
public record NewClass(String name, String level) {
}
