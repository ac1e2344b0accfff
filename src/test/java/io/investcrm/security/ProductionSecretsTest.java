package io.investcrm.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Production refuses a missing, short, reused or committed secret (issue 13, #10). */
class ProductionSecretsTest {

    static final String SESSION = "q7Yb3kS9vP2xL8mN4cR6tW1zA5dF0gH3jK7uE9iO2pQ";
    static final String CSRF = "Zx8Cv7Bn6Mm5Ll4Kk3Jj2Hh1Gg0Ff9Dd8Ss7Aa6Qq5W";
    static final String KEY = "mJ0rX1yZ2a3B4c5D6e7F8g9H0i1J2k3L4m5N6o7P8q8=";

    static Map<String, Optional<String>> fit() {
        Map<String, Optional<String>> m = new LinkedHashMap<>();
        m.put("investcrm.session-secret", Optional.of(SESSION));
        m.put("investcrm.csrf-secret", Optional.of(CSRF));
        m.put("quarkus.oidc.credentials.secret", Optional.of("b9a7c5e3f1d2b4a6c8e0f2d4b6a8c0e2"));
        m.put("investcrm.pii.index-key", Optional.of("VGhpcyBpcyBhIHRlc3Qga2V5IG9mIDMyIGJ5dGVzISE="));
        m.put("investcrm.pii.keys.prod", Optional.of(KEY));
        return m;
    }

    @Test
    void fitSecretsPass() {
        assertEquals(List.of(), ProductionSecrets.problems(fit()));
    }

    @Test
    void eachCommittedMissingShortOrSharedSecretIsNamed() {
        Map<String, Optional<String>> m = fit();
        m.put("investcrm.session-secret", Optional.of("local-only-session-secret-change-me-0123456789"));
        m.put("investcrm.csrf-secret", Optional.empty());
        m.put("quarkus.oidc.credentials.secret", Optional.of("investcrm-dev-secret"));
        m.put("investcrm.pii.keys.prod", Optional.of("CHANGE_ME"));
        m.put("investcrm.pii.index-key", Optional.of("c2hvcnQ="));
        m.put("investcrm.pii.keys.local", Optional.of("bG9jYWwtb25seS1waWkta2V5LTAxMjM0NTY3ODkwMTI="));
        List<String> problems = ProductionSecrets.problems(m);
        for (String name : List.of("investcrm.session-secret is a committed", "investcrm.csrf-secret is not set",
                "quarkus.oidc.credentials.secret is a committed", "investcrm.pii.keys.prod is a committed",
                "investcrm.pii.index-key is shorter", "investcrm.pii.keys.local (the committed local key)")) {
            assertTrue(problems.stream().anyMatch(p -> p.startsWith(name)), name + " in " + problems);
        }
    }

    @Test
    void theCsrfKeyMustDifferFromTheSessionSecret() {
        Map<String, Optional<String>> m = fit();
        m.put("investcrm.csrf-secret", Optional.of(SESSION));
        assertTrue(ProductionSecrets.problems(m).contains("investcrm.csrf-secret must differ from investcrm.session-secret"));
    }
}
