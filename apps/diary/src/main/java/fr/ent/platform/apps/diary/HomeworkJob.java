package fr.ent.platform.apps.diary;

import fr.ent.platform.runtime.tenant.Tenant;
import fr.ent.platform.runtime.tenant.TenantJobs;
import fr.ent.platform.settings.SettingReader;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every tick ({@code ent.diary.tick-seconds}, 60 by default), for each active collectivity that offers the diary:
 * the homework whose visible-from day has come is told to its class's families ({@link HomeworkNotices#postDue}).
 * What was told is recorded in the collectivity's tables, so a restart resumes where it stopped, and a collectivity
 * failing does not stop the others.
 */
@ApplicationScoped
public class HomeworkJob {

    private static final Logger LOG = Logger.getLogger(HomeworkJob.class.getName());

    @Inject
    TenantJobs jobs;

    @Inject
    HomeworkNotices notices;

    @Inject
    SettingReader settings;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> ticking;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        long tick = settings.integer("ent.diary.tick-seconds", 60, 1, 3_600) * 1000L;
        ticking = scheduler.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (ticking != null) {
            ticking.cancel(false);
        }
    }

    /** One pass over the collectivities. */
    public void tick() {
        for (Tenant tenant : jobs.active()) {
            if (!tenant.enables(DiaryApp.ID)) {
                continue;
            }
            try {
                jobs.as(tenant, notices::postDue);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "diary notices of " + tenant.slug() + ": this pass failed, the next retries", e);
            }
        }
    }
}
