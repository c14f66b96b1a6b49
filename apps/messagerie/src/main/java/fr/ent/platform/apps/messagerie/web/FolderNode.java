package fr.ent.platform.apps.messagerie.web;

import fr.ent.platform.apps.messagerie.mail.Views;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A folder with its sub-folders, for the side list's nested lists; {@code depth} for the move select's labels. */
public record FolderNode(Views.Folder folder, int depth, List<FolderNode> children) {

    /** The trees of folders given parents first (as {@code Folders.list} gives them). */
    static List<FolderNode> trees(List<Views.Folder> folders) {
        return under(folders, Optional.empty(), 0);
    }

    /** Every folder in reading order with its depth (for a select). */
    static List<FolderNode> flat(List<FolderNode> trees) {
        List<FolderNode> out = new ArrayList<>();
        for (FolderNode n : trees) {
            out.add(n);
            out.addAll(flat(n.children()));
        }
        return out;
    }

    /** The folder's name indented by its depth, for an option of a select. */
    public String indented() {
        return "\u00a0\u00a0".repeat(depth) + folder.name();
    }

    private static List<FolderNode> under(List<Views.Folder> all, Optional<UUID> parent, int depth) {
        List<FolderNode> nodes = new ArrayList<>();
        for (Views.Folder f : all) {
            if (f.parentId().equals(parent)) {
                nodes.add(new FolderNode(f, depth, under(all, Optional.of(f.id()), depth + 1)));
            }
        }
        return nodes;
    }
}
