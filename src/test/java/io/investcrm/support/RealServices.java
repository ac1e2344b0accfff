package io.investcrm.support;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * Marker that puts the real Keycloak under every {@code @QuarkusTest} (global scope: one Quarkus start for all).
 * The database is the embedded MariaDB the test profile enables (see EmbeddedDatabaseConfigSourceFactory).
 */
@WithTestResource(value = KeycloakTestResource.class, scope = TestResourceScope.GLOBAL)
public final class RealServices {
    private RealServices() {
    }
}
