package fr.ent.platform.observability.sla;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objectives of the plans a collectivity can have ({@code Collectivity.spec.plan}). The first plan is the
 * default: it applies to a collectivity whose plan is unknown or not published yet, so that no collectivity is ever
 * left without an objective.
 */
public record SlaPlans(List<SlaObjective> objectives) {

    public SlaPlans {
        objectives = List.copyOf(objectives);
        if (objectives.isEmpty()) {
            throw new IllegalArgumentException("at least one plan");
        }
        Map<String, SlaObjective> seen = new LinkedHashMap<>();
        for (SlaObjective objective : objectives) {
            if (seen.put(objective.plan(), objective) != null) {
                throw new IllegalArgumentException("plan " + objective.plan() + " is defined twice");
            }
        }
    }

    /**
     * The platform's plans: {@code standard} (99.8 %, 0.5 s, the default), {@code essentiel} (99.5 %, 1 s) and
     * {@code premium} (99.9 %, 0.5 s).
     */
    public static SlaPlans defaults() {
        return new SlaPlans(List.of(
                SlaObjective.of("standard", "99.8", Duration.ofMillis(500)),
                SlaObjective.of("essentiel", "99.5", Duration.ofSeconds(1)),
                SlaObjective.of("premium", "99.9", Duration.ofMillis(500))));
    }

    /**
     * Reads plans from a setting such as {@code standard:99.8:0.5,premium:99.9:0.5}: name, target in percent,
     * latency threshold in seconds; the first is the default.
     */
    public static SlaPlans parse(String setting) {
        List<SlaObjective> objectives = new ArrayList<>();
        for (String entry : setting.split(",")) {
            String[] parts = entry.trim().split(":");
            if (parts.length != 3) {
                throw new IllegalArgumentException("plan \"" + entry.trim()
                        + "\": expected name:targetPercent:latencySeconds, e.g. standard:99.8:0.5");
            }
            Duration threshold;
            try {
                threshold = Duration.ofMillis(new BigDecimal(parts[2]).movePointRight(3).longValueExact());
            } catch (ArithmeticException | NumberFormatException e) {
                throw new IllegalArgumentException("plan \"" + entry.trim() + "\": bad latency " + parts[2], e);
            }
            try {
                objectives.add(SlaObjective.of(parts[0], parts[1], threshold));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("plan \"" + entry.trim() + "\": bad target " + parts[1], e);
            }
        }
        return new SlaPlans(objectives);
    }

    /** The default plan's objective. */
    public SlaObjective defaultObjective() {
        return objectives.getFirst();
    }

    /** The objective of a plan; the default one when the plan is unknown or null. */
    public SlaObjective objectiveFor(String plan) {
        for (SlaObjective objective : objectives) {
            if (objective.plan().equals(plan)) {
                return objective;
            }
        }
        return defaultObjective();
    }
}
