package fr.ent.platform.apps.documents.space;

import fr.ent.platform.problem.InvalidInput;

/**
 * The name of a folder or a file as the person gave it, kept as is but never a path: no {@code /} or {@code \},
 * no control character, not {@code .} or {@code ..}, 1 to 255 characters once trimmed. Refused rather than
 * repaired, so that what the person sees is what they typed. The name never reaches the file store (its keys are
 * ids), so this is about clarity and the downloads' headers, not the disk.
 */
public final class Names {

    private Names() {
    }

    /** The trimmed name, or the problem {@code document-name-invalid}. */
    public static String checked(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 255 || n.equals(".") || n.equals("..")
                || n.chars().anyMatch(c -> c == '/' || c == '\\' || Character.isISOControl(c))) {
            throw new InvalidInput("document-name-invalid", n);
        }
        return n;
    }
}
