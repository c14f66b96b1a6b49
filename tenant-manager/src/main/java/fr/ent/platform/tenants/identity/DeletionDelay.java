package fr.ent.platform.tenants.identity;

import fr.ent.platform.settings.SettingReader;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How long after losing the right an account is deleted (issue 18, ADR 0032, ADR 0042).
 *
 * <p>The rule: {@code accounts.deletion.delay.days} (MicroProfile Config {@code ent.accounts.deletion.delay.days},
 * environment {@code ENT_ACCOUNTS_DELETION_DELAY_DAYS}), 90 days by default and at most: the setting the sovereign
 * rule {@code ENT-ART6-ACCOUNT-DELETION} checks. For tests only, {@code ent.accounts.deletion.delay-seconds}
 * ({@code ENT_ACCOUNTS_DELETION_DELAY_SECONDS}) shortens it to seconds, and {@code
 * ent.accounts.deletion.delay-seconds-for} ({@code ENT_ACCOUNTS_DELETION_DELAY_SECONDS_FOR}, slug prefixes separated by
 * commas) keeps that shortening to the collectivities whose slug starts so: a shared test platform then erases the
 * people of its end-of-rights test within seconds, and nobody another test left marked. The shortened delay can never
 * exceed the rule's maximum, and the rule's check still reads the days: setting it changes no compliance verdict.
 */
record DeletionDelay(Duration rule, Optional<Duration> shortened, List<String> shortenedFor) {

    static final int MAX_DAYS = 90;

    static DeletionDelay from(SettingReader settings) {
        Duration rule = Duration.ofDays(settings.integer("ent.accounts.deletion.delay.days", MAX_DAYS, 0, MAX_DAYS));
        Optional<Duration> shortened = settings.text("ent.accounts.deletion.delay-seconds").isPresent()
                ? Optional.of(Duration.ofSeconds(settings.integer("ent.accounts.deletion.delay-seconds", 0, 0,
                        MAX_DAYS * 86_400)))
                : Optional.empty();
        List<String> prefixes = Arrays.stream(settings.text("ent.accounts.deletion.delay-seconds-for", "").split(","))
                .map(String::strip).filter(p -> !p.isEmpty()).toList();
        return new DeletionDelay(rule, shortened, prefixes);
    }

    /** The delay that applies to this collectivity. */
    Duration of(String slug) {
        if (shortened.isPresent() && (shortenedFor.isEmpty() || shortenedFor.stream().anyMatch(slug::startsWith))) {
            return shortened.get();
        }
        return rule;
    }

    @Override
    public String toString() {
        return shortened.map(s -> s.toSeconds() + " s (tests" + (shortenedFor.isEmpty() ? "" : ", for "
                + String.join(", ", shortenedFor)) + "), else ").orElse("") + rule.toDays() + " days";
    }
}
