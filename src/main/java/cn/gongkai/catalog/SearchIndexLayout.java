package cn.gongkai.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jpa.autoconfigure.EntityManagerFactoryDependsOnPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The layout of the catalog's Lucene index, written beside it ({@code <index-dir>/layout}). When the mapping changes
 * in a way Lucene refuses to mix with older documents (a field that had term vectors has none now, say), the layout
 * number goes up, and an index written under another layout is removed before Hibernate Search opens it: the start-up
 * job then finds it empty and rebuilds it from PostgreSQL ({@link SearchIndexJobs}). A crash during the removal
 * leaves the old number in place, so the next start removes the rest.
 *
 * <ul>
 *   <li>1 (no file): bigram fields with term vectors for the fast vector highlighter.</li>
 *   <li>2: no term vectors; the portal highlights the page's hits from their text ({@link Highlighter}).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SearchIndexLayout {

    static final String CURRENT = "2";

    private static final Logger log = LoggerFactory.getLogger(SearchIndexLayout.class);

    /** The entity manager factory, and with it Hibernate Search, starts only after the layout is right. */
    @Bean
    static EntityManagerFactoryDependsOnPostProcessor searchIndexLayoutBeforeHibernateSearch() {
        return new EntityManagerFactoryDependsOnPostProcessor("searchIndexLayoutChecked");
    }

    @Bean
    Path searchIndexLayoutChecked(@Value("${gongkai.search.index-dir}") Path root) {
        prepare(root);
        return root;
    }

    /** Removes an index of another layout under the root, and records the current layout. */
    static void prepare(Path root) {
        try {
            Path file = root.resolve("layout");
            Path index = root.resolve("catalog");
            String found = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : "1";
            if (Files.isDirectory(index) && !found.equals(CURRENT)) {
                log.warn("Search index: {} was written with layout {}, this version uses layout {}; removing it to "
                        + "rebuild from the database", index, found, CURRENT);
                delete(index);
            }
            if (!found.equals(CURRENT) || !Files.exists(file)) {
                Files.createDirectories(root);
                Path tmp = root.resolve("layout.tmp");
                Files.writeString(tmp, CURRENT + "\n", StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Search index layout under " + root, e);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
