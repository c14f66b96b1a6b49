package fr.ent.platform.tenants.sla;

/**
 * The share of successful synthetic probes over the period, per probe ({@code portal}, {@code api}).
 *
 * @param availabilityPercent successful samples of {@code ent_probe_success} / all samples, in percent
 */
public record ProbeAvailability(String probe, double availabilityPercent) {
}
