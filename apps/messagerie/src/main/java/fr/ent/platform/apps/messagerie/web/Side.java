package fr.ent.platform.apps.messagerie.web;

import java.util.List;

/**
 * The side list of the messagerie's pages: the boxes (the inbox with its unread count) and the person's folders,
 * nested; {@code current} is the box name or folder id shown.
 */
public record Side(long unread, List<FolderNode> folders, List<FolderNode> flat, String current) {

    public static final List<String> BOXES = List.of("inbox", "sent", "drafts", "trash");
}
