using Microsoft.Data.Sqlite;
using SearchService.Benchmarks.Performance;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;

namespace SearchService.Benchmarks.Performance.Engines;

/// <summary>
/// SQLite FTS5 (Porter stemming, bm25 ranking, snippet()) with region counts by GROUP BY over the matches, in a file
/// database. Regions are precomputed, so extraction is not in its build time. Note: snippet() does not HTML-encode.
/// </summary>
public sealed class SqliteFts5Engine(string workFolder) : ISearchEngine
{
    private readonly string databasePath = Path.Combine(workFolder, "fts5.db");
    private SqliteConnection? connection;

    public string Name => "SQLite FTS5";

    public long IndexBytes => new FileInfo(databasePath).Length;

    public void Build(string corpusFile, IReadOnlyList<Article> articles, IReadOnlyList<ArticleFacets> facets)
    {
        connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
        Execute("""
            CREATE TABLE paragraph(id INTEGER PRIMARY KEY, paragraph_id TEXT, title TEXT, text TEXT);
            CREATE VIRTUAL TABLE paragraph_fts USING fts5(title, text, content='paragraph', content_rowid='id', tokenize='porter unicode61');
            CREATE TABLE region(paragraph INTEGER, value TEXT);
            """);
        using (var transaction = connection.BeginTransaction())
        {
            using var insertParagraph = Command("INSERT INTO paragraph(id, paragraph_id, title, text) VALUES ($id, $pid, $title, $text)", transaction);
            using var insertRegion = Command("INSERT INTO region(paragraph, value) VALUES ($id, $value)", transaction);
            var rowId = 0L;
            for (var a = 0; a < articles.Count; a++)
            {
                for (var p = 0; p < articles[a].Paragraphs.Count; p++)
                {
                    rowId++;
                    Bind(insertParagraph, ("$id", rowId), ("$pid", $"{articles[a].Id}#{p + 1}"), ("$title", articles[a].Title), ("$text", articles[a].Paragraphs[p]));
                    insertParagraph.ExecuteNonQuery();
                    foreach (var region in facets[a].Paragraphs[p].Region)
                    {
                        Bind(insertRegion, ("$id", rowId), ("$value", region));
                        insertRegion.ExecuteNonQuery();
                    }
                }
            }
            transaction.Commit();
        }
        Execute("INSERT INTO paragraph_fts(paragraph_fts) VALUES ('rebuild'); CREATE INDEX region_by_value ON region(value, paragraph); CREATE INDEX region_by_paragraph ON region(paragraph);");
        Execute("PRAGMA wal_checkpoint(TRUNCATE);");
    }

    public QueryAnswer Run(BenchQuery query)
    {
        var match = query.Class switch
        {
            QueryClass.Phrase => $"text : \"{query.First} {query.Second}\"",
            QueryClass.TwoTermAnd => $"text : {query.First} AND text : {query.Second}",
            QueryClass.Question => $"text : ({string.Join(" OR ", query.First.Split(' '))})",
            _ => $"text : {query.First}",
        };
        var regionFilter = query.Region is null ? "" : " AND rowid IN (SELECT paragraph FROM region WHERE value = $region)";
        var parameters = query.Region is null ? [("$match", (object)match)] : new[] { ("$match", (object)match), ("$region", (object)query.Region) };

        using var top = Command($"SELECT rowid, snippet(paragraph_fts, 1, '<mark>', '</mark>', '…', 24) FROM paragraph_fts WHERE paragraph_fts MATCH $match{regionFilter} ORDER BY bm25(paragraph_fts) LIMIT 10");
        Bind(top, parameters);
        int hits = 0, snippetCharacters = 0;
        using (var rows = top.ExecuteReader())
        {
            while (rows.Read())
            {
                hits++;
                snippetCharacters += rows.GetString(1).Length;
            }
        }

        using var total = Command($"SELECT count(*) FROM paragraph_fts WHERE paragraph_fts MATCH $match{regionFilter}");
        Bind(total, parameters);
        var count = (long)total.ExecuteScalar()!;

        using var regions = Command($"SELECT value, count(*) FROM region WHERE paragraph IN (SELECT rowid FROM paragraph_fts WHERE paragraph_fts MATCH $match{regionFilter}) GROUP BY value");
        Bind(regions, parameters);
        var regionValues = 0;
        using (var rows = regions.ExecuteReader())
        {
            while (rows.Read())
                regionValues++;
        }
        return new QueryAnswer(count, hits, snippetCharacters, regionValues);
    }

    private void Execute(string sql)
    {
        using var command = Command(sql);
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        var command = connection!.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private static void Bind(SqliteCommand command, params (string Name, object Value)[] values)
    {
        command.Parameters.Clear();
        foreach (var (name, value) in values)
            command.Parameters.AddWithValue(name, value);
    }

    public void Dispose() => connection?.Dispose();
}
