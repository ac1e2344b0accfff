package io.investcrm.support;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.RestAssured;

/**
 * A signed-in browser session without a browser: the pages' code-flow login on Keycloak's own form (HTTP only,
 * cookies kept), then plain GETs of pages with extra headers. For tests that look at what a page costs, not how it looks.
 */
public final class PageSession {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern OTP_ACTION = Pattern.compile("<form[^>]*id=\"kc-otp-login-form\"[^>]*action=\"([^\"]+)\"");

    private final HttpClient client;
    private final String base;

    private PageSession(HttpClient client, String base) {
        this.client = client;
        this.base = base;
    }

    /** Signs {@code username} in (the demo users' password is their name) by opening {@code firstPath}. */
    public static PageSession signIn(String username, String firstPath) {
        // the port Quarkus gave the app under test (TEST_HTTP_PORT)
        int port = RestAssured.port;
        HttpClient client = HttpClient.newBuilder().cookieHandler(new Jar())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        PageSession session = new PageSession(client, "http://localhost:" + port);
        HttpResponse<String> login = session.follow(session.base + firstPath);
        Matcher action = FORM_ACTION.matcher(login.body());
        if (!action.find()) {
            throw new IllegalStateException("no Keycloak login form at " + login.uri() + ": " + login.statusCode());
        }
        String form = "username=" + enc(username) + "&password=" + enc(username) + "&credentialId=";
        HttpResponse<String> after = session.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        HttpResponse<String> page = session.followFrom(after);
        // managers, approvers and admins give their second factor (the demo users' TOTP, see Totp)
        Matcher otp = OTP_ACTION.matcher(page.body());
        if (otp.find()) {
            page = session.followFrom(session.send(HttpRequest.newBuilder(URI.create(otp.group(1).replace("&amp;", "&")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("otp=" + Totp.now())).build()));
        }
        if (page.statusCode() != 200 || !page.uri().toString().startsWith(session.base)) {
            throw new IllegalStateException("sign-in of " + username + " ended with " + page.statusCode() + " at " + page.uri());
        }
        return session;
    }

    /** GETs a page of the app (no redirects followed) with the given extra headers. */
    public HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    /** POSTs to a page of the app (no redirects followed) with the given headers and body. */
    public HttpResponse<String> post(String path, Map<String, String> headers, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).POST(body);
        headers.forEach(request::header);
        return send(request.build());
    }

    /** The origin the session talks to ({@code http://localhost:<port>}). */
    public String base() {
        return base;
    }

    private HttpResponse<String> follow(String url) {
        return followFrom(send(HttpRequest.newBuilder(URI.create(url)).GET().build()));
    }

    private HttpResponse<String> followFrom(HttpResponse<String> response) {
        for (int hops = 0; hops < 10 && response.statusCode() / 100 == 3; hops++) {
            String location = response.headers().firstValue("Location").orElseThrow();
            response = send(HttpRequest.newBuilder(response.uri().resolve(location)).GET().build());
        }
        return response;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Cookies per host, sent back whatever their flags: Keycloak marks its login cookies {@code Secure}, which a browser
     * sends to {@code http://localhost} (a secure context) and {@link java.net.CookieManager} does not.
     */
    private static final class Jar extends CookieHandler {
        private final Map<String, Map<String, String>> byHost = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public Map<String, java.util.List<String>> get(URI uri, Map<String, java.util.List<String>> headers) {
            Map<String, String> cookies = byHost.getOrDefault(uri.getHost() + ":" + uri.getPort(), Map.of());
            if (cookies.isEmpty()) {
                return Map.of();
            }
            StringBuilder header = new StringBuilder();
            cookies.forEach((name, value) -> header.append(header.length() == 0 ? "" : "; ").append(name).append('=').append(value));
            return Map.of("Cookie", java.util.List.of(header.toString()));
        }

        @Override
        public void put(URI uri, Map<String, java.util.List<String>> headers) {
            Map<String, String> cookies = byHost.computeIfAbsent(uri.getHost() + ":" + uri.getPort(),
                    h -> new java.util.concurrent.ConcurrentHashMap<>());
            headers.forEach((name, values) -> {
                if (name != null && name.equalsIgnoreCase("Set-Cookie")) {
                    for (String v : values) {
                        String pair = v.split(";", 2)[0];
                        int eq = pair.indexOf('=');
                        if (eq > 0) {
                            String value = pair.substring(eq + 1).trim();
                            String flags = v.toLowerCase(java.util.Locale.ROOT);
                            boolean expired = flags.contains("max-age=0") || flags.contains("1970");
                            if (expired || value.isEmpty()) {
                                cookies.remove(pair.substring(0, eq).trim());
                            } else {
                                cookies.put(pair.substring(0, eq).trim(), value);
                            }
                        }
                    }
                }
            });
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
