package cn.gongkai.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import cn.gongkai.org.Role;
import cn.gongkai.org.TestAgency;
import cn.gongkai.support.GongkaiAppTest;
import com.jayway.jsonpath.JsonPath;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what: every endpoint the running application maps, for every role and anonymous, against an item,
 * request or record of the caller's own department, of another department and of another agency, as listed in
 * {@code src/test/resources/authorization-matrix.tsv}. An endpoint the file does not list fails the build, so a new
 * endpoint cannot be forgotten; a refused change must change nothing.
 *
 * <p>Run with {@code -Dmatrix.record=true} to write what the application answers now to
 * {@code target/authorization-matrix.observed.tsv} (same format), to review and copy rows from.
 */
@GongkaiAppTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    static final String MATRIX = "/authorization-matrix.tsv";
    static final String ANONYMOUS = "ANONYMOUS";
    static final List<String> CODES = List.of("ok", "bad", "login", "deny", "nf", "no");

    /** The fixture scopes, in the order of a cell's {@code own/otherDept/otherAgency} answers. */
    enum Scope { OWN, OTHER_DEPT, OTHER_AGENCY }

    record Row(String method, String path, String fixture, String input, Map<String, String> cells) {
        String key() {
            return method + " " + path;
        }
    }

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired UserDetailsService accounts;
    @Autowired ApplicationContext context;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    List<String> columns;
    List<Row> rows;
    Long demoAgency;
    TestAgency other;
    Fixtures fresh;
    /** Path variables per fixture kind and scope. */
    final Map<String, Map<Scope, Map<String, String>>> fixtures = new LinkedHashMap<>();
    final Map<String, String> common = new LinkedHashMap<>();

    @BeforeAll
    void readMatrixAndMakeFixtures() throws Exception {
        readMatrix();
        demoAgency = jdbc.queryForObject("select agency_id from user_account where username = 'staff'", Long.class);
        other = TestAgency.create(context, "矩阵测试机关");
        fresh = new Fixtures(this);
        fresh.make();
    }

    // ---- the listing ------------------------------------------------------------------------------------------

    /** Every handler mapping as "METHOD /pattern" (a mapping without methods answers all of them: "*"). */
    Set<String> mapped() {
        Set<String> keys = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                    keys.add("* " + pattern);
                }
                methods.forEach(m -> keys.add(m.name() + " " + pattern));
            }
        }
        return keys;
    }

    @Test
    void everyEndpointTheApplicationMapsIsListedInTheMatrixAndNoListedOneIsGone() {
        Set<String> listed = new TreeSet<>();
        rows.forEach(r -> listed.add(r.key()));
        Set<String> missing = new TreeSet<>(mapped());
        missing.removeAll(listed);
        Set<String> gone = new TreeSet<>(listed);
        gone.removeAll(mapped());
        assertThat(missing).as("endpoints missing from " + MATRIX + " (add a row for each)").isEmpty();
        assertThat(gone).as("rows of " + MATRIX + " whose endpoint no longer exists").isEmpty();
    }

    // ---- the answers ------------------------------------------------------------------------------------------

    @Test
    void everyRoleGetsTheAnswerTheMatrixExpectsAndARefusedChangeChangesNothing() throws Exception {
        boolean record = Boolean.getBoolean("matrix.record");
        List<String> failures = new ArrayList<>();
        List<String> observedLines = new ArrayList<>();
        observedLines.add(String.join("\t", columns));
        Set<String> mapped = mapped();
        List<Row> toCall = new ArrayList<>(rows);
        if (record) {
            toCall.addAll(guessedRowsForUnlistedEndpoints());
        }
        for (Row row : toCall) {
            if (!mapped.contains(row.key()) || row.method().equals("*")) {
                continue;
            }
            Map<String, String> observed = new LinkedHashMap<>();
            for (String column : roleColumns()) {
                String expected = row.cells().get(column);
                List<String> answers = new ArrayList<>();
                List<Scope> scopes = row.fixture().equals("-") ? List.of(Scope.OWN) : List.of(Scope.values());
                for (int i = 0; i < scopes.size(); i++) {
                    Scope scope = scopes.get(i);
                    String want = expectedFor(expected, i);
                    String fingerprintBefore;
                    long auditBefore;
                    MockHttpServletResponse res;
                    try {
                        Map<String, String> vars = vars(row, scope);
                        fingerprintBefore = scope == Scope.OTHER_AGENCY ? otherAgencyFingerprint() : null;
                        auditBefore = auditCount();
                        res = perform(row, column, vars);
                    } catch (Exception | AssertionError e) {
                        if (!record) {
                            throw e;
                        }
                        answers.add("ERR " + e.getMessage());
                        continue;
                    }
                    String got = classify(row, res);
                    answers.add(got);
                    String where = row.key() + " as " + column + (scopes.size() > 1 ? " on " + scope : "");
                    if (!record && !matches(row, want, got)) {
                        failures.add(where + ": expected " + want + ", got " + got + " (" + res.getStatus() + " "
                                + location(res) + ")");
                    }
                    if (!want.equals("ok") && !isGet(row) && auditCount() != auditBefore) {
                        failures.add(where + ": refused (" + res.getStatus() + ") but something was recorded as "
                                + "changed in the audit log");
                    }
                    if (fingerprintBefore != null && !fingerprintBefore.equals(otherAgencyFingerprint())) {
                        failures.add(where + ": another agency's records changed");
                    }
                    // Isolation between agencies (issue 14): no page or answer of one agency, whichever record it is
                    // asked about and whatever list it shows, carries another agency's records; only the city's
                    // public pages and the platform's list of agencies show every agency by design.
                    if (isGet(row) && res.getStatus() == 200 && !CROSS_AGENCY_BY_DESIGN.contains(row.path())
                            && (scope == Scope.OTHER_AGENCY ? leaksOtherAgency(res) : showsOtherAgency(res))) {
                        failures.add(where + ": answered 200 with another agency's data");
                    }
                }
                observed.put(column, answers.stream().distinct().count() == 1 ? answers.getFirst()
                        : String.join("/", answers));
            }
            List<String> line = new ArrayList<>(List.of(row.method(), row.path(), row.fixture(), row.input()));
            roleColumns().forEach(c -> line.add(observed.get(c)));
            observedLines.add(String.join("\t", line));
        }
        if (record) {
            Path out = Path.of("target", "authorization-matrix.observed.tsv");
            Files.write(out, observedLines, StandardCharsets.UTF_8);
            return;
        }
        assertThat(failures).as("answers that differ from " + MATRIX).isEmpty();
    }

    /** Record mode: a first row for each endpoint the file does not list, its fixture guessed from the path. */
    List<Row> guessedRowsForUnlistedEndpoints() {
        Set<String> listed = new TreeSet<>();
        rows.forEach(r -> listed.add(r.key()));
        List<Row> guessed = new ArrayList<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().forEach(pattern ->
                info.getMethodsCondition().getMethods().forEach(m -> {
                    if (listed.add(m.name() + " " + pattern)) {
                        Set<MediaType> consumes = info.getConsumesCondition().getConsumableMediaTypes();
                        String input = consumes.contains(MediaType.APPLICATION_JSON) ? "{}"
                                : consumes.contains(MediaType.MULTIPART_FORM_DATA) ? "multipart" : "-";
                        Map<String, String> cells = new LinkedHashMap<>();
                        roleColumns().forEach(c -> cells.put(c, "ok"));
                        guessed.add(new Row(m.name(), pattern, guessFixture(pattern), input, cells));
                    }
                })));
        guessed.sort(java.util.Comparator.comparing(Row::path).thenComparing(Row::method));
        return guessed;
    }

    static String guessFixture(String path) {
        if (!path.contains("{")) {
            return "-";
        }
        if (path.matches(".*/(items)/\\{id}.*")) {
            return "item";
        }
        if (path.matches(".*/requests/\\{(id|trackingNumber)}.*")) {
            return "request";
        }
        if (path.contains("/catalog/entries/{id}") || path.matches("/workbench/catalog/\\{id}.*")) {
            return "entry";
        }
        if (path.equals("/portal/files/{id}")) {
            return "publicfile";
        }
        if (path.contains("/topics/{id}")) {
            return "topic";
        }
        if (path.contains("/reports/{id}")) {
            return "report";
        }
        if (path.contains("/filings/{id}")) {
            return "filing";
        }
        if (path.contains("/users/{id}")) {
            return "user";
        }
        if (path.contains("/departments/{id}")) {
            return "department";
        }
        if (path.contains("/inbox/{id}")) {
            return "notification";
        }
        return "-";
    }

    List<String> roleColumns() {
        return columns.subList(4, columns.size());
    }

    static String expectedFor(String cell, int scope) {
        String[] parts = cell.split("/");
        return parts.length == 1 ? parts[0] : parts[scope];
    }

    static boolean isGet(Row row) {
        return row.method().equals("GET") || row.method().equals("HEAD");
    }

    /**
     * "ok" for a change means the access control let it through: the rules may still refuse it (400, 409, a page
     * shown again with the problem). A GET must answer.
     */
    static boolean matches(Row row, String want, String got) {
        if (want.equals(got)) {
            return true;
        }
        return want.equals("ok") && !isGet(row) && (got.equals("no") || got.equals("bad"));
    }

    String classify(Row row, MockHttpServletResponse res) {
        int s = res.getStatus();
        String location = location(res);
        if (s == 401 || (s / 100 == 3 && location.contains("/login"))) {
            return "login";
        }
        if (s == 403) {
            return "deny";
        }
        if (s == 404) {
            return "nf";
        }
        if (s == 409 || s == 422) {
            return "no";
        }
        if (s == 400) {
            return "bad";
        }
        return "ok";
    }

    static String location(MockHttpServletResponse res) {
        String l = res.getHeader("Location");
        return l == null ? "" : l;
    }

    /**
     * The answers that show every agency by design: the city's home and search (public entries of every agency), the
     * public list of agencies, the platform administrator's, and the choice of agency on the forms for a release
     * coordination and a transfer.
     */
    static final Set<String> CROSS_AGENCY_BY_DESIGN = Set.of("/", "/search", "/api/v1/agencies",
            "/api/v1/platform/agencies", "/workbench/platform/agencies", "/workbench/coordinations/new",
            "/workbench/request-transfers/new");

    /**
     * Whether an answer about the caller's own records, or a list, shows the other agency's: its name, its
     * departments, or a title of its records (the fixtures' own records carry the code too, but not these).
     */
    boolean showsOtherAgency(MockHttpServletResponse res) throws IOException {
        String body = res.getContentAsString(StandardCharsets.UTF_8);
        return java.util.stream.Stream.of(other.code() + Scope.OTHER_AGENCY, "矩阵测试机关" + other.code(),
                "业务科" + other.code(), "综合科" + other.code()).anyMatch(body::contains);
    }

    boolean leaksOtherAgency(MockHttpServletResponse res) throws IOException {
        String body = res.getContentAsString(StandardCharsets.UTF_8);
        return body.contains(other.code());
    }

    /** The values of the row's path variables for a scope (a fresh record, made now, for an "item!" row). */
    Map<String, String> vars(Row row, Scope scope) throws Exception {
        Map<String, String> vars = new LinkedHashMap<>(common);
        if (row.fixture().endsWith("!")) {
            // A change that uses its record up (a deleted file): a fresh one for every call.
            vars.putAll(fresh.make(row.fixture().substring(0, row.fixture().length() - 1), scope));
        } else if (!row.fixture().equals("-")) {
            Map<Scope, Map<String, String>> kind = fixtures.get(row.fixture());
            if (kind == null) {
                fail("unknown fixture " + row.fixture() + " in " + MATRIX);
            }
            vars.putAll(kind.get(scope));
        }
        return vars;
    }

    MockHttpServletResponse perform(Row row, String column, Map<String, String> vars) throws Exception {
        String uri = expand(row.path(), vars);
        AbstractMockHttpServletRequestBuilder<?> builder;
        boolean multipartInput = row.input().startsWith("multipart");
        if (multipartInput) {
            String part = row.input().contains(":") ? row.input().substring(row.input().indexOf(':') + 1) : "file";
            builder = multipart(HttpMethod.valueOf(row.method()), uri).file(new MockMultipartFile(part, "说明.docx",
                    Fixtures.DOCX, Fixtures.docx("矩阵测试附件")));
        } else {
            builder = request(HttpMethod.valueOf(row.method()), uri);
        }
        String input = expand(row.input(), vars);
        if (input.startsWith("{")) {
            builder.contentType(MediaType.APPLICATION_JSON).content(input);
        } else if (!input.equals("-") && !multipartInput) {
            for (String pair : input.split("&")) {
                int eq = pair.indexOf('=');
                builder.param(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        if (!isGet(row)) {
            builder.with(csrf());
        }
        if (!column.equals(ANONYMOUS)) {
            builder.with(user(accounts.loadUserByUsername(holder(column))));
        }
        return mvc.perform(builder).andReturn().getResponse();
    }

    static final Pattern VARIABLE = Pattern.compile("\\{\\*?([A-Za-z]+)}");

    static String expand(String template, Map<String, String> vars) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = vars.get(m.group(1));
            if (value == null) {
                fail("no value for {" + m.group(1) + "} in " + template);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    final Map<String, String> holders = new LinkedHashMap<>();

    /** The demo account that holds the column's role, so that a new role needs only a column and a demo user. */
    String holder(String role) {
        return holders.computeIfAbsent(role, r -> {
            List<String> names = jdbc.queryForList("select u.username from user_account u join user_role r on "
                    + "r.user_id = u.id where u.agency_id = ? and r.role = ? and u.enabled order by u.id",
                    String.class, demoAgency, r);
            if (names.isEmpty()) {
                // The platform administrator works for the platform, in the city's authority, not in an agency.
                names = jdbc.queryForList("select u.username from user_account u join user_role r on "
                        + "r.user_id = u.id where r.role = ? and u.enabled order by u.id", String.class, r);
            }
            if (names.isEmpty()) {
                fail("no demo account holds " + r);
            }
            return names.contains(r.toLowerCase()) ? r.toLowerCase()
                    : names.contains("staff") && r.equals("STAFF") ? "staff" : names.getFirst();
        });
    }

    long auditCount() {
        return jdbc.queryForObject("select count(*) from audit_entry", Long.class);
    }

    /** A digest of everything the other agency holds that a caller could change. */
    String otherAgencyFingerprint() {
        StringBuilder all = new StringBuilder();
        for (String table : List.of("info_item", "info_request", "catalog_entry", "topic_subclass", "user_account",
                "department", "annual_report", "filing", "letter_template")) {
            all.append(jdbc.queryForObject("select coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from "
                    + table + " t where agency_id = ?", String.class, other.id()));
        }
        all.append(jdbc.queryForObject("select coalesce(md5(string_agg(a.id || a.filename, '|' order by a.id)), '') "
                + "from attachment a join info_item i on i.id = a.item_id where i.agency_id = ?", String.class,
                other.id()));
        all.append(jdbc.queryForObject("select coalesce(md5(string_agg(n::text, '|' order by n.id)), '') from "
                + "notification n join user_account u on u.id = n.user_id where u.agency_id = ?", String.class,
                other.id()));
        all.append(jdbc.queryForObject("select count(*) from request_event e join info_request r on r.id = "
                + "e.request_id where r.agency_id = ?", Long.class, other.id()));
        return all.toString();
    }

    // ---- the file ---------------------------------------------------------------------------------------------

    void readMatrix() throws IOException {
        rows = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream(MATRIX)) {
            assertThat(in).as(MATRIX).isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> fields = List.of(line.split("\t", -1));
                if (columns == null) {
                    columns = fields;
                    assertThat(columns.subList(0, 4)).containsExactly("method", "path", "fixture", "input");
                    continue;
                }
                assertThat(fields).as("columns of: " + line).hasSize(columns.size());
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 4; i < fields.size(); i++) {
                    for (String code : fields.get(i).split("/")) {
                        assertThat(CODES).as("answer in: " + line).contains(code);
                    }
                    cells.put(columns.get(i), fields.get(i));
                }
                rows.add(new Row(fields.get(0), fields.get(1), fields.get(2), fields.get(3), cells));
            }
        }
    }

    // ---- fixtures, reached through the real transitions ---------------------------------------------------------

    void put(String kind, Scope scope, Map<String, String> vars) {
        fixtures.computeIfAbsent(kind, k -> new EnumMap<>(Scope.class)).put(scope, vars);
    }

    static LocalDate yesterday() {
        return LocalDate.now().minusDays(1);
    }

    static String json(String response, String path) {
        return String.valueOf((Object) JsonPath.read(response, path));
    }

    static final Set<Role> ALL = Set.of(Role.values());
}
