package fr.ent.platform.apps.directory.view;

import fr.ent.platform.runtime.communication.Recipient;
import fr.ent.platform.runtime.communication.Visible;
import java.util.List;
import java.util.UUID;

/** GET /directory/communication/visible: one page of the people and groups the caller may write to. */
public record VisiblePage(List<Item> items, int limit, int offset, boolean more) {

    /** {@code kind} USER or GROUP; {@code profile} null for a group that is not a profile group. */
    public record Item(String kind, UUID id, String name, String profile) {
    }

    public static VisiblePage of(Visible visible) {
        return new VisiblePage(visible.items().stream().map(VisiblePage::item).toList(), visible.limit(),
                visible.offset(), visible.more());
    }

    private static Item item(Recipient r) {
        return new Item(r.kind().name(), r.id(), r.name(), r.profile().orElse(null));
    }
}
