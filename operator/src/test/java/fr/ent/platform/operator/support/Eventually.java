package fr.ent.platform.operator.support;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls until a condition holds, failing with the last observed value so that a timeout says what was seen. */
public final class Eventually {

    private Eventually() {
    }

    public static <T> T await(Duration timeout, String what, Supplier<T> observe, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = observe.get();
            if (last != null && done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what + "; last seen: "
                + last);
    }
}
