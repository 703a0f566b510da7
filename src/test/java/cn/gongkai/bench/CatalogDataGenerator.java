package cn.gongkai.bench;

import cn.gongkai.catalog.Taxonomy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Fills the public catalog with N realistic published entries for the demo agency (示例市交通运输局), directly in
 * PostgreSQL: {@code COPY} into {@code catalog_entry} and {@code catalog_version}, index numbers
 * {@code 000014349/{year}-{serial}} reserved in {@code index_serial} (one atomic upsert per year and batch, so they are
 * unique and never collide with the application's own numbering). The text is composed from a vocabulary and
 * sentence bank of 交通运输 administration with a fixed seed, so the same N always gives the same catalog: titles from
 * templates that fit the genre (关于…的通知/公告/实施意见, 办法, 规划, 统计信息…), document numbers such as
 * 示交发〔2025〕123号, a summary, and a body of 1–5 pages (a page of a government document is about 620 characters,
 * GB/T 9704: 22 lines of 28). Topics come from {@link Taxonomy#TOPICS} (most of them 工业、交通), genres from
 * {@link Taxonomy#GENRES}, departments from the agency's departments; dates are spread over working days from
 * 2019-01-22 to 2026-11-20 (documents dated from 2019-01-01); every entry is PUBLISHED and PROACTIVE, version 1.
 *
 * <p>The entries have no draft behind them in the workbench: {@code item_id} is the negative of the entry's id, which
 * no {@code info_item} can have. The search index is not touched: rebuild it afterwards (the application does so on
 * start when the index is empty, or see {@link CatalogSearchBenchmark}).
 *
 * <p>Run against a running Gongkai database (demo mode, so that the agency SJTJ exists):
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) cn.gongkai.bench.CatalogDataGenerator \
 *     'jdbc:postgresql://localhost:5432/postgres?user=postgres' 100000 [maxPages] [seed]
 * </pre>
 *
 * ({@code ./mvnw -B dependency:build-classpath -Dmdep.outputFile=cp.txt} writes the class path.)
 */
public final class CatalogDataGenerator {

    public static final String DEMO_AGENCY_CODE = "SJTJ";
    public static final long DEFAULT_SEED = 20261125L;
    /** Characters on one page of a government document (GB/T 9704: 22 lines × 28 characters). */
    static final int PAGE = 620;
    private static final int BATCH = 2_000;
    private static final LocalDate FIRST_DAY = LocalDate.of(2019, 1, 22);
    private static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 20);
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private final String jdbcUrl;
    private final int maxPages;
    private final long seed;

    public CatalogDataGenerator(String jdbcUrl, int maxPages, long seed) {
        if (maxPages < 1) {
            throw new IllegalArgumentException("maxPages must be at least 1");
        }
        this.jdbcUrl = jdbcUrl;
        this.maxPages = maxPages;
        this.seed = seed;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: CatalogDataGenerator <jdbc-url> <N> [maxPages=5] [seed=" + DEFAULT_SEED + "]");
            System.exit(2);
        }
        int n = Integer.parseInt(args[1].replace("_", ""));
        int pages = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : DEFAULT_SEED;
        Result r = new CatalogDataGenerator(args[0], pages, seed).generate(n);
        System.out.println(r);
    }

    /** What one run wrote. */
    public record Result(int entries, long textChars, long nanos) {

        public double itemsPerSecond() {
            return entries / (nanos / 1e9);
        }

        @Override
        public String toString() {
            return String.format("%,d catalog entries (%,d characters of text) in %.1f s: %,.0f items/s", entries,
                    textChars, nanos / 1e9, itemsPerSecond());
        }
    }

    /**
     * Writes n entries. A producer thread composes the rows (and reserves ids and index numbers on its own
     * connection) while this thread streams them to PostgreSQL with COPY, one transaction per batch.
     */
    public Result generate(int n) throws SQLException, InterruptedException {
        long start = System.nanoTime();
        try (Connection reserve = DriverManager.getConnection(jdbcUrl);
                Connection copy = DriverManager.getConnection(jdbcUrl)) {
            Agency agency = agency(reserve);
            BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(3);
            Composer composer = new Composer(agency, new SplittableRandom(seed), maxPages, n);
            long[] chars = new long[1];
            Throwable[] failure = new Throwable[1];
            Thread producer = Thread.ofPlatform().name("catalog-generator").start(() -> {
                try {
                    for (int done = 0; done < n; done += BATCH) {
                        queue.put(composer.batch(reserve, done, Math.min(BATCH, n - done)));
                    }
                    queue.put(Batch.END);
                } catch (Throwable t) {
                    failure[0] = t;
                    queue.offer(Batch.END);
                }
            });
            copy.setAutoCommit(false);
            var api = copy.unwrap(PGConnection.class).getCopyAPI();
            int written = 0;
            for (Batch b = queue.take(); b != Batch.END; b = queue.take()) {
                copyIn(api.copyIn("copy catalog_entry (" + ENTRY_COLUMNS + ") from stdin"), b.entries());
                copyIn(api.copyIn("copy catalog_version (entry_id, version, title, summary, published_at) from stdin"),
                        b.versions());
                copy.commit();
                written += b.count();
                chars[0] += b.textChars();
            }
            producer.join();
            if (failure[0] != null) {
                throw new IllegalStateException("generator failed after " + written + " entries", failure[0]);
            }
            try (Statement st = copy.createStatement()) {
                st.execute("analyze catalog_entry");
                st.execute("analyze catalog_version");
            }
            copy.commit();
            return new Result(written, chars[0], System.nanoTime() - start);
        }
    }

    private static void copyIn(CopyIn in, byte[] data) throws SQLException {
        in.writeToCopy(data, 0, data.length);
        in.endCopy();
    }

    static final String ENTRY_COLUMNS = "id, agency_id, item_id, index_number, version, title, document_number, summary, "
            + "body, attachment_text, created_on, topic, genre, keywords, agency_name, department_id, department_name, "
            + "attribute, channels, drafter_name, reviewers, state, validity, published_at, published_year";

    record Agency(long id, String name, String organisationCode, List<Long> departmentIds,
            List<String> departmentNames) {
    }

    static Agency agency(Connection c) throws SQLException {
        long id;
        String name;
        String code;
        try (PreparedStatement ps = c.prepareStatement(
                "select id, name, organisation_code from agency order by (code = ?) desc, id limit 1")) {
            ps.setString(1, DEMO_AGENCY_CODE);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("No agency: start Gongkai once in demo mode first");
                }
                id = rs.getLong(1);
                name = rs.getString(2);
                code = rs.getString(3);
            }
        }
        List<Long> ids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select id, name from department where agency_id = ? and active order by sort_order, id")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    names.add(rs.getString(2));
                }
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("Agency " + name + " has no department");
        }
        return new Agency(id, name, code, ids, names);
    }

    record Batch(int count, byte[] entries, byte[] versions, long textChars) {
        static final Batch END = new Batch(0, new byte[0], new byte[0], 0);
    }

    /** Composes the rows; one instance, one thread, deterministic for a seed. */
    static final class Composer {

        private final Agency agency;
        private final SplittableRandom random;
        private final int maxPages;
        private final int total;
        private final Text text;
        /** Per document-number prefix and year, the last number given (示交发〔2025〕123号 is unique). */
        private final Map<String, Integer> documentNumbers = new HashMap<>();

        Composer(Agency agency, SplittableRandom random, int maxPages, int total) {
            this.agency = agency;
            this.random = random;
            this.maxPages = maxPages;
            this.total = total;
            this.text = new Text(random);
        }

        Batch batch(Connection reserve, int first, int count) throws SQLException {
            long[] ids = ids(reserve, count);
            List<Entry> entries = new ArrayList<>(count);
            Map<Integer, Integer> perYear = new TreeMap<>();
            for (int i = 0; i < count; i++) {
                Entry e = entry(first + i);
                entries.add(e);
                perYear.merge(e.createdOn().getYear(), 1, Integer::sum);
            }
            Map<Integer, int[]> serials = serials(reserve, perYear);
            StringBuilder rows = new StringBuilder(count * 6_000);
            StringBuilder versions = new StringBuilder(count * 300);
            long chars = 0;
            for (int i = 0; i < count; i++) {
                Entry e = entries.get(i);
                long id = ids[i];
                int serial = serials.get(e.createdOn().getYear())[0]++;
                String indexNumber = agency.organisationCode() + "/" + e.createdOn().getYear() + "-"
                        + String.format("%05d", serial);
                String published = e.publishedAt().atOffset(CHINA).toString();
                row(rows, id, agency.id(), -id, indexNumber, 1, e.title(), e.documentNumber(), e.summary(), e.body(),
                        "", e.createdOn(), e.topic(), e.genre(), e.keywords(), agency.name(),
                        agency.departmentIds().get(e.department()), agency.departmentNames().get(e.department()),
                        "PROACTIVE", e.channels(), e.drafter(), e.reviewers(), "PUBLISHED", "VALID", published,
                        e.publishedAt().atOffset(CHINA).getYear());
                row(versions, id, 1, e.title(), e.summary(), published);
                chars += e.title().length() + e.summary().length() + e.body().length();
            }
            return new Batch(count, rows.toString().getBytes(StandardCharsets.UTF_8),
                    versions.toString().getBytes(StandardCharsets.UTF_8), chars);
        }

        private static long[] ids(Connection c, int count) throws SQLException {
            long[] ids = new long[count];
            try (PreparedStatement ps = c.prepareStatement(
                    "select nextval(pg_get_serial_sequence('catalog_entry', 'id')) from generate_series(1, ?)")) {
                ps.setInt(1, count);
                try (ResultSet rs = ps.executeQuery()) {
                    for (int i = 0; i < count; i++) {
                        rs.next();
                        ids[i] = rs.getLong(1);
                    }
                }
            }
            return ids;
        }

        /** Reserves count serials per year at once; returns the first serial of each range. */
        private Map<Integer, int[]> serials(Connection c, Map<Integer, Integer> perYear) throws SQLException {
            Map<Integer, int[]> first = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into index_serial (agency_id, year, last_serial) values (?, ?, ?)
                    on conflict (agency_id, year) do update set last_serial = index_serial.last_serial + excluded.last_serial
                    returning last_serial""")) {
                for (Map.Entry<Integer, Integer> y : perYear.entrySet()) {
                    ps.setLong(1, agency.id());
                    ps.setInt(2, y.getKey());
                    ps.setInt(3, y.getValue());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        first.put(y.getKey(), new int[] {rs.getInt(1) - y.getValue() + 1});
                    }
                }
            }
            return first;
        }

        /** The i-th of total entries: publication dates advance with i over 2019–2026, on working days. */
        Entry entry(int i) {
            long span = LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay();
            LocalDate day = LocalDate.ofEpochDay(FIRST_DAY.toEpochDay() + (long) ((i + random.nextDouble()) * span / total));
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY) {
                day = day.plusDays(2);
            } else if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                day = day.plusDays(1);
            }
            LocalDateTime at = day.atTime(8, 30).plusMinutes(random.nextInt(9 * 60)).plusSeconds(random.nextInt(60));
            java.time.Instant publishedAt = at.toInstant(CHINA);
            LocalDate createdOn = day.minusDays(1 + random.nextInt(20));
            int year = createdOn.getYear();
            String genre = Taxonomy.GENRES.get(random.nextInt(Taxonomy.GENRES.size()));
            String topic = text.topic();
            int department = random.nextInt(agency.departmentIds().size());
            Text.Doc doc = text.document(genre, year, createdOn);
            String documentNumber = doc.numberPrefix() == null ? null : documentNumber(doc.numberPrefix(), year);
            int pages = 1 + random.nextInt(maxPages);
            String body = text.body(doc, pages * PAGE - PAGE / 4 + random.nextInt(PAGE / 2), createdOn,
                    agency.name());
            String channels = random.nextInt(4) == 0 ? "GAZETTE,WEBSITE" : "WEBSITE";
            String drafter = Text.pick(random, Text.DRAFTERS);
            LocalDateTime review = createdOn.atTime(9, 0);
            String reviewers = "DEPT_HEAD 孙科长 " + label(review.plusHours(2)) + " APPROVED; SECRECY_REVIEWER 赵保密 "
                    + label(review.plusDays(1)) + " APPROVED; LEADER 陈局长 " + label(review.plusDays(1).plusHours(5))
                    + " APPROVED";
            return new Entry(doc.title(), documentNumber, doc.summary(), body, createdOn, topic, genre, doc.keywords(),
                    department, channels, drafter, reviewers, publishedAt);
        }

        private String documentNumber(String prefix, int year) {
            // 规章 are numbered by government decree (示例市人民政府令第12号), the rest by issuer and year.
            boolean decree = prefix.endsWith("第");
            int number = documentNumbers.merge(decree ? prefix : prefix + year, 1 + random.nextInt(3), Integer::sum);
            return decree ? prefix + number + "号" : prefix + "〔" + year + "〕" + number + "号";
        }

        private static String label(LocalDateTime t) {
            return t.toLocalDate() + " " + String.format("%02d:%02d", t.getHour(), t.getMinute());
        }
    }

    record Entry(String title, String documentNumber, String summary, String body, LocalDate createdOn, String topic,
            String genre, String keywords, int department, String channels, String drafter, String reviewers,
            java.time.Instant publishedAt) {
    }

    /** One line of COPY text format: tab-separated, \N for null, backslash escapes. */
    static void row(StringBuilder sb, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append('\t');
            }
            Object v = values[i];
            if (v == null) {
                sb.append("\\N");
                continue;
            }
            String s = v.toString();
            for (int k = 0; k < s.length(); k++) {
                char ch = s.charAt(k);
                switch (ch) {
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> sb.append(ch);
                }
            }
        }
        sb.append('\n');
    }

    /**
     * The vocabulary and sentence bank: 交通运输 administration as it reads in a municipal bureau's documents. Slots
     * in braces are filled at random ({S} the document's field of work, {F} any field, {P} a district, {R} a road or
     * bridge, {G} a goal, {D} a department, {L} a statute, {Y} a year, {M} a month, {N} a number, {d} a digit,
     * {A} a campaign); {a|b|c} picks one alternative.
     */
    static final class Text {

        static final String[] DRAFTERS = {"张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆", "赵磊", "黄敏", "周杰", "吴霞", "徐明",
                "孙丽", "马超", "朱琳", "胡斌", "郭颖"};

        static final String[] FIELDS = {"农村公路", "国省干线公路", "公路桥梁", "公路隧道", "道路运输", "道路客运", "道路货物运输",
                "危险货物道路运输", "城市公共交通", "出租汽车", "网络预约出租汽车", "城乡客运一体化", "水路运输", "港口", "内河航道",
                "客运站", "货运枢纽", "物流园区", "冷链物流", "机动车维修", "机动车驾驶员培训", "交通基础设施", "公路养护", "路政管理",
                "车辆超限超载治理", "交通运输综合行政执法", "交通运输安全生产", "交通运输应急保障", "智慧交通", "绿色交通", "新能源汽车推广应用",
                "充电基础设施", "交通运输信用体系", "交通运输营商环境", "城市慢行系统", "公交优先发展", "交通建设工程质量", "公路水运工程建设",
                "交通运输统计", "交通战备", "高速公路", "收费公路", "公路路网监测", "交通运输政务服务"};
        static final String[] PLACES = {"东城区", "西城区", "南湖区", "北山区", "滨江新区", "临港经济开发区", "青山县", "白河县",
                "云岭县", "示例高新区"};
        static final String[] ROADS = {"G205国道", "G320国道", "S312省道", "S226省道", "环城高速公路", "滨江大道", "X015县道",
                "青白公路", "南湖大桥", "滨江二桥", "北山隧道", "机场快速路", "临港大道", "云岭至白河公路"};
        static final String[] CAMPAIGNS = {"安全生产专项整治行动", "安全生产大检查", "隐患排查治理专项行动", "质量提升行动",
                "三年行动计划", "示范创建活动", "百日攻坚行动", "平安交通创建活动", "品质工程创建", "“四好农村路”示范创建",
                "路域环境整治", "危旧桥梁改造", "公路安全生命防护工程", "冬季除雪防滑保畅工作", "汛期安全防范工作", "春运工作",
                "国庆假期道路运输保障工作", "重大活动交通保障", "“两客一危”车辆动态监管", "道路运输安全生产月活动"};
        static final String[] GOALS = {"全市交通运输安全生产形势持续稳定", "人民群众出行更加便捷安全", "公路技术状况稳步提升",
                "交通运输服务质量明显提高", "各项工作任务按期完成", "建设人民满意交通", "加快建设交通强国示范市",
                "路网通行效率显著提升", "重特大事故得到有效遏制", "城乡交通运输一体化水平明显提高", "营商环境持续优化"};
        static final String[] LAWS = {"《中华人民共和国公路法》", "《中华人民共和国安全生产法》", "《中华人民共和国道路运输条例》",
                "《公路安全保护条例》", "《农村公路养护管理办法》", "《中华人民共和国政府信息公开条例》", "《危险货物道路运输安全管理办法》",
                "《网络预约出租汽车经营服务管理暂行办法》", "《中华人民共和国港口法》", "《中华人民共和国航道法》",
                "《城市公共汽车和电车客运管理规定》", "《超限运输车辆行驶公路管理规定》", "《交通强国建设纲要》",
                "《国家综合立体交通网规划纲要》", "《中华人民共和国行政处罚法》", "《中华人民共和国行政许可法》",
                "《收费公路管理条例》", "《公路水运工程质量监督管理规定》"};
        static final String[] DEPARTMENTS = {"局办公室", "综合规划科", "运输管理科", "公路建设科", "各区县交通运输局",
                "市交通运输综合行政执法支队", "市公路事业发展中心", "市港航事业发展中心", "市道路运输事业发展中心"};
        static final String[] DOCUMENT_KINDS = {"管理办法", "实施细则", "工作方案", "考核办法", "实施方案", "管理规定",
                "操作规程", "应急预案"};
        static final String[] SECTIONS = {"总体要求", "工作目标", "重点任务", "主要措施", "职责分工", "实施步骤", "保障措施",
                "工作要求", "监督检查", "组织实施"};
        static final String[] COMPANIES = {"示例市公共交通集团有限公司", "示例市长运汽车客运有限公司", "滨江物流有限公司",
                "示例市顺达危险货物运输有限公司", "南湖出租汽车有限公司", "临港港务集团有限公司", "青山县城乡公交有限公司",
                "示例市路桥建设有限公司", "北山机动车驾驶员培训学校", "云岭汽车维修服务有限公司"};

        /** Sentence templates for the body. */
        static final String[] SENTENCES = {
            "{P}交通运输部门要{强化|压实|落实}{属地管理责任|行业监管责任|企业主体责任}，{建立健全|完善}{S}{工作机制|长效机制|责任体系}，确保{G}。",
            "到{Y}年底，全市{S}{完成率|覆盖率|达标率}达到{N}%以上，{F}{取得明显成效|实现全覆盖|水平显著提升}。",
            "{加强|强化|推进}{S}{信息化建设|标准化建设|规范化管理}，{依托|利用}{交通运输综合监管平台|重点营运车辆卫星定位监控系统|政务服务“一网通办”平台}，{提升|提高}{监管效能|服务水平|应急处置能力}。",
            "{D}负责{S}的{统筹协调|组织实施|监督检查}，{D}{配合做好|具体负责}{相关工作|日常管理|数据报送}。",
            "对{检查|排查|督查}中发现的{问题|隐患|薄弱环节}，要{建立台账|逐项登记}，{明确|落实}{整改责任|整改时限|整改措施}，{实行销号管理|做到闭环管理}。",
            "{严厉打击|依法查处}{非法营运|超限超载|违规运输危险货物|疲劳驾驶|无证经营|违法占用公路}等违法行为，{对情节严重的|对屡查屡犯的}{依法吊销相关证照|依法从重处罚|纳入信用记录并实施联合惩戒}。",
            "{R}{改造|养护|大修|提质改造}工程全长{N}公里，总投资约{N}亿元，计划于{Y}年{M}月{建成通车|完工|投入使用}。",
            "{各单位|各区县交通运输局}要于每月{M}日前将{S}{工作进展情况|统计报表|隐患整改情况}报送{D}，{逾期未报的将予以通报|同时抄送局办公室}。",
            "坚持“{安全第一、预防为主、综合治理|统筹规划、分级负责、因地制宜|政府主导、部门协同、社会参与|建养并重、管护到位}”的{方针|原则}，{统筹推进|扎实推进}{S}和{F}。",
            "{全年|上半年|一季度|前三季度}全市共{完成{S}项目{N}个|检查{S}企业{N}{d}家|办理{S}事项{N}{d}件}，{同比增长|较上年增长|同比下降}{N}.{d}%。",
            "{积极|大力}{推广应用|推进}{新能源公交车|电子证照|“互联网+监管”|高速公路不停车收费|智能网联技术|交通一卡通}，{推动|促进}{S}{转型升级|提质增效|高质量发展}。",
            "{广泛开展|深入开展}{宣传教育|警示教育|安全培训|应急演练}，{增强|提高}{从业人员|驾驶员|广大群众}的{安全意识|法治意识|应急处置能力}。",
            "{加强|强化}{S}{资金保障|要素保障|用地保障}，{市财政|各区县}{按照|根据}{有关规定|养护标准}{足额安排|及时拨付}{专项资金|养护资金|补助资金}。",
            "{畅通|公布}{投诉举报|12328交通运输服务监督热线}渠道，{及时|依法}{受理|处理}群众{反映的问题|投诉举报}，{回应社会关切|主动接受社会监督}。",
            "{及时处治路面坑槽病害|加强桥梁定期检测|开展边坡和隧道安全排查|完善交通安全设施}，{确保|保障}{R}{安全畅通|通行安全}。",
            "{P}{要|应当}{结合|立足}本地实际，{制定|细化}{S}{实施方案|工作计划|任务清单}，{明确|落实}{时间表、路线图|责任单位和完成时限}。",
            "{遇|针对}{暴雨|台风|低温雨雪冰冻|大雾|地质灾害}等{恶劣天气|突发情况}，{D}要{加强值班值守|启动应急响应|及时发布出行提示}，{全力保障|确保}{S}{安全畅通|平稳有序}。",
            "{推进|深化}{S}{“放管服”改革|审批制度改革|信用监管}，{压减|精简}{审批环节|申请材料|办理时限}，{实现|推行}{“一网通办”|“跨省通办”|告知承诺制}。",
            "{建立|完善}{S}{考核评价|监督检查|信息公开}制度，{考核结果|检查结果}{作为|纳入}{年度绩效考核|资金分配|信用评价}的重要依据。",
            "{截至|至}{Y}年{M}月底，全市{公路总里程达到{N}{d}{d}{d}公里|农村公路里程达到{N}{d}{d}公里|公交线路达到{N}{d}条|城乡客运班线达到{N}{d}条}，{建制村通客车率|公交站点500米覆盖率|具备条件的建制村通硬化路比例}保持100%。",
            "依据{L}等有关规定，{对|就}{S}{实施|开展}{许可|监督检查|行政处罚}，{做到|坚持}{程序合法、证据确凿|公开、公平、公正}。",
            "{各有关单位|各区县}要{高度重视|充分认识}{S}的{重要性|紧迫性}，{切实加强组织领导|主要负责同志亲自部署}，确保{G}。"
        };

        static final String[] OPENINGS = {
            "为{贯彻落实|深入贯彻}{交通运输部和省交通运输厅|市委、市政府}关于{S}的{决策部署|工作要求}，{进一步加强|切实做好}{S}工作，确保{G}，根据{L}{、{L}|}等{法律法规|有关规定}，结合我市实际，",
            "{近年来|今年以来}，{全市|我市}{S}{取得了积极进展|总体平稳有序}，但{仍存在|也暴露出}{基础设施短板|安全隐患|监管力量不足|发展不平衡}等问题。为{推动|促进}{S}{高质量发展|规范发展}，根据{L}，",
            "{经市政府同意|经局党组研究决定}，为{加快推进|扎实推进}{S}，{助力|服务}{建设人民满意交通|全市经济社会发展}，"
        };

        private final SplittableRandom random;
        /** The year of the document being composed: its plans and figures are about that year and the next two. */
        private int year = 2025;

        Text(SplittableRandom random) {
            this.random = random;
        }

        static String pick(SplittableRandom r, String[] words) {
            return words[r.nextInt(words.length)];
        }

        private String pick(String[] words) {
            return pick(random, words);
        }

        /** Most of a transport bureau's documents are 工业、交通; the rest spread over the other topics. */
        String topic() {
            int r = random.nextInt(100);
            if (r < 55) {
                return "工业、交通";
            } else if (r < 65) {
                return "综合政务";
            } else if (r < 72) {
                return "市场监管、安全生产监管";
            } else if (r < 77) {
                return "城乡建设、环境保护";
            } else if (r < 81) {
                return "财政、金融、审计";
            }
            return Taxonomy.TOPICS.get(random.nextInt(Taxonomy.TOPICS.size()));
        }

        record Doc(String title, String summary, String keywords, String numberPrefix, String field, String kind) {
        }

        Doc document(String genre, int year, LocalDate date) {
            this.year = year;
            String s = pick(FIELDS);
            String a = pick(CAMPAIGNS);
            String city = "示例市";
            String bureau = "示例市交通运输局";
            String title;
            String prefix;
            String kind;
            switch (genre) {
                case "通知" -> {
                    prefix = pick(new String[] {"示交发", "示交办", "示交发", "示交函"});
                    kind = "通知";
                    title = switch (random.nextInt(6)) {
                        case 0 -> "关于印发《" + city + s + pick(DOCUMENT_KINDS) + "》的通知";
                        case 1 -> "关于开展" + year + "年" + s + a + "的通知";
                        case 2 -> "关于做好" + year + "年" + a + "的通知";
                        case 3 -> "关于进一步加强" + s + "管理的通知";
                        case 4 -> "关于组织申报" + year + "年度" + s + pick(new String[] {"补助资金", "示范项目", "试点项目"}) + "的通知";
                        default -> "关于转发《交通运输部关于加强" + s + "工作的通知》的通知";
                    };
                }
                case "公告" -> {
                    prefix = random.nextBoolean() ? null : "示交告";
                    kind = "公告";
                    title = switch (random.nextInt(4)) {
                        case 0 -> "关于" + pick(ROADS) + "K" + random.nextInt(300) + "段" + pick(new String[] {"封闭施工",
                                "半幅封闭施工", "实施交通管制"}) + "的公告";
                        case 1 -> "关于公布" + year + "年度" + s + pick(new String[] {"考核结果", "企业信用评价结果", "示范单位名单"}) + "的公告";
                        case 2 -> "关于" + s + "行政许可事项调整的公告";
                        default -> "关于征求《" + city + s + pick(DOCUMENT_KINDS) + "（征求意见稿）》意见的公告";
                    };
                }
                case "通告" -> {
                    prefix = null;
                    kind = "通告";
                    title = "关于" + pick(ROADS) + pick(new String[] {"维修施工期间车辆绕行", "实施货车限行", "桥梁检测期间交通管制",
                            "汛期临时交通管制"}) + "的通告";
                }
                case "意见" -> {
                    prefix = "示交发";
                    kind = "意见";
                    title = switch (random.nextInt(3)) {
                        case 0 -> "关于加快推进" + s + "高质量发展的实施意见";
                        case 1 -> "关于进一步加强" + s + "工作的意见";
                        default -> "关于深化" + s + "改革的指导意见";
                    };
                }
                case "办法" -> {
                    prefix = "示交规";
                    kind = "办法";
                    title = city + s + pick(new String[] {"管理办法", "考核办法（试行）", "资金管理办法", "监督检查办法"});
                }
                case "规章" -> {
                    prefix = "示例市人民政府令第";
                    kind = "规定";
                    title = city + s + "管理规定";
                }
                case "行政规范性文件" -> {
                    prefix = "示交规";
                    kind = "规定";
                    title = bureau + "关于" + pick(new String[] {"规范", "加强", "优化"}) + s + pick(new String[] {"管理",
                            "经营行为", "监督检查"}) + "的规定";
                }
                case "规划" -> {
                    prefix = "示交发";
                    kind = "规划";
                    title = city + s + "发展" + (year < 2021 ? "“十四五”" : random.nextBoolean() ? "“十四五”" : "“十五五”")
                            + "规划" + (random.nextBoolean() ? "" : "（" + year + "年修订）");
                }
                case "计划" -> {
                    prefix = random.nextBoolean() ? null : "示交办";
                    kind = "计划";
                    title = random.nextBoolean() ? bureau + year + "年" + s + "工作计划"
                            : year + "年" + s + a + "实施计划";
                }
                case "总结" -> {
                    prefix = null;
                    kind = "总结";
                    title = bureau + year + pick(new String[] {"年", "年上半年", "年第一季度"}) + s + "工作总结";
                }
                case "报告" -> {
                    prefix = random.nextBoolean() ? null : "示交函";
                    kind = "报告";
                    title = switch (random.nextInt(3)) {
                        case 0 -> bureau + (year - 1) + "年政府信息公开工作年度报告";
                        case 1 -> "关于" + year + "年" + s + "情况的报告";
                        default -> bureau + (year - 1) + "年度法治政府建设情况报告";
                    };
                }
                case "统计信息" -> {
                    prefix = null;
                    kind = "统计信息";
                    title = year + "年" + date.getMonthValue() + "月全市" + s + pick(new String[] {"统计数据", "主要指标完成情况",
                            "运行情况"});
                }
                case "财政预决算" -> {
                    prefix = null;
                    kind = "说明";
                    title = bureau + year + "年" + pick(new String[] {"部门预算", "部门决算", "“三公”经费预算情况说明",
                            "预算绩效目标"});
                }
                case "行政许可" -> {
                    prefix = "示交许";
                    kind = "决定";
                    title = "关于" + pick(COMPANIES) + pick(new String[] {"道路旅客运输经营许可", "危险货物道路运输经营许可",
                            "超限运输车辆行驶公路许可", "港口经营许可", "涉路施工许可"}) + "的行政许可决定";
                }
                case "行政处罚" -> {
                    prefix = "示交罚";
                    kind = "决定";
                    title = random.nextBoolean() ? year + "年" + date.getMonthValue() + "月交通运输行政处罚信息公示"
                            : bureau + "行政处罚决定书（" + pick(COMPANIES) + "）";
                }
                case "行政强制" -> {
                    prefix = "示交强";
                    kind = "公告";
                    title = "关于" + pick(ROADS) + "沿线" + pick(new String[] {"违法设置非公路标志", "违法建筑物", "占道堆积物"})
                            + "限期拆除的公告";
                }
                case "行政事业性收费" -> {
                    prefix = null;
                    kind = "目录";
                    title = bureau + "行政事业性收费项目目录（" + year + "年）";
                }
                case "人事信息" -> {
                    prefix = null;
                    kind = "公告";
                    title = random.nextBoolean() ? bureau + year + "年公开招聘事业单位工作人员公告"
                            : "关于" + pick(DRAFTERS) + "等同志任职前公示的公告";
                }
                case "政府采购" -> {
                    prefix = null;
                    kind = "公告";
                    title = s + pick(new String[] {"信息化平台建设", "技术服务", "检测设备", "养护服务"}) + "采购项目"
                            + pick(new String[] {"中标结果公告", "招标公告", "更正公告"});
                }
                case "应急管理" -> {
                    prefix = random.nextBoolean() ? "示交办" : "示交发";
                    kind = random.nextBoolean() ? "预案" : "通知";
                    title = kind.equals("预案") ? city + s + pick(new String[] {"突发事件应急预案", "应急保障预案"})
                            : "关于做好" + pick(new String[] {"台风", "暴雨", "低温雨雪冰冻", "强对流"}) + "天气交通运输应急防范工作的紧急通知";
                }
                default -> {
                    prefix = null;
                    kind = "解读";
                    title = random.nextBoolean() ? "《" + city + s + pick(DOCUMENT_KINDS) + "》政策解读"
                            : bureau + s + "工作问答";
                }
            }
            String summary = fill(pick(new String[] {
                "为{进一步加强|切实做好}" + s + "工作，确保{G}，" + bureau + "{制定|印发}了本" + kind + "。本" + kind
                        + "明确了{总体要求|工作目标}、{重点任务|主要措施}和{保障措施|工作要求}等内容，自发布之日起施行。",
                "本" + kind + "公开" + year + "年" + s + "{相关情况|有关事项|工作安排}，{涉及|包括}" + pick(PLACES) + "、"
                        + pick(PLACES) + "等地的" + s + "和" + pick(FIELDS) + "，{请有关单位和公众知悉|欢迎社会各界监督}。",
                "根据{L}，" + bureau + "就" + s + "{有关事项|工作}作出安排，{重点|着力}{推进|加强}" + pick(FIELDS) + "和"
                        + pick(FIELDS) + "，{全文公开如下|现予公开}。"
            }), s);
            String keywords = s + " " + pick(FIELDS) + " " + genre + (random.nextBoolean() ? " " + year : "");
            return new Doc(title, summary, keywords, prefix, s, kind);
        }

        /** A body of about length characters: salutation, opening, numbered sections of sentences, signature. */
        String body(Doc doc, int length, LocalDate date, String agencyName) {
            StringBuilder b = new StringBuilder(length + 400);
            if (doc.kind().equals("通知") || doc.kind().equals("意见")) {
                b.append("各区县交通运输局，局属各单位，各有关企业：\n");
            }
            b.append("　　").append(fill(pick(OPENINGS), doc.field()))
                    .append(doc.kind().equals("通知") ? "现就有关事项通知如下：\n" : "制定本" + doc.kind() + "。\n");
            String[] numerals = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五",
                "十六", "十七", "十八", "十九", "二十"};
            int section = 0;
            while (b.length() < length) {
                String heading = section < SECTIONS.length ? SECTIONS[section] : pick(SECTIONS);
                b.append("　　").append(numerals[Math.min(section, numerals.length - 1)]).append("、").append(heading)
                        .append('\n');
                int items = 2 + random.nextInt(3);
                for (int k = 0; k < items && b.length() < length; k++) {
                    b.append("　　（").append(numerals[k]).append("）")
                            .append(fill("{加强|推进|规范|完善|落实}{S}{管理|建设|监管|服务|保障}", doc.field())).append("。");
                    int sentences = 2 + random.nextInt(3);
                    for (int j = 0; j < sentences; j++) {
                        b.append(fill(pick(SENTENCES), random.nextInt(3) == 0 ? pick(FIELDS) : doc.field()));
                    }
                    b.append('\n');
                }
                section++;
            }
            b.append("　　本").append(doc.kind()).append("由示例市交通运输局负责解释。\n　　").append(agencyName).append('\n')
                    .append("　　").append(date.getYear()).append("年").append(date.getMonthValue()).append("月")
                    .append(date.getDayOfMonth()).append("日");
            return b.toString();
        }

        /** Fills {a|b|c} alternatives and the named slots; {S} is the document's field of work. */
        String fill(String template, String field) {
            StringBuilder out = new StringBuilder(template.length() + 64);
            int i = 0;
            while (i < template.length()) {
                char c = template.charAt(i);
                if (c != '{') {
                    out.append(c);
                    i++;
                    continue;
                }
                int end = matchingBrace(template, i);
                String inner = template.substring(i + 1, end);
                i = end + 1;
                if (inner.indexOf('|') >= 0 || inner.isEmpty()) {
                    List<String> options = splitTop(inner);
                    out.append(fill(options.get(random.nextInt(options.size())), field));
                    continue;
                }
                switch (inner) {
                    case "S" -> out.append(field);
                    case "P" -> out.append(pick(PLACES));
                    case "R" -> out.append(pick(ROADS));
                    case "G" -> out.append(pick(GOALS));
                    case "D" -> out.append(pick(DEPARTMENTS));
                    case "L" -> out.append(pick(LAWS));
                    case "A" -> out.append(pick(CAMPAIGNS));
                    case "F" -> out.append(pick(FIELDS));
                    case "Y" -> out.append(year + random.nextInt(3));
                    case "M" -> out.append(1 + random.nextInt(12));
                    case "N" -> out.append(2 + random.nextInt(98));
                    case "d" -> out.append(random.nextInt(10));
                    default -> out.append(fill(inner, field));
                }
            }
            return out.toString();
        }

        private static int matchingBrace(String s, int open) {
            int depth = 0;
            for (int i = open; i < s.length(); i++) {
                if (s.charAt(i) == '{') {
                    depth++;
                } else if (s.charAt(i) == '}' && --depth == 0) {
                    return i;
                }
            }
            throw new IllegalArgumentException("unbalanced template: " + s);
        }

        /** Splits a|b|c at the top level (alternatives may contain slots). */
        private static List<String> splitTop(String s) {
            List<String> parts = new ArrayList<>();
            int depth = 0;
            int start = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                } else if (c == '|' && depth == 0) {
                    parts.add(s.substring(start, i));
                    start = i + 1;
                }
            }
            parts.add(s.substring(start));
            return parts;
        }
    }
}
