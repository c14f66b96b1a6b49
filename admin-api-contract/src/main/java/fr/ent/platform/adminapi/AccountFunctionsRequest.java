package fr.ent.platform.adminapi;

import java.util.List;

/**
 * Body of {@code PUT /collectivities/{slug}/accounts/{entUserId}/functions}: the functions the account must hold
 * afterwards, whole. {@code adminStructures} empty removes ADMIN_LOCAL, otherwise gives it for those UAIs (and asks
 * for a second factor at the next login if the account has none); {@code classAdmin} gives or removes CLASS_ADMIN.
 */
public record AccountFunctionsRequest(List<String> adminStructures, boolean classAdmin) {
}
