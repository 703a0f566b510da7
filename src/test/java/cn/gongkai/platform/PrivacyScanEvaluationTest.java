package cn.gongkai.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.platform.PrivacyCorpus.Document;
import cn.gongkai.platform.PrivacyCorpus.Expected;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of {@link PrivacyScanner} on the labelled {@link PrivacyCorpus}. A finding is correct when its
 * type, start and end are those of a planted one; its line and masked value must then be the planted ones too.
 * Prints the table and writes it to {@code target/privacy-scan-evaluation.md}; the throughput printed is informal and
 * not asserted.
 */
class PrivacyScanEvaluationTest {

    static final int DOCUMENTS = 2_000;

    final PrivacyScanner scanner = new PrivacyScanner();

    @Test
    void recallAndPrecisionOnTheLabelledCorpusMeetTheTargets() throws IOException {
        List<Document> corpus = new PrivacyCorpus(PrivacyCorpus.SEED).documents(DOCUMENTS);

        Map<FindingType, Tally> tallies = new EnumMap<>(FindingType.class);
        for (FindingType type : FindingType.values()) {
            tallies.put(type, new Tally());
        }
        List<String> wrongDetails = new ArrayList<>();
        for (Document doc : corpus) {
            Map<String, Expected> planted = new HashMap<>();
            for (Expected e : doc.expected()) {
                planted.put(key(e.type(), e.start(), e.end()), e);
            }
            for (PrivacyFinding f : scanner.scan(doc.location(), doc.text())) {
                Tally tally = tallies.get(f.type());
                Expected e = planted.remove(key(f.type(), f.start(), f.end()));
                if (e == null) {
                    tally.falsePositives++;
                    tally.example("FP", doc, f.start(), f.end());
                } else {
                    tally.truePositives++;
                    if (e.line() != f.line() || !e.maskedValue().equals(f.maskedValue())
                            || !f.location().equals(doc.location())) {
                        wrongDetails.add(doc.location() + ": expected " + e + ", found " + f);
                    }
                }
            }
            for (Expected e : planted.values()) {
                Tally tally = tallies.get(e.type());
                tally.falseNegatives++;
                tally.example("FN", doc, e.start(), e.end());
            }
        }

        Throughput throughput = measureThroughput(corpus);
        String table = table(tallies, corpus, throughput);
        System.out.println(table);
        tallies.forEach((type, tally) -> tally.examples.forEach(x -> System.out.println(type + " " + x)));
        Path report = Path.of("target", "privacy-scan-evaluation.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, table, StandardCharsets.UTF_8);

        assertThat(wrongDetails).as("line or masked value of correctly placed findings").isEmpty();
        tallies.forEach((type, tally) -> {
            assertThat(tally.planted()).as("%s planted", type).isGreaterThan(500);
            assertThat(tally.precision()).as("precision of %s", type).isGreaterThanOrEqualTo(0.95);
        });
        assertThat(tallies.get(FindingType.RESIDENT_ID).recall()).as("recall of RESIDENT_ID")
                .isGreaterThanOrEqualTo(0.99);
        assertThat(tallies.get(FindingType.SECRECY_MARKING).recall()).as("recall of SECRECY_MARKING")
                .isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void theCorpusIsTheSameForTheSameSeed() {
        Document first = new PrivacyCorpus(PrivacyCorpus.SEED).document(42);
        Document again = new PrivacyCorpus(PrivacyCorpus.SEED).document(42);

        assertThat(again).isEqualTo(first);
        assertThat(new PrivacyCorpus(PrivacyCorpus.SEED + 1).document(42)).isNotEqualTo(first);
        for (Expected e : first.expected()) {
            assertThat(e.end()).isLessThanOrEqualTo(first.text().length());
        }
    }

    private static String key(FindingType type, int start, int end) {
        return type + ":" + start + ":" + end;
    }

    /** Informal: scans the corpus a few times after a warm-up; best of the timed rounds. */
    private Throughput measureThroughput(List<Document> corpus) {
        long chars = 0;
        long bytes = 0;
        for (Document doc : corpus) {
            chars += doc.text().length();
            bytes += doc.text().getBytes(StandardCharsets.UTF_8).length;
        }
        long sink = 0;
        for (int warmUp = 0; warmUp < 3; warmUp++) {
            for (Document doc : corpus) {
                sink += scanner.scan(doc.location(), doc.text()).size();
            }
        }
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long began = System.nanoTime();
            for (Document doc : corpus) {
                sink += scanner.scan(doc.location(), doc.text()).size();
            }
            best = Math.min(best, System.nanoTime() - began);
        }
        assertThat(sink).isPositive();
        double seconds = best / 1e9;
        return new Throughput(corpus.size(), chars, bytes, seconds);
    }

    private static String table(Map<FindingType, Tally> tallies, List<Document> corpus, Throughput t) {
        StringBuilder b = new StringBuilder();
        b.append("# Privacy scan evaluation\n\n");
        b.append(String.format(Locale.ROOT, "Corpus: %,d documents, seed %d, %,d characters (%,d bytes UTF-8), "
                        + "%,d look-alike sentences planted besides the findings.%n%n",
                corpus.size(), PrivacyCorpus.SEED, t.chars, t.bytes,
                corpus.stream().mapToInt(Document::lookAlikes).sum()));
        b.append("| Type | Planted | Found | Correct | Precision | Recall |\n");
        b.append("|---|---:|---:|---:|---:|---:|\n");
        Tally all = new Tally();
        for (Map.Entry<FindingType, Tally> e : tallies.entrySet()) {
            Tally x = e.getValue();
            all.truePositives += x.truePositives;
            all.falsePositives += x.falsePositives;
            all.falseNegatives += x.falseNegatives;
            b.append(row(e.getKey().name(), x));
        }
        b.append(row("all", all));
        b.append(String.format(Locale.ROOT,
                "%nThroughput (informal, best of 5 rounds after 3 warm-up rounds, one thread): "
                        + "%,.0f documents/s, %.1f MB/s (UTF-8), %.1f M chars/s.%n",
                t.documents / t.seconds, t.bytes / 1e6 / t.seconds, t.chars / 1e6 / t.seconds));
        return b.toString();
    }

    private static String row(String name, Tally x) {
        return String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | %.4f | %.4f |%n", name, x.planted(),
                x.truePositives + x.falsePositives, x.truePositives, x.precision(), x.recall());
    }

    private record Throughput(int documents, long chars, long bytes, double seconds) {
    }

    private static final class Tally {

        int truePositives;
        int falsePositives;
        int falseNegatives;
        final List<String> examples = new ArrayList<>();

        int planted() {
            return truePositives + falseNegatives;
        }

        double precision() {
            return truePositives + falsePositives == 0 ? 1.0 : (double) truePositives / (truePositives + falsePositives);
        }

        double recall() {
            return planted() == 0 ? 1.0 : (double) truePositives / planted();
        }

        void example(String kind, Document doc, int start, int end) {
            if (examples.size() < 5) {
                String text = doc.text();
                String context = text.substring(Math.max(0, start - 12), Math.min(text.length(), end + 12));
                examples.add(kind + " " + doc.location() + " [" + start + "," + end + ") «"
                        + text.substring(start, end) + "» in «" + context.replace("\n", "⏎").replace("\r", "") + "»");
            }
        }
    }
}
