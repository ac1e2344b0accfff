package io.investcrm.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/**
 * What production runs with, read from the committed files (issue 13, #10 and #12): no committed key in its key ring,
 * no public metrics or API description, forwarded headers only from configured proxies, compose without secret
 * fallbacks and without Keycloak's dev mode, the app's client without password grants.
 */
class ProductionConfigTest {

    static Properties properties() throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            p.load(r);
        }
        return p;
    }

    @Test
    void productionKeepsMetricsAndTheApiDescriptionPrivate() throws IOException {
        Properties p = properties();
        String publicPaths = p.getProperty("%prod.quarkus.http.auth.permission.public.paths");
        assertFalse(publicPaths == null || publicPaths.contains("/q/metrics") || publicPaths.contains("/q/openapi")
                || publicPaths.contains("swagger"), "public in production: " + publicPaths);
        assertTrue(p.getProperty("%prod.quarkus.http.auth.permission.ops.paths").contains("/q/metrics"));
        assertEquals("admin-only", p.getProperty("%prod.quarkus.http.auth.permission.ops.policy"));
        assertEquals("${INVESTCRM_TRUSTED_PROXIES}", p.getProperty("%prod.quarkus.http.proxy.trusted-proxies"));
    }

    /**
     * A page session is renewed with the refresh token while it is used (before, it ended with its 5-minute ID token:
     * a form submitted later went to the sign-in, and a scanner's crawl lost its session), and its cookie lives no
     * longer than the realm keeps the session: the ID token's lifespan plus the extension is the SSO idle timeout.
     */
    @Test
    void aPageSessionIsRenewedWhileInUseUpToTheRealmsIdleLimit() throws IOException {
        Properties p = properties();
        assertEquals("true", p.getProperty("quarkus.oidc.token.refresh-expired"));
        com.fasterxml.jackson.databind.JsonNode realm = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(Path.of("config/keycloak/investcrm-realm.json").toFile());
        long cookieSeconds = realm.path("accessTokenLifespan").asLong()
                + java.time.Duration.parse("PT" + p.getProperty("quarkus.oidc.authentication.session-age-extension")).toSeconds();
        assertEquals(realm.path("ssoSessionIdleTimeout").asLong(), cookieSeconds);
    }

    @Test
    void theCommittedPiiKeyAndSecretsStayOutOfProduction() throws IOException {
        Properties p = properties();
        for (String name : p.stringPropertyNames()) {
            if (name.startsWith("investcrm.pii.keys.") || name.equals("investcrm.pii.index-key")) {
                throw new AssertionError(name + " applies to every profile, production included");
            }
        }
        assertEquals("${INVESTCRM_CSRF_SECRET}", p.getProperty("%prod.investcrm.csrf-secret"));
        assertEquals("${investcrm.csrf-secret}", p.getProperty("quarkus.rest-csrf.token-signature-key"));
        assertNotEquals(p.getProperty("investcrm.csrf-secret"), p.getProperty("investcrm.session-secret"));
        assertEquals("true", p.getProperty("%prod.investcrm.secrets.check"));
    }

    @Test
    void composeHasNoSecretFallbacksAndNoDevModeKeycloak() throws IOException {
        String compose = Files.readString(Path.of("deploy/compose.yaml"));
        for (String secret : new String[] { "INVESTCRM_DB_PASSWORD", "INVESTCRM_OIDC_SECRET", "INVESTCRM_SESSION_SECRET",
            "INVESTCRM_CSRF_SECRET", "INVESTCRM_PII_KEY", "INVESTCRM_PII_INDEX_KEY", "MYSQL_ROOT_PASSWORD", "KC_ADMIN_PASSWORD" }) {
            assertFalse(compose.contains("${" + secret + ":-"), secret + " has a committed fallback");
            assertTrue(compose.contains("${" + secret + ":?"), secret + " must be required");
        }
        assertFalse(compose.contains("start-dev"), "Keycloak in dev mode");
    }
}
