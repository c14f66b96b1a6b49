package fr.ent.platform.tenants.time;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The heartbeat of a long job whose row says it is at work (ADR 0041's lease, ADR 0046): its row is touched every
 * sixth of the stall time, so a row that has not moved for the stall time is one whose process died, whichever
 * replica ran it. Backups and realm moves (ADR 0048) beat this way.
 */
public final class Heartbeat {

    private static final Logger LOG = Logger.getLogger(Heartbeat.class.getName());

    private Heartbeat() {
    }

    /** Starts touching {@code what}'s row; the returned handle stops it (closed when the job ends, either way). */
    public static AutoCloseable beat(ScheduledExecutorService beats, Duration stalled, String what, Runnable touch) {
        long every = Math.max(200, stalled.dividedBy(6).toMillis());
        ScheduledFuture<?> beating = beats.scheduleWithFixedDelay(() -> {
            try {
                touch.run();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "heartbeat of " + what + " failed, the next retries", e);
            }
        }, every, every, TimeUnit.MILLISECONDS);
        return () -> beating.cancel(false);
    }
}
