package fr.ent.platform.apps.moderation;

import fr.ent.platform.runtime.moderation.ContentState;
import java.util.Locale;
import java.util.Optional;

/**
 * What a moderator decides about a reported content, and the state each action leads to from which state: a
 * content is neutralized only while visible, restored only while neutralized; deleting is final; dismissing closes
 * the reports of a visible content (nothing wrong with it).
 */
public enum Action {
    NEUTRALIZE(ContentState.NEUTRALIZED),
    RESTORE(ContentState.VISIBLE),
    DELETE(ContentState.DELETED),
    DISMISS(ContentState.VISIBLE);

    private final ContentState leadsTo;

    Action(ContentState leadsTo) {
        this.leadsTo = leadsTo;
    }

    public ContentState leadsTo() {
        return leadsTo;
    }

    /** Whether it applies to a content in {@code state}. */
    public boolean appliesTo(ContentState state) {
        return switch (this) {
            case NEUTRALIZE, DISMISS -> state == ContentState.VISIBLE;
            case RESTORE -> state == ContentState.NEUTRALIZED;
            case DELETE -> state != ContentState.DELETED;
        };
    }

    /** The code as paths and forms spell it ({@code neutralize}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Action> parse(String code) {
        for (Action a : values()) {
            if (a.code().equals(code)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
