package cn.gongkai.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An index written under an older mapping (term vectors that the current one no longer has) is removed before
 * Hibernate Search opens it, so that the start rebuilds it from the database instead of failing on the first write.
 */
class SearchIndexLayoutTest {

    @TempDir
    Path root;

    @Test
    void anIndexWithoutALayoutFileIsFromTheFirstLayoutAndIsRemoved() throws Exception {
        Files.createDirectories(root.resolve("catalog"));
        Files.writeString(root.resolve("catalog/segments_1"), "old");

        SearchIndexLayout.prepare(root);

        assertThat(root.resolve("catalog")).doesNotExist();
        assertThat(Files.readString(root.resolve("layout")).strip()).isEqualTo(SearchIndexLayout.CURRENT);
    }

    @Test
    void anIndexOfTheCurrentLayoutIsKept() throws Exception {
        SearchIndexLayout.prepare(root);
        Files.createDirectories(root.resolve("catalog"));
        Files.writeString(root.resolve("catalog/segments_1"), "current");

        SearchIndexLayout.prepare(root);

        assertThat(root.resolve("catalog/segments_1")).hasContent("current");
    }

    @Test
    void anEmptyDirectoryGetsTheCurrentLayout() throws Exception {
        SearchIndexLayout.prepare(root.resolve("new"));
        assertThat(Files.readString(root.resolve("new/layout")).strip()).isEqualTo(SearchIndexLayout.CURRENT);
    }
}
