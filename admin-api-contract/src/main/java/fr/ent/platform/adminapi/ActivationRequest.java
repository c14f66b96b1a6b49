package fr.ent.platform.adminapi;

import java.util.List;

/**
 * Body of {@code POST /collectivities/{slug}/accounts/activation/status} and {@code …/activation/letters} (the tenant
 * console, ADR 0023): the directory people concerned (a class's pupils, or their parents), and for letters the
 * heading printed on each page (school and class). Ids that are no person of this collectivity's directory are
 * ignored: nothing of another collectivity can be named here.
 */
public record ActivationRequest(List<String> entUserIds, String heading) {
}
