package fr.ent.platform.runtime.directory.api;

/** Body of POST /directory/structures/{id}/classes. */
public record NewClass(String name, String level) {
}
