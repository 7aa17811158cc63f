import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;

/**
 * Lucene peer of Scripts/compare.sh, run on the Lucene inside pyserini's Anserini jar (from PyPI).
 *
 *   java -cp JAR:CLASSES LuceneBench build TOKENS_DIR INDEX_DIR
 *   java -cp JAR:CLASSES LuceneBench query TOKENS_DIR INDEX_DIR TOP_FILE REPEAT BUDGET_SECONDS
 *
 * Same contract as peers.py: one text field of whitespace tokens with frequencies (no positions),
 * BM25 k1 = 1.2, b = 0.75, one indexing thread then forceMerge(1); top-10 disjunctions of
 * TermQuery, one thread, warm-up passes (the JIT needs them), then timed passes around
 * IndexSearcher.search only. Prints one JSON object.
 */
public final class LuceneBench {
    static final float K1 = 1.2f, B = 0.75f;

    public static void main(String[] args) throws Exception {
        if (args.length >= 3 && args[0].equals("build")) {
            build(Paths.get(args[1]), Paths.get(args[2]));
        } else if (args.length == 6 && args[0].equals("query")) {
            query(Paths.get(args[1]), Paths.get(args[2]), Paths.get(args[3]), Integer.parseInt(args[4]),
                  Double.parseDouble(args[5]));
        } else {
            System.err.println("usage: LuceneBench build TOKENS INDEX | query TOKENS INDEX TOP REPEAT BUDGET");
            System.exit(2);
        }
    }

    static void build(Path tokens, Path index) throws Exception {
        long start = System.nanoTime();
        FieldType type = new FieldType();
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.setTokenized(true);
        type.freeze();
        IndexWriterConfig config = new IndexWriterConfig(new WhitespaceAnalyzer());
        config.setSimilarity(new BM25Similarity(K1, B));
        config.setRAMBufferSizeMB(1024);
        config.setUseCompoundFile(false);
        try (IndexWriter writer = new IndexWriter(FSDirectory.open(index), config);
             BufferedReader in = Files.newBufferedReader(tokens.resolve("docs.txt"), StandardCharsets.US_ASCII)) {
            String line;
            int id = 0;
            while ((line = in.readLine()) != null) {
                Document doc = new Document();
                doc.add(new Field("body", line, type));
                doc.add(new StoredField("id", id++));
                writer.addDocument(doc);
            }
            writer.forceMerge(1);
            writer.commit();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("{\"build_seconds\": %.6f, \"index_bytes\": %d, \"peak_rss_bytes\": %d}%n",
                          seconds, dirBytes(index), status("VmHWM"));
    }

    static void query(Path tokens, Path index, Path top, int repeat, double budget) throws Exception {
        List<String[]> queries = new ArrayList<>();
        for (String line : Files.readAllLines(tokens.resolve("queries.txt"), StandardCharsets.US_ASCII)) {
            queries.add(line.isEmpty() ? new String[0] : line.split(" "));
        }
        long before = status("VmRSS");
        long openStart = System.nanoTime();
        DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index));
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(new BM25Similarity(K1, B));
        searcher.setQueryCache(null);
        double openSeconds = (System.nanoTime() - openStart) / 1e9;
        long afterOpen = status("VmRSS");
        Query[] prepared = new Query[queries.size()];
        for (int i = 0; i < prepared.length; i++) {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            for (String t : queries.get(i)) b.add(new TermQuery(new Term("body", t)), BooleanClause.Occur.SHOULD);
            prepared[i] = b.build();
        }
        for (int pass = 0; pass < 3; pass++) {  // warm-up: let the JIT compile the search path
            for (Query q : prepared) searcher.search(q, 10);
        }
        long[] latencies = new long[prepared.length * repeat];
        int n = 0, passes = 0;
        long began = System.nanoTime();
        while (passes < repeat) {
            for (Query q : prepared) {
                long t0 = System.nanoTime();
                searcher.search(q, 10);
                latencies[n++] = System.nanoTime() - t0;
            }
            passes++;
            if ((System.nanoTime() - began) / 1e9 > budget) break;
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(top))) {
            for (Query q : prepared) {
                TopDocs docs = searcher.search(q, 10);
                StringBuilder s = new StringBuilder();
                for (ScoreDoc d : docs.scoreDocs) {
                    if (s.length() > 0) s.append(' ');
                    s.append(searcher.storedFields().document(d.doc).getField("id").numericValue().intValue());
                }
                out.println(s);
            }
        }
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        long total = 0;
        for (long l : sorted) total += l;
        System.out.printf("{\"queries\": %d, \"passes\": %d, \"open_seconds\": %.6f, \"rss_before_open_bytes\": %d, "
                          + "\"rss_after_open_bytes\": %d, \"peak_rss_bytes\": %d, \"p50_us\": %.3f, \"p90_us\": %.3f, "
                          + "\"p99_us\": %.3f, \"mean_us\": %.3f, \"qps\": %.3f}%n",
                          n, passes, openSeconds, before, afterOpen, status("VmHWM"), pick(sorted, 0.50),
                          pick(sorted, 0.90), pick(sorted, 0.99), total / 1e3 / n, n / (total / 1e9));
    }

    static double pick(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e3;
    }

    static long dirBytes(Path dir) throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** A /proc/self/status figure in bytes. */
    static long status(String key) throws Exception {
        for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return 0;
    }
}
