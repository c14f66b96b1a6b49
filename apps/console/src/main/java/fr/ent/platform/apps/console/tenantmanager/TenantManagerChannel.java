package fr.ent.platform.apps.console.tenantmanager;

import fr.ent.platform.problem.DependencyFailed;
import fr.ent.platform.problem.NotAllowed;
import fr.ent.platform.problem.Unavailable;
import fr.ent.platform.runtime.security.login.PortalSession;
import fr.ent.platform.runtime.tenant.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * The console's one way to tenant-manager (ADR 0021): a call to the admin API about the current collectivity only
 * (its slug from tenant resolution, never from input), carrying the signed-in administrator's own access token, so
 * that tenant-manager checks the token against that collectivity's realm and the administrator's role and grants
 * exactly what it grants them, nothing more. The platform-admin token is never used here: the runtime does not have
 * it. A refusal comes back as the domain's refusal; tenant-manager down or failing is {@code tenant-manager-failed}.
 */
@ApplicationScoped
public class TenantManagerChannel {

    private static final Logger LOG = Logger.getLogger(TenantManagerChannel.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** Letters of a class or of a large group create accounts and codes first: allowed longer. */
    private static final Duration DOCUMENT_TIMEOUT = Duration.ofSeconds(180);

    @Inject
    ConsoleSettings settings;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    /** What tenant-manager answered: its status, type and body (a page, a JSON document). */
    public record Answer(int status, String contentType, String body) {
    }

    /**
     * GET {@code /collectivities/<this collectivity>/<what>} as the administrator, with {@code accept} and the
     * reader's language. {@code what} is a fixed path of the console's code (a report), never a user's text.
     */
    public Answer get(Tenant tenant, PortalSession session, String what, String accept, Locale language) {
        return send(tenant, session, "GET", what, accept, language, null);
    }

    /** PUT of a JSON body (a record of the admin API's contract) to {@code /collectivities/<this one>/<what>}. */
    public Answer put(Tenant tenant, PortalSession session, String what, Object body, Locale language) {
        return send(tenant, session, "PUT", what, "application/json", language, body);
    }

    /** POST of a JSON body to {@code /collectivities/<this one>/<what>}, a JSON answer. */
    public Answer post(Tenant tenant, PortalSession session, String what, Object body, Locale language) {
        return send(tenant, session, "POST", what, "application/json", language, body);
    }

    /** A binary answer (a PDF). */
    public record Bytes(int status, String contentType, byte[] body) {
    }

    /** POST of a JSON body, answered with a document of type {@code accept} (a PDF), as bytes. */
    public Bytes postForBytes(Tenant tenant, PortalSession session, String what, Object body, String accept,
            Locale language) {
        HttpResponse<byte[]> r = exchange(tenant, session, "POST", what, accept, language, body,
                HttpResponse.BodyHandlers.ofByteArray(), DOCUMENT_TIMEOUT);
        return new Bytes(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    }

    /** What tenant-manager answered, as bytes (a PDF, an image) and with every status but a refusal of the token. */
    public record Raw(int status, String contentType, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * Any call to {@code /collectivities/<this one>/<what>} ({@code what} empty: the collectivity): {@code body} (of {@code contentType}) or null. Unlike
     * {@link #get} and {@link #put}, tenant-manager's answer comes back whatever its status (a 503 whose problem
     * says why, a 413, a 415), for the console to show its reason; only a refused token (401, 403) is a refusal
     * here, and tenant-manager out of reach {@code tenant-manager-failed}. Used by the apps, look and service pages.
     */
    public Raw exchange(Tenant tenant, PortalSession session, String method, String what, String accept,
            Locale language, String contentType, byte[] body) {
        return exchange(tenant, session.accessToken(), method, what, accept, language, contentType, body);
    }

    /**
     * The same with the administrator's access token itself: the console's API is called with a bearer token, not a
     * portal session (ADR 0032's erasures), and passes it on as the pages pass the session's.
     */
    public Raw exchange(Tenant tenant, String accessToken, String method, String what, String accept,
            Locale language, String contentType, byte[] body) {
        URI uri = uri(tenant, what);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + accessToken)
                .header("Accept", accept).header("Accept-Language", language.getLanguage());
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            LOG.warning(() -> "tenant=" + tenant.slug() + " tenant-manager unreachable at " + uri + ": " + e);
            throw new DependencyFailed("tenant-manager-failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DependencyFailed("tenant-manager-failed");
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new NotAllowed("forbidden");
        }
        return new Raw(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    /** A JSON body (a record of the admin API's contract) as bytes, for {@link #exchange}. */
    public static byte[] json(Object body) {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            return jsonb.toJson(body).getBytes(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write " + body, e);
        }
    }

    private URI uri(Tenant tenant, String what) {
        return URI.create(settings.tenantManager() + "/collectivities/"
                + URLEncoder.encode(tenant.slug(), StandardCharsets.UTF_8) + (what.isEmpty() ? "" : "/" + what));
    }

    /** The answer's JSON read as a record of the admin API's contract. */
    public static <T> T read(Answer answer, Class<T> type) {
        try (Jsonb jsonb = JsonbBuilder.create()) {
            return jsonb.fromJson(answer.body(), type);
        } catch (Exception e) {
            throw new IllegalStateException("tenant-manager's answer is not a " + type.getSimpleName(), e);
        }
    }

    private Answer send(Tenant tenant, PortalSession session, String method, String what, String accept,
            Locale language, Object body) {
        HttpResponse<String> response = exchange(tenant, session, method, what, accept, language, body,
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8), TIMEOUT);
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    private <T> HttpResponse<T> exchange(Tenant tenant, PortalSession session, String method, String what,
            String accept, Locale language, Object body, HttpResponse.BodyHandler<T> handler, Duration timeout) {
        URI uri = URI.create(settings.tenantManager() + "/collectivities/"
                + URLEncoder.encode(tenant.slug(), StandardCharsets.UTF_8) + "/" + what);
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Authorization", "Bearer " + session.accessToken())
                .header("Accept", accept).header("Accept-Language", language.getLanguage());
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String json;
            try (Jsonb jsonb = JsonbBuilder.create()) {
                json = jsonb.toJson(body);
            } catch (Exception e) {
                throw new IllegalStateException("cannot write " + body, e);
            }
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        }
        HttpRequest request = builder.build();
        HttpResponse<T> response;
        try {
            response = http.send(request, handler);
        } catch (IOException e) {
            LOG.warning(() -> "tenant=" + tenant.slug() + " tenant-manager unreachable at " + uri + ": " + e);
            throw new DependencyFailed("tenant-manager-failed");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DependencyFailed("tenant-manager-failed");
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new NotAllowed("forbidden");
        }
        if (status == 503) {
            throw new Unavailable("tenant-manager-unavailable");
        }
        if (status >= 500) {
            LOG.warning(() -> "tenant=" + tenant.slug() + " tenant-manager answered " + status + " for " + what);
            throw new DependencyFailed("tenant-manager-failed");
        }
        return response;
    }
}
