package cn.gongkai.platform;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A labelled corpus for {@link PrivacyScanner}: synthetic Chinese government documents (notices, replies to
 * disclosure requests, subsidy lists) with findings of every type planted at known offsets, and look-alikes that must
 * <em>not</em> be found planted between them.
 *
 * <p>Deterministic: the same seed gives the same documents. All personal data is made up here; the expected masked
 * values and line numbers are computed here, independently of the scanner.
 *
 * <p>Planted findings: valid resident IDs (some with a lower-case x, some in 6-8-4 groups, some in full-width digits,
 * some disguised: dotted 6-4-4-4, no-break spaces, a soft hyphen, zero-width characters inside), mobiles (plain,
 * +86/86/0086, 3-4-4 with spaces or hyphens, full-width, disguised: dotted 3-4-4, ideographic spaces, a word joiner,
 * zero-width characters inside), Luhn-valid bank cards of real issuer prefixes
 * (contiguous or in groups of four; some 19-digit cards whose first 18 digits are a valid ID), e-mail addresses (some
 * with a mobile number as the local part) and secrecy markings (level word with ★ and a term, in brackets, alone on a
 * line, after 密级, and the phrases 内部资料, 注意保密, 不得外传, 内部文件).
 *
 * <p>Planted look-alikes: IDs with a wrong check character; IDs with an impossible or out-of-range birth date
 * (month 00 or 13–19, day 00 or 32, 30 February, 31 April, 29 February of a common year, 18xx, 209x) but the right
 * check character; valid IDs inside 20-digit order numbers; 11-digit numbers starting 10, 11 or 12; 16-digit numbers
 * failing the Luhn check; order numbers beginning with a date, 20-digit e-invoice numbers, express numbers, case and
 * document numbers; dates, times, money amounts (some of 11 digits starting 13–19 followed by 元), percentages,
 * landlines, postcodes; dotted version numbers, IPv4 addresses and dates, hyphenated document numbers; prose with 商业秘密, 国家秘密, 工作秘密, 保密工作, 机密性, 秘密性, 绝密级 and the three levels
 * named in a sentence or in quotation marks.
 */
final class PrivacyCorpus {

    static final long SEED = 20261125L;

    /** What the scanner must report. */
    record Expected(FindingType type, int start, int end, int line, String maskedValue) {
    }

    /** One document, what must be found in it and how many look-alikes (sentences with none) were planted. */
    record Document(String location, String text, List<Expected> expected, int lookAlikes) {
    }

    private static final String[] SURNAMES = {"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "马",
        "胡", "朱", "郭", "何", "罗", "高", "林", "欧阳", "司马"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳",
        "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建国", "志强", "海燕", "晓东", "子涵"};
    private static final String[] AGENCIES = {"示例市交通运输局", "示例市人民政府办公室", "示例市生态环境局", "示例县教育局",
        "示例市住房和城乡建设局", "示例区民政局", "示例市市场监督管理局", "示例市财政局"};
    private static final String[] TOPICS = {"道路运输许可", "城市公共交通补贴", "农村公路建设资金", "大气污染防治",
        "义务教育学校招生", "保障性住房分配", "最低生活保障", "食品安全抽检", "政府采购项目", "老旧小区改造"};
    private static final String[] KINDS = {"通知", "政府信息公开申请答复书", "补助资金发放名单的公示", "工作方案",
        "情况报告", "会议纪要"};
    private static final String[] FILLER = {
        "为深入贯彻落实党中央、国务院关于全面推进政务公开工作的决策部署，进一步提升政府信息公开质量。",
        "各单位要高度重视，加强组织领导，明确责任分工，确保各项任务落到实处。",
        "根据《中华人民共和国政府信息公开条例》有关规定，现将有关事项通知如下。",
        "请各科室结合工作实际，认真抓好贯彻落实。",
        "本机关将依法依规做好政府信息公开申请的受理、审查和答复工作。",
        "对不属于本机关公开职责权限范围的，告知申请人并说明理由。",
        "经检索，本机关未制作或获取该项政府信息。",
        "申请人对本答复不服的，可以依法申请行政复议或者提起行政诉讼。",
        "进一步规范道路运输市场秩序，提升公共服务水平。",
        "加强对重点领域信息公开工作的监督检查，及时回应社会关切。",
        "做好政策解读工作，及时准确传递权威信息。",
        "各单位应当建立健全政府信息发布前的审查机制。",
        "坚持以公开为常态、不公开为例外，推进决策、执行、管理、服务、结果公开。",
        "公示期间如有异议，可向本机关书面反映。",
        "特此通知。",
        "此复。"};
    private static final String[] SECRECY_PROSE = {
        "申请公开的信息涉及第三方商业秘密，第三方不同意公开，依法不予公开。",
        "经审查，该信息涉及国家秘密，依据有关规定不予公开。",
        "各单位要切实做好保密工作，严格执行保密审查制度。",
        "信息系统建设应当保障数据的机密性、完整性和可用性。",
        "该项技术方案具有秘密性和商业价值，权利人已采取相应保密措施。",
        "工作秘密不得擅自对外提供。",
        "绝密级文件的管理规定另行制定。",
        "国家秘密的密级分为绝密、机密、秘密三级。",
        "涉及国家秘密的事项按照“秘密”级进行管理。",
        "拟公开的信息涉及第三方合法权益（商业秘密）的，应当书面征求第三方意见。",
        "应当对拟公开的政府信息进行保密审查，防止泄露国家秘密和商业秘密。"};
    private static final String[] CHANNELS = {"信函", "政府网站在线申请平台", "当面递交", "电子邮件"};
    private static final String[] BANKS = {"中国工商银行示例支行", "中国农业银行示例支行", "中国建设银行示例分行",
        "中国银行示例支行", "示例农村商业银行"};
    private static final String[] REGIONS = {"110105", "110108", "120101", "130102", "140105", "150102", "210102",
        "220102", "230103", "310101", "310115", "320102", "330106", "340104", "350102", "360102", "370102", "410105",
        "420106", "430104", "440106", "440305", "450103", "460106", "500103", "510104", "520102", "530102", "540102",
        "610113", "620102", "630102", "640104", "650102"};
    private static final String[] MOBILE_SEGMENTS = {"130", "131", "132", "133", "134", "135", "136", "137", "138",
        "139", "145", "147", "149", "150", "151", "152", "153", "155", "156", "157", "158", "159", "162", "165", "166",
        "167", "170", "171", "172", "173", "175", "176", "177", "178", "180", "181", "182", "183", "184", "185", "186",
        "187", "188", "189", "190", "191", "192", "193", "195", "196", "197", "198", "199"};
    /** Issuer prefix and length of cards in use in China. */
    private static final String[][] CARDS = {{"622202", "19"}, {"621700", "19"}, {"622848", "19"}, {"621661", "19"},
        {"622700", "19"}, {"955880", "19"}, {"621483", "16"}, {"622588", "16"}, {"436742", "16"}, {"518212", "16"},
        {"625911", "16"}, {"622262", "19"}, {"623668", "19"}, {"356833", "16"}, {"222300", "16"}};
    private static final String[] EMAIL_LOCALS = {"zhangsan", "li.si", "wang_wu", "zhao.liu2024", "chen-qi", "xxgk",
        "gongkai+notice", "office", "Sun.Min", "hr_dept"};
    private static final String[] EMAIL_DOMAINS = {"example.cn", "example.gov.cn", "163.com", "qq.com", "126.com",
        "mail.example.org.cn", "sina.com"};
    private static final String[] PHRASES = {"内部资料", "注意保密", "不得外传", "内部文件"};
    private static final String[] LEVELS = {"绝密", "机密", "秘密"};

    private final long seed;

    PrivacyCorpus(long seed) {
        this.seed = seed;
    }

    List<Document> documents(int count) {
        List<Document> documents = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            documents.add(document(i));
        }
        return documents;
    }

    /** The {@code index}th document; depends only on the seed and the index. */
    Document document(int index) {
        Random r = new Random(seed * 1_000_003L + index);
        Doc d = new Doc(r, r.nextInt(100) < 15 ? "\r\n" : "\n");
        if (r.nextInt(100) < 50) {
            if (r.nextInt(100) < 20) {
                d.text(String.format(Locale.ROOT, "%06d", r.nextInt(1000))).newline(); // 份号
            }
            headMarking(d);
            d.newline();
        }
        String agency = pick(r, AGENCIES);
        String topic = pick(r, TOPICS);
        d.text(agency + "关于" + topic + "的" + pick(r, KINDS)).newline();
        d.text(agency.substring(2, 4) + "发〔" + (2018 + r.nextInt(8)) + "〕" + (1 + r.nextInt(120)) + "号").newline();
        int paragraphs = 3 + r.nextInt(4);
        for (int p = 0; p < paragraphs; p++) {
            if (r.nextInt(100) < 8) {
                d.marking(pick(r, LEVELS)).newline(); // a page header repeated in extracted PDF text
            }
            if (r.nextInt(100) < 12) {
                tableRow(d);
                continue;
            }
            d.text("　　");
            int sentences = 2 + r.nextInt(4);
            for (int s = 0; s < sentences; s++) {
                int roll = r.nextInt(100);
                if (roll < 35) {
                    d.text(pick(r, FILLER));
                } else if (roll < 65) {
                    finding(d);
                } else {
                    lookAlike(d);
                }
            }
            d.newline();
        }
        d.text(agency).newline().text(date(r)).newline();
        return new Document("doc-" + index + ".txt", d.sb.toString(), List.copyOf(d.expected), d.lookAlikes);
    }

    // --- planted findings ------------------------------------------------------------------------------------

    private void headMarking(Doc d) {
        Random r = d.r;
        String level = pick(r, LEVELS);
        switch (r.nextInt(7)) {
            case 0, 1 -> d.marking(level + "★" + term(r));
            case 2 -> d.marking(level + "★");
            case 3 -> {
                String brackets = pick(r, new String[] {"【】", "（）", "〔〕", "[]"});
                d.marking(brackets.charAt(0) + level + (r.nextBoolean() ? "★" + term(r) : "") + brackets.charAt(1));
            }
            case 4 -> d.text("  ").marking(level).text(" ");
            case 5 -> d.marking("密级" + pick(r, new String[] {"：", ":", "： "}) + level);
            default -> d.marking("密级：" + level + "★" + term(r));
        }
    }

    private static String term(Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> "长期";
            case 1 -> (1 + r.nextInt(30)) + "年";
            case 2 -> (1 + r.nextInt(11)) + "个月";
            case 3 -> (2026 + r.nextInt(20)) + "年" + (1 + r.nextInt(12)) + "月" + (1 + r.nextInt(28)) + "日";
            default -> pick(r, new String[] {"一年", "五年", "十年", "三个月"});
        };
    }

    private void finding(Doc d) {
        Random r = d.r;
        String name = name(r);
        switch (r.nextInt(10)) {
            case 0, 1 -> d.text("申请人" + name + "（公民身份号码：").id().text("，联系电话：").mobile()
                    .text("）于" + date(r) + "通过" + pick(r, CHANNELS) + "提交政府信息公开申请，要求公开"
                            + pick(r, TOPICS) + "相关信息。");
            case 2 -> d.text("联系人：" + name + "，联系电话：").mobile().text("，电子邮箱：").email().text("。");
            case 3 -> d.text("补助资金已于" + date(r) + "拨付至" + name + "名下银行账户（开户行：" + pick(r, BANKS)
                    + "，卡号：").card().text("）。");
            case 4 -> d.text("意见建议请发送至").email().text("，邮件标题注明“" + pick(r, TOPICS) + "”。");
            case 5 -> d.text("如有疑问，请致电").mobile().text("（" + name + "）。");
            case 6 -> {
                d.text("本材料属");
                d.marking(PHRASES[0]);
                d.text("，请");
                d.marking(PHRASES[1]);
                d.text(r.nextBoolean() ? "，" : "，一律");
                d.marking(PHRASES[2]);
                d.text("。");
            }
            case 7 -> d.text("附件" + (1 + r.nextInt(5)) + "：" + pick(r, AGENCIES)).marking("内部文件").text("清单。");
            case 8 -> d.text("本文件定密为").marking(pick(r, LEVELS) + "★" + term(r)).text("，知悉范围限于"
                    + pick(r, AGENCIES) + "。");
            default -> d.text("经核实，" + name + "（身份证号").id().text("）的补贴已通过").card()
                    .text("发放。");
        }
    }

    private void tableRow(Doc d) {
        Random r = d.r;
        d.text(String.valueOf(1 + r.nextInt(50))).text("\t").text(name(r)).text("\t").id(false).text("\t")
                .mobile(false).text("\t").card(false).text("\t").text((100 + r.nextInt(9900)) + ".00").newline();
    }

    private static String name(Random r) {
        return pick(r, SURNAMES) + pick(r, GIVEN);
    }

    // --- planted look-alikes ---------------------------------------------------------------------------------

    private void lookAlike(Doc d) {
        Random r = d.r;
        d.lookAlikes++;
        switch (r.nextInt(15)) {
            case 0 -> d.text("登记的身份证号码" + wrongCheck(r) + "与系统记录不一致，已退回补正。");
            case 1 -> d.text("档案编号" + impossibleDate(r) + "，请妥善保管。");
            case 2 -> d.text("订单编号" + r.nextInt(10) + idWithDigitCheck(r) + r.nextInt(10) + "已完成支付。");
            case 3 -> d.text(pick(r, new String[] {"统一编号", "项目代码", "档案号"}) + (10 + r.nextInt(3))
                    + digits(r, 9) + "。");
            case 4 -> d.text("凭证号" + luhnFailing(r) + "已归档。");
            case 5 -> d.text(pick(r, new String[] {"订单号", "交易单号"}) + orderNumber(r) + "，电子发票号码"
                    + (24 + r.nextInt(2)) + digits(r, 18) + "。");
            case 6 -> d.text("快递单号" + pick(r, new String[] {"SF", "YT", "ZTO", "JD"}) + digits(r, 12 + r.nextInt(3))
                    + "，案号（" + (2019 + r.nextInt(7)) + "）京" + (1 + r.nextInt(9)) + "10" + r.nextInt(10)
                    + "行初" + (1 + r.nextInt(9999)) + "号。");
            case 7 -> d.text("本通知自" + date(r) + "起施行，会议于" + LocalDate.of(2020 + r.nextInt(6), 1 + r.nextInt(12),
                    1 + r.nextInt(28)) + " " + (8 + r.nextInt(10)) + ":" + (r.nextBoolean() ? "00" : "30") + "召开，批次"
                    + (2020 + r.nextInt(6)) + String.format(Locale.ROOT, "%02d%02d", 1 + r.nextInt(12), 1 + r.nextInt(28))
                    + "。");
            case 8 -> d.text("项目总投资" + (1 + r.nextInt(999)) + "," + String.format(Locale.ROOT, "%03d", r.nextInt(1000))
                    + "." + r.nextInt(100) + "万元，合计人民币" + amount(r) + "元，同比增长" + r.nextInt(100) + "."
                    + r.nextInt(10) + "%。");
            case 9 -> d.text("咨询电话：0" + (10 + r.nextInt(890)) + "-" + (60000000 + r.nextInt(30000000))
                    + "，服务热线12345，" + "400-" + (100 + r.nextInt(900)) + "-" + (1000 + r.nextInt(9000)) + "，邮编"
                    + (100000 + r.nextInt(800000)) + "。");
            case 10, 11, 12 -> d.text(pick(r, SECRECY_PROSE));
            case 13 -> d.text("系统版本" + (10 + r.nextInt(10)) + "." + r.nextInt(10) + "." + (1000 + r.nextInt(9000))
                    + "." + (1000 + r.nextInt(9000)) + "，服务器地址" + (130 + r.nextInt(70)) + "." + r.nextInt(256)
                    + "." + r.nextInt(256) + "." + (100 + r.nextInt(156)) + "，更新于" + (2019 + r.nextInt(7)) + "."
                    + month(r) + "." + day(r) + "，文号" + (2019 + r.nextInt(7)) + "-" + (130 + r.nextInt(70)) + "-"
                    + String.format(Locale.ROOT, "%04d", r.nextInt(10000)) + "。");
            default -> d.text("共受理申请" + (1 + r.nextInt(500)) + "件，办结" + r.nextInt(500) + "件，结转"
                    + r.nextInt(50) + "件。");
        }
    }

    private static String wrongCheck(Random r) {
        String id = validId(r);
        char right = id.charAt(17);
        char wrong;
        do {
            wrong = "0123456789X".charAt(r.nextInt(11));
        } while (wrong == right);
        return id.substring(0, 17) + wrong;
    }

    private static String impossibleDate(Random r) {
        int year = 1930 + r.nextInt(80);
        String date = switch (r.nextInt(9)) {
            case 0 -> year + "13" + day(r);
            case 1 -> year + String.valueOf(14 + r.nextInt(6)) + day(r);
            case 2 -> year + "00" + day(r);
            case 3 -> year + month(r) + "00";
            case 4 -> year + month(r) + "32";
            case 5 -> year + "0230";
            case 6 -> year + "0431";
            case 7 -> (1801 + 4 * r.nextInt(24)) + "0229"; // years ≡ 1 mod 4: common years
            default -> (r.nextBoolean() ? 1800 + r.nextInt(100) : 2090 + r.nextInt(10)) + month(r) + day(r);
        };
        return withCheck(pick(r, REGIONS) + date + digits(r, 3));
    }

    private static String month(Random r) {
        return String.format(Locale.ROOT, "%02d", 1 + r.nextInt(12));
    }

    private static String day(Random r) {
        return String.format(Locale.ROOT, "%02d", 1 + r.nextInt(28));
    }

    private static String luhnFailing(Random r) {
        String number;
        do {
            number = pick(r, CARDS)[0] + digits(r, 10);
        } while (PrivacyScanner.luhn(number));
        return number;
    }

    private static String orderNumber(Random r) {
        LocalDate day = LocalDate.of(2020, 1, 1).plusDays(r.nextInt(2200));
        return day.toString().replace("-", "") + digits(r, 10 + r.nextInt(2));
    }

    private static String amount(Random r) {
        if (r.nextInt(3) == 0) {
            return (13 + r.nextInt(7)) + digits(r, 9); // 11 digits starting 13–19
        }
        return (1 + r.nextInt(9)) + digits(r, 2 + r.nextInt(10));
    }

    // --- generators ------------------------------------------------------------------------------------------

    static String validId(Random r) {
        LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(r.nextInt(30_000));
        return withCheck(pick(r, REGIONS) + birth.toString().replace("-", "") + digits(r, 3));
    }

    private static String idWithDigitCheck(Random r) {
        String id;
        do {
            id = validId(r);
        } while (id.endsWith("X"));
        return id;
    }

    static String withCheck(String seventeen) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (seventeen.charAt(i) - '0') * weights[i];
        }
        return seventeen + "10X98765432".charAt(sum % 11);
    }

    static String luhnComplete(String digits) {
        for (char d = '0'; d <= '9'; d++) {
            if (PrivacyScanner.luhn(digits + d)) {
                return digits + d;
            }
        }
        throw new IllegalStateException(digits);
    }

    private static String digits(Random r, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('0' + r.nextInt(10)));
        }
        return b.toString();
    }

    private static String date(Random r) {
        LocalDate day = LocalDate.of(2019, 1, 1).plusDays(r.nextInt(2500));
        return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
    }

    private static String fullWidth(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(c >= '!' && c <= '~' ? (char) (c + 0xFEE0) : c);
        }
        return b.toString();
    }

    /** Up to three zero-width characters or soft hyphens inside (never first or last). */
    private static String invisibleInside(Random r, String s) {
        String[] invisible = {"\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD"};
        StringBuilder b = new StringBuilder(s);
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            b.insert(1 + r.nextInt(b.length() - 1), pick(r, invisible));
        }
        return b.toString();
    }

    private static String pick(Random r, String[] from) {
        return from[r.nextInt(from.length)];
    }

    private static String[] pick(Random r, String[][] from) {
        return from[r.nextInt(from.length)];
    }

    /** A document being written, with its planted findings. */
    private static final class Doc {

        final Random r;
        final String newline;
        final StringBuilder sb = new StringBuilder(1024);
        final List<Expected> expected = new ArrayList<>();
        int line = 1;
        int lookAlikes;

        Doc(Random r, String newline) {
            this.r = r;
            this.newline = newline;
        }

        Doc text(String s) {
            sb.append(s);
            s.chars().filter(c -> c == '\n').forEach(c -> line++);
            return this;
        }

        Doc newline() {
            return text(newline);
        }

        Doc plant(FindingType type, String written, String masked) {
            expected.add(new Expected(type, sb.length(), sb.length() + written.length(), line, masked));
            return text(written);
        }

        Doc marking(String written) {
            return plant(FindingType.SECRECY_MARKING, written, written);
        }

        Doc id() {
            return id(true);
        }

        Doc id(boolean anyForm) {
            String id = validId(r);
            String masked = id.substring(0, 6) + "********" + id.substring(14);
            int form = anyForm ? r.nextInt(100) : 99;
            String written;
            if (form < 5) {
                written = fullWidth(id);
            } else if (form < 12) {
                written = id.substring(0, 6) + " " + id.substring(6, 14) + " " + id.substring(14);
            } else if (form < 15) {
                written = id.substring(0, 6) + "-" + id.substring(6, 14) + "-" + id.substring(14);
            } else if (form < 22) {
                written = switch (r.nextInt(4)) {
                    case 0 -> id.substring(0, 6) + "." + id.substring(6, 10) + "." + id.substring(10, 14) + "."
                            + id.substring(14);
                    case 1 -> id.substring(0, 6) + "\u00A0" + id.substring(6, 14) + "\u00A0" + id.substring(14);
                    case 2 -> fullWidth(id.substring(0, 9)) + "\u00AD" + id.substring(9);
                    default -> invisibleInside(r, id);
                };
            } else {
                written = id.endsWith("X") && r.nextBoolean() ? id.substring(0, 17) + "x" : id;
            }
            return plant(FindingType.RESIDENT_ID, written, masked);
        }

        Doc mobile() {
            return mobile(true);
        }

        Doc mobile(boolean anyForm) {
            String number = pick(r, MOBILE_SEGMENTS) + digits(r, 8);
            String masked = number.substring(0, 3) + "****" + number.substring(7);
            String grouped = number.substring(0, 3) + " " + number.substring(3, 7) + " " + number.substring(7);
            int form = anyForm ? r.nextInt(100) : 99;
            String written;
            if (form < 8) {
                written = "+86 " + number;
            } else if (form < 12) {
                written = "+86" + number;
            } else if (form < 16) {
                written = pick(r, new String[] {"86", "86-", "0086 ", "0086-"}) + number;
            } else if (form < 21) {
                written = "+86 " + grouped;
            } else if (form < 30) {
                written = grouped;
            } else if (form < 38) {
                written = grouped.replace(' ', '-');
            } else if (form < 42) {
                written = fullWidth(number);
            } else if (form < 50) {
                written = switch (r.nextInt(4)) {
                    case 0 -> grouped.replace(' ', '.');
                    case 1 -> grouped.replace(' ', '\u3000');
                    case 2 -> fullWidth(grouped.replace(" ", "")).substring(0, 5) + "\u2060" + number.substring(5);
                    default -> invisibleInside(r, number);
                };
            } else {
                written = number;
            }
            return plant(FindingType.MOBILE, written, masked);
        }

        Doc card() {
            return card(true);
        }

        Doc card(boolean anyForm) {
            String number;
            if (anyForm && r.nextInt(100) < 6) {
                String id;
                do {
                    id = idWithDigitCheck(r);
                } while ("456".indexOf(id.charAt(0)) < 0);
                number = luhnComplete(id); // 19 digits whose first 18 are a valid resident ID
            } else {
                String[] issuer = pick(r, CARDS);
                number = luhnComplete(issuer[0] + digits(r, Integer.parseInt(issuer[1]) - 7));
            }
            String masked = number.substring(0, 4) + "*".repeat(number.length() - 8)
                    + number.substring(number.length() - 4);
            int form = anyForm ? r.nextInt(100) : 99;
            String written = number;
            if (form < 40) {
                char separator = form < 30 ? ' ' : '-';
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < number.length(); i += 4) {
                    if (i > 0) {
                        b.append(separator);
                    }
                    b.append(number, i, Math.min(i + 4, number.length()));
                }
                written = b.toString();
            }
            return plant(FindingType.BANK_CARD, written, masked);
        }

        Doc email() {
            String local = r.nextInt(10) == 0 ? pick(r, MOBILE_SEGMENTS) + digits(r, 8) : pick(r, EMAIL_LOCALS);
            String domain = pick(r, EMAIL_DOMAINS);
            return plant(FindingType.EMAIL, local + "@" + domain, local.charAt(0) + "***@" + domain);
        }
    }

    /** Prints one document with its expected findings, to look at the corpus. */
    public static void main(String[] args) {
        PrivacyCorpus corpus = new PrivacyCorpus(SEED);
        Consumer<Document> print = doc -> {
            System.out.println(doc.text());
            doc.expected().forEach(System.out::println);
        };
        print.accept(corpus.document(args.length > 0 ? Integer.parseInt(args[0]) : 0));
    }
}
