package fr.ent.platform.tenants.provisioning;

import fr.ent.platform.tenants.registry.Collectivity;
import fr.ent.platform.tenants.registry.ProvisioningStep;

/**
 * Called before each provisioning step runs. Production uses {@link #NONE}; tests use it to make a chosen step
 * fail (or the process "crash") so that failure and resumption are exercised on the real steps.
 */
@FunctionalInterface
public interface StepGuard {

    StepGuard NONE = (collectivity, step) -> { };

    void beforeStep(Collectivity collectivity, ProvisioningStep step) throws Exception;
}
