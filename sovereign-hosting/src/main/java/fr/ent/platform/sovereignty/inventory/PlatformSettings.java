package fr.ent.platform.sovereignty.inventory;

/**
 * Settings from the platform's configuration. A {@code null} field means "not configured": the rules report it as a
 * violation (an unstated setting cannot be shown compliant).
 *
 * @param adminMfaRequired whether administrator accounts must use a second factor
 * @param logRetentionDays how long access and technical logs are kept
 * @param accountDeletionDelayDays how long after losing the right to the ENT an account is deleted
 * @param tenantExportAvailable whether a full export of a collectivity's data (reversibility) is offered
 * @param lastTestedExport when the collectivity's last full export was tested (its stored archive read back and every
 *                         checksum verified, ADR 0033); null when none was, or when nobody looked (see {@code asOf})
 * @param asOf             when the exports were looked at (tenant-manager's report of one collectivity); null in an
 *                         evaluation that cannot see them (the operator's, from the cluster's inventory)
 */
public record PlatformSettings(Boolean adminMfaRequired, Integer logRetentionDays, Integer accountDeletionDelayDays,
                               Boolean tenantExportAvailable, java.time.Instant lastTestedExport,
                               java.time.Instant asOf) {

    /** The settings from configuration only: the exports were not looked at. */
    public PlatformSettings(Boolean adminMfaRequired, Integer logRetentionDays, Integer accountDeletionDelayDays,
            Boolean tenantExportAvailable) {
        this(adminMfaRequired, logRetentionDays, accountDeletionDelayDays, tenantExportAvailable, null, null);
    }

    public static PlatformSettings unconfigured() {
        return new PlatformSettings(null, null, null, null);
    }

    /** The same settings, with the date of the collectivity's last tested export as seen at {@code now}. */
    public PlatformSettings withTestedExport(java.time.Instant tested, java.time.Instant now) {
        return new PlatformSettings(adminMfaRequired, logRetentionDays, accountDeletionDelayDays, tenantExportAvailable,
                tested, java.util.Objects.requireNonNull(now, "now"));
    }
}
