package io.investcrm.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Guards the deployment contract: compose file, Kubernetes manifests, Keycloak realm and the
 * {@code INVESTCRM_*} variables that {@code application.properties} reads in production must agree.
 * Plain JUnit, no Quarkus; paths are relative to the project root (Maven's working directory).
 */
class DeployManifestsTest {

    private static final Path ROOT = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    private static final Path COMPOSE = ROOT.resolve("deploy/compose.yaml");
    private static final Path K8S = ROOT.resolve("deploy/k8s");
    private static final Path KUSTOMIZATION = K8S.resolve("kustomization.yaml");
    private static final Path REALM = ROOT.resolve("config/keycloak/investcrm-realm.json");
    private static final Path APP_PROPERTIES = ROOT.resolve("src/main/resources/application.properties");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(INVESTCRM_[A-Z0-9_]+)");
    private static final Pattern VAR_NAME = Pattern.compile("INVESTCRM_[A-Z0-9_]+");
    private static final Set<String> ROLES = Set.of("officer", "manager", "approver", "admin");
    private static final String CLIENT_ID = "investcrm-app";

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    // ---------------------------------------------------------------- parsing

    @Test
    void composeParsesAndDefinesTheThreeServices() throws IOException {
        JsonNode services = compose().path("services");
        for (String s : List.of("mysql", "keycloak", "app")) {
            assertTrue(services.has(s), "compose.yaml has no service " + s);
        }
        assertTrue(services.path("mysql").path("image").asText().startsWith("mysql:8"), "mysql image");
        assertTrue(services.path("mysql").path("healthcheck").has("test"), "mysql needs a healthcheck");
        assertTrue(services.path("keycloak").path("image").asText().startsWith("quay.io/keycloak/keycloak:26"),
                "keycloak image");
        assertTrue(services.path("keycloak").path("volumes").toString().contains("config/keycloak"),
                "keycloak must mount ../config/keycloak for the realm import");
        JsonNode dependsOn = services.path("app").path("depends_on");
        assertTrue(dependsOn.has("mysql") && dependsOn.has("keycloak"), "app depends_on mysql and keycloak");
    }

    @Test
    void everyK8sDocumentIsWellFormed() throws IOException {
        Map<Path, List<JsonNode>> docs = k8sDocuments();
        assertFalse(docs.isEmpty(), "no yaml files in " + K8S);
        docs.forEach((file, list) -> {
            assertFalse(list.isEmpty(), file.getFileName() + " contains no document");
            for (JsonNode doc : list) {
                String where = file.getFileName() + ": " + doc.path("kind").asText("?");
                assertTrue(doc.isObject(), where + " is not a mapping");
                assertFalse(doc.path("apiVersion").asText().isBlank(), where + " lacks apiVersion");
                assertFalse(doc.path("kind").asText().isBlank(), where + " lacks kind");
                assertFalse(doc.path("metadata").path("name").asText().isBlank(), where + " lacks metadata.name");
            }
        });
    }

    @Test
    void deploymentIsReplicatedProbedAndWiredToConfig() throws IOException {
        List<JsonNode> all = allK8sDocuments();
        List<JsonNode> deployments = ofKind(all, "Deployment");
        assertEquals(1, deployments.size(), "exactly one Deployment expected");
        JsonNode deployment = deployments.get(0);
        assertTrue(deployment.path("spec").path("replicas").asInt(0) >= 2, "replicas >= 2");

        JsonNode podSpec = deployment.path("spec").path("template").path("spec");
        JsonNode containers = podSpec.path("containers");
        assertTrue(containers.isArray() && containers.size() > 0, "Deployment has no containers");
        JsonNode app = containers.get(0);
        assertEquals("/q/health/ready", app.path("readinessProbe").path("httpGet").path("path").asText(),
                "readinessProbe path");
        assertEquals("/q/health/live", app.path("livenessProbe").path("httpGet").path("path").asText(),
                "livenessProbe path");
        assertTrue(app.has("startupProbe"), "startupProbe");
        assertTrue(podSpec.path("securityContext").path("runAsNonRoot").asBoolean(false)
                || app.path("securityContext").path("runAsNonRoot").asBoolean(false), "runAsNonRoot");
        assertTrue(app.path("securityContext").path("readOnlyRootFilesystem").asBoolean(false),
                "readOnlyRootFilesystem");
        assertTrue(app.path("resources").path("limits").has("memory"), "memory limit");

        Set<String> configMaps = names(ofKind(all, "ConfigMap"));
        Set<String> secrets = names(ofKind(all, "Secret"));
        Set<String> cmRefs = new TreeSet<>();
        Set<String> secretRefs = new TreeSet<>();
        for (JsonNode from : app.path("envFrom")) {
            if (from.has("configMapRef")) {
                cmRefs.add(from.path("configMapRef").path("name").asText());
            }
            if (from.has("secretRef")) {
                secretRefs.add(from.path("secretRef").path("name").asText());
            }
        }
        assertFalse(cmRefs.isEmpty(), "envFrom must reference a ConfigMap");
        assertFalse(secretRefs.isEmpty(), "envFrom must reference a Secret");
        assertTrue(configMaps.containsAll(cmRefs), "envFrom ConfigMaps " + cmRefs + " not all in " + configMaps);
        assertTrue(secrets.containsAll(secretRefs), "envFrom Secrets " + secretRefs + " not all in " + secrets);
    }

    @Test
    void kustomizationListsEveryManifest() throws IOException {
        assertTrue(Files.isRegularFile(KUSTOMIZATION), "missing " + KUSTOMIZATION);
        Set<String> listed = new TreeSet<>();
        for (JsonNode r : readYaml(KUSTOMIZATION).get(0).path("resources")) {
            listed.add(r.asText());
        }
        Set<String> files = new TreeSet<>();
        for (Path p : k8sFiles()) {
            if (!p.equals(KUSTOMIZATION)) {
                files.add(p.getFileName().toString());
            }
        }
        assertEquals(files, listed, "kustomization.yaml resources vs yaml files in deploy/k8s");
    }

    // ---------------------------------------------------------------- env contract

    @Test
    void investcrmVariablesAgreeAcrossComposeKubernetesAndApplicationProperties() throws IOException {
        Set<String> compose = composeAppVariables();

        Set<String> configMap = new TreeSet<>();
        Set<String> secret = new TreeSet<>();
        List<JsonNode> all = allK8sDocuments();
        for (JsonNode cm : ofKind(all, "ConfigMap")) {
            collectVarKeys(cm.path("data"), configMap);
        }
        for (JsonNode s : ofKind(all, "Secret")) {
            collectVarKeys(s.path("data"), secret);
            collectVarKeys(s.path("stringData"), secret);
        }
        Set<String> both = new TreeSet<>(configMap);
        both.retainAll(secret);
        assertTrue(both.isEmpty(), "variables in both ConfigMap and Secret: " + both);
        Set<String> k8s = new TreeSet<>(configMap);
        k8s.addAll(secret);

        Set<String> properties = applicationPropertiesVariables();

        assertFalse(compose.isEmpty(), "compose app service defines no INVESTCRM_* variables");
        assertEquals(properties, compose, "INVESTCRM_* in application.properties vs compose app service");
        assertEquals(properties, k8s, "INVESTCRM_* in application.properties vs k8s ConfigMap + Secret");
    }

    // ---------------------------------------------------------------- keycloak realm

    @Test
    void realmHasRolesConfidentialClientAndDemoUsers() throws IOException {
        JsonNode realm = JSON.readTree(REALM.toFile());
        assertEquals("investcrm", realm.path("realm").asText());
        assertTrue(realm.path("enabled").asBoolean(false), "realm enabled");

        Set<String> roles = new TreeSet<>();
        for (JsonNode r : realm.path("roles").path("realm")) {
            roles.add(r.path("name").asText());
        }
        assertTrue(roles.containsAll(ROLES), "realm roles " + roles + " must contain " + ROLES);

        JsonNode client = null;
        for (JsonNode c : realm.path("clients")) {
            if (CLIENT_ID.equals(c.path("clientId").asText())) {
                client = c;
            }
        }
        assertNotNull(client, "client " + CLIENT_ID + " missing");
        assertFalse(client.path("publicClient").asBoolean(true), "client must be confidential");
        assertFalse(client.path("secret").asText().isBlank(), "confidential client needs a secret");
        assertTrue(client.path("standardFlowEnabled").asBoolean(false), "standard flow");
        // issue 13: the app's client allows no password grant; only the DEV-ONLY test client does
        assertFalse(client.path("directAccessGrantsEnabled").asBoolean(true), "no direct access grants on " + CLIENT_ID);
        Set<String> redirects = new TreeSet<>();
        client.path("redirectUris").forEach(u -> redirects.add(u.asText()));
        for (String origin : List.of("http://localhost:8080/", "http://localhost:8081/")) {
            assertTrue(redirects.stream().anyMatch(u -> u.startsWith(origin)),
                    "redirect URIs " + redirects + " do not cover " + origin);
        }
        boolean teamMapper = false;
        for (JsonNode m : client.path("protocolMappers")) {
            teamMapper |= "team".equals(m.path("config").path("claim.name").asText());
        }
        assertTrue(teamMapper, "client needs a protocol mapper for the 'team' claim");

        JsonNode users = realm.path("users");
        assertTrue(users.isArray() && users.size() > 0, "no demo users");
        for (JsonNode u : users) {
            Set<String> userRoles = new TreeSet<>();
            u.path("realmRoles").forEach(r -> userRoles.add(r.asText()));
            userRoles.retainAll(ROLES);
            assertFalse(userRoles.isEmpty(), "user " + u.path("username").asText() + " has none of " + ROLES);
            assertTrue(u.path("enabled").asBoolean(false), "user " + u.path("username").asText() + " enabled");
        }
    }

    // ---------------------------------------------------------------- helpers

    private static JsonNode compose() throws IOException {
        List<JsonNode> docs = readYaml(COMPOSE);
        assertEquals(1, docs.size(), "compose.yaml must be one YAML document");
        return docs.get(0);
    }

    /** Variable names of the app service; environment may be a mapping or a list of KEY=VALUE. */
    static Set<String> composeAppVariables() throws IOException {
        JsonNode env = compose().path("services").path("app").path("environment");
        Set<String> names = new TreeSet<>();
        if (env.isObject()) {
            env.fieldNames().forEachRemaining(names::add);
        } else if (env.isArray()) {
            for (JsonNode e : env) {
                names.add(e.asText().split("=", 2)[0].trim());
            }
        }
        names.removeIf(n -> !VAR_NAME.matcher(n).matches());
        return names;
    }

    static Set<String> applicationPropertiesVariables() throws IOException {
        if (!Files.isRegularFile(APP_PROPERTIES)) {
            fail(APP_PROPERTIES + " does not exist: it must read the INVESTCRM_* variables under %prod.");
        }
        Set<String> names = new TreeSet<>();
        for (String line : Files.readAllLines(APP_PROPERTIES, StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (t.startsWith("#") || t.startsWith("!")) {
                continue; // commented-out settings are not part of the contract
            }
            Matcher m = PLACEHOLDER.matcher(t);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static void collectVarKeys(JsonNode map, Set<String> into) {
        Iterator<String> it = map.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (VAR_NAME.matcher(k).matches()) {
                assertTrue(into.add(k), k + " appears twice");
            }
        }
    }

    private static List<Path> k8sFiles() throws IOException {
        assertTrue(Files.isDirectory(K8S), "missing " + K8S);
        try (Stream<Path> s = Files.list(K8S)) {
            return s.filter(p -> {
                        String n = p.getFileName().toString();
                        return Files.isRegularFile(p) && (n.endsWith(".yaml") || n.endsWith(".yml"));
                    })
                    .sorted()
                    .toList();
        }
    }

    private static Map<Path, List<JsonNode>> k8sDocuments() throws IOException {
        Map<Path, List<JsonNode>> docs = new TreeMap<>();
        for (Path p : k8sFiles()) {
            docs.put(p, readYaml(p));
        }
        return docs;
    }

    private static List<JsonNode> allK8sDocuments() throws IOException {
        List<JsonNode> all = new ArrayList<>();
        k8sDocuments().values().forEach(all::addAll);
        return all;
    }

    /** All documents of a (possibly multi-document) YAML file, empty documents skipped. */
    static List<JsonNode> readYaml(Path file) throws IOException {
        assertTrue(Files.isRegularFile(file), "missing " + file);
        List<JsonNode> docs = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (it.hasNextValue()) {
                JsonNode doc = it.nextValue();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
        } catch (IOException | RuntimeException e) {
            fail(ROOT.relativize(file) + " does not parse: " + e.getMessage(), e);
        }
        return docs;
    }

    private static List<JsonNode> ofKind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    private static Set<String> names(List<JsonNode> docs) {
        Set<String> names = new TreeSet<>();
        docs.forEach(d -> names.add(d.path("metadata").path("name").asText()));
        return names;
    }
}
