package cn.gongkai.catalog;

import org.apache.lucene.analysis.cjk.CJKBigramFilterFactory;
import org.apache.lucene.analysis.cjk.CJKWidthFilterFactory;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizerFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.en.PorterStemFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * Two analyses of the catalog's Chinese text. {@code chinese} is Lucene's SmartChineseAnalyzer chain (HMM word
 * segmentation) for relevance; {@code cjk_bigram} indexes overlapping character pairs, so that a word is found even
 * where segmentation cuts it differently in the document than in the query (坑槽病害 in 整治坑槽病害).
 */
public class ChineseAnalysis implements LuceneAnalysisConfigurer {

    static final String CHINESE = "chinese";
    static final String KEYWORD = "keyword_lower";
    static final String BIGRAM = "cjk_bigram";

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(CHINESE).custom().tokenizer(HMMChineseTokenizerFactory.class)
                .tokenFilter(LowerCaseFilterFactory.class).tokenFilter(ASCIIFoldingFilterFactory.class)
                .tokenFilter(PorterStemFilterFactory.class);
        context.analyzer(BIGRAM).custom().tokenizer(StandardTokenizerFactory.class)
                .tokenFilter(CJKWidthFilterFactory.class).tokenFilter(LowerCaseFilterFactory.class)
                .tokenFilter(CJKBigramFilterFactory.class);
        context.normalizer(KEYWORD).custom().tokenFilter(LowerCaseFilterFactory.class);
    }
}
