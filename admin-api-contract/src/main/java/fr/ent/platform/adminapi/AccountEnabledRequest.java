package fr.ent.platform.adminapi;

/**
 * Body of {@code PUT /collectivities/{slug}/accounts/{entUserId}/enabled}: false blocks the account (no new login,
 * its sessions ended), true unblocks it.
 */
public record AccountEnabledRequest(boolean enabled) {
}
