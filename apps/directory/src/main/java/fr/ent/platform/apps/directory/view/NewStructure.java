package fr.ent.platform.apps.directory.view;

/** Body of POST /directory/structures. Text fields, so that each bad value gets its own field error. */
public record NewStructure(String uai, String name, String type, String parentId) {
}
