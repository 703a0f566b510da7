package cn.gongkai.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The pieces of {@link PublicPageCaching} that need no application: the setting and the validator. */
class PublicPageCachingTest {

    @Test
    void theMaxAgeIsADurationOrAWholeNumberOfSecondsAndNeverNegative() {
        assertThat(PublicPageCaching.maxAge("60s")).isEqualTo(Duration.ofSeconds(60));
        assertThat(PublicPageCaching.maxAge("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(PublicPageCaching.maxAge("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(PublicPageCaching.maxAge("PT1H")).isEqualTo(Duration.ofHours(1));
        assertThat(PublicPageCaching.maxAge("0")).isZero();
        assertThatThrownBy(() -> PublicPageCaching.maxAge("-1s")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gongkai.portal.cache-max-age");
    }

    @Test
    void theETagIsWeakAndChangesWithAnyByteOrTheMediaType() {
        byte[] page = "<p>通知</p>".getBytes(StandardCharsets.UTF_8);
        String etag = PublicPageCaching.etag("text/html;charset=UTF-8", page);
        assertThat(etag).startsWith("W/\"").endsWith("\"");
        assertThat(PublicPageCaching.etag("text/html;charset=UTF-8", page.clone())).isEqualTo(etag);
        byte[] changed = page.clone();
        changed[3] ^= 1;
        assertThat(PublicPageCaching.etag("text/html;charset=UTF-8", changed)).isNotEqualTo(etag);
        assertThat(PublicPageCaching.etag("application/json", page)).isNotEqualTo(etag);
    }
}
