package fr.ent.platform.bench;

import java.net.URI;
import java.net.http.HttpRequest;

/**
 * One signed-in user of a collectivity as the load loop sends their requests: what each request of theirs carries
 * (a bearer token for an API, a portal session cookie for a page). The loop is the same for every benchmark; only
 * this differs.
 */
public interface Reader {

    /** A request of this user to {@code uri} for the collectivity at {@code host}; built per request. */
    HttpRequest request(URI uri, String host);
}
