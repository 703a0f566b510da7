package cn.gongkai.portal;

import cn.gongkai.catalog.CatalogChanges;
import cn.gongkai.org.OrgDirectory;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The public read-only answers (the portal's pages, the Atom feed, the sitemap, the open-data catalog API) may be kept
 * by browsers and proxies for {@code gongkai.portal.cache-max-age} (default 60 s) and then revalidated: a 200 to a GET
 * or HEAD of one of {@link #PUBLIC_PAGES} gets {@code Cache-Control: public, max-age=…}, an {@code ETag} made from
 * the answer itself (so it changes exactly when the answer does, whatever changed it) and a {@code Last-Modified} from
 * the catalog's last change and {@link SeenAnswers}; a conditional request whose validator still holds is answered
 * 304 without a body.
 *
 * <p>Everything else keeps Spring Security's {@code no-store}: any other address (tracking, the request form, letters,
 * downloads, the workbench, errors), any status but 200 (404, 429, 503…), an answer the handler gave its own
 * {@code Cache-Control} (a search that ran out of time), and any answer that is a visitor's own: to a signed-in member,
 * one that sets a cookie or opens a session, one that shows a flash notice, one that carries a CSRF token.
 *
 * <p>The page is made in full before it is validated: what a 304 saves is the transfer, not the work. The validators
 * themselves cost a hash of the answer, two reads from memory ({@link CatalogChanges}, {@link SeenAnswers}) and the
 * read of the portal's agency that every portal page makes.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE) // inside Spring Security's chain (order -100), so the signed-in member is known
class PublicPageCaching extends OncePerRequestFilter {

    /** The mappings whose answers are public, exactly as the controllers declare them. */
    static final Set<String> PUBLIC_PAGES = Set.of(
            "/", // the portal home (or the city's)
            "/search", // the city's search across every agency's catalog
            "/portal/{section}", // 公开指南 and the other plain sections (申请 and 查询 are mapped on their own)
            "/portal/catalog", // the catalog: browse and search
            "/portal/catalog/{*indexNumber}", // an entry's page
            "/portal/annual-report", "/portal/annual-report/{year}", // the published annual reports
            "/portal/feed.atom", "/sitemap.xml",
            "/portal/interpretation", // 政策解读
            "/portal/guide", "/portal/guide/versions/{version}", // 公开指南, current and earlier versions
            "/api/v1/catalog/search", "/api/v1/catalog/items/{*indexNumber}", "/api/v1/interpretations"); // open data

    /** How many addresses {@link SeenAnswers} remembers (a few hundred bytes each, a few MB in all). */
    static final int REMEMBERED_ADDRESSES = 20_000;

    /** The name of Spring Security's CSRF parameter and meta tags: a page that has one is the visitor's own. */
    private static final byte[] CSRF = "_csrf".getBytes(StandardCharsets.US_ASCII);

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    private final List<PathPattern> publicPaths = PUBLIC_PAGES.stream().map(PathPatternParser.defaultInstance::parse)
            .toList();
    private final OrgDirectory org;
    private final CatalogChanges catalog;
    private final SeenAnswers seen;
    private final String cacheControl;

    PublicPageCaching(OrgDirectory org, CatalogChanges catalog, Clock clock,
            @Value("${gongkai.portal.cache-max-age:60s}") String maxAge) {
        this.org = org;
        this.catalog = catalog;
        this.seen = new SeenAnswers(clock, REMEMBERED_ADDRESSES);
        this.cacheControl = "public, max-age=" + maxAge(maxAge).toSeconds();
    }

    /** {@code gongkai.portal.cache-max-age}: a Duration ({@code 60s}, {@code 2m}, {@code PT1M}) or whole seconds. */
    static Duration maxAge(String text) {
        Duration maxAge = DurationStyle.detectAndParse(text.trim(), ChronoUnit.SECONDS);
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("gongkai.portal.cache-max-age must not be negative: " + text);
        }
        return maxAge;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return true;
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath()
                .length()));
        return publicPaths.stream().noneMatch(p -> p.matches(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        BufferedAnswer answer = new BufferedAnswer(response);
        chain.doFilter(request, answer);
        byte[] body = answer.body();
        if (!request.isAsyncStarted() && isPublic(request, answer, body)) {
            String etag = etag(answer.getContentType(), body);
            SeenAnswers.Modified modified = seen.answer(address(request), etag, catalogChange());
            answer.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
            answer.setHeader(HttpHeaders.ETAG, etag);
            answer.setDateHeader(HttpHeaders.LAST_MODIFIED, modified.header().toEpochMilli());
            if (notModified(request, etag, modified)) {
                answer.resetBuffer();
                answer.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            }
        }
        answer.copyBodyToResponse();
    }

    /**
     * The answer kept in memory until its validators are known. Spring's wrapper flushes its character encoder after
     * every write of the page's writer, which was a fifth of the search page's time (docs/benchmarks.md); this one
     * writes through a buffer, emptied before the body is read.
     */
    private static final class BufferedAnswer extends ContentCachingResponseWrapper {

        private PrintWriter writer;

        BufferedAnswer(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                writer = new PrintWriter(new BufferedWriter(new OutputStreamWriter(getOutputStream(),
                        Charset.forName(getCharacterEncoding())), 8192));
            }
            return writer;
        }

        byte[] body() {
            if (writer != null) {
                writer.flush();
            }
            return getContentAsByteArray();
        }
    }

    private boolean isPublic(HttpServletRequest request, HttpServletResponse answer, byte[] body) {
        return answer.getStatus() == HttpServletResponse.SC_OK
                && PUBLIC_PAGES.contains(String.valueOf(request.getAttribute(
                        HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE)))
                && answer.getHeader(HttpHeaders.CACHE_CONTROL) == null
                && answer.getHeaders(HttpHeaders.SET_COOKIE).isEmpty() && !opensSession(request)
                && !TRUST.isAuthenticated(SecurityContextHolder.getContext().getAuthentication())
                && isEmpty(RequestContextUtils.getInputFlashMap(request))
                && indexOf(body, CSRF) < 0;
    }

    private static boolean opensSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.isNew();
    }

    private static boolean isEmpty(Map<String, ?> flash) {
        return flash == null || flash.isEmpty();
    }

    private Instant catalogChange() {
        return org.portalAgency().map(a -> catalog.lastPublicChange(a.getId())).orElse(Instant.EPOCH);
    }

    /**
     * {@code If-None-Match} decides when present (weak comparison, {@code *} matches any answer); otherwise
     * {@code If-Modified-Since}, when it is a date not in the future.
     */
    static boolean notModified(HttpServletRequest request, String etag, SeenAnswers.Modified modified) {
        List<String> ifNoneMatch = Collections.list(request.getHeaders(HttpHeaders.IF_NONE_MATCH));
        if (!ifNoneMatch.isEmpty()) {
            String opaque = opaque(etag);
            return ifNoneMatch.stream().flatMap(h -> List.of(h.split(",")).stream()).map(String::trim)
                    .anyMatch(tag -> tag.equals("*") || opaque(tag).equals(opaque));
        }
        long since;
        try {
            since = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
        } catch (IllegalArgumentException notADate) {
            return false;
        }
        return since >= 0 && modified.unchangedSince(Instant.ofEpochMilli(since));
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    /**
     * A weak validator (so that a server or proxy may still compress the answer) from a hash of the media type and the
     * bytes: equal answers have equal tags, and any change gives another.
     */
    static String etag(String contentType, byte[] body) {
        MessageDigest sha = sha256();
        sha.update(String.valueOf(contentType).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) '\n');
        byte[] hash = sha.digest(body);
        return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27) + "\"";
    }

    /** The address as asked (scheme, host, path, query); a long one by its hash, to bound what is remembered. */
    static String address(HttpServletRequest request) {
        StringBuffer url = request.getRequestURL();
        if (request.getQueryString() != null) {
            url.append('?').append(request.getQueryString());
        }
        if (url.length() <= 200) {
            return url.toString();
        }
        return "#" + Base64.getUrlEncoder().withoutPadding().encodeToString(sha256().digest(url.toString()
                .getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int indexOf(byte[] body, byte[] part) {
        outer:
        for (int i = 0; i <= body.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (body[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
