package cn.gongkai.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.data.jpa.repository.query.DeclaredQuery;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactories;
import org.springframework.data.jpa.repository.query.QueryEnhancerFactory;
import org.springframework.data.jpa.repository.query.QueryEnhancerSelector;

/**
 * Every module's Spring Data repositories, as Spring Boot would find them, with one change: a {@code @Query}'s
 * count query and sort are derived by Spring Data's regular-expression enhancer instead of its ANTLR HQL grammar.
 *
 * <p>Parsing the 40 declared queries with that grammar at start-up took 12 % of the main thread's time in a second
 * start of the demo (a flight recording: docs/benchmarks.md). Our queries are plain {@code select … from … where …
 * order by …}: the regular expressions handle them, and Hibernate still parses and checks every one of them at
 * start-up, so a wrong query still fails the start.
 */
@Configuration(proxyBeanMethods = false)
@EnableJpaRepositories(basePackages = "cn.gongkai", queryEnhancerSelector = RepositoriesConfiguration.RegexEnhancer.class)
class RepositoriesConfiguration {

    static final class RegexEnhancer implements QueryEnhancerSelector {

        @Override
        public QueryEnhancerFactory select(DeclaredQuery query) {
            return QueryEnhancerFactories.fallback();
        }
    }
}
