package fr.ent.platform.apps.actualites.web;

import java.util.UUID;

/**
 * What an author is writing and has not saved (maybe never saved yet): a new item of a thread ({@code kind}
 * {@code threads}) or the rewrite of an item ({@code items}), with the title and text as typed. It travels between
 * the editor, the FALC help and back in plain forms; nothing is stored until the author saves.
 */
public record Draft(String kind, UUID id, String title, String content) {

    public Draft {
        title = title == null ? "" : title;
        content = content == null ? "" : content;
    }

    /** Where saving posts: a new item of the thread, or the item's rewrite. */
    public String save() {
        return kind.equals("threads") ? "/actualites/threads/" + id + "/items" : "/actualites/items/" + id + "/edit";
    }

    /** Where the FALC help is asked. */
    public String falc() {
        return "/actualites/" + kind + "/" + id + "/falc";
    }

    /** Where the editor is shown again with a text (accepted proposal or the author's own), unsaved. */
    public String editor() {
        return "/actualites/" + kind + "/" + id + "/editor";
    }

    /** Leaving without saving. */
    public String back() {
        return "/actualites/" + kind + "/" + id;
    }
}
