package fr.ent.platform.apps.messagerie.web;

/** A refusal as a page shows it: the problem's title and detail in the reader's language, and its status. */
public record Failure(String title, String detail, int status) {
}
