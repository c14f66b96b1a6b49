package fr.ent.platform.apps.sharing;

import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.sharing.Grantee;
import fr.ent.platform.runtime.sharing.ResourceRef;
import fr.ent.platform.runtime.sharing.Right;
import fr.ent.platform.runtime.sharing.Share;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Reading shares and resource references from requests (API and dialog): anything malformed is a clear problem. */
public final class SharingInput {

    private SharingInput() {
    }

    /** A resource named by a path: a malformed one names nothing, so it is not found (as an unknown one). */
    public static ResourceRef ref(String app, String type, String id) {
        if (!ResourceRef.valid(app, type, id)) {
            throw new NotFound("no-such-resource");
        }
        return new ResourceRef(app, type, id);
    }

    /** One share from its three texts: kind {@code user}/{@code group}/{@code community}, a directory id, a right's code. */
    public static Share share(String kind, String id, String right) {
        Grantee.Kind k = kind(kind).orElseThrow(() -> InvalidInput.field("shares", "sharing.grantee"));
        UUID uuid = uuid(id).orElseThrow(() -> InvalidInput.field("shares", "sharing.grantee"));
        Right r = Right.parse(right).orElseThrow(() -> InvalidInput.field("shares", "sharing.right"));
        return new Share(new Grantee(k, uuid), r);
    }

    public static Optional<Grantee.Kind> kind(String kind) {
        if (kind == null) {
            return Optional.empty();
        }
        return switch (kind.trim().toLowerCase(Locale.ROOT)) {
            case "user" -> Optional.of(Grantee.Kind.USER);
            case "group" -> Optional.of(Grantee.Kind.GROUP);
            case "community" -> Optional.of(Grantee.Kind.COMMUNITY);
            default -> Optional.empty();
        };
    }

    public static Optional<UUID> uuid(String id) {
        if (id == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(id.trim()));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
