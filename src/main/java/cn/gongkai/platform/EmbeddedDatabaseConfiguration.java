package cn.gongkai.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * With no {@code spring.datasource.url}, Gongkai runs its own PostgreSQL 17 (zonky embedded binaries) whose data
 * lives under {@code gongkai.embedded-db.data-dir} (default {@code ./data/pg}) and survives restarts. With a URL set,
 * this configuration stays out and Spring Boot connects to that server.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${gongkai.embedded-db.data-dir:./data/pg}") String dataDir,
            @Value("${gongkai.embedded-db.port:0}") int port,
            @Value("${gongkai.embedded-db.clean:false}") boolean clean) throws IOException {
        Path dir = Path.of(dataDir).toAbsolutePath();
        Files.createDirectories(dir.getParent());
        File pid = dir.resolve("postmaster.pid").toFile();
        if (pid.exists() && !clean) {
            // A previous run was killed: the server is gone, its pid file is stale.
            pid.delete();
        }
        // No shutdown hook of its own: it raced Spring's and stopped the server while beans were still closing
        // (the event publication registry then waited 30 s for a connection). Spring closes it last instead.
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dir.toFile())
                .setCleanDataDirectory(clean).setRegisterShutdownHook(false).setServerConfig("timezone", "Asia/Shanghai")
                .setServerConfig("max_connections", "100").setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C");
        if (port > 0) {
            builder.setPort(port);
        }
        // Spring stops the server (destroyMethod) after everything that uses it; a JVM hook of its own would stop it
        // while the context is still closing.
        EmbeddedPostgres pg = builder.start();
        log.info("Embedded PostgreSQL started on port {} with data in {}", pg.getPort(), dir);
        return pg;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres pg) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(20);
        ds.setPoolName("gongkai-embedded");
        return ds;
    }

    static class NoDatasourceUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
