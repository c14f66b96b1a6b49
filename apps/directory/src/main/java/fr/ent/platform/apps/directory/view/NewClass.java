package fr.ent.platform.apps.directory.view;

/** Body of POST /directory/structures/{id}/classes. */
public record NewClass(String name, String level) {
}
