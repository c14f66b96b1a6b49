package fr.ent.platform.sovereignty.inventory;

/**
 * Settings from the platform's configuration. A {@code null} field means "not configured": the rules report it as a
 * violation (an unstated setting cannot be shown compliant).
 *
 * @param adminMfaRequired whether administrator accounts must use a second factor
 * @param logRetentionDays how long access and technical logs are kept
 * @param accountDeletionDelayDays how long after losing the right to the ENT an account is deleted
 * @param tenantExportAvailable whether a full export of a collectivity's data (reversibility) is offered
 */
public record PlatformSettings(Boolean adminMfaRequired, Integer logRetentionDays, Integer accountDeletionDelayDays,
                               Boolean tenantExportAvailable) {

    public static PlatformSettings unconfigured() {
        return new PlatformSettings(null, null, null, null);
    }
}
