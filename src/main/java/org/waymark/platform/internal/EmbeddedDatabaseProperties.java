package org.waymark.platform.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the embedded PostgreSQL keeps its data and binaries. The defaults keep both inside the
 * project (./data), so two checkouts on one machine never share a database by accident.
 */
@ConfigurationProperties("waymark.embedded-database")
record EmbeddedDatabaseProperties(String dataDirectory, String workingDirectory, int port,
                                  boolean cleanDataDirectory, String databaseName) {

    EmbeddedDatabaseProperties {
        if (dataDirectory == null || dataDirectory.isBlank()) {
            dataDirectory = "data/postgres";
        }
        if (workingDirectory == null || workingDirectory.isBlank()) {
            workingDirectory = "data/postgres-binaries";
        }
        if (databaseName == null || databaseName.isBlank()) {
            databaseName = "waymark";
        }
    }
}
