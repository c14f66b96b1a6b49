package fr.ent.platform.apps.directory.view;

/** Body of POST /directory/structures/{id}/communication/links: two groups of the school, by id. */
public record NewLink(String from, String to) {
}
