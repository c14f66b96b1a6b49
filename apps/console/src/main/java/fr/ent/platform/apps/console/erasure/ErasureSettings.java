package fr.ent.platform.apps.console.erasure;

import fr.ent.platform.settings.SettingReader;
import java.time.Duration;

/**
 * How the runtime's half of erasures runs (docs/data-protection.md, ADR 0032). The end-of-rights delay is
 * tenant-manager's ({@code accounts.deletion.delay.days}): it queues those erasures, the runtime runs them.
 *
 * @param sweep        how often each collectivity is visited: erasures queued by the end of rights, and those a
 *                     restart interrupted ({@code ent.erasure.sweep-seconds})
 * @param stalledAfter how long an erasure at work may go without progress before a sweep takes it up again
 *                     ({@code ent.erasure.stalled-seconds})
 */
public record ErasureSettings(Duration sweep, Duration stalledAfter) {

    public static ErasureSettings from(SettingReader settings) {
        return new ErasureSettings(Duration.ofSeconds(settings.integer("ent.erasure.sweep-seconds", 60, 1, 86_400)),
                Duration.ofSeconds(settings.integer("ent.erasure.stalled-seconds", 300, 1, 86_400)));
    }
}
