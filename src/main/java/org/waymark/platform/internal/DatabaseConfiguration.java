package org.waymark.platform.internal;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;
import org.waymark.platform.Deployment;

/**
 * The embedded default: when no spring.datasource.url is configured, Waymark starts a real PostgreSQL
 * in-process (binaries from Maven Central) and keeps its data under ./data. With a URL configured
 * (production), Spring Boot builds the pool from spring.datasource.* and nothing embedded starts.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean
    Deployment deployment(Environment environment) {
        return new Deployment(!StringUtils.hasText(environment.getProperty("spring.datasource.url")));
    }

    @Bean
    @Conditional(EmbeddedDatabaseCondition.class)
    DataSource dataSource(EmbeddedDatabaseProperties properties) {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrReuse(properties);
        log.info("Embedded PostgreSQL running on port {} with data in {}", server.port(), properties.dataDirectory());
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.jdbcUrl());
        config.setUsername("postgres");
        config.setMaximumPoolSize(10);
        config.setPoolName("waymark-embedded");
        return new HikariDataSource(config);
    }
}
