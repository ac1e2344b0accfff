package io.investcrm.security;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.investcrm.support.Totp;

/**
 * A signed-in browser session without a browser: the code-flow login on Keycloak's own form (with the demo second
 * factor where the realm asks for it), then the app's session and CSRF cookies, for page requests with any content
 * type. Used by the CSRF and bad-input tests of issue 13.
 */
final class PageSession {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"csrf-token\"");

    final String base;
    final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    final HttpClient http;
    /** The same cookies, without following redirects: what the app itself answers. */
    private final HttpClient direct;

    private PageSession(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.direct = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Signs {@code username} in (password = username, as for every demo user) starting from a protected page. */
    static PageSession signIn(String base, String username) {
        PageSession s = new PageSession(base);
        HttpResponse<String> login = s.get("/companies");
        String html = login.body();
        if (!html.contains("kc-form-login")) {
            throw new IllegalStateException("no Keycloak login form at " + login.uri() + ": " + login.statusCode());
        }
        HttpResponse<String> after = s.postForm(action(html), Map.of("username", username, "password", username,
                "credentialId", ""));
        if (after.body().contains("id=\"otp\"")) {
            after = s.postForm(action(after.body()), Map.of("otp", Totp.now()));
        }
        if (after.statusCode() != 200 || !after.uri().toString().startsWith(base)) {
            throw new IllegalStateException("sign-in of " + username + " ended at " + after.uri() + " " + after.statusCode());
        }
        return s;
    }

    private static String action(String html) {
        Matcher m = FORM_ACTION.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no form in " + html);
        }
        return m.group(1).replace("&amp;", "&");
    }

    HttpResponse<String> get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl)).GET());
    }

    /** A page's CSRF form token (the hidden field of its forms). */
    String csrfToken(String page) {
        Matcher m = CSRF_FIELD.matcher(get(page).body());
        if (!m.find()) {
            throw new IllegalStateException("no csrf-token field on " + page);
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    boolean csrfCookieIsHttpOnly() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("csrf-token"))
                .allMatch(HttpCookie::isHttpOnly);
    }

    HttpResponse<String> postForm(String pathOrUrl, Map<String, String> fields) {
        return post(pathOrUrl, "application/x-www-form-urlencoded", form(fields));
    }

    HttpResponse<String> post(String pathOrUrl, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathOrUrl)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b);
    }

    /** Without following redirects: what the app itself answers. */
    HttpResponse<String> postNoRedirect(String path, String contentType, String body) {
        return postWithHeaders(path, contentType == null ? Map.of() : Map.of("Content-Type", contentType), body);
    }

    /** Without following redirects, with the given headers (Content-Type, Accept, Referer, ...). */
    HttpResponse<String> postWithHeaders(String path, Map<String, String> headers, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        HttpResponse<String> r = send(direct, b.build());
        relaxSecureFlag();
        return r;
    }

    HttpResponse<String> getNoRedirect(String path) {
        return send(direct, HttpRequest.newBuilder(uri(path)).GET().build());
    }

    /**
     * Keycloak marks its login cookies Secure; a browser still sends them to http://localhost (a secure context),
     * Java's cookie store does not. The test does what the browser does.
     */
    private void relaxSecureFlag() {
        cookies.getCookieStore().getCookies().forEach(c -> c.setSecure(false));
    }

    static String form(Map<String, String> fields) {
        Map<String, String> ordered = new LinkedHashMap<>(fields);
        return ordered.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        HttpResponse<String> r = send(http, b.timeout(Duration.ofSeconds(60)).build());
        relaxSecureFlag();
        return r;
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
