package fr.ent.platform.tenants.api;

/**
 * Body of {@code PUT /collectivities/{slug}/backups/schedule} (ADR 0046): the operator's choices for one collectivity;
 * a null field takes the platform's default.
 *
 * @param hour       0–23, in {@code zone}
 * @param zone       an IANA time zone (Europe/Paris, Indian/Reunion…)
 * @param keepDaily  how many days keep their newest backup (1–366)
 * @param keepWeekly how many ISO weeks keep their newest backup (0–520)
 */
public record BackupScheduleRequest(Boolean enabled, Integer hour, String zone, Integer keepDaily,
        Integer keepWeekly) {
}
