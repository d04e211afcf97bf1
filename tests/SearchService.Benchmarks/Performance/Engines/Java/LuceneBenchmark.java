import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.AtomicReaderContext;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.FilteredQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryWrapperFilter;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollector;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.Version;

/**
 * Apache Lucene 4.10 in Java, used as the plain Lucene.Net engine of the query benchmark uses Lucene.Net (PlainLuceneEngine):
 * one thread adds one document per paragraph (regions precomputed), queries use the classic parser, a doc-values scan for
 * region counts and the stock Highlighter with its HTML encoder. It runs the benchmark's passes itself, as the benchmark
 * runs them in its own process (warm-up passes, then measured ones, then the questions), so that no call between the
 * processes is timed, and writes what it measured to standard output, one line each.
 *
 * Arguments: paragraphs file (id, title, text, regions joined by U+001F; tab-separated), queries file (class, first, second,
 * region; tab-separated, questions last), index folder, warm-up passes, measured passes.
 */
public final class LuceneBenchmark {
    private static final Version VERSION = Version.LUCENE_4_10_4;
    private static final String QUESTION = "Question";

    private final Analyzer analyzer = new EnglishAnalyzer();
    private final StringBuilder report = new StringBuilder();
    private IndexSearcher searcher;

    public static void main(String[] args) throws Exception {
        new LuceneBenchmark().run(Paths.get(args[0]), Paths.get(args[1]), Paths.get(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]));
    }

    private void run(Path paragraphsFile, Path queriesFile, Path indexFolder, int warmupPasses, int measuredPasses, int warmupParagraphs) throws Exception {
        List<String[]> paragraphs = read(paragraphsFile);
        List<String[]> queries = new ArrayList<>();
        List<String[]> questions = new ArrayList<>();
        for (String[] query : read(queriesFile))
            (query[0].equals(QUESTION) ? questions : queries).add(query);

        // As the benchmark does for each engine: a throwaway build of the first paragraphs, so the timed one runs compiled code.
        if (warmupParagraphs > 0) {
            build(paragraphs.subList(0, warmupParagraphs), indexFolder.resolveSibling("index-warm-up"));
            searcher.getIndexReader().close();
        }
        // As the benchmark does for each engine: the peak resident memory starts over before the build.
        boolean peakIsOurs = resetPeak();
        long residentBefore = status("VmRSS:");
        com.sun.management.OperatingSystemMXBean system = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long buildCpuBefore = system.getProcessCpuTime();
        long start = System.nanoTime();
        build(paragraphs, indexFolder);
        line("build", (System.nanoTime() - start) / 1e6);
        line("buildcpu", (system.getProcessCpuTime() - buildCpuBefore) / 1e6);
        try (Stream<Path> files = Files.list(indexFolder)) {
            line("index", files.mapToLong(LuceneBenchmark::size).sum());
        }

        pass("first", queries);
        for (int i = 1; i < warmupPasses; i++)
            pass(null, queries);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long cpuBefore = system.getProcessCpuTime();
        long allocatedBefore = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < measuredPasses; i++)
            pass("measured", queries);
        double measured = (double) measuredPasses * queries.size();
        line("cpu", (system.getProcessCpuTime() - cpuBefore) / 1e6 / measured);
        line("allocated", (threads.getThreadAllocatedBytes(thread) - allocatedBefore) / measured);
        for (int i = 0; i < warmupPasses; i++)
            pass(null, questions);
        cpuBefore = system.getProcessCpuTime();
        for (int i = 0; i < measuredPasses; i++)
            pass("question", questions);
        line("questioncpu", (system.getProcessCpuTime() - cpuBefore) / 1e6 / Math.max(1, (double) measuredPasses * questions.size()));
        long peak = status("VmHWM:");
        line("resident", peak + " " + (peakIsOurs ? Long.toString(peak - residentBefore) : "-"));
        System.out.print(report);
    }

    private void build(List<String[]> paragraphs, Path indexFolder) throws IOException {
        FSDirectory directory = FSDirectory.open(indexFolder.toFile());
        IndexWriterConfig config = new IndexWriterConfig(VERSION, analyzer);
        config.setSimilarity(new BM25Similarity());
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (String[] paragraph : paragraphs) {
                Document doc = new Document();
                doc.add(new StringField("id", paragraph[0], Field.Store.YES));
                doc.add(new TextField("title", paragraph[1], Field.Store.YES));
                doc.add(new TextField("text", paragraph[2], Field.Store.YES));
                for (String region : paragraph[3].isEmpty() ? new String[0] : paragraph[3].split("\u001F")) {
                    doc.add(new StringField("region", region, Field.Store.YES));
                    doc.add(new SortedSetDocValuesField("region", new BytesRef(region)));
                }
                writer.addDocument(doc);
            }
            writer.commit();
        }
        searcher = new IndexSearcher(DirectoryReader.open(directory));
        searcher.setSimilarity(new BM25Similarity());
    }

    /** One pass over the queries; each one's time and answer are reported under the pass's name (none: a warm-up pass). */
    private void pass(String name, List<String[]> queries) throws Exception {
        for (String[] query : queries) {
            long start = System.nanoTime();
            long[] answer = answer(query);
            double milliseconds = (System.nanoTime() - start) / 1e6;
            if (name != null)
                line(name, milliseconds + " " + answer[0] + " " + answer[1] + " " + answer[2] + " " + answer[3]);
        }
    }

    /** The full answer: top 10, a highlighted snippet of each, the total, region counts over all matches. Returns the figures of QueryAnswer. */
    private long[] answer(String[] query) throws Exception {
        String kind = query[0];
        // A question's words are any of them, as the classic parser takes them by default.
        QueryParser parser = new QueryParser("text", analyzer);
        parser.setDefaultOperator(kind.equals(QUESTION) ? QueryParser.Operator.OR : QueryParser.Operator.AND);
        Query parsed = parser.parse(kind.equals("Phrase") ? "\"" + query[1] + " " + query[2] + "\""
                : kind.equals("TwoTermAnd") ? query[1] + " " + query[2]
                : query[1]);
        Query filtered = query[3].isEmpty() ? parsed : new FilteredQuery(parsed, new QueryWrapperFilter(new TermQuery(new Term("region", query[3]))));

        TopScoreDocCollector top = TopScoreDocCollector.create(10, true);
        RegionCounter regions = new RegionCounter();
        searcher.search(filtered, MultiCollector.wrap(top, regions));
        ScoreDoc[] hits = top.topDocs().scoreDocs;

        Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), new QueryScorer(parsed, "text"));
        int snippetCharacters = 0;
        for (ScoreDoc hit : hits) {
            String text = searcher.doc(hit.doc).get("text");
            String fragment = highlighter.getBestFragment(analyzer, "text", text);
            snippetCharacters += (fragment != null ? fragment : text).length();
        }
        return new long[] { top.getTotalHits(), hits.length, snippetCharacters, regions.finish().size() };
    }

    private void line(String name, Object value) {
        report.append(name).append(' ').append(value).append('\n');
    }

    private static List<String[]> read(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8))
            rows.add(line.split("\t", -1));
        return rows;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean resetPeak() {
        try {
            Files.write(Paths.get("/proc/self/clear_refs"), "5".getBytes(StandardCharsets.US_ASCII)); // Linux: starts the peak over
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A figure of /proc/self/status, in bytes (0 where there is none). */
    private static long status(String key) throws IOException {
        Path path = Paths.get("/proc/self/status");
        if (!Files.exists(path))
            return 0;
        for (String line : Files.readAllLines(path, StandardCharsets.US_ASCII))
            if (line.startsWith(key))
                return Long.parseLong(line.substring(key.length()).trim().split(" ")[0]) * 1024;
        return 0;
    }

    /** Region counts over all matches, the straightforward way: per-segment ordinals, merged by value. */
    private static final class RegionCounter extends Collector {
        private final Map<String, Integer> counts = new HashMap<>();
        private SortedSetDocValues values;
        private int[] segmentCounts = new int[0];

        @Override
        public void setScorer(Scorer scorer) {
        }

        @Override
        public void setNextReader(AtomicReaderContext context) throws IOException {
            flush();
            values = context.reader().getSortedSetDocValues("region");
            segmentCounts = values == null ? new int[0] : new int[(int) values.getValueCount()];
        }

        @Override
        public void collect(int doc) {
            if (values == null)
                return;
            values.setDocument(doc);
            long ord;
            while ((ord = values.nextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
                segmentCounts[(int) ord]++;
        }

        @Override
        public boolean acceptsDocsOutOfOrder() {
            return true;
        }

        private void flush() {
            if (values == null)
                return;
            for (int ord = 0; ord < segmentCounts.length; ord++) {
                if (segmentCounts[ord] > 0)
                    counts.merge(values.lookupOrd(ord).utf8ToString(), segmentCounts[ord], Integer::sum);
            }
            values = null;
        }

        Map<String, Integer> finish() {
            flush();
            return counts;
        }
    }
}
