package cn.gongkai.catalog;

import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizerFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.en.PorterStemFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/** Lucene's SmartChineseAnalyzer chain (HMM word segmentation) for the catalog's full text. */
public class ChineseAnalysis implements LuceneAnalysisConfigurer {

    static final String CHINESE = "chinese";
    static final String KEYWORD = "keyword_lower";

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(CHINESE).custom().tokenizer(HMMChineseTokenizerFactory.class)
                .tokenFilter(LowerCaseFilterFactory.class).tokenFilter(ASCIIFoldingFilterFactory.class)
                .tokenFilter(PorterStemFilterFactory.class);
        context.normalizer(KEYWORD).custom().tokenFilter(LowerCaseFilterFactory.class);
    }
}
