package cn.gongkai.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cjk.CJKBigramFilterFactory;
import org.apache.lucene.analysis.cjk.CJKWidthFilterFactory;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizerFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.en.PorterStemFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.BytesRef;

/**
 * The same search as {@code CatalogSearch.search} written directly against Lucene: the same analyzers (the
 * chains of {@code ChineseAnalysis}), one simple query string over the same fields with the same boosts and AND
 * operator, the same filters (agency, PUBLISHED or REPEALED, PROACTIVE, topic, department, year), the same sort
 * (score, then newest; newest when there is no text), hits counted exactly up to the same threshold (beyond it
 * Lucene skips what cannot reach the page; {@code Integer.MAX_VALUE} counts every hit), and the ids of the first
 * page from the same doc values Hibernate Search reads. No highlighting, no entity loading, no HTTP: the physical
 * limit.
 */
final class RawLucene {

    static final int PAGE_SIZE = 20;

    /** The operators {@code CatalogSearch.OPERATORS} allows: 与/或/非, phrases, parentheses; no fuzzy or prefix. */
    private static final int OPERATORS = SimpleQueryParser.AND_OPERATOR | SimpleQueryParser.OR_OPERATOR
            | SimpleQueryParser.NOT_OPERATOR | SimpleQueryParser.PHRASE_OPERATOR
            | SimpleQueryParser.PRECEDENCE_OPERATORS | SimpleQueryParser.WHITESPACE_OPERATOR;

    record Page(long total, boolean exact, List<Long> ids) {
    }

    private static final String ID = "__HSEARCH_id";
    private static final String ID_DOCVALUE = "__HSEARCH_id_docvalue";

    final IndexSearcher searcher;
    final int threshold;
    private final long agencyId;
    private final Map<String, Long> departments;
    final Analyzer analyzer;
    private final DocValuesType idType;
    private final Sort relevance;
    private final Sort newest;

    RawLucene(DirectoryReader reader, long agencyId, Map<String, Long> departments, int threshold)
            throws IOException {
        this(reader, agencyId, departments, threshold, new Sort(SortField.FIELD_SCORE,
                new SortedNumericSortField("publishedAt", SortField.Type.LONG, true)),
                new Sort(new SortedNumericSortField("publishedAt", SortField.Type.LONG, true)));
    }

    /** With other sorts: by relevance (text searches) and by date (filters alone). */
    RawLucene(DirectoryReader reader, long agencyId, Map<String, Long> departments, int threshold, Sort relevance,
            Sort newest) throws IOException {
        this.relevance = relevance;
        this.newest = newest;
        this.searcher = new IndexSearcher(reader);
        this.threshold = threshold;
        this.agencyId = agencyId;
        this.departments = departments;
        Analyzer chinese = CustomAnalyzer.builder().withTokenizer(HMMChineseTokenizerFactory.class)
                .addTokenFilter(LowerCaseFilterFactory.class).addTokenFilter(ASCIIFoldingFilterFactory.class)
                .addTokenFilter(PorterStemFilterFactory.class).build();
        Analyzer bigram = CustomAnalyzer.builder().withTokenizer(StandardTokenizerFactory.class)
                .addTokenFilter(CJKWidthFilterFactory.class).addTokenFilter(LowerCaseFilterFactory.class)
                .addTokenFilter(CJKBigramFilterFactory.class).build();
        Map<String, Analyzer> perField = new HashMap<>();
        for (String f : List.of("title_bigram", "summary_bigram", "body_bigram", "attachmentText_bigram")) {
            perField.put(f, bigram);
        }
        this.analyzer = new PerFieldAnalyzerWrapper(chinese, perField);
        FieldInfo id = FieldInfos.getMergedFieldInfos(reader).fieldInfo(ID_DOCVALUE);
        this.idType = id == null ? DocValuesType.NONE : id.getDocValuesType();
    }

    Query query(BenchQuery q) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(LongPoint.newExactQuery("agencyId", agencyId), Occur.FILTER);
        b.add(new BooleanQuery.Builder().add(new TermQuery(new Term("state", "PUBLISHED")), Occur.SHOULD)
                .add(new TermQuery(new Term("state", "REPEALED")), Occur.SHOULD).build(), Occur.FILTER);
        b.add(new TermQuery(new Term("attribute", "PROACTIVE")), Occur.FILTER);
        if (q.topic() != null) {
            b.add(new TermQuery(new Term("topic", q.topic())), Occur.FILTER);
        }
        if (q.department() != null) {
            b.add(LongPoint.newExactQuery("departmentId", departments.get(q.department())), Occur.FILTER);
        }
        if (q.year() != null) {
            b.add(IntPoint.newExactQuery("publishedYear", q.year()), Occur.FILTER);
        }
        if (q.text().isBlank()) {
            b.add(new MatchAllDocsQuery(), Occur.MUST);
        } else {
            String text = q.text().trim();
            Map<String, Float> fields = new LinkedHashMap<>();
            fields.put("title", 4f);
            fields.put("documentNumber", 3f);
            fields.put("keywords", 2f);
            fields.put("summary", 2f);
            fields.put("body", 1f);
            fields.put("attachmentText", 1f);
            fields.put("title_bigram", 2f);
            fields.put("summary_bigram", 1f);
            fields.put("body_bigram", 1f);
            fields.put("attachmentText_bigram", 1f);
            SimpleQueryParser words = new SimpleQueryParser(analyzer, fields, OPERATORS);
            words.setDefaultOperator(Occur.MUST);
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            any.add(words.parse(text), Occur.SHOULD);
            any.add(new BoostQuery(new TermQuery(new Term("documentNumber_keyword", text.toLowerCase(Locale.ROOT))),
                    10f), Occur.SHOULD);
            b.add(any.build(), Occur.MUST);
        }
        return b.build();
    }

    Page search(BenchQuery q) throws IOException {
        return search(q, query(q));
    }

    /** The stored fields the open-data API answers with for each hit (CatalogSearch's listing). */
    static final java.util.Set<String> LISTING_FIELDS = java.util.Set.of("indexNumber", "title", "summary",
            "publishedAt", "agencyName", "departmentName", "topic", "subtopicId", "genre", "validity");

    /**
     * The same search, then the listing's stored fields of the page's hits read as the API needs them (one stored
     * fields reader for the page): what Lucene itself costs to answer with titles and summaries, not ids alone. The
     * page's ids are Lucene's document numbers: for timing, not for comparing with the API.
     */
    Page searchWithFields(BenchQuery q) throws IOException {
        TopFieldDocs top = top(q, query(q));
        org.apache.lucene.index.StoredFields stored = searcher.storedFields();
        List<Long> ids = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc sd : top.scoreDocs) {
            org.apache.lucene.document.Document d = stored.document(sd.doc, LISTING_FIELDS);
            if (d.get("indexNumber") == null) {
                throw new IllegalStateException("doc " + sd.doc + " has no stored index number");
            }
            ids.add((long) sd.doc);
        }
        return new Page(top.totalHits.value, top.totalHits.relation == TotalHits.Relation.EQUAL_TO, ids);
    }

    /** The first page of the query, by relevance (text searches) or by date (filters alone). */
    private TopFieldDocs top(BenchQuery q, Query query) throws IOException {
        Sort sort = q.text().isBlank() ? newest : relevance;
        return searcher.search(query, new TopFieldCollectorManager(sort, PAGE_SIZE, null, threshold));
    }

    Page search(BenchQuery q, Query query) throws IOException {
        TopFieldDocs top = top(q, query);
        List<Long> ids = new ArrayList<>(top.scoreDocs.length);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        for (ScoreDoc sd : top.scoreDocs) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(sd.doc, leaves));
            int doc = sd.doc - leaf.docBase;
            BytesRef value;
            if (idType == DocValuesType.SORTED) {
                SortedDocValues dv = leaf.reader().getSortedDocValues(ID_DOCVALUE);
                dv.advanceExact(doc);
                value = dv.lookupOrd(dv.ordValue());
            } else if (idType == DocValuesType.BINARY) {
                BinaryDocValues dv = leaf.reader().getBinaryDocValues(ID_DOCVALUE);
                dv.advanceExact(doc);
                value = dv.binaryValue();
            } else {
                value = new BytesRef(leaf.reader().storedFields().document(doc, java.util.Set.of(ID)).get(ID));
            }
            ids.add(Long.parseLong(value.utf8ToString()));
        }
        return new Page(top.totalHits.value, top.totalHits.relation == TotalHits.Relation.EQUAL_TO, ids);
    }
}

