package fr.ent.platform.runtime.notify;

import java.util.UUID;

/**
 * The platform's notification service, which every app posts to (implemented by the notifications app). Posting
 * records the notice and returns at once: the fan-out to its recipients, their preferences and quiet hours, and
 * e-mail happen afterwards, and survive a restart. Only notices of the current collectivity's request are
 * accepted; recipients are directory users of that collectivity (others are ignored, never reached).
 */
public interface Timeline {

    /** Records {@code notice} for delivery and returns its id. */
    UUID post(Notice notice);

    /**
     * Replaces, for every recipient, the text of the notices of this collectivity that open {@code link} by
     * {@code texts} (by language, {@code fr} required): moderation neutralized what they quoted. The original texts
     * are kept and come back with {@link #unmask}. Returns how many notices were masked.
     */
    int mask(String link, java.util.Map<String, String> texts);

    /** Gives the notices that open {@code link} their original texts back; returns how many. */
    int unmask(String link);
}
