package fr.ent.platform.runtime.data;

import java.util.Objects;

/**
 * An app's answer to one duty of its {@link DataContract}: how far it goes ({@link Support}) and, unless it is
 * {@link Support#DONE}, why (shown in docs and in the archive's manifest, so a reader knows what is not there).
 */
public record Statement(Support support, String why) {

    public Statement {
        Objects.requireNonNull(support, "support");
        why = why == null ? "" : why.strip();
        if (support != Support.DONE && why.isEmpty()) {
            throw new IllegalArgumentException("a duty stated " + support + " says why");
        }
    }

    public static Statement done() {
        return new Statement(Support.DONE, "");
    }

    public static Statement nothingHeld(String why) {
        return new Statement(Support.NOTHING_HELD, why);
    }

    public static Statement kept(String why) {
        return new Statement(Support.KEPT, why);
    }

    public static Statement notYet(String why) {
        return new Statement(Support.NOT_YET, why);
    }

    public boolean isDone() {
        return support == Support.DONE;
    }
}
