package fr.ent.platform.tenants;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser for Keycloak-level login tests: follows redirects one by one, keeps cookies per host and path (two realms
 * of one Keycloak set cookies of the same name under different paths), clicks links and submits login forms.
 */
final class LoginAgent {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private record Cookie(String host, String path, String name, String value) {
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Cookie> cookies = new ArrayList<>();

    HttpResponse<String> get(String url) {
        return send("GET", URI.create(url), null);
    }

    HttpResponse<String> send(String method, URI url, String form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60))
                .header("Accept", "text/html").header("Accept-Language", "fr");
        String header = cookieHeader(url);
        if (!header.isEmpty()) {
            request.header("Cookie", header);
        }
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        request.method(method, form == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(form));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            keep(url, response.headers().allValues("Set-Cookie"));
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Follows redirects until a page, or until a redirect whose target starts with {@code stopAt}. */
    HttpResponse<String> follow(HttpResponse<String> response, String stopAt) {
        HttpResponse<String> current = response;
        for (int hops = 0; hops < 15 && isRedirect(current); hops++) {
            String location = location(current);
            if (stopAt != null && location.startsWith(stopAt)) {
                return current;
            }
            current = get(location);
        }
        return current;
    }

    /** The href of the element with this id in the page (Keycloak's identity provider buttons: social-<alias>). */
    String link(HttpResponse<String> page, String id) {
        Matcher m = Pattern.compile("<a[^>]*id=\"" + Pattern.quote(id) + "\"[^>]*href=\"([^\"]+)\"").matcher(page.body());
        if (!m.find()) {
            m = Pattern.compile("<a[^>]*href=\"([^\"]+)\"[^>]*id=\"" + Pattern.quote(id) + "\"").matcher(page.body());
            if (!m.find()) {
                throw new IllegalStateException("no link " + id + " in " + page.uri() + ": " + page.body());
            }
        }
        return page.uri().resolve(m.group(1).replace("&amp;", "&")).toString();
    }

    HttpResponse<String> submitLogin(HttpResponse<String> page, String username, String password) {
        Matcher action = LOGIN_FORM.matcher(page.body());
        if (!action.find()) {
            throw new IllegalStateException("no login form in " + page.uri() + " " + page.statusCode() + ": "
                    + page.body());
        }
        return send("POST", page.uri().resolve(action.group(1).replace("&amp;", "&")),
                "username=" + encode(username) + "&password=" + encode(password) + "&credentialId=");
    }

    static boolean isRedirect(HttpResponse<String> r) {
        return r.statusCode() == 301 || r.statusCode() == 302 || r.statusCode() == 303;
    }

    static String location(HttpResponse<String> r) {
        return r.uri().resolve(r.headers().firstValue("Location").orElseThrow()).toString();
    }

    static Map<String, String> query(String url) {
        Map<String, String> values = new LinkedHashMap<>();
        String q = URI.create(url).getRawQuery();
        if (q != null) {
            for (String pair : q.split("&")) {
                int eq = pair.indexOf('=');
                values.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String cookieHeader(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        StringBuilder header = new StringBuilder();
        for (Cookie c : cookies) {
            if (c.host().equals(url.getHost()) && (path.equals(c.path()) || path.startsWith(
                    c.path().endsWith("/") ? c.path() : c.path() + "/"))) {
                header.append(header.isEmpty() ? "" : "; ").append(c.name()).append('=').append(c.value());
            }
        }
        return header.toString();
    }

    private void keep(URI url, List<String> setCookies) {
        for (String setCookie : setCookies) {
            String[] parts = setCookie.split(";");
            int eq = parts[0].indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = parts[0].substring(0, eq).trim();
            String value = parts[0].substring(eq + 1).trim();
            String path = "/";
            boolean expired = value.isEmpty();
            for (int i = 1; i < parts.length; i++) {
                String attribute = parts[i].trim().toLowerCase();
                if (attribute.startsWith("path=")) {
                    path = parts[i].trim().substring(5);
                } else if (attribute.equals("max-age=0") || attribute.startsWith("expires=thu, 01 jan 1970")) {
                    expired = true;
                }
            }
            String p = path;
            cookies.removeIf(c -> c.host().equals(url.getHost()) && c.path().equals(p) && c.name().equals(name));
            if (!expired) {
                cookies.add(new Cookie(url.getHost(), path, name, value));
            }
        }
    }
}
