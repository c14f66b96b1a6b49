package fr.ent.platform.apps.sharing.api;

import fr.ent.platform.apps.sharing.GranteeNames;
import fr.ent.platform.apps.sharing.SharingInput;
import fr.ent.platform.problem.InvalidInput;
import fr.ent.platform.problem.NotFound;
import fr.ent.platform.runtime.security.Allow;
import fr.ent.platform.runtime.security.Caller;
import fr.ent.platform.runtime.security.Roles;
import fr.ent.platform.runtime.sharing.ResourceRef;
import fr.ent.platform.runtime.sharing.Share;
import fr.ent.platform.runtime.sharing.ShareRights;
import fr.ent.platform.runtime.sharing.SharedResource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A resource's shares over JSON, for its owner or a MANAGER: the same rules as the dialog. Someone who may not read
 * the resource gets 404 as for an unknown one; a reader or contributor 403; a new grantee outside the sharer's
 * communication rules 403 {@code communication-refused}.
 */
@Path("/sharing/{app}/{type}/{id}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SharingResource {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    ShareRights rights;

    @Inject
    GranteeNames names;

    @Inject
    Caller caller;

    @GET
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Avec qui cette ressource est partagée, et avec quel droit (propriétaire ou gestionnaire)")
    public SharesView get(@PathParam("app") String app, @PathParam("type") String type, @PathParam("id") String id) {
        return view(rights.shares(me(), SharingInput.ref(app, type, id)));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Allow(Roles.ANY_USER)
    @Operation(summary = "Remplace les partages de cette ressource (propriétaire ou gestionnaire ; nouveaux"
            + " destinataires selon les règles de communication)")
    public SharesView put(@PathParam("app") String app, @PathParam("type") String type, @PathParam("id") String id,
            String body) {
        ResourceRef ref = SharingInput.ref(app, type, id);
        UUID me = me();
        List<Share> shares = shares(body);
        return view(rights.replace(me, ref, shares));
    }

    /** A person of the directory; an account without one (a service account) owns and reaches nothing. */
    private UUID me() {
        return caller.token().flatMap(t -> t.entUserId()).flatMap(SharingInput::uuid)
                .orElseThrow(() -> new NotFound("no-such-resource"));
    }

    static List<Share> shares(String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidInput("malformed-request");
        }
        SharesBody parsed;
        try {
            parsed = JSONB.fromJson(body, SharesBody.class);
        } catch (JsonbException e) {
            throw new InvalidInput("malformed-request");
        }
        if (parsed == null || parsed.shares() == null) {
            throw InvalidInput.field("shares", "sharing.grantee");
        }
        return parsed.shares().stream().map(i -> {
            if (i == null) {
                throw InvalidInput.field("shares", "sharing.grantee");
            }
            return SharingInput.share(i.kind(), i.id(), i.right());
        }).toList();
    }

    private SharesView view(SharedResource r) {
        var named = names.of(r.shares());
        return new SharesView(r.ref().app(), r.ref().type(), r.ref().id(), r.title(), r.owner().toString(),
                named.stream().map(n -> new SharesView.Item(n.share().grantee().kind().name().toLowerCase(Locale.ROOT),
                        n.share().grantee().id().toString(), n.name(), n.share().right().code())).toList());
    }
}
