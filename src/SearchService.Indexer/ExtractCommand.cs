using System.Buffers;
using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Quotes;

namespace SearchService.Indexer;

/// <summary>
/// <c>extract FILE.jsonl</c>: runs the indexer's facet extractor over a JSON Lines corpus file and writes one JSON
/// line per article to standard output — <c>{"id", "region", "topic", "speaker", "speakers": [{"name", "kind", "roles"}],
/// "paragraphs": [{"region", "topic", "speaker"}, ...]}</c> — in input order. Speakers get their identity across the
/// file from a table a first pass over the file learns whole (<see cref="SpeakerIdentities.Learn"/>), so they do not
/// depend on the order articles are extracted in nor on the number of threads. Articles are extracted in parallel; a
/// summary with the speed goes to standard error so the output stays clean for scoring. The lines are written when the
/// whole file is extracted, each speaker with the kind and roles the table gives it then.
/// </summary>
public static class ExtractCommand
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <param name="threads">Extraction threads; null: one per core.</param>
    /// <param name="identitiesPath">
    /// A speaker identity table: read first when it exists (what an earlier pass learnt), written when the pass ends;
    /// null: the pass starts from an empty table and keeps nothing.
    /// </param>
    public static int Run(IFacetExtractor extractor, string path, int? threads, Stream output, TextWriter log, string? identitiesPath = null)
    {
        if (!File.Exists(path))
        {
            log.WriteLine($"The file '{Path.GetFullPath(path)}' does not exist.");
            return 2;
        }
        var degree = threads ?? Environment.ProcessorCount;
        var clock = Stopwatch.StartNew();
        var cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        SpeakerIdentities? identities = null;
        if (extractor is NewsFacetExtractor news)
        {
            identities = LoadIdentities(identitiesPath, news.SpeakerLexicon);
            var learning = news.WithSpeakerIdentities(identities);
            extractor = learning;
            // Learnt whole before any is resolved: "Lawson" is "Nigel Lawson" whichever article a thread takes first.
            using var input = File.OpenRead(path);
            JsonlArticleReader.Read(input, path, _ => { }).AsParallel().WithDegreeOfParallelism(degree).ForAll(learning.LearnSpeakers);
        }
        var problems = 0;
        var articles = 0;
        var paragraphs = 0;
        // Each line is written into memory and copied to a buffered output: a Utf8JsonWriter over the stream itself
        // flushes the stream with every line, one system call per article.
        var line = new ArrayBufferWriter<byte>(1 << 12);
        using (var input = File.OpenRead(path))
        using (var buffered = new BufferedStream(output, 1 << 16))
        using (var writer = new Utf8JsonWriter(line, WriterOptions))
        {
            var articlesRead = JsonlArticleReader.Read(input, path, p =>
            {
                problems++;
                log.WriteLine($"skipped {p}");
            });
            // One thread: extracted in the reading loop, without PLINQ's hand-over and reordering between threads.
            var extracted = degree == 1
                ? articlesRead.Select(a => (Article: a, Facets: extractor.Extract(a)))
                : articlesRead.AsParallel().AsOrdered().WithDegreeOfParallelism(degree)
                    .Select(a => (Article: a, Facets: extractor.Extract(a)));
            // Written once the whole file is resolved: a speaker's kind and roles are then the table's last word on
            // them, not what it knew when the article's turn came.
            foreach (var (article, facets) in extracted.ToList())
            {
                Write(writer, article.Id, facets, identities);
                writer.Flush();
                buffered.Write(line.WrittenSpan);
                buffered.WriteByte((byte)'\n');
                line.ResetWrittenCount();
                writer.Reset();
                articles++;
                paragraphs += article.Paragraphs.Count;
            }
        }
        var seconds = clock.Elapsed.TotalSeconds;
        if (identitiesPath is not null && identities is not null)
            using (var table = File.Create(identitiesPath))
                identities.Save(table);
        // CPU time as well as wall time: on a shared machine only the first says what one core can do.
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart).TotalSeconds;
        log.WriteLine($"extracted {articles} articles, {paragraphs} paragraphs in {seconds:F1} s " +
                      $"({paragraphs / Math.Max(seconds, 1e-9):F0} paragraphs/s on {threads ?? Environment.ProcessorCount} thread(s); " +
                      $"{cpuSeconds:F1} CPU-seconds, {paragraphs / Math.Max(cpuSeconds, 1e-9):F0} paragraphs per CPU-second); {problems} lines skipped");
        return 0;
    }

    private static SpeakerIdentities LoadIdentities(string? path, SpeakerLexicon lexicon)
    {
        if (path is null || !File.Exists(path))
            return new SpeakerIdentities(lexicon);
        using var table = File.OpenRead(path);
        return SpeakerIdentities.Load(table, lexicon);
    }

    private static void Write(Utf8JsonWriter writer, string id, ArticleFacets facets, SpeakerIdentities? identities)
    {
        writer.WriteStartObject();
        writer.WriteString("id", id);
        WriteLists(writer, facets.Article);
        if (facets.Speakers is { } speakers)
            WriteSpeakers(writer, facets.Article.Speaker.Select(s => identities?.Find(speakers[s].Name) is { } last && last.Name == speakers[s].Name ? last : speakers[s]));
        writer.WriteStartArray("paragraphs");
        foreach (var p in facets.Paragraphs)
        {
            writer.WriteStartObject();
            WriteLists(writer, p);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        WriteStatements(writer, facets.Statements ?? []);
        writer.WriteEndObject();
    }

    // Paragraph numbers from 1, offsets in the paragraph's text, as the statement index keeps them.
    private static void WriteStatements(Utf8JsonWriter writer, IEnumerable<Statement> statements)
    {
        writer.WriteStartArray("statements");
        foreach (var s in statements)
        {
            writer.WriteStartObject();
            writer.WriteNumber("paragraph", s.Paragraph);
            writer.WriteNumber("start", s.Start);
            writer.WriteNumber("end", s.End);
            writer.WriteString("speaker", s.Speaker);
            writer.WriteString("verb", s.Verb);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteLists(Utf8JsonWriter writer, ParagraphFacets facets)
    {
        WriteList(writer, "region", facets.Region);
        WriteList(writer, "topic", facets.Topic);
        WriteList(writer, "speaker", facets.Speaker);
    }

    private static void WriteSpeakers(Utf8JsonWriter writer, IEnumerable<SpeakerIdentity> speakers)
    {
        writer.WriteStartArray("speakers");
        foreach (var speaker in speakers)
        {
            writer.WriteStartObject();
            writer.WriteString("name", speaker.Name);
            writer.WriteString("kind", speaker.Kind.ToString().ToLowerInvariant());
            WriteList(writer, "roles", speaker.Roles);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void WriteList(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var v in values)
            writer.WriteStringValue(v);
        writer.WriteEndArray();
    }
}
