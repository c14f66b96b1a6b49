package fr.ent.platform.apps.notifications;

import fr.ent.platform.runtime.notify.NotificationType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The notification types the apps of this runtime declare (CDI producers of {@link NotificationType}). */
@ApplicationScoped
public class NotificationTypes {

    @Inject
    Instance<NotificationType> declared;

    public Optional<NotificationType> byId(String id) {
        return declared.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** Every type, by app then id: what a user chooses about in their preferences. */
    public List<NotificationType> all() {
        return declared.stream().sorted(Comparator.comparing(NotificationType::app).thenComparing(NotificationType::id))
                .toList();
    }
}
