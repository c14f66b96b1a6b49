package fr.ent.platform.apps.directory.view;

/** Body of PUT /directory/structures/{id}/communication: the school's switch. */
public record RulesChange(Boolean pupilsTalk) {
}
