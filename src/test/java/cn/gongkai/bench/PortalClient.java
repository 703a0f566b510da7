package cn.gongkai.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One visitor of the running application over HTTP/1.1 on 127.0.0.1: one kept-alive connection
 * ({@link KeepAliveHttp}), used by one thread at a time.
 * Reads what the benchmark checks: the JSON API's total and index numbers, the search page's result count and hits,
 * the status of the other pages.
 */
final class PortalClient {

    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
    private static final Pattern EXACT = Pattern.compile("\"totalExact\"\\s*:\\s*(true|false)");
    private static final Pattern TIMED_OUT = Pattern.compile("\"timedOut\"\\s*:\\s*true");
    private static final Pattern INDEX_NUMBER = Pattern.compile("\"indexNumber\"\\s*:\\s*\"([^\"]+)\"");
    /** The start of the portal's notices for a search that ran out of time (catalog.search.timedOut*). */
    private static final String TIMED_OUT_NOTICE = "检索超时，";
    private static final Pattern RESULT_COUNT = Pattern.compile("<p class=\"result-count\"[^>]*>([^<]*)</p>");
    private static final Pattern HIT_LINK = Pattern.compile("href=\"/portal/catalog/([^\"?#]+)\"");
    private static final String HITS_OPEN = "<ol class=\"hits\">";

    /** A page of the JSON API: the total (a lower bound when not exact) and the first page's index numbers. */
    record ApiPage(long total, boolean exact, boolean timedOut, List<String> indexNumbers) {
    }

    /** A search page: the count it printed ("共 N 条", "约 N 条以上"), its hits ({@code <li>}) and their links. */
    record SearchPage(long total, boolean exact, int hits, List<String> indexNumbers) {
    }

    /** A page that is not a search: its status and length. */
    record Answer(int status, String body) {
    }

    private final Map<String, Long> departments;
    private final KeepAliveHttp http;

    PortalClient(int port, Map<String, Long> departments) {
        this.departments = departments;
        this.http = new KeepAliveHttp(port, 120_000);
    }

    String query(BenchQuery q) {
        StringBuilder s = new StringBuilder("q=").append(URLEncoder.encode(q.text(), StandardCharsets.UTF_8));
        if (q.topic() != null) {
            s.append("&topic=").append(URLEncoder.encode(q.topic(), StandardCharsets.UTF_8));
        }
        if (q.department() != null) {
            Long id = departments.get(q.department());
            if (id == null) {
                throw new IllegalArgumentException("no department " + q.department());
            }
            s.append("&department=").append(id);
        }
        if (q.year() != null) {
            s.append("&year=").append(q.year());
        }
        return s.toString();
    }

    ApiPage api(BenchQuery q) throws IOException, InterruptedException {
        String body = ok(get("/api/v1/catalog/search?" + query(q) + "&page=0&size=" + RawLucene.PAGE_SIZE,
                "application/json"), q);
        Matcher total = TOTAL.matcher(body);
        if (!total.find()) {
            throw new IllegalStateException(q + ": no total in " + body);
        }
        List<String> numbers = new ArrayList<>();
        Matcher m = INDEX_NUMBER.matcher(body);
        while (m.find()) {
            numbers.add(m.group(1));
        }
        Matcher exact = EXACT.matcher(body);
        return new ApiPage(Long.parseLong(total.group(1)), !exact.find() || Boolean.parseBoolean(exact.group(1)),
                TIMED_OUT.matcher(body).find(), numbers);
    }

    SearchPage page(BenchQuery q) throws IOException, InterruptedException {
        return searchPage(ok(get("/portal/catalog?" + query(q), "text/html"), q), q.toString());
    }

    /** Reads a search page; fails unless it has the result count and the list of hits. */
    static SearchPage searchPage(String html, String what) {
        if (html.contains(TIMED_OUT_NOTICE)) {
            // Hibernate Search lists nothing of a search past gongkai.search.time-limit: an error, named as such.
            throw new IllegalStateException(what + ": the search ran out of time (gongkai.search.time-limit)");
        }
        Matcher count = RESULT_COUNT.matcher(html);
        if (!count.find()) {
            throw new IllegalStateException(what + ": the page has no result count");
        }
        String digits = count.group(1).replaceAll("[^0-9]", "");
        if (digits.isEmpty()) {
            throw new IllegalStateException(what + ": no number in the result count " + count.group(1));
        }
        int open = html.indexOf(HITS_OPEN);
        if (open < 0) {
            throw new IllegalStateException(what + ": the page has no list of hits");
        }
        int close = html.indexOf("</ol>", open);
        String list = html.substring(open, close);
        int hits = 0;
        List<String> numbers = new ArrayList<>();
        for (int i = list.indexOf("<li"); i >= 0; i = list.indexOf("<li", i + 3)) {
            hits++;
            int end = list.indexOf("</li>", i);
            Matcher link = HIT_LINK.matcher(list.substring(i, end < 0 ? list.length() : end));
            numbers.add(link.find() ? link.group(1) : "?");
        }
        return new SearchPage(Long.parseLong(digits), !count.group(1).contains("以上"), hits, numbers);
    }

    Answer get(String path) throws IOException, InterruptedException {
        return get(path, "*/*");
    }

    private Answer get(String path, String accept) throws IOException, InterruptedException {
        KeepAliveHttp.Response r = http.get(path, accept);
        return new Answer(r.status(), r.body());
    }

    private static String ok(Answer a, BenchQuery q) {
        if (a.status() != 200) {
            throw new IllegalStateException(q + ": HTTP " + a.status() + " "
                    + a.body().substring(0, Math.min(300, a.body().length())));
        }
        return a.body();
    }
}
