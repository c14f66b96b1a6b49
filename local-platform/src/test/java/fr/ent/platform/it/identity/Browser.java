package fr.ent.platform.it.identity;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal browser for the login tests: follows redirects one by one, keeps cookies per host, fills Keycloak's
 * login form. The collectivity domains (*.localhost) do not resolve on this machine, so requests to them are sent
 * to the platform's loopback port with the domain as Host header, as a DNS entry would.
 */
final class Browser {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final int runtimePort;
    private final String runtimeAuthority;
    private final Map<String, Map<String, String>> cookies = new LinkedHashMap<>();

    Browser(URI runtimeBase) {
        this.runtimePort = runtimeBase.getPort();
        this.runtimeAuthority = runtimeBase.getHost() + ":" + runtimeBase.getPort();
    }

    HttpResponse<String> get(String url) {
        return send("GET", URI.create(url), null, Map.of());
    }

    HttpResponse<String> send(String method, URI url, String form, Map<String, String> headers) {
        boolean tenantDomain = url.getHost().endsWith(".localhost");
        URI target = tenantDomain ? URI.create(url.getScheme() + "://" + runtimeAuthority + url.getRawPath()
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery())) : url;
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html").header("Accept-Language", "fr");
        if (tenantDomain) {
            request.header("Host", url.getHost() + ":" + runtimePort);
        }
        String cookieHeader = cookieHeader(url.getHost());
        if (!cookieHeader.isEmpty()) {
            request.header("Cookie", cookieHeader);
        }
        headers.forEach(request::header);
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        request.method(method, form == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(form));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            keepCookies(url.getHost(), response.headers().allValues("Set-Cookie"));
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A JSON POST with this browser's cookies and the page's anti-forgery token, as a script of the page would. */
    HttpResponse<String> sendJson(URI url, String json, String csrf) {
        boolean tenantDomain = url.getHost().endsWith(".localhost");
        URI target = tenantDomain ? URI.create(url.getScheme() + "://" + runtimeAuthority + url.getRawPath()) : url;
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("X-CSRF-Token", csrf).POST(HttpRequest.BodyPublishers.ofString(json));
        if (tenantDomain) {
            request.header("Host", url.getHost() + ":" + runtimePort);
        }
        String cookieHeader = cookieHeader(url.getHost());
        if (!cookieHeader.isEmpty()) {
            request.header("Cookie", cookieHeader);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Follows redirects from {@code response} until a page, or until a redirect to {@code stopAtPrefix}. */
    HttpResponse<String> follow(HttpResponse<String> response, String stopAtPrefix) {
        HttpResponse<String> current = response;
        for (int hops = 0; hops < 10 && isRedirect(current); hops++) {
            String location = location(current).orElseThrow();
            if (stopAtPrefix != null && location.startsWith(stopAtPrefix)) {
                return current;
            }
            current = get(location);
        }
        return current;
    }

    /** Fills and submits Keycloak's login form shown in {@code page}; returns Keycloak's answer. */
    HttpResponse<String> submitLogin(HttpResponse<String> page, String username, String password) {
        Matcher action = FORM_ACTION.matcher(page.body());
        if (!action.find()) {
            throw new IllegalStateException("no Keycloak login form in " + page.uri() + ": " + page.statusCode());
        }
        String url = action.group(1).replace("&amp;", "&");
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&credentialId=";
        return send("POST", URI.create(url), form, Map.of());
    }

    /** Fills and submits the form with this id (its action, HTML-unescaped) with these fields, URL-encoded. */
    HttpResponse<String> submitForm(HttpResponse<String> page, String formId, Map<String, String> fields) {
        Matcher action = Pattern.compile("<form[^>]*action=\"([^\"]+)\"[^>]*id=\"" + Pattern.quote(formId) + "\""
                + "|<form[^>]*id=\"" + Pattern.quote(formId) + "\"[^>]*action=\"([^\"]+)\"").matcher(page.body());
        if (!action.find()) {
            throw new IllegalStateException("no form " + formId + " in " + page.uri() + ": " + page.statusCode());
        }
        String url = (action.group(1) != null ? action.group(1) : action.group(2)).replace("&amp;", "&");
        StringBuilder form = new StringBuilder();
        fields.forEach((name, value) -> form.append(form.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return send("POST", URI.create(url), form.toString(), Map.of());
    }

    /** The value of the input with this id or name in the page, if any. */
    static Optional<String> inputValue(HttpResponse<String> page, String name) {
        Matcher input = Pattern.compile("<input[^>]*(?:id|name)=\"" + Pattern.quote(name) + "\"[^>]*value=\"([^\"]*)\"")
                .matcher(page.body());
        return input.find() ? Optional.of(input.group(1)) : Optional.empty();
    }

    static boolean isRedirect(HttpResponse<String> response) {
        return response.statusCode() == 302 || response.statusCode() == 303 || response.statusCode() == 301;
    }

    /** The Location header, made absolute against the request's original host. */
    Optional<String> location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").map(l -> {
            if (l.startsWith("/")) {
                String host = response.request().headers().firstValue("Host")
                        .orElse(response.request().uri().getAuthority());
                return response.request().uri().getScheme() + "://" + host + l;
            }
            return l;
        });
    }

    static Map<String, String> query(String url) {
        Map<String, String> values = new LinkedHashMap<>();
        String query = URI.create(url).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                values.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    String cookie(String host, String name) {
        return cookies.getOrDefault(host, Map.of()).get(name);
    }

    void setCookie(String host, String name, String value) {
        cookies.computeIfAbsent(host, h -> new LinkedHashMap<>()).put(name, value);
    }

    private String cookieHeader(String host) {
        StringBuilder header = new StringBuilder();
        cookies.getOrDefault(host, Map.of()).forEach((name, value) -> {
            if (!header.isEmpty()) {
                header.append("; ");
            }
            header.append(name).append('=').append(value);
        });
        return header.toString();
    }

    private void keepCookies(String host, List<String> setCookies) {
        for (String setCookie : setCookies) {
            String pair = setCookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            boolean expired = setCookie.toLowerCase().contains("max-age=0") || value.isEmpty();
            if (expired) {
                cookies.getOrDefault(host, new LinkedHashMap<>()).remove(name);
            } else {
                cookies.computeIfAbsent(host, h -> new LinkedHashMap<>()).put(name, value);
            }
        }
    }
}
