package fr.ent.platform.apps.directory.view;

import java.util.List;

/** Body of POST /directory/communication/verify: the people and groups a message would go to, by id. */
public record RecipientsBody(List<String> users, List<String> groups) {
}
