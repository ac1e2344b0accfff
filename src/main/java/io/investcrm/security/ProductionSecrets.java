package io.investcrm.security;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.StartupEvent;

/**
 * Production refuses to start with a missing, short, reused or committed secret (issue 13, #10): the session
 * encryption secret, the CSRF signing key, the OIDC client secret, the PII keys and the blind-index key. Checked when
 * {@code investcrm.secrets.check} is true (the {@code prod} profile).
 */
@ApplicationScoped
public class ProductionSecrets {

    /** Fragments of every secret committed to this repository (application.properties, compose, realm): never in production. */
    static final List<String> COMMITTED = List.of("local-only", "change-me", "change_me", "dev-secret", "dev-only", "investcrm-dev",
            "bG9jYWwtb25seS1waWkta2V5", "XJ2UT4Lu25gr83sHvfeeOaVke4nVPdR5r0IxSwgwcC4", "aW52ZXN0Y3JtLWRldi1vbmx5");

    void check(@Observes StartupEvent event, Config config) {
        if (!config.getOptionalValue("investcrm.secrets.check", Boolean.class).orElse(false)) {
            return;
        }
        Map<String, Optional<String>> secrets = new java.util.LinkedHashMap<>();
        for (String name : List.of("investcrm.session-secret", "investcrm.csrf-secret", "quarkus.oidc.credentials.secret",
                "investcrm.pii.index-key")) {
            secrets.put(name, value(config, name));
        }
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("investcrm.pii.keys.")) {
                secrets.put(name, value(config, name));
            }
        }
        List<String> problems = problems(secrets);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start in production: " + String.join("; ", problems)
                    + " (see README, Production)");
        }
    }

    private static Optional<String> value(Config config, String name) {
        try {
            return config.getOptionalValue(name, String.class);
        } catch (java.util.NoSuchElementException | IllegalArgumentException e) {
            // an environment placeholder with no value
            return Optional.empty();
        }
    }

    /** What is wrong with these secrets, by property name; empty when all are fit for production. */
    static List<String> problems(Map<String, Optional<String>> secrets) {
        List<String> problems = new ArrayList<>();
        secrets.forEach((name, value) -> {
            String v = value.map(String::strip).orElse("");
            if (v.isEmpty()) {
                problems.add(name + " is not set");
            } else if (COMMITTED.stream().anyMatch(c -> v.toLowerCase(Locale.ROOT).contains(c.toLowerCase(Locale.ROOT)))) {
                problems.add(name + " is a committed development value");
            } else if (name.startsWith("investcrm.pii.") ? decodedLength(v) < 32 : v.length() < 32) {
                problems.add(name + " is shorter than 32 " + (name.startsWith("investcrm.pii.") ? "bytes" : "characters"));
            }
        });
        String session = secrets.getOrDefault("investcrm.session-secret", Optional.empty()).orElse(null);
        String csrf = secrets.getOrDefault("investcrm.csrf-secret", Optional.empty()).orElse(null);
        if (session != null && session.equals(csrf)) {
            problems.add("investcrm.csrf-secret must differ from investcrm.session-secret");
        }
        if (secrets.keySet().stream().anyMatch(n -> n.equals("investcrm.pii.keys.local"))) {
            problems.add("investcrm.pii.keys.local (the committed local key) must not be in the production key ring");
        }
        return problems;
    }

    private static int decodedLength(String base64) {
        try {
            return Base64.getDecoder().decode(base64).length;
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }
}
