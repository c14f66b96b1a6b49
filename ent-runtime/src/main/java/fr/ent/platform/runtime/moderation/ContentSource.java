package fr.ent.platform.runtime.moderation;

import fr.ent.platform.identity.VerifiedToken;
import java.util.Optional;

/**
 * An app's contents as the moderation service sees them (a CDI bean of the app, one per app): facts about one, the
 * check that a reporter may read it, and applying a moderator's decision. Every call runs in the current
 * collectivity's request, so the app reaches its own tables through TenantData as usual.
 */
public interface ContentSource {

    /** The app id whose contents this source answers for. */
    String app();

    /**
     * The content as {@code reader} may read it (a message they hold, a news item they may see); empty when they
     * may not, or when it does not exist: to the reader, both are "not found".
     */
    Optional<ContentFacts> readableBy(VerifiedToken reader, ContentRef ref);

    /** The content in full, whoever may read it (for moderators only); empty when it does not exist (any more). */
    Optional<ContentFacts> facts(ContentRef ref);

    /**
     * Puts the content in {@code state}: NEUTRALIZED (readers get a placeholder everywhere: pages, API, search,
     * notifications), VISIBLE again, or DELETED for good. Applying the state it already has changes nothing.
     */
    void apply(ContentRef ref, ContentState state);
}
