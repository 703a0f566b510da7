package cn.gongkai.request;

import java.util.HashSet;
import java.util.Set;

/**
 * 重复申请 hint: two requests from the same applicant ask for the same thing when their titles or document numbers
 * match, or their descriptions share most of their character pairs. Only a hint: the handler decides.
 */
final class DuplicateHint {

    static final double SIMILAR = 0.6;

    private DuplicateHint() {
    }

    static boolean similar(InfoRequest a, InfoRequest b) {
        if (same(a.getInfoDocumentNumber(), b.getInfoDocumentNumber()) || same(a.getInfoTitle(), b.getInfoTitle())) {
            return true;
        }
        return jaccard(bigrams(a.getInfoDescription()), bigrams(b.getInfoDescription())) >= SIMILAR;
    }

    private static boolean same(String x, String y) {
        return x != null && y != null && normalise(x).equals(normalise(y));
    }

    private static String normalise(String s) {
        return s.replaceAll("[\\s\\p{Punct}，。、；：“”《》（）〔〕]", "");
    }

    static Set<String> bigrams(String s) {
        String t = normalise(s == null ? "" : s);
        Set<String> grams = new HashSet<>();
        for (int i = 0; i + 1 < t.length(); i++) {
            grams.add(t.substring(i, i + 2));
        }
        return grams;
    }

    static double jaccard(Set<String> x, Set<String> y) {
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        Set<String> union = new HashSet<>(x);
        union.addAll(y);
        Set<String> both = new HashSet<>(x);
        both.retainAll(y);
        return (double) both.size() / union.size();
    }
}
