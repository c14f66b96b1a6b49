package fr.ent.platform.apps.sharing.api;

import java.util.List;

/**
 * A resource's shares as a client sends them ({@code PUT}): the whole new list.
 *
 * @param shares each {@code {"kind": "user"|"group", "id": "<directory id>", "right": "read"|"contrib"|"manager"}}
 */
public record SharesBody(List<Item> shares) {

    public record Item(String kind, String id, String right) {
    }
}
