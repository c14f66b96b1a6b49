package fr.ent.platform.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * A user signed in to their collectivity's portal as a browser is: the session cookie the runtime set at the end
 * of the code flow ({@code BenchPlatform.portalSession}). Its requests are a browser's page requests.
 *
 * @param cookie the {@code Cookie} header value ({@code JSESSIONID=...}: Liberty's HTTP session, server.xml)
 * @param name the user's name, which their signed-in pages show
 */
public record PortalSession(String cookie, String name) implements Reader {

    static final String COOKIE = "JSESSIONID";

    @Override
    public HttpRequest request(URI uri, String host) {
        return HttpRequest.newBuilder(uri).header("Host", host).header("Accept", "text/html")
                .header("Accept-Language", "fr").header("Cookie", cookie).timeout(Duration.ofSeconds(30)).GET()
                .build();
    }
}
