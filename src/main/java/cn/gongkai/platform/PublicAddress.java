package cn.gongkai.platform;

import cn.gongkai.org.StartupRefused;
import java.net.URI;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The portal's public address ({@code gongkai.public-base-url}, e.g. {@code https://xxgk.example.gov.cn}), used in
 * the sitemap, the feed and the letters instead of whatever Host header a caller sends. Without it (development), the
 * address the request came in on is used, as seen through a trusted proxy's forwarded headers.
 */
@Component
public class PublicAddress {

    private final String configured;

    PublicAddress(@Value("${gongkai.public-base-url:}") String configured) {
        this.configured = normalised(configured);
    }

    static String normalised(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        URI uri;
        try {
            uri = URI.create(v);
        } catch (IllegalArgumentException e) {
            throw new StartupRefused("gongkai.public-base-url is not a URL: " + v,
                    "Set it to the portal's public address, such as https://gk.example.gov.cn.", e);
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getQuery() != null || uri.getFragment() != null || uri.getUserInfo() != null) {
            throw new StartupRefused("gongkai.public-base-url is not a plain web address: " + v,
                    "Set it to an http(s) address without user, query or fragment, such as https://gk.example.gov.cn.");
        }
        return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
    }

    /** The configured address, when there is one. */
    public Optional<String> configured() {
        return Optional.ofNullable(configured);
    }

    /** The configured address, or (without one) the current request's. */
    public String base() {
        return configured != null ? configured
                : ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    /** Where the portal shows a published entry. */
    public static String entryPath(String indexNumber) {
        return "/portal/catalog/" + indexNumber;
    }
}
