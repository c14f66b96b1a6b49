package fr.ent.platform.testing.login;

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
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tests' driver of Keycloak's login forms over plain HTTP (no JavaScript, a few milliseconds a step; the real
 * browser is {@code RealBrowser}, for what a user sees): follows redirects one by one, keeps cookies per host and
 * path (two realms of one Keycloak set cookies of the same name under different paths), clicks links, fills login
 * and other forms.
 *
 * <p>Made with the runtime's base URL, it sends requests for collectivity domains ({@code *.localhost}, which do
 * not resolve on every machine) to that loopback port with the domain as Host header, as a DNS entry would.
 */
public final class LoginAgent {

    private static final Pattern LOGIN_FORM = Pattern.compile(
            "<form[^>]*id=\"" + KeycloakLoginForm.FORM_ID + "\"[^>]*action=\"([^\"]+)\"");

    private record Cookie(String host, String path, String name, String value) {
    }

    private final HttpClient http;
    private final List<Cookie> cookies = new ArrayList<>();
    private final URI runtimeBase;

    /** An agent that sends every request where its URL says. */
    public LoginAgent() {
        this(null);
    }

    /** An agent that sends requests for {@code *.localhost} domains to the runtime at {@code runtimeBase}. */
    public LoginAgent(URI runtimeBase) {
        this(runtimeBase, client());
    }

    /**
     * The same, over a client shared with other agents (a load generator signing many people in: one connection
     * pool, not one client and its selector thread per login); the cookies stay this agent's own, since the client
     * keeps none. The client must not follow redirects ({@link #client()}): the agent follows them itself.
     */
    public LoginAgent(URI runtimeBase, HttpClient http) {
        this.runtimeBase = runtimeBase;
        this.http = http;
    }

    /** A client as an agent needs it: redirects not followed, no cookie handler. */
    public static HttpClient client() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public HttpResponse<String> get(String url) {
        return send("GET", URI.create(url), null, Map.of());
    }

    public HttpResponse<String> send(String method, URI url, String form) {
        return send(method, url, form, Map.of());
    }

    /** A request with this agent's cookies; {@code form} (URL-encoded) or null; extra headers. */
    public HttpResponse<String> send(String method, URI url, String form, Map<String, String> headers) {
        HttpRequest.Builder request = request(url).header("Accept", "text/html").header("Accept-Language", "fr");
        headers.forEach(request::header);
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        request.method(method, form == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(form));
        return exchange(method, url, request.build());
    }

    /**
     * A request with this agent's cookies and a body of any type (a multipart upload), answered as bytes (a PDF as
     * well as a page).
     */
    public HttpResponse<byte[]> sendBytes(String method, URI url, String contentType, byte[] body) {
        HttpRequest request = request(url).header("Accept", "text/html,application/pdf").header("Accept-Language", "fr")
                .header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            keep(url, response.headers().allValues("Set-Cookie"));
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A multipart form POST with this agent's cookies, as a browser sends a form with a file: text {@code fields},
     * and one file ({@code fileField}, named {@code fileName}, of these bytes, sent as application/octet-stream).
     */
    public HttpResponse<String> sendMultipart(URI url, Map<String, String> fields, String fileField, String fileName,
            byte[] file) {
        return sendMultipart(url, fields, fileField, fileName, "application/octet-stream", file);
    }

    /**
     * A multipart form POST with this agent's cookies, as a browser sends a form with a file: the text
     * {@code fields}, then the file {@code fileField} ({@code fileName}, {@code fileType}, {@code file}).
     */
    public HttpResponse<String> sendMultipart(URI url, Map<String, String> fields, String fileField, String fileName,
            String fileType, byte[] file) {
        String boundary = "----ent" + Long.toHexString(System.nanoTime());
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.nio.charset.Charset utf8 = StandardCharsets.UTF_8;
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(utf8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                + "\"; filename=\"" + fileName + "\"\r\nContent-Type: " + fileType + "\r\n\r\n").getBytes(utf8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(utf8));
        HttpRequest.Builder request = request(url).header("Accept", "text/html").header("Accept-Language", "fr")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        return exchange("POST", url, request.build());
    }

    /** A JSON POST with this agent's cookies and the page's anti-forgery token, as a script of the page would. */
    public HttpResponse<String> sendJson(URI url, String json, String csrf) {
        HttpRequest.Builder request = request(url).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return exchange("POST", url, request.build());
    }

    /** Follows redirects until a page, or until a redirect whose target starts with {@code stopAt} (or null). */
    public HttpResponse<String> follow(HttpResponse<String> response, String stopAt) {
        HttpResponse<String> current = response;
        for (int hops = 0; hops < 15 && isRedirect(current); hops++) {
            String location = location(current).orElseThrow();
            if (stopAt != null && location.startsWith(stopAt)) {
                return current;
            }
            current = get(location);
        }
        return current;
    }

    /** The href of the link with this id in the page (Keycloak's identity provider buttons: social-<alias>). */
    public String link(HttpResponse<String> page, String id) {
        Matcher m = Pattern.compile("<a[^>]*id=\"" + Pattern.quote(id) + "\"[^>]*href=\"([^\"]+)\"").matcher(page.body());
        if (!m.find()) {
            m = Pattern.compile("<a[^>]*href=\"([^\"]+)\"[^>]*id=\"" + Pattern.quote(id) + "\"").matcher(page.body());
            if (!m.find()) {
                throw new IllegalStateException("no link " + id + " in " + page.uri() + ": " + page.body());
            }
        }
        return pageUri(page).resolve(unescape(m.group(1))).toString();
    }

    /** Fills and submits Keycloak's login form shown in {@code page}; returns Keycloak's answer. */
    public HttpResponse<String> submitLogin(HttpResponse<String> page, String username, String password) {
        Matcher action = LOGIN_FORM.matcher(page.body());
        if (!action.find()) {
            throw new IllegalStateException("no Keycloak login form in " + page.uri() + " " + page.statusCode()
                    + ": " + page.body());
        }
        return send("POST", pageUri(page).resolve(unescape(action.group(1))),
                KeycloakLoginForm.USERNAME + "=" + encode(username) + "&" + KeycloakLoginForm.PASSWORD + "="
                        + encode(password) + "&credentialId=");
    }

    /** Keycloak's "choose your password" form (required action UPDATE_PASSWORD: an activation code's first use). */
    public static final String UPDATE_PASSWORD_FORM = "kc-passwd-update-form";

    /**
     * A person's first sign-in on a portal ({@code portal}: {@code http://<domain>:<port>}) with their activation
     * code: the portal's login, Keycloak's form with the code as password, then its "choose your password" form with
     * {@code newPassword}, and the redirects back to the portal. Returns the last answer: the portal's home page when
     * it went through (the caller checks); fails if Keycloak did not ask for a new password after the code.
     */
    public HttpResponse<String> firstSignIn(String portal, String login, String code, String newPassword) {
        HttpResponse<String> loginPage = follow(get(portal + "/auth/login?return=/"), null);
        HttpResponse<String> choose = follow(submitLogin(loginPage, login, code), null);
        if (!choose.body().contains("id=\"" + UPDATE_PASSWORD_FORM + "\"")) {
            throw new IllegalStateException("no password choice after the activation code of " + login + ": "
                    + choose.statusCode() + " " + choose.uri());
        }
        return follow(submitForm(choose, UPDATE_PASSWORD_FORM, Map.of("password-new", newPassword,
                "password-confirm", newPassword)), null);
    }

    /** Fills and submits the form with this id (its action, HTML-unescaped) with these fields, URL-encoded. */
    public HttpResponse<String> submitForm(HttpResponse<String> page, String formId, Map<String, String> fields) {
        Matcher action = Pattern.compile("<form[^>]*action=\"([^\"]+)\"[^>]*id=\"" + Pattern.quote(formId) + "\""
                + "|<form[^>]*id=\"" + Pattern.quote(formId) + "\"[^>]*action=\"([^\"]+)\"").matcher(page.body());
        if (!action.find()) {
            throw new IllegalStateException("no form " + formId + " in " + page.uri() + ": " + page.statusCode());
        }
        String url = unescape(action.group(1) != null ? action.group(1) : action.group(2));
        StringBuilder form = new StringBuilder();
        fields.forEach((name, value) -> form.append(form.isEmpty() ? "" : "&").append(encode(name)).append('=')
                .append(encode(value)));
        return send("POST", pageUri(page).resolve(url), form.toString(), Map.of());
    }

    /** The value of a cookie this agent holds for the host (any path), or null. */
    public String cookie(String host, String name) {
        return cookies.stream().filter(c -> c.host().equals(host) && c.name().equals(name)).map(Cookie::value)
                .findFirst().orElse(null);
    }

    /** Sets a cookie for the whole host, as a script or a tampering user could. */
    public void setCookie(String host, String name, String value) {
        cookies.removeIf(c -> c.host().equals(host) && c.path().equals("/") && c.name().equals(name));
        cookies.add(new Cookie(host, "/", name, value));
    }

    /** The value of the input with this id or name in the page, if any. */
    public static Optional<String> inputValue(HttpResponse<String> page, String name) {
        Matcher input = Pattern.compile("<input[^>]*(?:id|name)=\"" + Pattern.quote(name) + "\"[^>]*value=\"([^\"]*)\"")
                .matcher(page.body());
        return input.find() ? Optional.of(input.group(1)) : Optional.empty();
    }

    public static boolean isRedirect(HttpResponse<String> response) {
        return response.statusCode() == 301 || response.statusCode() == 302 || response.statusCode() == 303;
    }

    /** The Location header, made absolute against the URL the request was meant for (its Host header). */
    public static Optional<String> location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").map(l -> pageUri(response).resolve(l).toString());
    }

    public static Map<String, String> query(String url) {
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

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(URI url) {
        boolean routed = runtimeBase != null && url.getHost().endsWith(".localhost");
        URI target = routed ? URI.create(url.getScheme() + "://" + runtimeBase.getHost() + ":" + runtimeBase.getPort()
                + url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery())) : url;
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60));
        if (routed) {
            request.header("Host", url.getHost() + ":" + runtimeBase.getPort());
        }
        String header = cookieHeader(url);
        if (!header.isEmpty()) {
            request.header("Cookie", header);
        }
        return request;
    }

    private HttpResponse<String> exchange(String method, URI url, HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            keep(url, response.headers().allValues("Set-Cookie"));
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The URL the request of this response was meant for: its Host header when it was routed to the runtime. */
    private static URI pageUri(HttpResponse<String> response) {
        URI uri = response.request().uri();
        return response.request().headers().firstValue("Host")
                .map(host -> URI.create(uri.getScheme() + "://" + host + uri.getRawPath()
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())))
                .orElse(uri);
    }

    private static String unescape(String attribute) {
        return attribute.replace("&amp;", "&");
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
