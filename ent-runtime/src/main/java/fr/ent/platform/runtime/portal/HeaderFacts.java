package fr.ent.platform.runtime.portal;

import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * What an app adds to the signed-in user's header (a CDI bean in the app's module): the directory gives the
 * user's schools, the timeline their unread count. The portal asks only the apps the collectivity has enabled.
 */
public interface HeaderFacts {

    /** The id of the app answering. */
    String app();

    /** The names of the user's schools, if this app knows them. */
    default List<String> schools(UUID user) {
        return List.of();
    }

    /** The user's unread notifications, if this app counts them. */
    default OptionalLong unread(UUID user) {
        return OptionalLong.empty();
    }

    /** The user's unread messages, if this app holds their messages. */
    default OptionalLong unreadMessages(UUID user) {
        return OptionalLong.empty();
    }
}
