package io.investcrm.support;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real access tokens from the real Keycloak, by password grant (and the demo second factor, {@link Totp}) for the
 * demo users of the realm file.
 * Cached per user for the JVM (tokens live 300 s; a test run's classes use them well within that).
 */
public final class Tokens {

    public static final String OFFICER = "officer1";
    public static final String OFFICER_2 = "officer2";
    public static final String OFFICER_OTHER_TEAM = "officer3";
    public static final String MANAGER = "manager1";
    public static final String APPROVER = "approver1";
    public static final String ADMIN = "admin1";

    /** The DEV-ONLY client of the realm file that allows password grants (tests, benchmarks, scanners). */
    public static final String CLIENT_ID = "investcrm-test";
    public static final String CLIENT_SECRET = "investcrm-test-secret-dev-only";

    private static final Map<String, CachedToken> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    public static String of(String username) {
        CachedToken cached = CACHE.get(username);
        if (cached != null && cached.expiresAt > System.currentTimeMillis() + 30_000) {
            return cached.token;
        }
        return fetch(username);
    }

    /**
     * One login at a time: when a token ran out under 64 concurrent clients, each asked Keycloak at once and its
     * brute-force guard refused the parallel logins of one user (400 "Invalid user credentials", issue 14).
     */
    private static synchronized String fetch(String username) {
        CachedToken cached = CACHE.get(username);
        if (cached != null && cached.expiresAt > System.currentTimeMillis() + 30_000) {
            return cached.token;
        }
        KeycloakTestResource.ensureRunning();
        // the app's client allows no password grant; the DEV-ONLY test client does, and asks the second factor of
        // managers, approvers and admins like the browser login does (ignored for users without one)
        var response = given()
                .formParam("grant_type", "password")
                .formParam("client_id", CLIENT_ID)
                .formParam("client_secret", CLIENT_SECRET)
                .formParam("username", username)
                .formParam("password", username)
                .formParam("totp", Totp.now())
                .when().post(KeycloakTestResource.REALM_URL + "/protocol/openid-connect/token")
                .then().statusCode(200).extract();
        String token = response.path("access_token");
        int expiresIn = response.path("expires_in");
        CACHE.put(username, new CachedToken(token, System.currentTimeMillis() + expiresIn * 1000L));
        return token;
    }

    public static String bearer(String username) {
        return "Bearer " + of(username);
    }

    private record CachedToken(String token, long expiresAt) {
    }
}
