package fr.ent.platform.runtime.audit;

import fr.ent.platform.identity.VerifiedToken;

/**
 * The collectivity's trail of its administrators' changes (the tenant console's audit trail, ADR 0024), for the
 * changes an app makes on a screen of its own (a school's quiet hours on the notifications app's page, ADR 0029):
 * the app records what was changed, by whom, with its outcome, and the console shows it with its own entries,
 * within each reader's scope (a school's local administrators read what concerns their school). Implemented by the
 * console; an app finds it through CDI ({@code Instance}) and records nothing when the war has none. A recording
 * that fails never fails the change it records (the implementation logs it).
 */
public interface AdministrationTrail {

    /** How the change ended: made, refused (bad input, not allowed), or failed. */
    enum Outcome {
        DONE, REFUSED, FAILED
    }

    /** The school a change concerns: its directory id, its name and its UAI. */
    record School(String id, String name, String uai) {
    }

    /**
     * @param who    the administrator, as their verified token names them
     * @param action a stable code in capitals, as the console names its own ({@code QUIET_HOURS_SAVE}); the console's
     *               bundles give it words ({@code audit.action.<code>})
     * @param detail what changed, plainly (no personal data beyond the target's name)
     */
    void record(VerifiedToken who, String action, School school, Outcome outcome, String detail);
}
