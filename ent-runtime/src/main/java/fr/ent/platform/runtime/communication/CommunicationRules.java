package fr.ent.platform.runtime.communication;

import java.util.UUID;

/**
 * Who may write to whom in the current collectivity: the one check under every recipient picker and every send
 * (messagerie, sharing, later apps). Rules are links between groups (profile groups of each school and class, with
 * the school's defaults) plus the direct links between parents and their children; the directory, which owns
 * people and groups, implements it (see docs/adr/0017-communication-rules.md).
 *
 * <p>Apps ask by directory user id (the token's {@code ent_user_id}). Ids of another collectivity, or guessed ones,
 * are simply not reachable.
 */
public interface CommunicationRules {

    /** The most a page of {@link #visible} may hold. */
    int MAX_LIMIT = 100;

    /**
     * The people and groups {@code sender} may write to whose name matches every word of {@code query} (accents and
     * case ignored; blank: everyone reachable), groups first, then people by name; one page of at most {@code limit}
     * (1 to {@link #MAX_LIMIT}) from {@code offset}. Bad paging is invalid input.
     */
    Visible visible(UUID sender, String query, int limit, int offset);

    /**
     * Passes when {@code sender} may write to every one of these recipients; otherwise throws the NotAllowed problem
     * {@code communication-refused}, which names no recipient (a refusal must not tell whether someone exists).
     */
    void verify(UUID sender, Recipients recipients);
}
