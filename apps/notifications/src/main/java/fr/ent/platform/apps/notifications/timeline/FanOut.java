package fr.ent.platform.apps.notifications.timeline;

import fr.ent.platform.apps.directory.service.Audiences;
import fr.ent.platform.apps.directory.service.UserService;
import fr.ent.platform.apps.notifications.NotificationsApp;
import fr.ent.platform.apps.notifications.NotificationTypes;
import fr.ent.platform.apps.notifications.preferences.Preferences;
import fr.ent.platform.apps.notifications.quiet.QuietHours;
import fr.ent.platform.apps.notifications.quiet.QuietRange;
import fr.ent.platform.apps.notifications.quiet.QuietRanges;
import fr.ent.platform.runtime.choices.PersonalChoices;
import fr.ent.platform.runtime.notify.NotificationType;
import fr.ent.platform.runtime.persistence.TenantData;
import fr.ent.platform.runtime.tenant.Tenant;
import fr.ent.platform.runtime.tenant.TenantJobs;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceUnit;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers a posted notice to its recipients: the users named and the members of the groups named, who exist in
 * this collectivity's directory, minus its author and those who chose not to see its type. Each recipient gets a
 * delivery visible at once or at the end of their quiet hours (their own and their school's, in their time zone),
 * to be e-mailed or not as they chose. The deliveries and the removal of the pending fan-out commit together: a
 * restart before the commit delivers it again from the start, after it finds nothing to do; nobody gets it twice.
 */
@ApplicationScoped
public class FanOut {

    private static final Logger LOG = Logger.getLogger(FanOut.class.getName());

    @PersistenceUnit(unitName = NotificationsApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    @Inject
    TenantJobs jobs;

    @Inject
    NotificationTypes types;

    @Inject
    UserService users;

    @Inject
    Audiences audiences;

    @Inject
    PersonalChoices personal;

    @Inject
    Preferences preferences;

    @Inject
    QuietRanges quiet;

    @Inject
    Clock clock;

    @Resource
    ManagedExecutorService executor;

    /** Delivers the notice after the current request, on the platform's executor. */
    public void later(Tenant tenant, UUID notice) {
        executor.execute(() -> {
            try {
                jobs.as(tenant, () -> deliver(notice));
            } catch (RuntimeException e) {
                // The pending fan-out stays: the next sweep (DeliveryJobs) delivers it.
                LOG.log(Level.WARNING, "notice " + notice + " of " + tenant.slug() + " not delivered yet", e);
            }
        });
    }

    /** Delivers one pending notice of the current collectivity; returns the number of deliveries written. */
    public int deliver(UUID noticeId) {
        record Pending(PendingFanOut fanOut, StoredNotice notice) {
        }
        Pending pending = data.read(unit, em -> {
            PendingFanOut f = em.find(PendingFanOut.class, noticeId);
            return f == null ? null : new Pending(f, em.find(StoredNotice.class, noticeId));
        });
        if (pending == null) {
            return 0;
        }
        Set<UUID> recipients = recipients(pending.fanOut());
        pending.notice().authorId().ifPresent(recipients::remove);
        NotificationType type = types.byId(pending.notice().type())
                .orElse(new NotificationType(pending.notice().type(), pending.notice().type().split("\\.")[0],
                        "", false));
        Map<UUID, Preferences.Choice> choices = preferences.choices(recipients, type);
        recipients.removeIf(r -> !choices.get(r).shown());
        Instant now = clock.instant();
        Map<UUID, Instant> visible = visibleTimes(recipients, now);
        return data.write(unit, em -> {
            PendingFanOut still = em.find(PendingFanOut.class, noticeId, LockModeType.PESSIMISTIC_WRITE);
            if (still == null) {
                return 0; // delivered meanwhile by another sweep
            }
            for (UUID r : recipients) {
                em.persist(new Delivery(noticeId, r, OffsetDateTime.ofInstant(visible.get(r), ZoneOffset.UTC),
                        choices.get(r).emailed() ? Delivery.Email.DUE : Delivery.Email.NONE));
            }
            em.remove(still);
            return recipients.size();
        });
    }

    private Set<UUID> recipients(PendingFanOut fanOut) {
        Set<UUID> named = new HashSet<>();
        fanOut.users().forEach(u -> named.add(UUID.fromString(u)));
        Set<UUID> all = new HashSet<>(users.existing(named)); // ids of another collectivity are nobody here
        for (String line : fanOut.audiences()) {
            all.addAll(audiences.members(NoticeBoard.audience(line)));
        }
        return all;
    }

    /** When each recipient may see it: now, or the end of the quiet hours that apply to them. */
    Map<UUID, Instant> visibleTimes(Set<UUID> recipients, Instant now) {
        Map<UUID, ZoneId> zones = personal.timeZones(recipients);
        Map<UUID, UUID> schools = audiences.structuresOf(recipients);
        Map<UUID, List<QuietRange>> ranges = quiet.applying(recipients, schools);
        Map<UUID, Instant> visible = new java.util.HashMap<>();
        for (UUID r : recipients) {
            visible.put(r, QuietHours.nextAllowed(now, zones.get(r), ranges.getOrDefault(r, List.of())));
        }
        return visible;
    }
}
