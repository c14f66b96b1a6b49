package fr.ent.platform.operator.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Sets conditions the way Kubernetes expects: one condition per type, {@code lastTransitionTime} moves only when
 * the status value changes (so "since when is it not Ready" stays true), observedGeneration on each one.
 */
public final class Conditions {

    private final Clock clock;

    public Conditions(Clock clock) {
        this.clock = clock;
    }

    public static Conditions system() {
        return new Conditions(Clock.systemUTC());
    }

    /** Records a condition on the status; returns true if its status value changed (a transition). */
    public boolean set(OperatorStatus status, long generation, ConditionType type, boolean value, String reason,
            String message) {
        return set(status, generation, type, value ? "True" : "False", reason, message);
    }

    /** The same with the status as Kubernetes writes it: "True", "False" or "Unknown" (we could not tell). */
    public boolean set(OperatorStatus status, long generation, ConditionType type, String newStatus, String reason,
            String message) {
        if (!newStatus.equals("True") && !newStatus.equals("False") && !newStatus.equals("Unknown")) {
            throw new IllegalArgumentException("condition status " + newStatus);
        }
        Optional<Condition> previous = find(status, type);
        boolean transition = previous.map(c -> !newStatus.equals(c.getStatus())).orElse(true);
        String since = transition ? now() : previous.get().getLastTransitionTime();
        Condition condition = new ConditionBuilder().withType(type.name()).withStatus(newStatus).withReason(reason)
                .withMessage(message).withObservedGeneration(generation).withLastTransitionTime(since).build();
        status.getConditions().removeIf(c -> type.name().equals(c.getType()));
        status.getConditions().add(condition);
        return transition;
    }

    /**
     * Takes a condition off the status when what it reported no longer applies (the spec stopped asking for it), as
     * Kubernetes' own controllers do: a condition left behind would keep an old observedGeneration and an answer to a
     * question nobody asks any more. Returns whether it was there.
     */
    public boolean remove(OperatorStatus status, ConditionType type) {
        return status.getConditions().removeIf(c -> type.name().equals(c.getType()));
    }

    public static Optional<Condition> find(OperatorStatus status, ConditionType type) {
        return status.getConditions().stream().filter(c -> type.name().equals(c.getType())).findFirst();
    }

    public static boolean isTrue(OperatorStatus status, ConditionType type) {
        return find(status, type).map(c -> "True".equals(c.getStatus())).orElse(false);
    }

    private String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
