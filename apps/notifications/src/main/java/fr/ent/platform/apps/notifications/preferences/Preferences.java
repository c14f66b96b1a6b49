package fr.ent.platform.apps.notifications.preferences;

import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.apps.notifications.NotificationsApp;
import fr.ent.platform.apps.notifications.NotificationTypes;
import fr.ent.platform.runtime.notify.NotificationType;
import fr.ent.platform.runtime.persistence.TenantData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Each user's choice per type of notification: shown or not, e-mailed or not. A user who has not chosen gets the
 * type's defaults (shown; e-mailed if the type says so). A user only ever reads and writes their own.
 */
@ApplicationScoped
public class Preferences {

    /** A choice about one type. */
    public record Choice(String type, boolean shown, boolean emailed) {
    }

    @PersistenceUnit(unitName = NotificationsApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    @Inject
    NotificationTypes types;

    /** The user's choice for every declared type. */
    public List<Choice> of(UUID user) {
        Map<String, Preference> mine = new HashMap<>();
        data.read(unit, em -> em.createQuery("SELECT p FROM Preference p WHERE p.userId = :u", Preference.class)
                .setParameter("u", user).getResultList()).forEach(p -> mine.put(p.type(), p));
        return types.all().stream().map(t -> {
            Preference p = mine.get(t.id());
            return p == null ? new Choice(t.id(), true, t.emailedByDefault()) : new Choice(t.id(), p.shown(), p.emailed());
        }).toList();
    }

    /** Replaces the user's choices for the types given; an unknown type is refused, nothing is written then. */
    public List<Choice> choose(UUID user, List<Choice> choices) {
        for (Choice c : choices) {
            if (c == null || types.byId(c.type()).isEmpty()) {
                throw new InvalidInput("unknown-notification-type", c == null ? "" : c.type());
            }
        }
        data.write(unit, em -> {
            for (Choice c : choices) {
                Preference.Key key = new Preference.Key(user, c.type());
                Preference p = em.find(Preference.class, key);
                if (p == null) {
                    em.persist(new Preference(user, c.type(), c.shown(), c.emailed()));
                } else {
                    p.choose(c.shown(), c.emailed());
                }
            }
            return null;
        });
        return of(user);
    }

    /** The choices of many recipients about one type, defaults filled in: for a delivery. */
    public Map<UUID, Choice> choices(Collection<UUID> users, NotificationType type) {
        Map<UUID, Choice> byUser = new HashMap<>();
        users.forEach(u -> byUser.put(u, new Choice(type.id(), true, type.emailedByDefault())));
        if (!users.isEmpty()) {
            data.read(unit, em -> em.createQuery("SELECT p FROM Preference p WHERE p.type = :t AND p.userId IN :users",
                            Preference.class).setParameter("t", type.id()).setParameter("users", List.copyOf(users))
                    .getResultList()).forEach(p -> byUser.put(p.userId(), new Choice(p.type(), p.shown(), p.emailed())));
        }
        return byUser;
    }
}
