package org.waymark.platform.internal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL per data directory per JVM. Tests start several Spring contexts; they all
 * share the server so the suite pays for one start, and the server stops when the JVM exits.
 */
final class EmbeddedPostgresServer {

    private static final Map<Path, EmbeddedPostgresServer> RUNNING = new ConcurrentHashMap<>();

    private final EmbeddedPostgres postgres;
    private final String databaseName;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, String databaseName) {
        this.postgres = postgres;
        this.databaseName = databaseName;
    }

    static EmbeddedPostgresServer startOrReuse(EmbeddedDatabaseProperties properties) {
        Path dataDirectory = Path.of(properties.dataDirectory()).toAbsolutePath().normalize();
        return RUNNING.computeIfAbsent(dataDirectory, dir -> start(dir, properties));
    }

    private static EmbeddedPostgresServer start(Path dataDirectory, EmbeddedDatabaseProperties properties) {
        try {
            Path workingDirectory = Path.of(properties.workingDirectory()).toAbsolutePath().normalize();
            Files.createDirectories(dataDirectory.getParent());
            Files.createDirectories(workingDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory.toFile())
                    .setOverrideWorkingDirectory(new File(workingDirectory.toString()))
                    .setCleanDataDirectory(properties.cleanDataDirectory())
                    // Durability is the product: never let a tuning default trade acknowledged commits away.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("timezone", "UTC");
            if (properties.port() > 0) {
                builder.setPort(properties.port());
            }
            EmbeddedPostgres postgres = builder.start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, properties.databaseName());
            server.createDatabaseIfMissing();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "embedded-postgres-stop"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(
                    "select 1 from pg_database where datname = '" + databaseName.replace("'", "''") + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("create database \"" + databaseName.replace("\"", "") + "\" encoding 'UTF8'");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the embedded database " + databaseName, e);
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", databaseName);
    }

    int port() {
        return postgres.getPort();
    }

    private void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            // The JVM is exiting; PostgreSQL's own shutdown keeps the data consistent.
        }
    }
}
