package fr.ent.platform.tenants.probe;

import fr.ent.platform.tenants.registry.Collectivity;

/**
 * One synthetic check of a collectivity, as its users reach it: through the public endpoint, with its domain as
 * Host. The probes run are the {@link SyntheticProbes#probes()} list: it is the hook where the authenticated API
 * probe goes once the identity work is merged (TODO: log a probe user into the collectivity's realm and call one
 * API with its bearer token — see docs/observability.md).
 */
public interface Probe {

    /** The {@code probe} label: bounded, one per implementation. */
    String name();

    /** True when the collectivity answered as expected; false or an exception otherwise. */
    boolean check(Collectivity collectivity, String domain) throws Exception;
}
