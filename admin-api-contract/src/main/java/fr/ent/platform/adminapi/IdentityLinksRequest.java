package fr.ent.platform.adminapi;

import java.util.List;

/** Body of {@code POST …/identity-providers/{alias}/links}: who is who at the upstream provider. */
public record IdentityLinksRequest(List<Link> links) {

    /** {@code entUserId}: the directory id; {@code subject}: the id the provider sends for that person. */
    public record Link(String entUserId, String subject) {
    }
}
