package fr.ent.platform.apps.sharing.api;

import java.util.List;

/** A resource's shares as the API gives them, with the grantees' names from the directory. */
public record SharesView(String app, String type, String id, String title, String owner, List<Item> shares) {

    public record Item(String kind, String id, String name, String right) {
    }
}
