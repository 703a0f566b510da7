package cn.gongkai.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * Twenty entries written by hand among the generated ones, each with the search a visitor looking for it would type:
 * the relevance set of the benchmark on generated data. Their titles, summaries and bodies name things the generator
 * never writes (雅安, 青龙湾大桥, T8路, 学时造假…) next to its common words, so that the expected entry is known; some
 * searches use only common words (电子证照 工作方案, 安全生产月 危险货物 应急演练), where the entry must win on its title
 * against thousands that contain the words. Two are found by document number, with issuer codes the generator never
 * uses (示交建, 示交运), so that the number is unique. Written like {@link CatalogDataGenerator}'s rows: COPY into
 * {@code catalog_entry} and {@code catalog_version}, index numbers reserved in {@code index_serial}, published and
 * proactive, version 1.
 */
final class PlantedEntries {

    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    /** One planted entry and the search that should find it first. */
    record Planted(String query, String title, String documentNumber, String genre, String topic, String keywords,
            String summary, String body, LocalDateTime publishedAt) {
    }

    static final List<Planted> ALL = List.of(
            planted("G318 雅安段 环境影响评价", "关于G318国道雅安段改扩建工程环境影响评价的公示", null, "公告",
                    "城乡建设、环境保护", "G318国道 改扩建 环境影响评价",
                    "G318国道雅安段改扩建工程环境影响报告书（征求意见稿）已编制完成，现向社会公开征求意见，公示期10个工作日。",
                    "G318国道雅安段改扩建工程起于雨城区草坝镇，止于天全县城东，全长46.3公里，按一级公路标准建设。"
                            + "项目建设可能对沿线青衣江水体、大熊猫国家公园外围生态和居民区声环境产生影响，环评单位已提出相应的减缓措施。"
                            + "公众可通过信函、电子邮件等方式提交意见。", "2025-04-18T10:12"),
            planted("示交建〔2025〕12号", "示例市交通运输局关于青龙湾跨江大桥主桥健康监测系统建设项目的批复", "示交建〔2025〕12号",
                    "通知", "工业、交通", "青龙湾跨江大桥 健康监测 批复",
                    "原则同意青龙湾跨江大桥主桥健康监测系统建设项目初步设计，核定项目概算2,860万元。",
                    "青龙湾跨江大桥主桥为双塔斜拉桥，主跨680米。健康监测系统布设应变、索力、挠度、风速风向和地震动传感器412个，"
                            + "数据接入市公路路网监测平台。请建设单位按批复内容组织施工图设计，严格控制投资规模。", "2025-06-09T15:40"),
            planted("T8路 城际公交 开通", "关于滨江新区至临港经济开发区城际公交T8路开通运营的通告", null, "通告", "工业、交通",
                    "城际公交 T8路 开通运营",
                    "城际公交T8路于2025年9月1日起开通运营，连接滨江新区与临港经济开发区，全程票价4元。",
                    "T8路起点为滨江新区市民中心站，终点为临港经济开发区管委会站，途经滨江大道、临港大道，全程28.6公里，"
                            + "设站点17个。首班车6:30，末班车21:00，高峰时段发车间隔10分钟。乘客可使用交通一卡通和手机扫码乘车。",
                    "2025-08-25T09:05"),
            planted("网络预约出租汽车 平台公司 约谈", "示例市网络预约出租汽车平台公司约谈情况通报（2025年第二季度）", null, "其他",
                    "市场监管、安全生产监管", "网络预约出租汽车 约谈 平台公司",
                    "2025年第二季度，市交通运输局会同有关部门约谈网络预约出租汽车平台公司5家，督促整改问题23项。",
                    "约谈指出，部分平台公司存在接入未取得许可车辆和驾驶员、随意调整抽成比例、投诉处理不及时等问题。"
                            + "被约谈平台公司须在30日内提交整改报告，逾期未整改的，依法暂停其新增车辆接入。", "2025-07-14T16:20"),
            planted("春节 小型客车 免收通行费", "关于2026年春节期间高速公路小型客车免收通行费的公告", null, "公告", "财政、金融、审计",
                    "春节 免收通行费 小型客车",
                    "2026年春节期间，全市高速公路对7座以下（含7座）小型客车免收车辆通行费，免费时段共9天。",
                    "免费通行时间从2026年2月15日0时开始，至2月23日24时结束，以车辆驶离出口收费车道的时间为准。"
                            + "普通公路收费站同步执行。请广大驾乘人员合理安排出行时间，服从现场交通疏导。", "2026-02-06T11:30"),
            planted("公共自行车 运营维护 中标", "示例市公共自行车系统运营维护服务采购项目中标结果公告", null, "政府采购",
                    "工业、交通", "公共自行车 运营维护 中标结果",
                    "示例市公共自行车系统运营维护服务采购项目已完成评审，中标供应商为示例市绿行单车服务有限公司。",
                    "本项目采购内容为全市公共自行车站点412个、车辆9,800辆三年的运营维护服务，中标金额2,135.6万元。"
                            + "各有关供应商对中标结果有异议的，可在公告期限届满之日起七个工作日内以书面形式提出质疑。", "2025-05-20T14:00"),
            planted("白鹭洲码头 停航", "关于白鹭洲客运码头改造期间渡轮停航的通告", null, "通告", "工业、交通",
                    "白鹭洲 客运码头 渡轮停航",
                    "白鹭洲客运码头改造期间，白鹭洲至江心岛渡轮自2025年10月8日起停航，预计停航60天。",
                    "停航期间，市公共交通集团开通白鹭洲至江心岛临时接驳公交，经滨江二桥绕行，票价1元。"
                            + "码头改造完成后将增设无障碍通道和候船厅，恢复通航时间另行公告。", "2025-09-26T10:00"),
            planted("驾培 学时造假", "示例市交通运输局关于驾驶员培训机构“驾培学时造假”专项整治情况的通报", null, "其他",
                    "市场监管、安全生产监管", "驾培 学时造假 专项整治",
                    "专项整治期间共检查驾驶员培训机构46家，查实驾培学时造假问题11起，对7家机构依法作出行政处罚。",
                    "检查发现，部分驾培机构存在使用作弊器虚增培训学时、教练员代替学员签到、计时终端与车辆不一致等问题。"
                            + "对查实问题的机构，已责令停止招生并限期整改，相关信息纳入交通运输信用记录。", "2025-11-12T15:10"),
            planted("十佳公交驾驶员", "关于公布2025年度“十佳公交驾驶员”评选结果的公告", null, "公告", "劳动、人事、监察",
                    "十佳公交驾驶员 评选结果",
                    "经单位推荐、乘客投票和专家评审，评选出2025年度“十佳公交驾驶员”10名，现予公布。",
                    "十佳公交驾驶员平均安全行车里程超过80万公里，服务期间零投诉、零事故。"
                            + "市交通运输局号召全市公交从业人员向他们学习，以优质服务助力建设人民满意交通。", "2025-12-18T09:30"),
            planted("港口岸线使用审批", "示例市港口岸线使用审批管理办法", "示交港〔2024〕3号", "办法", "工业、交通",
                    "港口岸线 审批 管理办法",
                    "为规范港口岸线使用审批，合理利用港口岸线资源，制定本办法，自2024年7月1日起施行。",
                    "使用港口深水岸线的，由市交通运输局会同发展改革部门审核后报省交通运输厅批准；使用非深水岸线的，由市交通运输局审批。"
                            + "港口岸线使用期限不超过五十年，期满需要继续使用的，应当在期满前六个月提出申请。", "2024-06-03T10:45"),
            planted("渣土运输车辆 白名单", "关于实施渣土运输车辆“白名单”管理的通告", null, "通告", "城乡建设、环境保护",
                    "渣土运输车辆 白名单 管理",
                    "自2025年3月1日起，中心城区渣土运输车辆实行“白名单”管理，未列入白名单的车辆不得从事渣土运输。",
                    "列入白名单的车辆须安装全密闭装置和卫星定位终端，驾驶员须经安全培训。"
                            + "对未列入白名单擅自运输渣土的，依法予以处罚，并通报其所属企业。", "2025-02-12T16:00"),
            planted("停车设施专项规划", "示例市城市停车设施专项规划（2025—2035年）", null, "规划", "城乡建设、环境保护",
                    "停车设施 专项规划",
                    "规划到2035年，全市新增公共停车泊位12万个，基本形成以配建停车为主、公共停车为辅、路内停车为补充的停车供给体系。",
                    "规划按中心城区、外围城区和乡镇三个层次分区供给停车设施，明确公共停车场布局212处。"
                            + "鼓励建设立体停车库和机械式停车设施，推进停车信息联网和错时共享。", "2025-03-28T10:20"),
            planted("东湖隧道 封闭", "关于东湖隧道夜间封闭进行机电设备更换的公告", null, "公告", "工业、交通",
                    "东湖隧道 夜间封闭 机电设备",
                    "因机电设备更换，东湖隧道于2025年11月3日至11月30日每日22时至次日5时双向封闭。",
                    "施工期间，过往车辆请经东湖北路、环湖东路绕行。本次更换隧道照明灯具、通风风机和消防报警系统，"
                            + "完工后隧道照明能耗预计降低35%。", "2025-10-27T17:00"),
            planted("电子证照 工作方案", "示例市道路运输电子证照推广应用工作方案", null, "计划", "工业、交通",
                    "电子证照 推广应用 工作方案",
                    "到2025年底，全市道路运输经营许可证、道路运输证和从业资格证全面实现电子证照，与纸质证照具有同等效力。",
                    "各区县交通运输局要完成存量证照数据治理，做到应转尽转；"
                            + "执法人员通过扫描电子证照二维码核验证照信息，不得再要求当事人出示纸质证照。", "2025-01-16T11:00"),
            planted("农村公路 路长制", "示例市农村公路“路长制”实施方案", null, "计划", "工业、交通", "农村公路 路长制",
                    "全市建立县、乡、村三级农村公路路长体系，由各级政府负责同志担任路长，实现农村公路管理养护责任全覆盖。",
                    "县级路长负责县道的建设管理养护，乡级路长负责乡道，村级路长负责村道。"
                            + "路长制落实情况纳入年度考核，考核结果与农村公路养护资金分配挂钩。", "2024-09-10T09:50"),
            planted("示交运〔2026〕7号", "关于调整中心城区出租汽车运价的通知", "示交运〔2026〕7号", "通知", "工业、交通",
                    "出租汽车 运价 调整",
                    "自2026年4月1日起，中心城区巡游出租汽车起步价由10元调整为11元，起步里程3公里不变。",
                    "超过起步里程后，每公里运价由2.2元调整为2.4元；夜间（23时至次日5时）加收20%。"
                            + "出租汽车经营者须在调价前完成计价器调校，未经调校的车辆不得按新运价收费。", "2026-03-10T10:00"),
            planted("冷库建设 补助资金 分配", "示例市冷链物流园区冷库建设补助资金分配结果公示", null, "财政预决算",
                    "财政、金融、审计", "冷库建设 补助资金 冷链物流",
                    "2025年度冷链物流园区冷库建设补助资金共1,200万元，拟补助项目9个，现予公示。",
                    "补助资金按照新增冷库库容每立方米150元、单个项目不超过200万元的标准核定。"
                            + "公示期内，对公示结果有异议的，可向市交通运输局综合规划科反映。", "2025-08-05T15:30"),
            planted("安全生产月 危险货物 应急演练", "关于开展2026年“安全生产月”暨危险货物运输企业应急演练的通知", null, "通知",
                    "市场监管、安全生产监管", "安全生产月 危险货物 应急演练",
                    "2026年6月为全国“安全生产月”，全市危险货物运输企业要在月内至少组织一次泄漏和火灾事故应急演练。",
                    "演练应当模拟罐车侧翻泄漏、装卸作业起火等情形，检验企业应急预案的可操作性和应急物资的储备情况。"
                            + "各区县交通运输局要派员观摩并评估演练效果，于7月10日前报送总结。", "2026-05-22T09:00"),
            planted("轨道交通 公交接驳", "关于征求《示例市轨道交通沿线公交接驳优化方案（征求意见稿）》意见的公告", null, "公告",
                    "工业、交通", "轨道交通 公交接驳 征求意见",
                    "为做好轨道交通1号线开通后的公交接驳，市交通运输局起草了公交接驳优化方案，现公开征求意见。",
                    "方案拟新开接驳公交线路6条、调整线路14条，在轨道交通站点周边150米范围内设置公交换乘站点。"
                            + "意见征集时间为2025年12月1日至12月30日。", "2025-11-28T10:30"),
            planted("金山 超限检测站 撤并", "关于公路超限检测站（金山站）撤并的公告", null, "公告", "工业、交通",
                    "超限检测站 金山站 撤并",
                    "经省人民政府批准，金山公路超限检测站撤并至云岭公路超限检测站，自2025年7月1日起停止运行。",
                    "撤并后，原金山站负责的G320国道超限超载检测工作由云岭站承担，"
                            + "并在金山站原址设置不停车超限检测系统，实现全天候监测。", "2025-06-20T11:15"));

    private PlantedEntries() {
    }

    private static Planted planted(String query, String title, String documentNumber, String genre, String topic,
            String keywords, String summary, String body, String publishedAt) {
        return new Planted(query, title, documentNumber, genre, topic, keywords, summary, body,
                LocalDateTime.parse(publishedAt));
    }

    /** How many of the planted entries the database already holds (by title). */
    static int present(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select count(*) from catalog_entry where title = any(?)")) {
            ps.setArray(1, c.createArrayOf("text", ALL.stream().map(Planted::title).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Writes the twenty entries for the demo agency, unless they are there already. Returns how many it wrote. */
    static int plant(String jdbcUrl) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            int present = present(c);
            if (present == ALL.size()) {
                return 0;
            }
            if (present != 0) {
                throw new IllegalStateException(present + " of the " + ALL.size() + " planted entries exist already");
            }
            c.setAutoCommit(false);
            CatalogDataGenerator.Agency agency = CatalogDataGenerator.agency(c);
            StringBuilder rows = new StringBuilder();
            StringBuilder versions = new StringBuilder();
            for (int i = 0; i < ALL.size(); i++) {
                Planted p = ALL.get(i);
                long id = nextId(c);
                LocalDate createdOn = p.publishedAt().toLocalDate().minusDays(2 + i % 5);
                String indexNumber = agency.organisationCode() + "/" + createdOn.getYear() + "-"
                        + String.format("%05d", serial(c, agency.id(), createdOn.getYear()));
                int department = i % agency.departmentIds().size();
                String published = p.publishedAt().atOffset(CHINA).toString();
                String body = "　　" + p.summary() + "\n　　" + p.body() + "\n　　" + agency.name() + "\n　　"
                        + createdOn.getYear() + "年" + createdOn.getMonthValue() + "月" + createdOn.getDayOfMonth() + "日";
                CatalogDataGenerator.row(rows, id, agency.id(), -id, indexNumber, 1, p.title(), p.documentNumber(),
                        p.summary(), body, "", createdOn, p.topic(), p.genre(), p.keywords(), agency.name(),
                        agency.departmentIds().get(department), agency.departmentNames().get(department), "PROACTIVE",
                        "WEBSITE", "张伟", reviewers(createdOn),
                        "PUBLISHED", "VALID", published, p.publishedAt().getYear());
                CatalogDataGenerator.row(versions, id, 1, p.title(), p.summary(), published);
            }
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            byte[] entries = rows.toString().getBytes(StandardCharsets.UTF_8);
            var in = copy.copyIn("copy catalog_entry (" + CatalogDataGenerator.ENTRY_COLUMNS + ") from stdin");
            in.writeToCopy(entries, 0, entries.length);
            in.endCopy();
            byte[] v = versions.toString().getBytes(StandardCharsets.UTF_8);
            in = copy.copyIn("copy catalog_version (entry_id, version, title, summary, published_at) from stdin");
            in.writeToCopy(v, 0, v.length);
            in.endCopy();
            c.commit();
            return ALL.size();
        }
    }

    private static String reviewers(LocalDate day) {
        return "DEPT_HEAD 孙科长 " + day + " 10:00 APPROVED; SECRECY_REVIEWER 赵保密 " + day + " 15:00 APPROVED; "
                + "LEADER 陈局长 " + day.plusDays(1) + " 09:00 APPROVED";
    }

    private static long nextId(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select nextval(pg_get_serial_sequence('catalog_entry', 'id'))");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static int serial(Connection c, long agencyId, int year) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into index_serial (agency_id, year, last_serial) values (?, ?, 1)
                on conflict (agency_id, year) do update set last_serial = index_serial.last_serial + 1
                returning last_serial""")) {
            ps.setLong(1, agencyId);
            ps.setInt(2, year);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
