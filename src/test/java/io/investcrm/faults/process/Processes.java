package io.investcrm.faults.process;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.investcrm.support.KeycloakTestResource;

/**
 * The processes of the fault drills (issue 14): a MariaDB server of their own (the Debian {@code mariadbd}, own port
 * and data directory under {@code target/faults}, killed with SIGKILL and started again on the same data) and the
 * packaged production app ({@code ./mvnw -Pproduction package -DskipTests}) as separate JVMs against it.
 */
final class Processes {

    static final Path DIR = Path.of("target", "faults");
    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    static final int DB_PORT = Integer.getInteger("faults.db.port", 3335);
    /** The drills' server's InnoDB buffer pool and redo log ({@code -Dfaults.db.buffer-pool=512M}, {@code …log-file=96M}). */
    static final String DB_BUFFER_POOL = System.getProperty("faults.db.buffer-pool", "64M");
    static final String DB_LOG_FILE = System.getProperty("faults.db.log-file", "32M");
    /** The app under test's HTTP port (a second replica takes the next one): two drills at once need two ports. */
    static final int APP_PORT = Integer.getInteger("faults.app.port", 8095);

    private Processes() {
    }

    /** A mariadbd on {@link #DB_PORT} with its own data directory; {@link #kill()} is SIGKILL. */
    static final class Database implements AutoCloseable {
        final Path dataDir;
        private Process process;

        Database(String name) throws IOException, InterruptedException {
            dataDir = DIR.resolve("db-" + name).toAbsolutePath();
            deleteRecursively(dataDir);
            Files.createDirectories(dataDir);
            Process install = new ProcessBuilder("mariadb-install-db", "--no-defaults", "--datadir=" + dataDir,
                    "--user=root", "--auth-root-authentication-method=normal", "--skip-test-db")
                    .redirectErrorStream(true).redirectOutput(DIR.resolve("db-" + name + "-install.log").toFile()).start();
            if (!install.waitFor(180, TimeUnit.SECONDS) || install.exitValue() != 0) {
                throw new IllegalStateException("mariadb-install-db failed, see target/faults");
            }
            start();
        }

        void start() throws IOException {
            process = new ProcessBuilder("mariadbd", "--no-defaults", "--datadir=" + dataDir, "--port=" + DB_PORT,
                    "--bind-address=127.0.0.1", "--socket=" + dataDir.resolve("mysqld.sock"), "--user=root",
                    "--skip-grant-tables", "--skip-name-resolve", "--innodb-buffer-pool-size=" + DB_BUFFER_POOL,
                    "--innodb-log-file-size=" + DB_LOG_FILE, "--max-connections=200", "--log-error=" + dataDir + ".err")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            waitFor("mariadbd on " + DB_PORT, Duration.ofSeconds(180), () -> canQuery());
        }

        /** The running server's process id, or -1 while it is down. */
        long pid() {
            Process p = process;
            return p != null && p.isAlive() ? p.pid() : -1;
        }

        /** SIGKILL: no shutdown, InnoDB recovers from its log at the next start. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }

        boolean canQuery() {
            try (Connection c = connect("mysql"); Statement s = c.createStatement()) {
                s.execute("SELECT 1");
                return true;
            } catch (SQLException e) {
                return false;
            }
        }

        String url(String db) {
            return "jdbc:mysql://127.0.0.1:" + DB_PORT + "/" + db
                    + "?createDatabaseIfNotExist=true&connectionTimeZone=UTC&useUnicode=true&characterEncoding=UTF-8";
        }

        Connection connect(String db) throws SQLException {
            return DriverManager.getConnection(url(db) + "&connectTimeout=2000", "root", "");
        }

        long count(String sql) throws SQLException {
            try (Connection c = connect("investcrm"); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        void execute(String... sql) throws SQLException {
            try (Connection c = connect("investcrm"); Statement s = c.createStatement()) {
                for (String each : sql) {
                    s.execute(each);
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            if (process != null) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /** The packaged app as its own JVM (production profile), logging to {@code target/faults/app-<port>-<n>.log}. */
    static final class App implements AutoCloseable {
        final int port;
        private final Map<String, String> env;
        private Process process;
        private int starts;

        App(int port, Database db, int smtpPort, Map<String, String> extraEnv) {
            if (!Files.exists(JAR)) {
                throw new IllegalStateException("build first: ./mvnw -Pproduction package -DskipTests");
            }
            this.port = port;
            KeycloakTestResource.ensureRunning();
            Map<String, String> e = new java.util.HashMap<>(Map.ofEntries(
                    Map.entry("INVESTCRM_DB_URL", db.url("investcrm")), Map.entry("INVESTCRM_DB_USER", "root"),
                    Map.entry("INVESTCRM_DB_PASSWORD", ""),
                    Map.entry("INVESTCRM_OIDC_URL", KeycloakTestResource.REALM_URL),
                    Map.entry("INVESTCRM_OIDC_CLIENT_ID", "investcrm-app"),
                    Map.entry("INVESTCRM_OIDC_SECRET", "investcrm-dev-secret"),
                    Map.entry("INVESTCRM_SESSION_SECRET", "fault-drill-session-secret-0123456789abcdef"),
                    Map.entry("INVESTCRM_CSRF_SECRET", "fault-drill-csrf-secret-0123456789abcdef-xyz"),
                    Map.entry("INVESTCRM_OIDC_ORIGIN", "http://localhost:" + KeycloakTestResource.PORT),
                    Map.entry("INVESTCRM_TRUSTED_PROXIES", "127.0.0.1"), Map.entry("INVESTCRM_SECRETS_CHECK", "false"),
                    Map.entry("INVESTCRM_OFFER_MAIL_APPROVER", "approvers@localhost"),
                    Map.entry("INVESTCRM_OFFER_MAIL_MANAGER", "managers@localhost"),
                    Map.entry("INVESTCRM_OFFER_MAIL_ADMIN", "admins@localhost"),
                    Map.entry("INVESTCRM_PII_KEY", "bG9jYWwtb25seS1waWkta2V5LTAxMjM0NTY3ODkwMTI="),
                    Map.entry("INVESTCRM_PII_INDEX_KEY", "XJ2UT4Lu25gr83sHvfeeOaVke4nVPdR5r0IxSwgwcC4="),
                    Map.entry("INVESTCRM_SMTP_HOST", "127.0.0.1"), Map.entry("INVESTCRM_SMTP_PORT", String.valueOf(smtpPort)),
                    Map.entry("INVESTCRM_MAIL_FROM", "drill@localhost"), Map.entry("INVESTCRM_LOG_JSON", "false")));
            e.putAll(extraEnv);
            this.env = e;
        }

        /** Starts the JVM with the image's flags and waits until it reports ready. */
        App start() throws IOException {
            starts++;
            List<String> cmd = new ArrayList<>(List.of("java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-Xms128m", "-Xmx307m", "-Dquarkus.http.port=" + port, "-jar", JAR.toString()));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(DIR.resolve("app-" + port + "-" + starts + ".log").toFile());
            pb.environment().putAll(env);
            process = pb.start();
            waitFor("app on " + port, Duration.ofSeconds(240), () -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("app on " + port + " exited, see target/faults");
                }
                return ready() == 200;
            });
            return this;
        }

        long pid() {
            return process.pid();
        }

        boolean alive() {
            return process.isAlive();
        }

        /** kill -9. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }

        String url() {
            return "http://localhost:" + port;
        }

        /**
         * The status of {@code /q/health/ready} (0 when nothing answers within 10 s): while the database is away the
         * check waits for a connection up to the pool's acquisition timeout (5 s) before it answers 503.
         */
        int ready() {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(url() + "/q/health/ready").toURL().openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(10_000);
                int status = c.getResponseCode();
                c.disconnect();
                return status;
            } catch (IOException e) {
                return 0;
            }
        }

        @Override
        public void close() throws InterruptedException {
            if (process != null && process.isAlive()) {
                process.destroy();
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    kill();
                }
            }
        }
    }

    /**
     * CPU time a process has used so far, in clock ticks (1/100 s on Linux: user + system, from
     * {@code /proc/<pid>/stat}), or -1 when it is not there.
     */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the fields after the command's closing parenthesis: state is the first, utime and stime the 12th and 13th
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The machine's idle CPU time so far in clock ticks, over all cores ({@code /proc/stat}). */
    static long idleTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            return Long.parseLong(f[4]) + Long.parseLong(f[5]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void waitFor(String what, Duration limit, Check check) {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            try {
                if (check.ok()) {
                    return;
                }
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                // not yet
            }
        }
        throw new IllegalStateException(what + " not there after " + limit);
    }

    static boolean portOpen(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
