package fr.ent.platform.apps.notifications.timeline;

import fr.ent.platform.apps.directory.service.Audiences;
import fr.ent.platform.apps.notifications.NotificationsApp;
import fr.ent.platform.runtime.choices.PersonalChoices;
import fr.ent.platform.runtime.persistence.TenantData;
import fr.ent.platform.runtime.security.login.PortalAddress;
import fr.ent.platform.runtime.tenant.Tenant;
import fr.ent.platform.runtime.tenant.TenantJobs;
import fr.ent.platform.runtime.tenant.TenantRegistry;
import fr.ent.platform.runtime.web.Pages;
import fr.ent.platform.settings.SettingReader;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The timeline's background work, for each active collectivity that offers notifications, every tick
 * ({@code ent.notifications.tick-seconds}): it finishes fan-outs a restart or a failure interrupted, and sends the
 * e-mails of deliveries that became visible (at once, or when quiet hours ended). Everything it does is recorded
 * in the collectivity's tables, so that a restart resumes it.
 */
@ApplicationScoped
public class DeliveryJobs {

    private static final Logger LOG = Logger.getLogger(DeliveryJobs.class.getName());
    static final int MAILS_PER_TICK = 200;
    /** A fan-out younger than this is left to the request's own task. */
    private static final Duration RESUME_AFTER = Duration.ofSeconds(30);

    @PersistenceUnit(unitName = NotificationsApp.ID)
    EntityManagerFactory unit;

    @Inject
    TenantData data;

    @Inject
    TenantJobs jobs;

    @Inject
    TenantRegistry registry;

    @Inject
    FanOut fanOut;

    @Inject
    Audiences audiences;

    @Inject
    PersonalChoices personal;

    @Inject
    PortalAddress portal;

    @Inject
    Clock clock;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    SettingReader settingReader;

    private MailSettings settings;
    private Optional<Mailer> mailer = Optional.empty();
    private ScheduledFuture<?> ticking;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        settings = MailSettings.from(settingReader);
        mailer = settings.host().map(h -> new Mailer(settings));
        if (mailer.isEmpty()) {
            LOG.info("ent.mail.host is not set: notifications are not e-mailed");
        }
        long tick = settings.tick().toMillis();
        ticking = scheduler.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (ticking != null) {
            ticking.cancel(false);
        }
    }

    /** One pass over the collectivities; one failing does not stop the others. */
    public void tick() {
        for (Tenant tenant : jobs.active()) {
            if (!tenant.enables(NotificationsApp.ID)) {
                continue;
            }
            try {
                jobs.as(tenant, () -> {
                    resumeFanOuts();
                    mailer.ifPresent(m -> sendDueMails(tenant, m));
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "notifications of " + tenant.slug() + ": this pass failed, the next retries", e);
            }
        }
    }

    private void resumeFanOuts() {
        OffsetDateTime before = OffsetDateTime.now(clock).minus(RESUME_AFTER);
        List<UUID> stuck = data.read(unit, em -> em.createQuery("SELECT f.noticeId FROM PendingFanOut f"
                + " WHERE f.createdAt < :before ORDER BY f.createdAt", UUID.class)
                .setParameter("before", before).setMaxResults(100).getResultList());
        stuck.forEach(fanOut::deliver);
    }

    private void sendDueMails(Tenant tenant, Mailer mailer) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Object[]> due = data.read(unit, em -> em.createQuery(Delivery.WITH_NOTICES
                        + " AND d.email = :due AND d.visibleAt <= :now ORDER BY d.visibleAt", Object[].class)
                .setParameter("due", Delivery.Email.DUE).setParameter("now", now)
                .setMaxResults(MAILS_PER_TICK).getResultList());
        if (due.isEmpty()) {
            return;
        }
        List<UUID> recipients = due.stream().map(row -> ((Delivery) row[0]).recipientId()).distinct().toList();
        Map<UUID, String> addresses = audiences.addresses(recipients);
        String base = registry.domainOf(tenant).map(portal::base).orElse("");
        for (Object[] row : due) {
            Delivery d = (Delivery) row[0];
            StoredNotice n = (StoredNotice) row[1];
            String to = addresses.get(d.recipientId());
            Delivery.Email outcome;
            if (to == null) {
                outcome = Delivery.Email.NO_ADDRESS;
            } else {
                try {
                    mailer.send(mail(tenant, d, n, to, base));
                    outcome = Delivery.Email.SENT;
                } catch (SendFailedException e) {
                    LOG.log(Level.WARNING, "mail of notice " + n.id() + " refused for good", e);
                    outcome = Delivery.Email.FAILED;
                } catch (MessagingException e) {
                    // The server is unreachable or busy: stop this pass, the next one retries what is left.
                    LOG.log(Level.WARNING, "mail server unavailable, notifications of " + tenant.slug() + " wait", e);
                    return;
                }
            }
            Delivery.Email recorded = outcome;
            data.write(unit, em -> {
                em.find(Delivery.class, new Delivery.Key(d.noticeId(), d.recipientId())).emailed(recorded);
                return null;
            });
        }
    }

    private Mailer.Mail mail(Tenant tenant, Delivery d, StoredNotice n, String to, String base) {
        Locale locale = personal.language(d.recipientId()).orElse(Locale.FRENCH);
        ResourceBundle texts = Pages.bundle(NotificationsApp.DESCRIPTOR.messages(), locale,
                DeliveryJobs.class.getClassLoader());
        String text = n.text(locale.getLanguage());
        String subject = tenant.displayName() + " — " + (text.length() > 70 ? text.substring(0, 70) + "…" : text);
        String link = base + (n.link() == null ? "/notifications" : n.link());
        String body = text + "\n\n" + texts.getString("mail.open") + " " + link + "\n\n"
                + texts.getString("mail.why") + " " + base + "/notifications/settings\n";
        return new Mailer.Mail(to, subject, body, "<" + n.id() + "." + d.recipientId() + "@notifications.ent>");
    }
}
