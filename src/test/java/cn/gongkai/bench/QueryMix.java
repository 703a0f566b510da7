package cn.gongkai.bench;

import cn.gongkai.bench.BenchQuery.Kind;
import cn.gongkai.catalog.Taxonomy;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The benchmark's searches: a fixed-seed draw, in fixed shares per {@link Kind}, from candidates built out of the
 * catalog's own vocabulary, so that the words hit. For generated data the candidates come from the generator's
 * vocabulary ({@link CatalogDataGenerator.Text}); for the demo data from the words of the demo entries' titles. Every
 * candidate is first asked of the index (raw Lucene): a candidate meant to hit is kept only if it has a hit, a no-hit
 * word only if it has none. Document numbers are real ones, read from the database. Where a kind has fewer
 * candidates than its share, some are drawn twice (popular searches repeat in real logs too).
 */
final class QueryMix {

    /** Words a transport bureau's catalog does not contain: the searches that find nothing. */
    static final List<String> NOT_IN_CATALOG = List.of("量子通信", "大熊猫保护", "足球联赛", "火星探测", "比特币", "核电站",
            "芯片设计", "奥运会", "疫苗接种", "稀土开采", "动漫产业", "婚姻登记", "高考招生", "宠物医院", "彩票销售", "考古发掘",
            "钢琴比赛", "天文台", "养老保险", "中药材", "葡萄酒", "海关缉私", "人口普查", "森林防火", "气象卫星", "渔业捕捞",
            "网络游戏", "文物修复", "围棋", "图书馆");

    /** Two-character words a visitor of a transport bureau types; kept when the catalog has them. */
    static final List<String> TWO_CHARACTER_WORDS = List.of("公路", "春运", "养护", "桥梁", "隧道", "港口", "航道", "物流",
            "客运", "货运", "公交", "出租", "执法", "应急", "信用", "预算", "决算", "招聘", "采购", "许可", "处罚", "统计", "规划",
            "台风", "暴雨", "大雾", "超载", "维修", "培训", "收费", "监管", "隐患", "演练", "汛期", "绕行", "限行", "充电", "冷链",
            "枢纽", "国道", "省道", "县道", "施工", "检测", "拆除", "考核", "补助", "示范", "试点", "质量", "安全", "投诉",
            "热线", "货车", "路政");

    /**
     * Terms of the generator's sentence bank ({@link CatalogDataGenerator.Text#SENTENCES}) a visitor would search for:
     * its nouns and named measures, not its verbs.
     */
    static final List<String> SENTENCE_TERMS = List.of("坑槽病害", "超限超载", "非法营运", "疲劳驾驶", "无证经营",
            "违法占用公路", "电子证照", "新能源公交车", "交通一卡通", "不停车收费", "智能网联技术", "告知承诺制", "一网通办",
            "跨省通办", "放管服改革", "审批制度改革", "信用监管", "建制村通客车率", "公交站点500米覆盖率", "卫星定位监控系统",
            "交通运输综合监管平台", "应急演练", "警示教育", "安全培训", "服务监督热线", "养护资金", "补助资金", "专项资金",
            "销号管理", "闭环管理", "联合惩戒", "应急响应", "出行提示", "值班值守", "地质灾害", "低温雨雪冰冻", "公路总里程",
            "农村公路里程", "城乡客运班线", "公交线路", "整改时限", "隐患整改", "桥梁定期检测", "边坡和隧道安全排查",
            "交通安全设施", "属地管理责任", "企业主体责任", "长效机制", "绩效考核", "资金分配", "信用评价", "投诉举报",
            "统计报表", "数据报送", "提质改造", "建成通车", "危险货物", "从业人员");

    private static final Pattern CJK_WORD = Pattern.compile("[\\p{IsHan}A-Za-z0-9]+");
    private static final Pattern ALTERNATIVES = Pattern.compile("\\{([^{}]*\\|[^{}]*)}");

    private final Random random;
    private final ToLongFunction<BenchQuery> hits;
    private final int size;

    /**
     * @param hits how many entries a query finds (raw Lucene on the benchmark's index)
     */
    QueryMix(long seed, int size, ToLongFunction<BenchQuery> hits) {
        this.random = new Random(seed);
        this.size = size;
        this.hits = hits;
    }

    /** The mix for generated data: the generator's vocabulary. */
    List<BenchQuery> generated(List<String> documentNumbers, List<String> departments) {
        Set<String> words = new LinkedHashSet<>();
        words.addAll(List.of(CatalogDataGenerator.Text.FIELDS));
        words.addAll(List.of(CatalogDataGenerator.Text.ROADS));
        words.addAll(List.of(CatalogDataGenerator.Text.PLACES));
        for (String c : CatalogDataGenerator.Text.CAMPAIGNS) {
            words.add(c.replace("“", "").replace("”", ""));
        }
        words.addAll(List.of(CatalogDataGenerator.Text.COMPANIES));
        words.addAll(List.of(CatalogDataGenerator.Text.DOCUMENT_KINDS));
        words.addAll(List.of(CatalogDataGenerator.Text.SECTIONS));
        for (String law : CatalogDataGenerator.Text.LAWS) {
            words.add(law.replace("《", "").replace("》", ""));
        }
        words.addAll(List.of(CatalogDataGenerator.Text.DEPARTMENTS));
        words.addAll(Taxonomy.GENRES);
        words.addAll(SENTENCE_TERMS);
        List<String> sentencePhrases = new ArrayList<>();
        for (String[] bank : List.of(CatalogDataGenerator.Text.SENTENCES, CatalogDataGenerator.Text.OPENINGS)) {
            for (String template : bank) {
                Matcher m = ALTERNATIVES.matcher(template);
                while (m.find()) {
                    for (String alternative : m.group(1).split("\\|")) {
                        if (alternative.length() >= 5 && CJK_WORD.matcher(alternative).matches()) {
                            sentencePhrases.add(alternative);
                        }
                    }
                }
            }
        }
        words.removeIf(w -> w.length() < 3 || w.equals("其他"));
        List<String> single = List.copyOf(words);

        List<String> phrases = new ArrayList<>(sentencePhrases);
        for (String field : CatalogDataGenerator.Text.FIELDS) {
            phrases.add("进一步加强" + field + "管理");
            phrases.add("加快推进" + field + "高质量发展");
            phrases.add("示例市" + field + "管理办法");
            phrases.add(field + "工作总结");
        }
        for (String campaign : CatalogDataGenerator.Text.CAMPAIGNS) {
            if (!campaign.contains("“")) {
                phrases.add("做好" + (2019 + random.nextInt(8)) + "年" + campaign);
            }
        }
        for (String road : CatalogDataGenerator.Text.ROADS) {
            phrases.add(road + "维修施工期间车辆绕行");
        }

        List<String> first = new ArrayList<>(CatalogDataGenerator.Text.FIELDS.length + 40);
        first.addAll(List.of(CatalogDataGenerator.Text.FIELDS));
        first.addAll(List.of(CatalogDataGenerator.Text.ROADS));
        first.addAll(List.of(CatalogDataGenerator.Text.PLACES));
        List<String> second = new ArrayList<>(TWO_CHARACTER_WORDS);
        second.addAll(List.of(CatalogDataGenerator.Text.DOCUMENT_KINDS));
        second.addAll(List.of(CatalogDataGenerator.Text.SECTIONS));
        List<String> topics = List.of("工业、交通", "工业、交通", "工业、交通", "综合政务", "市场监管、安全生产监管",
                "城乡建设、环境保护", "财政、金融、审计", "劳动、人事、监察", "公安、安全、司法");
        List<Integer> years = List.of(2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026);
        return draw(single, TWO_CHARACTER_WORDS, first, second, phrases, documentNumbers, topics, departments, years);
    }

    /** The mix for the demo data: the words of the demo entries' titles (SmartChinese segmentation). */
    List<BenchQuery> demo(List<String> titles, List<String> documentNumbers, List<String> topics,
            List<String> departments, List<Integer> years) {
        Set<String> single = new LinkedHashSet<>();
        Set<String> two = new LinkedHashSet<>();
        Set<String> phrases = new LinkedHashSet<>();
        Set<String> tokens = new LinkedHashSet<>();
        for (String title : titles) {
            List<String> t = words(title);
            for (int i = 0; i < t.size(); i++) {
                String w = t.get(i);
                tokens.add(w);
                if (w.length() == 2) {
                    two.add(w);
                } else if (w.length() >= 3) {
                    single.add(w);
                }
                if (i + 1 < t.size()) {
                    String pair = w + t.get(i + 1);
                    if (pair.length() >= 3 && pair.length() <= 6) {
                        single.add(pair);
                    }
                    if (i + 2 < t.size()) {
                        String run = pair + t.get(i + 2);
                        if (run.length() >= 4 && run.length() <= 10) {
                            phrases.add(run);
                        }
                    }
                }
            }
        }
        List<String> all = List.copyOf(tokens);
        return draw(List.copyOf(single), List.copyOf(two), all, all, List.copyOf(phrases), documentNumbers, topics,
                departments, years);
    }

    /** SmartChinese words of a text, Chinese or alphanumeric only, of two characters or more. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        try (Tokenizer t = new HMMChineseTokenizer()) {
            CharTermAttribute term = t.addAttribute(CharTermAttribute.class);
            t.setReader(new StringReader(text));
            t.reset();
            while (t.incrementToken()) {
                String w = term.toString();
                if (w.length() >= 2 && CJK_WORD.matcher(w).matches() && !w.chars().allMatch(Character::isDigit)) {
                    out.add(w);
                }
            }
            t.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private List<BenchQuery> draw(List<String> single, List<String> two, List<String> first, List<String> second,
            List<String> phrases, List<String> documentNumbers, List<String> topics, List<String> departments,
            List<Integer> years) {
        Map<Kind, Integer> counts = shares(size);
        Map<Kind, List<BenchQuery>> drawn = new EnumMap<>(Kind.class);
        drawn.put(Kind.WORD, pick(Kind.WORD, hitting(single.stream().map(w -> BenchQuery.of(Kind.WORD, w)).toList()),
                counts.get(Kind.WORD)));
        drawn.put(Kind.TWO_CHARACTERS, pick(Kind.TWO_CHARACTERS, hitting(two.stream().filter(w -> w.length() == 2)
                .map(w -> BenchQuery.of(Kind.TWO_CHARACTERS, w)).toList()), counts.get(Kind.TWO_CHARACTERS)));
        List<BenchQuery> multi = new ArrayList<>();
        int wanted = counts.get(Kind.MULTIWORD);
        for (int attempt = 0; attempt < 40 * wanted && multi.size() < 3 * wanted; attempt++) {
            String a = first.get(random.nextInt(first.size()));
            String b = second.get(random.nextInt(second.size()));
            String text = a + " " + b;
            if (random.nextInt(4) == 0) {
                text += " " + second.get(random.nextInt(second.size()));
            }
            if (!a.equals(b)) {
                BenchQuery q = BenchQuery.of(Kind.MULTIWORD, text);
                if (!multi.contains(q) && hits.applyAsLong(q) > 0) {
                    multi.add(q);
                }
            }
        }
        drawn.put(Kind.MULTIWORD, pick(Kind.MULTIWORD, multi, counts.get(Kind.MULTIWORD)));
        drawn.put(Kind.PHRASE, pick(Kind.PHRASE, hitting(phrases.stream().distinct()
                .map(p -> BenchQuery.of(Kind.PHRASE, "\"" + p + "\"")).toList()), counts.get(Kind.PHRASE)));
        drawn.put(Kind.DOCUMENT_NUMBER, pick(Kind.DOCUMENT_NUMBER, documentNumbers.stream()
                .map(n -> BenchQuery.of(Kind.DOCUMENT_NUMBER, n)).toList(), counts.get(Kind.DOCUMENT_NUMBER)));
        List<BenchQuery> filtered = new ArrayList<>();
        List<String> filterWords = new ArrayList<>(drawn.get(Kind.WORD).stream().map(BenchQuery::text).toList());
        filterWords.addAll(drawn.get(Kind.TWO_CHARACTERS).stream().map(BenchQuery::text).toList());
        for (int attempt = 0; attempt < 40 * counts.get(Kind.FILTERED)
                && filtered.size() < 2 * counts.get(Kind.FILTERED); attempt++) {
            String topic = null;
            String department = null;
            Integer year = null;
            // One filter, or two: topic, department, year, topic + year, department + year.
            switch (random.nextInt(5)) {
                case 0 -> topic = topics.get(random.nextInt(topics.size()));
                case 1 -> department = departments.get(random.nextInt(departments.size()));
                case 2 -> year = years.get(random.nextInt(years.size()));
                case 3 -> {
                    topic = topics.get(random.nextInt(topics.size()));
                    year = years.get(random.nextInt(years.size()));
                }
                default -> {
                    department = departments.get(random.nextInt(departments.size()));
                    year = years.get(random.nextInt(years.size()));
                }
            }
            String text = random.nextInt(5) < 3 && !filterWords.isEmpty()
                    ? filterWords.get(random.nextInt(filterWords.size())) : "";
            BenchQuery q = BenchQuery.filtered(text, topic, department, year);
            if (!filtered.contains(q) && hits.applyAsLong(q) > 0) {
                filtered.add(q);
            }
        }
        drawn.put(Kind.FILTERED, pick(Kind.FILTERED, filtered, counts.get(Kind.FILTERED)));
        drawn.put(Kind.NO_HIT, pick(Kind.NO_HIT, NOT_IN_CATALOG.stream().map(w -> BenchQuery.of(Kind.NO_HIT, w))
                .filter(q -> hits.applyAsLong(q) == 0).toList(), counts.get(Kind.NO_HIT)));
        List<BenchQuery> all = new ArrayList<>(size);
        drawn.values().forEach(all::addAll);
        Collections.shuffle(all, random);
        return List.copyOf(all);
    }

    /** Each kind's share of n, rounded so that they add up to n (the largest remainders round up). */
    static Map<Kind, Integer> shares(int n) {
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        int given = 0;
        for (Kind k : Kind.values()) {
            counts.put(k, n * k.percent / 100);
            given += n * k.percent / 100;
        }
        List<Kind> byRemainder = new ArrayList<>(List.of(Kind.values()));
        byRemainder.sort((a, b) -> Integer.compare(n * b.percent % 100, n * a.percent % 100));
        for (int i = 0; given < n; i++, given++) {
            counts.merge(byRemainder.get(i % byRemainder.size()), 1, Integer::sum);
        }
        return counts;
    }

    private List<BenchQuery> hitting(List<BenchQuery> candidates) {
        return candidates.stream().filter(q -> hits.applyAsLong(q) > 0).toList();
    }

    /** n of the candidates: each once while they last (in a shuffled order), then again. */
    private List<BenchQuery> pick(Kind kind, List<BenchQuery> candidates, int n) {
        if (candidates.isEmpty()) {
            if (n == 0) {
                return List.of();
            }
            throw new IllegalStateException("no candidate query of the kind " + kind.label + " hits the catalog");
        }
        List<BenchQuery> pool = new ArrayList<>(candidates);
        Collections.shuffle(pool, random);
        List<BenchQuery> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(pool.get(i % pool.size()));
        }
        return out;
    }
}
