package fr.ent.platform.apps.messagerie.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Folders in reading order: each parent followed by its children (depth first), siblings in the given order. */
final class FolderTree {

    private FolderTree() {
    }

    static List<Views.Folder> ordered(List<Views.Folder> folders) {
        List<Views.Folder> out = new ArrayList<>();
        add(folders, Optional.empty(), out, 0);
        return List.copyOf(out);
    }

    private static void add(List<Views.Folder> all, Optional<java.util.UUID> parent, List<Views.Folder> out, int depth) {
        if (depth > Folders.MAX_DEPTH) {
            return;
        }
        for (Views.Folder f : all) {
            if (f.parentId().equals(parent)) {
                out.add(f);
                add(all, Optional.of(f.id()), out, depth + 1);
            }
        }
    }
}
