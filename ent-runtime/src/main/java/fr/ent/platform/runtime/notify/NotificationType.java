package fr.ent.platform.runtime.notify;

/**
 * A kind of notification an app posts, declared by the app (a CDI producer, like its {@code AppDescriptor}) so
 * that users can choose, per type, whether it is shown and whether it is e-mailed.
 *
 * @param id              the type posted in {@link Notice#type()}, prefixed by the app's id ({@code flash.published})
 * @param app             the id of the app declaring it
 * @param nameKey         the key of its name in the app's message bundle (shown in the user's preferences)
 * @param emailedByDefault whether it is e-mailed to a user who has not chosen
 */
public record NotificationType(String id, String app, String nameKey, boolean emailedByDefault) {

    public NotificationType {
        if (!id.startsWith(app + ".")) {
            throw new IllegalArgumentException("a notification type starts with its app's id: " + id);
        }
    }
}
