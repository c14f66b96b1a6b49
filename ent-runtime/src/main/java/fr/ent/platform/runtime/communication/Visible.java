package fr.ent.platform.runtime.communication;

import java.util.List;

/** One page of the recipients one may write to; {@code more} says a next page has something. */
public record Visible(List<Recipient> items, int limit, int offset, boolean more) {

    public Visible {
        items = List.copyOf(items);
    }
}
