package fr.ent.platform.tenants.wiring;

import fr.ent.platform.settings.SettingReader;
import fr.ent.platform.tenants.shards.move.RealmMoves;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Takes up the realm moves a stop or a crash interrupted ({@link RealmMoves#recoverInterrupted}, ADR 0048 amended):
 * soon after the start and then every quarter of {@code ent.realm-move.stalled-seconds}, as backups are
 * ({@code BackupScheduleTask}). It waits for the platform realm to be ensured (Keycloak answers): the take-up removes
 * realms and resumes collectivities, which a Keycloak still starting would refuse.
 */
@ApplicationScoped
public class RealmMoveTakeUpTask {

    private static final Logger LOG = Logger.getLogger(RealmMoveTakeUpTask.class.getName());

    @Inject
    RealmMoves moves;

    @Inject
    Startup startup;

    @Inject
    SettingReader settings;

    @Resource
    ManagedScheduledExecutorService executor;

    private ScheduledFuture<?> looking;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        long stalled = settings.integer("ent.realm-move.stalled-seconds", 120, 10, 86_400);
        long look = Math.max(5, stalled / 4);
        looking = executor.scheduleWithFixedDelay(() -> {
            if (!startup.identityReady()) {
                return;
            }
            int n = moves.recoverInterrupted();
            if (n > 0) {
                LOG.warning(() -> n + " interrupted realm move(s) taken up (ADR 0048)");
            }
        }, 5, look, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (looking != null) {
            looking.cancel(false);
        }
    }
}
