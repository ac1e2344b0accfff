package io.investcrm.support;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real Keycloak 26 for the tests: the distribution Maven unpacked into {@code target/kc}, importing exactly
 * {@code config/keycloak/investcrm-realm.json}. Started once per JVM (a Keycloak already answering on the port is
 * reused) and stopped when the JVM exits.
 */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {

    public static final int PORT = Integer.getInteger("investcrm.keycloak.port", 8180);
    public static final String REALM_URL = "http://localhost:" + PORT + "/realms/investcrm";

    private static Process process;

    @Override
    public Map<String, String> start() {
        ensureRunning();
        return Map.of("quarkus.oidc.auth-server-url", REALM_URL);
    }

    @Override
    public void stop() {
        // kept for the rest of the JVM: other test classes reuse it; the shutdown hook ends it
    }

    public static synchronized void ensureRunning() {
        if (process != null || answers()) {
            return;
        }
        try {
            Path home = Path.of(System.getProperty("investcrm.keycloak.home", "target/kc/keycloak-26.7.3"));
            if (!Files.isDirectory(home)) {
                throw new IllegalStateException("Keycloak distribution not found at " + home.toAbsolutePath()
                        + " (it is unpacked by the Maven build in process-test-resources)");
            }
            Path data = home.resolve("data");
            deleteRecursively(data.resolve("h2"));
            Files.createDirectories(data.resolve("import"));
            Path realm = Path.of("config/keycloak/investcrm-realm.json");
            Files.copy(realm, data.resolve("import/investcrm-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            Path log = Path.of("target/keycloak.log");
            ProcessBuilder pb = new ProcessBuilder("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + PORT, "--import-realm")
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            pb.environment().put("JAVA_OPTS_APPEND", "-Xms128m -Xmx768m");
            long started = System.nanoTime();
            process = pb.start();
            Runtime.getRuntime().addShutdownHook(new Thread(KeycloakTestResource::stopProcess));
            long deadline = System.currentTimeMillis() + 240_000;
            while (!answers()) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log.toAbsolutePath());
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("Keycloak not ready after 240 s; see " + log.toAbsolutePath());
                }
                Thread.sleep(500);
            }
            System.out.printf("Keycloak ready on port %d in %d ms%n", PORT, (System.nanoTime() - started) / 1_000_000);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start Keycloak", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void stopProcess() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
    }

    static boolean answers() {
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            HttpResponse<Void> response = client.send(
                    HttpRequest.newBuilder(URI.create(REALM_URL + "/.well-known/openid-configuration"))
                            .timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
