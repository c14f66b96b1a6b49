package fr.ent.platform.tenants.shards.move;

import fr.ent.platform.tenants.identity.KeycloakAdmin;
import jakarta.json.Json;
import jakarta.json.JsonArray;

/**
 * Copies a realm from one Keycloak server to another through our admin API extension {@code ent-realm-move}
 * (module keycloak-federation, ADR 0048): the realm whole (clients and their secrets, roles, groups, flows, keys,
 * identity providers, the directory provider's component, service accounts) in the POST that creates it, as the
 * REALM step does (ADR 0013), then its people a page at a time with their credential hashes, OTP secrets, roles and
 * links to upstream identity providers, through Keycloak's partial import (as AccountSync copies accounts). The
 * ids are kept (realm, clients, users, components), so what the platform knows of them stays true. Sessions are
 * not copied: people sign in again on the target. Public for RealmMoveBench, which times it by realm size.
 */
public final class RealmCopy {

    /** People per page: one export request and one import transaction each (Keycloak's own export uses 50). */
    static final int PAGE = 200;

    private RealmCopy() {
    }

    /** How many people the source held and the target holds after the copy. */
    public record Copied(int people, int realmBytes) {
    }

    /** Told how far the copy is: once the people are counted (none copied yet), then after each page imported. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (copied, total) -> { };

        void copied(int copied, int total);
    }

    /** As {@link #copy(KeycloakAdmin, KeycloakAdmin, String, Progress)}, unobserved. */
    public static Copied copy(KeycloakAdmin source, KeycloakAdmin target, String realm) {
        return copy(source, target, realm, Progress.NONE);
    }

    /**
     * Copies {@code realm} from {@code source} to {@code target}. A realm of that name already on the target is a
     * leftover of an earlier failed move (the registry still places the collectivity on its source: the caller
     * checked that the target is another shard): it is removed first. {@code progress} is told how many people
     * are copied, page by page.
     *
     * @throws IllegalStateException when the target does not hold as many people as the source afterwards
     */
    public static Copied copy(KeycloakAdmin source, KeycloakAdmin target, String realm, Progress progress) {
        String export = realm + "/ent-realm-move";
        KeycloakAdmin.Response whole = source.get(export);
        int people = source.get(export + "/count").object().getInt("users");
        target.delete(realm);
        target.post("", whole.object());
        progress.copied(0, people);
        int done = 0;
        for (int first = 0; first < people; first += PAGE) {
            JsonArray page = source.get(export + "/users?first=" + first + "&max=" + PAGE).array();
            if (page.isEmpty()) {
                break;
            }
            target.post(realm + "/partialImport", Json.createObjectBuilder().add("ifResourceExists", "FAIL")
                    .add("users", page).build());
            done += page.size();
            progress.copied(done, people);
        }
        int copied = target.get(export + "/count").object().getInt("users");
        if (copied != people) {
            throw new IllegalStateException("the target holds " + copied + " people of " + realm + ", the source "
                    + people);
        }
        return new Copied(people, whole.body().length());
    }
}
