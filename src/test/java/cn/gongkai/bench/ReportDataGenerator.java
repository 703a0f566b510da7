package cn.gongkai.bench;

import cn.gongkai.catalog.Taxonomy;
import cn.gongkai.request.Outcome;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The data of the annual-report benchmark: N requests for information ({@code info_request}, with reviews and
 * lawsuits in {@code request_challenge}) and N catalog entries ({@code catalog_entry} and {@code catalog_version}) for
 * one agency (the demo agency 示例市交通运输局 by default), written by PostgreSQL itself with
 * {@code insert … select … from generate_series(…)}: no row passes through Java, so a million of each take a minute
 * or two. Every value is a function of the row number and the seed (PostgreSQL's {@code hashint8extended} as the
 * random source), so the same N and seed always give the same records.
 *
 * <p><b>Requests.</b> Received on working days spread evenly over 2019-01-02 … 2026-11-20; 自然人 85 %, 法人或其他组织
 * 15 % (商业企业 9 %, 法律服务机构 3 %, 其他 2 %, 科研机构 0.5 %, 社会公益组织 0.5 %), by the usual channels; about 90 %
 * answered with an outcome in the proportions of published annual reports (予以公开 33 %, 部分公开 8 %, 不予公开 10 %
 * over its eight reasons, 无法提供 31 %, 不予处理 7.5 %, 其他处理 10.5 %; every outcome occurs), within 1–20 days or,
 * with an extension, 21–40 (so December's requests are answered in January: carried over across the year boundary);
 * 其他处理 "no amendment" and "fee unpaid" close 20–55 days after receipt without a reply form. The other 10 % are
 * still open (received, assigned, amendment asked, consulting, fee notified, reply drafted, waiting for the leader —
 * the last two already carry an outcome, which must not be counted before the reply): a larger backlog than an office
 * keeps, so every year's report also carries the open requests of all earlier years. About 4 % of the refused,
 * partial, unable and not-processed replies are challenged: 行政复议 75 %, 行政诉讼 directly 18 %, after review 7 %,
 * 15–60 days (reviews) or up to 160 days (lawsuits) after the reply, results 维持 70 %, 纠正 12 %, 其他 10 %, 尚未审结
 * 8 % (and all pending when filed in the last four months). Personal identifiers (ID numbers, phones, credit codes)
 * are not generated: their columns are nullable and encrypted by the application, and the report does not read them.
 *
 * <p><b>Catalog.</b> Formed (生成日期) on working days 2019-01-02 … 2026-11-20, published 1–14 days later; genres as a
 * transport bureau's catalog has them: 行政许可 30 %, 行政处罚 25 %, 行政强制 3 %, 行政规范性文件 3 %, 规章 0.3 %, the other
 * sixteen genres the rest; 92 % proactive (PUBLISHED), the others on request or exempt (FILED); a quarter of the 规章 and
 * 行政规范性文件 and 1 % of the rest REPEALED and 2 % WITHDRAWN, with {@code state_changed_at} between publication and
 * the end of the data and the matching validity; index numbers reserved in {@code index_serial} as the catalog does;
 * {@code item_id} is the negative of the entry's id (no draft behind it, as in {@link CatalogDataGenerator}); titles,
 * summaries and bodies are short.
 *
 * <p>The Lucene index of the public catalog is <em>not</em> updated: after generating, the application's full-text
 * search does not know the new entries (they are found only after the index is rebuilt, e.g. by deleting the index
 * directory before the next start). The report reads SQL only. Afterwards {@code VACUUM ANALYZE} runs on the tables
 * written, as autovacuum would have done on a database that grew over years.
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) cn.gongkai.bench.ReportDataGenerator \
 *     'jdbc:postgresql://localhost:5432/postgres?user=postgres' 1000000 [entries=requests] [seed]
 * </pre>
 */
public final class ReportDataGenerator {

    public static final String DEMO_AGENCY_CODE = "SJTJ";
    public static final long DEFAULT_SEED = 20261126L;
    public static final LocalDate FIRST_DAY = LocalDate.of(2019, 1, 2);
    public static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 20);

    static final String RULES = "规章";
    static final String NORMATIVE = "行政规范性文件";

    private final DataSource dataSource;
    private final long seed;

    public ReportDataGenerator(DataSource dataSource, long seed) {
        this.dataSource = dataSource;
        this.seed = seed;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ReportDataGenerator <jdbc-url> <requests> [entries=requests] [seed="
                    + DEFAULT_SEED + "]");
            System.exit(2);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(args[0]);
        int requests = Integer.parseInt(args[1].replace("_", ""));
        int entries = args.length > 2 ? Integer.parseInt(args[2].replace("_", "")) : requests;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : DEFAULT_SEED;
        System.out.println(new ReportDataGenerator(ds, seed).generate(DEMO_AGENCY_CODE, requests, entries));
    }

    /** What one run wrote, and how long each part took. */
    public record Result(long agencyId, long requests, long challenges, long entries, long requestNanos,
            long catalogNanos, long vacuumNanos) {

        public double seconds() {
            return (requestNanos + catalogNanos + vacuumNanos) / 1e9;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d requests and %,d challenges in %.1f s, %,d catalog entries in %.1f s, "
                    + "VACUUM ANALYZE %.1f s; %.1f s in all", requests, challenges, requestNanos / 1e9, entries,
                    catalogNanos / 1e9, vacuumNanos / 1e9, seconds());
        }
    }

    /** Writes the requests, their challenges and the catalog entries for the agency with the code, then vacuums. */
    public Result generate(String agencyCode, int requests, int entries) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            Agency agency = agency(c, agencyCode);
            long t0 = System.nanoTime();
            long[] written = requests(c, agency, requests);
            c.commit();
            long t1 = System.nanoTime();
            long catalog = catalog(c, agency, entries);
            c.commit();
            long t2 = System.nanoTime();
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                for (String table : List.of("info_request", "request_challenge", "catalog_entry", "catalog_version",
                        "index_serial")) {
                    st.execute("vacuum analyze " + table);
                }
            }
            long t3 = System.nanoTime();
            return new Result(agency.id(), written[0], written[1], catalog, t1 - t0, t2 - t1, t3 - t2);
        }
    }

    record Agency(long id, String name, String organisationCode, List<Long> departmentIds,
            List<String> departmentNames) {

        /** The department chosen evenly with the uniform number u: its id, or with {@code names} its name. */
        String department(String u, boolean names) {
            return names ? element(u, departmentNames.toArray(String[]::new))
                    : "(array[" + String.join(", ", departmentIds.stream().map(String::valueOf).toList())
                            + "]::bigint[])[1 + floor(" + u + " * " + departmentIds.size() + ")::int]";
        }
    }

    private static Agency agency(Connection c, String code) throws SQLException {
        long id;
        String name;
        String organisationCode;
        try (PreparedStatement ps = c.prepareStatement("select id, name, organisation_code from agency where code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("No agency " + code + ": start Gongkai once in demo mode first");
                }
                id = rs.getLong(1);
                name = rs.getString(2);
                organisationCode = rs.getString(3);
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
            throw new IllegalStateException("Agency " + code + " has no department");
        }
        return new Agency(id, name, organisationCode, ids, names);
    }

    // ---- proportions --------------------------------------------------------------------------------------------

    /** Table 三's columns: 自然人 and the five sub-kinds of 法人或其他组织. */
    static final Map<String, Double> APPLICANTS = weights("PERSON", 85, "COMMERCIAL_ENTERPRISE", 9, "LAW_SERVICE", 3,
            "OTHER", 2, "RESEARCH_INSTITUTION", 0.5, "PUBLIC_INTEREST_ORGANISATION", 0.5);

    /** Outcomes as published annual reports of municipal bureaus show them (every one occurs). */
    static final Map<String, Double> OUTCOMES = weights(
            "DISCLOSED", 33, "PARTIAL", 8,
            "REFUSED_STATE_SECRET", 0.5, "REFUSED_LAW", 1, "REFUSED_THREE_SECURITY", 1.2, "REFUSED_THIRD_PARTY", 1,
            "REFUSED_INTERNAL", 2, "REFUSED_PROCESS", 2, "REFUSED_ENFORCEMENT", 1, "REFUSED_INQUIRY", 1.3,
            "UNABLE_NOT_HELD", 24, "UNABLE_NEEDS_CREATION", 4, "UNABLE_UNCLEAR", 3,
            "NOT_PROCESSED_PETITION", 2.5, "NOT_PROCESSED_DUPLICATE", 3, "NOT_PROCESSED_PUBLICATION", 0.5,
            "NOT_PROCESSED_EXCESSIVE", 0.5, "NOT_PROCESSED_CONFIRMATION", 1,
            "OTHER_NO_AMENDMENT", 5, "OTHER_FEE_UNPAID", 0.5, "OTHER", 5);

    /** Where a request still open stands. */
    static final Map<String, Double> OPEN = weights("RECEIVED", 10, "ASSIGNED", 45, "AMENDMENT_REQUESTED", 15,
            "CONSULTING", 10, "FEE_NOTIFIED", 3, "REPLY_DRAFTED", 12, "AWAITING_LEADER", 5);

    static final Map<String, Double> CHANNELS = weights("ONLINE", 50, "LETTER", 33, "IN_PERSON", 8, "EMAIL", 5,
            "TRANSFERRED", 3, "FAX", 1);

    static final Map<String, Double> DELIVERIES = weights("EMAIL", 35, "PAPER", 35, "ONLINE", 20, "PICKUP", 8,
            "DISC", 2);

    static final Map<String, Double> CHALLENGE_KINDS = weights("REVIEW", 75, "LAWSUIT_DIRECT", 18,
            "LAWSUIT_AFTER_REVIEW", 7);

    static final Map<String, Double> CHALLENGE_RESULTS = weights("MAINTAINED", 70, "CORRECTED", 12, "OTHER", 10,
            "PENDING", 8);

    /** 体裁 as a transport bureau's catalog has them: mostly licensing and penalty decisions (双公示). */
    static final Map<String, Double> GENRES = weights("行政许可", 30, "行政处罚", 25, "通知", 8, "公告", 5, "行政强制", 3,
            NORMATIVE, 3, "通告", 3, "统计信息", 3, "人事信息", 3, "政府采购", 3, "意见", 2, "计划", 2, "总结", 2, "报告", 2,
            "其他", 1.2, "办法", 1, "规划", 1, "财政预决算", 1, "应急管理", 1, "行政事业性收费", 0.5, RULES, 0.3);

    static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡",
        "郭", "何", "林", "罗", "高"};
    static final String[] GIVEN = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
        "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "志强"};
    static final String[] COMPANIES = {"顺达物流有限公司", "通衢运输有限公司", "安行客运有限公司", "路桥建设集团有限公司",
        "恒通汽车服务有限公司", "明德律师事务所", "交通规划设计研究院", "道路运输协会", "城市公交集团有限公司",
        "快捷货运有限公司"};
    static final String[] SUBJECTS = {"道路运输经营许可", "公路建设项目招标投标", "出租汽车经营权配置", "超限运输车辆治理",
        "农村公路养护资金", "网络预约出租汽车管理", "公交线路调整", "交通运输行政处罚", "公路征地拆迁补偿",
        "机动车维修经营备案", "港口岸线使用", "交通安全隐患排查", "驾驶员培训机构管理", "货运车辆检测"};
    static final String[] ROADS = {"G205国道", "S312省道", "滨江大道", "环城北路", "示例至安平一级公路", "县道X105"};

    // ---- requests -----------------------------------------------------------------------------------------------

    private long[] requests(Connection c, Agency agency, int n) throws SQLException {
        long before = scalar(c, "select coalesce(max(id), 0) from info_request");
        long span = LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay() + 1;
        String uniforms = uniforms("g.i", 1, 19);
        String sql = """
                insert into info_request (agency_id, tracking_number, query_code_hash, channel, received_on,
                    applicant_kind, organisation_kind, name, email, address, postcode, legal_representative,
                    contact_person, info_title, info_description, purpose, delivery, status, department_id, allowance,
                    clock_start, extension_days, amendment_requested_on, amendment_text, amendment_due,
                    extension_requested_days, extension_reason, extension_approved_by, consultation_kind,
                    consultation_party, paused_since, outcome, reply_form, reply_text, reply_drafted_by,
                    office_reviewed_by, leader_approved_by, replied_on, delivered_on, applicant_key, fee_yuan,
                    fee_due, created_at, updated_at, submitted_on, final_due_on, on_time)
                select %1$d, 'YS' || to_char(b.received_on, 'YYYYMMDD')
                           || case when b.seq < 1000000 then lpad(b.seq::text, 6, '0') else b.seq::text end,
                       encode(sha256(convert_to('gongkai-bench-code:' || b.i, 'UTF8')), 'hex'),
                       b.channel, b.received_on,
                       case when b.col = 'PERSON' then 'PERSON' else 'ORGANISATION' end,
                       case when b.col <> 'PERSON' then b.col end,
                       case when b.col = 'PERSON' then b.person else '示例市' || b.company end,
                       case when b.delivery = 'EMAIL' then 'applicant' || b.applicant_no || '@example.cn' end,
                       case when b.delivery in ('PAPER', 'DISC') then '示例市' || b.road || (1 + b.applicant_no %% 300) || '号' end,
                       case when b.delivery in ('PAPER', 'DISC') then '650' || lpad((b.applicant_no %% 1000)::text, 3, '0') end,
                       case when b.col <> 'PERSON' then b.person end,
                       case when b.col <> 'PERSON' then b.contact end,
                       case when b.u6 < 0.5 then b.subject || '相关文件' end,
                       '请公开' || extract(year from b.received_on)::int - 1 || '年以来' || b.subject || '的有关政府信息',
                       case when b.u6 < 0.3 then '生产生活需要' end,
                       b.delivery, b.status,
                       case when b.status <> 'RECEIVED' then b.department_id end,
                       15, b.clock_start,
                       case when b.extended then 15 else 0 end,
                       case when b.status = 'AMENDMENT_REQUESTED' or b.outcome = 'OTHER_NO_AMENDMENT' then b.received_on + 2 end,
                       case when b.status = 'AMENDMENT_REQUESTED' or b.outcome = 'OTHER_NO_AMENDMENT' then '请补充所需信息的名称、文号或者便于查询的其他特征性描述' end,
                       case when b.status = 'AMENDMENT_REQUESTED' or b.outcome = 'OTHER_NO_AMENDMENT' then b.received_on + 14 end,
                       case when b.extended then 15 end,
                       case when b.extended then '需要检索的档案较多，难以在规定期限内答复' end,
                       case when b.extended then 'leader' end,
                       case when b.status = 'CONSULTING' then 'THIRD_PARTY' end,
                       case when b.status = 'CONSULTING' then '示例市' || b.company end,
                       case when b.status = 'CONSULTING' then b.received_on + 5 end,
                       b.outcome,
                       case when b.outcome in ('OTHER_NO_AMENDMENT', 'OTHER_FEE_UNPAID') or b.outcome is null then null
                            when b.outcome = 'DISCLOSED' then case when b.u13 < 0.4 then 'ALREADY_PUBLIC' else 'DISCLOSE' end
                            when b.outcome = 'PARTIAL' then 'DISCLOSE'
                            when b.outcome = 'REFUSED_INQUIRY' then 'SPECIAL_LAW'
                            when b.outcome like 'REFUSED%%' then 'REFUSE'
                            when b.outcome = 'UNABLE_NOT_HELD' then case when b.u13 < 0.4 then 'NOT_RESPONSIBLE' else 'NOT_EXIST' end
                            when b.outcome = 'UNABLE_NEEDS_CREATION' then 'NEEDS_CREATION'
                            when b.outcome = 'UNABLE_UNCLEAR' then 'UNCLEAR_AFTER_AMENDMENT'
                            when b.outcome = 'NOT_PROCESSED_PETITION' then 'PETITION'
                            when b.outcome = 'NOT_PROCESSED_DUPLICATE' then 'REPEATED'
                            when b.outcome = 'NOT_PROCESSED_PUBLICATION' then 'PUBLICATION'
                            when b.outcome = 'NOT_PROCESSED_EXCESSIVE' then 'EXCESSIVE'
                            when b.outcome = 'NOT_PROCESSED_CONFIRMATION' then 'CONFIRMATION'
                            else 'OTHER' end,
                       case when b.outcome is not null and b.outcome not in ('OTHER_NO_AMENDMENT', 'OTHER_FEE_UNPAID')
                            then '经审查，依法作出答复。' end,
                       case when b.outcome is not null and b.outcome not in ('OTHER_NO_AMENDMENT', 'OTHER_FEE_UNPAID') then 'staff' end,
                       case when b.replied and b.outcome not in ('OTHER_NO_AMENDMENT', 'OTHER_FEE_UNPAID')
                              or b.status = 'AWAITING_LEADER' then 'office' end,
                       case when b.replied and (b.outcome like 'REFUSED%%' or b.outcome = 'PARTIAL') then 'leader' end,
                       b.replied_on,
                       case when b.status = 'CLOSED' and b.outcome not in ('OTHER_NO_AMENDMENT', 'OTHER_FEE_UNPAID')
                            then b.replied_on + (b.i %% 3)::int end,
                       encode(sha256(convert_to('gongkai-bench-applicant:' || b.applicant_no, 'UTF8')), 'hex'),
                       case when b.status = 'FEE_NOTIFIED' or b.outcome = 'OTHER_FEE_UNPAID' then 100 end,
                       case when b.status = 'FEE_NOTIFIED' or b.outcome = 'OTHER_FEE_UNPAID' then b.received_on + 17 end,
                       (b.received_on + time '09:00' + make_interval(mins => (b.i %% 480)::int)) at time zone 'Asia/Shanghai',
                       (coalesce(b.replied_on, b.received_on) + time '17:00') at time zone 'Asia/Shanghai',
                       b.received_on,
                       -- Frozen on reply (V24): about 15 working days, 15 more when extended, in calendar days.
                       case when b.replied then b.received_on + case when b.extended then 42 else 21 end end,
                       case when b.replied then b.delay <= case when b.extended then 42 else 21 end end
                from (
                    select a.*, nextval('info_request_seq') as seq,
                           (a.answered and a.reply_day <= date '%3$s') as replied,
                           case when a.answered and a.reply_day <= date '%3$s' then a.reply_day end as replied_on,
                           case when a.answered and a.reply_day <= date '%3$s' then
                                    case when a.outcome_pick in ('OTHER_NO_AMENDMENT', 'OTHER_FEE_UNPAID') or a.i %% 5 <> 0
                                         then 'CLOSED' else 'REPLIED' end
                                when a.answered then 'ASSIGNED'
                                else a.open_status end as status,
                           case when a.answered and a.reply_day <= date '%3$s' then a.outcome_pick
                                when not a.answered and a.open_status = 'REPLY_DRAFTED' then
                                     case when a.outcome_pick in ('OTHER_NO_AMENDMENT', 'OTHER_FEE_UNPAID') then 'DISCLOSED'
                                          else a.outcome_pick end
                                when not a.answered and a.open_status = 'AWAITING_LEADER' then 'PARTIAL' end as outcome,
                           (a.answered and a.delay > 20 and a.outcome_pick not in ('OTHER_NO_AMENDMENT', 'OTHER_FEE_UNPAID'))
                               as extended,
                           a.received_on as clock_start
                    from (
                        select r.*, r.reply_raw + case extract(isodow from r.reply_raw)::int when 6 then 2 when 7 then 1
                                                      else 0 end as reply_day
                        from (
                            select q.*, q.received_on + q.delay as reply_raw
                            from (
                                select p.*, p.received_raw + case extract(isodow from p.received_raw)::int when 6 then 2
                                                                 when 7 then 1 else 0 end as received_on,
                                       case p.outcome_pick when 'OTHER_NO_AMENDMENT' then 25 + floor(p.u5 * 30)::int
                                            when 'OTHER_FEE_UNPAID' then 20 + floor(p.u5 * 30)::int
                                            else case when p.u12 < 0.88 then 1 + floor(p.u5 * 20)::int
                                                      else 21 + floor(p.u5 * 20)::int end end as delay
                                from (
                                    select g.*, date '%2$s' + floor((g.i - 1 + g.u1) * %4$d / %5$d)::int as received_raw,
                                           %6$s as col, g.u3 < 0.9 as answered, %7$s as outcome_pick,
                                           %8$s as open_status, %9$s as channel, %10$s as delivery,
                                           %11$s as department_id,
                                           %12$s || %13$s as person, %14$s || %15$s as contact, %16$s as company,
                                           %17$s as subject, %18$s as road,
                                           floor(g.u14 * g.u14 * %5$d / 3)::bigint as applicant_no
                                    from (select g.i, %19$s from generate_series(1::bigint, %5$d) g(i) offset 0) g
                                ) p
                            ) q
                        ) r
                    ) a
                ) b"""
                .formatted(agency.id(), FIRST_DAY, LAST_DAY, span, n,
                        pick("g.u2", APPLICANTS), pick("g.u4", OUTCOMES), pick("g.u13", OPEN),
                        pick("g.u7", CHANNELS), pick("g.u8", DELIVERIES), agency.department("g.u9", false),
                        element("g.u10", SURNAMES), element("g.u11", GIVEN), element("g.u18", SURNAMES),
                        element("g.u19", GIVEN), element("g.u16", COMPANIES), element("g.u15", SUBJECTS),
                        element("g.u17", ROADS), uniforms);
        long requests;
        try (Statement st = c.createStatement()) {
            requests = st.executeUpdate(sql);
        }
        long challenges;
        try (Statement st = c.createStatement()) {
            challenges = st.executeUpdate(challengesSql(agency, before));
        }
        return new long[] {requests, challenges};
    }

    private String challengesSql(Agency agency, long before) {
        return """
                insert into request_challenge (request_id, kind, filed_on, result, note, recorded_by, recorded_at)
                select x.id, x.kind, x.filed_on,
                       case when x.filed_on > date '%2$s' - 120 then 'PENDING' else %3$s end,
                       case x.kind when 'REVIEW' then '申请人向示例市人民政府申请行政复议' else '申请人向示例市中级人民法院提起行政诉讼' end,
                       'office', (x.filed_on + time '10:30') at time zone 'Asia/Shanghai'
                from (
                    select y.*, y.filed_raw + case extract(isodow from y.filed_raw)::int when 6 then 2 when 7 then 1
                                                  else 0 end as filed_on
                    from (
                        select r.id, g.*, %4$s as kind,
                               r.replied_on + 15 + floor(g.u4 * case when %4$s = 'REVIEW' then 45 else 145 end)::int
                                   as filed_raw
                        from info_request r
                        cross join lateral (select %5$s) g
                        where r.agency_id = %1$d and r.id > %6$d and r.replied_on is not null
                          and r.outcome not in ('DISCLOSED', 'OTHER_NO_AMENDMENT', 'OTHER_FEE_UNPAID', 'OTHER')
                    ) y
                    where y.u1 < 0.04
                ) x
                where x.filed_on <= date '%2$s'
                order by x.filed_on, x.id"""
                .formatted(agency.id(), LAST_DAY, pick("x.u3", CHALLENGE_RESULTS), pick("g.u2", CHALLENGE_KINDS),
                        uniforms("(r.id - " + before + ")", 101, 4), before);
    }

    // ---- catalog ------------------------------------------------------------------------------------------------

    private long catalog(Connection c, Agency agency, int n) throws SQLException {
        long before = scalar(c, "select coalesce(max(id), 0) from catalog_entry");
        long span = LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay() + 1;
        String generated = """
                select p.*, least(p.created_on + 1 + floor(p.u6 * 14)::int, date '%3$s') as published_on
                from (
                    select g.*, g.created_raw + case extract(isodow from g.created_raw)::int when 6 then 2 when 7 then 1
                                                    else 0 end as created_on
                    from (
                        select g.*, date '%2$s' + floor((g.i - 1 + g.u1) * %4$d / %5$d)::int as created_raw,
                               %6$s as genre
                        from (select g.i, %7$s from generate_series(1::bigint, %5$d) g(i) offset 0) g
                    ) g
                ) p"""
                .formatted(agency.id(), FIRST_DAY, LAST_DAY, span, n, pick("g.u2", GENRES),
                        uniforms("g.i", 201, 16));
        // Index numbers as the catalog gives them: reserve each year's serials in index_serial first.
        Map<Integer, Long> perYear = new TreeMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select extract(year from created_on)::int, count(*) from ("
                        + generated + ") x group by 1")) {
            while (rs.next()) {
                perYear.put(rs.getInt(1), rs.getLong(2));
            }
        }
        List<String> firstSerials = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                insert into index_serial (agency_id, year, last_serial) values (?, ?, ?)
                on conflict (agency_id, year) do update set last_serial = index_serial.last_serial + excluded.last_serial
                returning last_serial""")) {
            for (Map.Entry<Integer, Long> y : perYear.entrySet()) {
                ps.setLong(1, agency.id());
                ps.setInt(2, y.getKey());
                ps.setLong(3, y.getValue());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    firstSerials.add("(" + y.getKey() + ", " + (rs.getLong(1) - y.getValue() + 1) + ")");
                }
            }
        }
        String topics = element("w.u4", Taxonomy.TOPICS.toArray(String[]::new));
        String sql = """
                insert into catalog_entry (id, agency_id, item_id, index_number, version, title, document_number, summary,
                    body, attachment_text, created_on, topic, genre, keywords, agency_name, department_id,
                    department_name, attribute, channels, drafter_name, reviewers, state, validity, published_at,
                    published_year, state_changed_at, state_reason)
                select x.id, %1$d, -x.id, x.index_number, 1, x.title, x.document_number, x.summary, x.body, '',
                       x.created_on, x.topic, x.genre, x.keywords, %2$s, x.department_id, x.department_name,
                       x.attribute, x.channels, x.drafter, x.reviewers, x.state,
                       case x.state when 'WITHDRAWN' then 'INVALID' when 'REPEALED' then 'REPEALED' else 'VALID' end,
                       x.published_at, extract(year from x.published_at at time zone 'Asia/Shanghai')::int,
                       x.state_changed_at,
                       case x.state when 'WITHDRAWN' then '发布内容有误，撤回更正' when 'REPEALED' then '已被新的规定替代' end
                from (
                    select nextval(pg_get_serial_sequence('catalog_entry', 'id')) as id, v.*,
                           case when v.state in ('REPEALED', 'WITHDRAWN') then v.published_at
                                + (timestamptz '%3$s 18:00+08' - v.published_at) * v.u9 end as state_changed_at
                    from (
                        select w.*,
                               %4$s || '/' || w.year || '-' || case when s.first_serial + w.serial - 1 < 100000
                                   then lpad((s.first_serial + w.serial - 1)::text, 5, '0')
                                   else (s.first_serial + w.serial - 1)::text end as index_number,
                               case w.genre
                                   when '规章' then '示例市' || w.subject || '管理办法'
                                   when '行政规范性文件' then '关于进一步规范' || w.subject || '工作的通知'
                                   when '行政许可' then '示例市' || w.company || '道路运输经营许可决定'
                                   when '行政处罚' then '行政处罚决定书（' || w.number || '）'
                                   when '行政强制' then '关于' || w.road || '沿线违法设置非公路标志限期拆除的公告'
                                   else '关于' || w.year || '年' || w.subject || '工作的' || w.genre end as title,
                               w.number as document_number,
                               '本件为' || w.genre || '，涉及' || w.subject || '，现予公开。' as summary,
                               '各有关单位：现将' || w.subject || '有关事项公开如下。' || w.subject || '工作依照有关规定办理，'
                                   || '请遵照执行。示例市交通运输局' as body,
                               case when w.u3 < 0.7 then '工业、交通' else %5$s end as topic,
                               w.subject || ' ' || w.genre as keywords,
                               %13$s as department_id, %14$s as department_name,
                               case when w.genre in ('规章', '行政规范性文件') or w.u5 < 0.92 then 'PROACTIVE'
                                    when w.u5 < 0.98 then 'ON_REQUEST' else 'EXEMPT' end as attribute,
                               case when w.u7 < 0.25 then 'GAZETTE,WEBSITE' else 'WEBSITE' end as channels,
                               %6$s || %7$s as drafter,
                               'DEPT_HEAD 孙科长 ' || w.created_on || ' 11:00 APPROVED; SECRECY_REVIEWER 赵保密 '
                                   || (w.created_on + 1) || ' 10:00 APPROVED; LEADER 陈局长 ' || (w.created_on + 1)
                                   || ' 15:00 APPROVED' as reviewers,
                               case when not (w.genre in ('规章', '行政规范性文件') or w.u5 < 0.92) then 'FILED'
                                    when w.genre in ('规章', '行政规范性文件') and w.u8 < 0.25 then 'REPEALED'
                                    when w.u8 < 0.01 then 'REPEALED'
                                    when w.u8 >= 0.98 then 'WITHDRAWN'
                                    else 'PUBLISHED' end as state,
                               (w.published_on + time '08:30' + make_interval(mins => floor(w.u10 * 540)::int,
                                   secs => floor(w.u11 * 60)::int)) at time zone 'Asia/Shanghai' as published_at
                        from (
                            select t.*, case t.genre
                                       when '规章' then '示例市人民政府令第' || t.serial_in_genre || '号'
                                       when '行政规范性文件' then '示交规〔' || t.year || '〕' || t.serial_in_genre || '号'
                                       when '行政许可' then '示交许〔' || t.year || '〕' || t.serial_in_genre || '号'
                                       when '行政处罚' then '示交罚〔' || t.year || '〕' || t.serial_in_genre || '号'
                                       when '行政强制' then '示交强〔' || t.year || '〕' || t.serial_in_genre || '号'
                                       else case when t.u12 < 0.3 then '示交发〔' || t.year || '〕' || t.i || '号' end
                                   end as number
                            from (
                                select p.*, extract(year from p.created_on)::int as year,
                                       row_number() over (partition by extract(year from p.created_on) order by p.i) as serial,
                                       row_number() over (partition by p.genre, extract(year from p.created_on)
                                                          order by p.i) as serial_in_genre,
                                       %8$s as subject, %9$s as company, %10$s as road
                                from (%11$s) p
                            ) t
                        ) w
                        join (values %12$s) s(year, first_serial) on s.year = w.year
                        order by w.published_on, w.i
                    ) v
                ) x"""
                .formatted(agency.id(), literal(agency.name()), LAST_DAY, literal(agency.organisationCode()), topics,
                        element("w.u10", SURNAMES), element("w.u11", GIVEN), element("p.u13", SUBJECTS),
                        element("p.u14", COMPANIES), element("p.u15", ROADS), generated,
                        String.join(", ", firstSerials), agency.department("w.u16", false),
                        agency.department("w.u16", true));
        long written;
        try (Statement st = c.createStatement()) {
            written = st.executeUpdate(sql);
            st.executeUpdate("insert into catalog_version (entry_id, version, title, summary, published_at) "
                    + "select id, 1, title, summary, published_at from catalog_entry where id > " + before
                    + " and item_id < 0 order by id");
        }
        return written;
    }

    // ---- SQL building ---------------------------------------------------------------------------------------------

    /**
     * Columns u1…u{count}: independent uniform numbers in [0, 1) from the row's key, the seed and the stream (each
     * table draws from its own streams).
     */
    private String uniforms(String key, int stream, int count) {
        List<String> columns = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            columns.add("(hashint8extended(" + key + ", " + (seed * 1000 + stream + k)
                    + ") & 9007199254740991)::float8 / 9007199254740992.0 as u" + (k + 1));
        }
        return String.join(", ", columns);
    }

    /** A CASE choosing a value by its weight with the uniform number u. */
    static String pick(String u, Map<String, Double> weights) {
        double total = weights.values().stream().mapToDouble(Double::doubleValue).sum();
        StringBuilder sql = new StringBuilder("case");
        double cumulative = 0;
        List<Map.Entry<String, Double>> entries = new ArrayList<>(weights.entrySet());
        for (int i = 0; i < entries.size() - 1; i++) {
            cumulative += entries.get(i).getValue();
            sql.append(String.format(Locale.ROOT, " when %s < %.6f then %s", u, cumulative / total,
                    literal(entries.get(i).getKey())));
        }
        return sql.append(" else ").append(literal(entries.getLast().getKey())).append(" end").toString();
    }

    /** One of the values, chosen evenly with the uniform number u. */
    static String element(String u, String... values) {
        return "(array[" + String.join(", ", Arrays.stream(values).map(ReportDataGenerator::literal).toList())
                + "])[1 + floor(" + u + " * " + values.length + ")::int]";
    }

    static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    static Map<String, Double> weights(Object... pairs) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
        }
        return map;
    }

    private static long scalar(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static {
        // Every outcome of the enum is generated (a new outcome must get a share here).
        for (Outcome o : Outcome.values()) {
            if (!OUTCOMES.containsKey(o.name())) {
                throw new IllegalStateException("ReportDataGenerator: no share for outcome " + o);
            }
        }
    }
}
