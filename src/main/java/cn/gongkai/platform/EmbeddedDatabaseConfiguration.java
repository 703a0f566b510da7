package cn.gongkai.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import javax.sql.DataSource;
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
 * this configuration stays out and Spring Boot connects to that server. {@link EmbeddedDatabase} makes it safe to kill
 * (an orphaned server is stopped on the next start), durable, and password-protected (the application connects as the
 * role {@code gongkai}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatasourceUrl.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(@Value("${gongkai.embedded-db.data-dir:./data/pg}") String dataDir,
            @Value("${gongkai.embedded-db.port:0}") int port,
            @Value("${gongkai.embedded-db.clean:false}") boolean clean,
            @Value("${gongkai.embedded-db.durable:true}") boolean durable) throws IOException {
        // Spring stops the server (destroyMethod) after everything that uses it; a JVM hook of its own would stop it
        // while the context is still closing.
        return EmbeddedDatabase.start(new EmbeddedDatabase.Settings(Path.of(dataDir), port, clean, durable));
    }

    @Bean
    DataSource dataSource(EmbeddedDatabase db) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(db.jdbcUrl());
        ds.setUsername(db.username());
        ds.setPassword(db.password());
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
