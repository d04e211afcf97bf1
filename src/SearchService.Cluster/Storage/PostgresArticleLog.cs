using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;

namespace SearchService.Cluster.Storage;

/// <summary>
/// The articles of a cluster in PostgreSQL, the system of record: a write is acknowledged once PostgreSQL has committed
/// it, and every write (put or delete) gets a version. Versions increase in commit order, with no later gap: each
/// write takes its version from one counter row inside its own transaction, so the next write waits for the row until
/// this one has committed (<c>Sql/articles.sql</c>). A reader that has read every change up to version v therefore
/// never meets a change of version v or lower later. Each article id has one row, holding its last write: a reader
/// catching up gets the newest state of every id changed since its version, deletions as tombstones.
/// </summary>
public sealed class PostgresArticleLog : IAsyncDisposable
{
    private const string PutSql = """
        WITH next AS (UPDATE article_version_counter SET last_version = last_version + 1 RETURNING last_version)
        INSERT INTO articles (id, version, document, facets) SELECT @id, last_version, @document, @facets FROM next
        ON CONFLICT (id) DO UPDATE SET version = excluded.version, document = excluded.document, facets = excluded.facets
        RETURNING version
        """;

    private const string PutManySql = """
        WITH next AS (UPDATE article_version_counter SET last_version = last_version + @count RETURNING last_version),
        written AS (
            INSERT INTO articles (id, version, document, facets)
            SELECT batch.id, next.last_version - @count + batch.position, batch.document, batch.facets
            FROM next, unnest(@ids, @documents, @facets) WITH ORDINALITY AS batch (id, document, facets, position)
            ON CONFLICT (id) DO UPDATE SET version = excluded.version, document = excluded.document, facets = excluded.facets)
        SELECT last_version FROM next
        """;

    private const string ReplaceFacetsSql = """
        UPDATE articles SET facets = batch.facets
        FROM unnest(@ids, @versions, @facets) AS batch (id, version, facets)
        WHERE articles.id = batch.id AND articles.version = batch.version
        """;

    private const string NextVersionSql = "UPDATE article_version_counter SET last_version = last_version + 1 RETURNING last_version";

    private const string TombstoneSql = "UPDATE articles SET version = @version, document = NULL, facets = NULL WHERE id = @id AND document IS NOT NULL";

    // Taken first by every write (each takes its version from the counter first), so while it is held no other write
    // takes a version or changes which articles exist.
    private const string LockCounterSql = "SELECT last_version FROM article_version_counter FOR UPDATE";

    // Tombstones those of @ids (distinct) with a document at consecutive versions after @last, in the order given, and
    // moves the counter on by as many: no version is taken that no change holds.
    private const string DeleteManySql = """
        WITH targets AS (
            SELECT batch.id, row_number() OVER (ORDER BY batch.position) AS n
            FROM unnest(@ids) WITH ORDINALITY AS batch (id, position)
            WHERE EXISTS (SELECT 1 FROM articles WHERE articles.id = batch.id AND articles.document IS NOT NULL)),
        tombstoned AS (
            UPDATE articles SET version = @last + targets.n, document = NULL, facets = NULL
            FROM targets WHERE articles.id = targets.id
            RETURNING 1),
        counted AS (
            UPDATE article_version_counter SET last_version = @last + (SELECT count(*) FROM targets)
            WHERE EXISTS (SELECT 1 FROM targets))
        SELECT count(*) FROM tombstoned
        """;

    private const string ChangesSql = "SELECT version, id, document, facets FROM articles WHERE version > @after ORDER BY version LIMIT @limit";

    // The row as it is after the insert, whoever made it (an insert that did nothing returns no row of its own).
    private const string CursorKeySql =
        "INSERT INTO cursor_key (key) VALUES (@key) ON CONFLICT (singleton) DO NOTHING; SELECT key FROM cursor_key";

    private const string ReadSql = "SELECT version, document, facets FROM articles WHERE id = @id AND document IS NOT NULL";

    private const string CorpusFilesSql = "SELECT path, stamp, article_ids FROM corpus_files";

    private const string RecordCorpusFileSql = """
        INSERT INTO corpus_files (path, stamp, article_ids) VALUES (@path, @stamp, @ids)
        ON CONFLICT (path) DO UPDATE SET stamp = excluded.stamp, article_ids = excluded.article_ids
        """;

    private const string ForgetCorpusFileSql = "DELETE FROM corpus_files WHERE path = @path";

    private const string CurrentVersionSql = "SELECT last_version FROM article_version_counter";

    /// <summary>The channel every commit is told on (<c>Sql/articles.sql</c>'s trigger), its last version as the payload.</summary>
    private const string CommitChannel = "article_log";

    private static readonly JsonSerializerOptions FacetsJson = new(JsonSerializerDefaults.Web);

    private readonly NpgsqlDataSource dataSource;
    private readonly string server;
    private readonly string connecting;
    private readonly string runningStatement;

    private PostgresArticleLog(NpgsqlDataSource dataSource)
    {
        this.dataSource = dataSource;
        var settings = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        server = $"{settings.Host}:{settings.Port}, database {settings.Database}";
        connecting = $"while connecting (timeout {settings.Timeout} s)";
        runningStatement = $"during a statement (timeout {settings.CommandTimeout} s)";
    }

    /// <summary>Connects to the database and makes or completes its schema (<see cref="DatabaseSchema"/>).</summary>
    /// <exception cref="ArticleLogUnavailableException">PostgreSQL cannot be reached or refuses the connection.</exception>
    public static async Task<PostgresArticleLog> OpenAsync(ArticleLogOptions options, CancellationToken cancellation = default)
    {
        var connection = new NpgsqlConnectionStringBuilder(options.ConnectionString)
        {
            Timeout = WholeSeconds(options.ConnectTimeout),
            CommandTimeout = WholeSeconds(options.CommandTimeout),
        };
        var log = new PostgresArticleLog(NpgsqlDataSource.Create(connection));
        try
        {
            await log.RunAsync(async db =>
            {
                await DatabaseSchema.ApplyAsync(db, cancellation);
                return true;
            }, cancellation);
            return log;
        }
        catch
        {
            await log.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates or replaces an article with the facets extracted from it; returns the version it was committed with.</summary>
    /// <exception cref="ArgumentException">The article cannot be stored (its id or content is refused); the message says why.</exception>
    public Task<long> PutAsync(Article article, ArticleFacets facets, CancellationToken cancellation = default)
    {
        var document = Document(article, nameof(article));
        ArgumentNullException.ThrowIfNull(facets);
        return RunAsync(async db =>
        {
            await using var put = new NpgsqlCommand(PutSql, db);
            put.Parameters.Add(new NpgsqlParameter<string>("id", article.Id));
            put.Parameters.Add(new NpgsqlParameter("document", NpgsqlDbType.Json) { Value = document });
            put.Parameters.Add(new NpgsqlParameter("facets", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(facets, FacetsJson) });
            return (long)(await put.ExecuteScalarAsync(cancellation))!;
        }, cancellation);
    }

    /// <summary>
    /// Creates or replaces many articles, each with its facets, in one transaction, all or none, with consecutive
    /// versions in the order given; of an id given more than once, the last one is written. Returns the highest version
    /// committed (the current version when there was nothing to write).
    /// </summary>
    /// <exception cref="ArgumentException">An article cannot be stored; the message names its position. Nothing is written.</exception>
    public async Task<long> PutManyAsync(IReadOnlyList<FacetedArticle> articles, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var documents = articles.Select((faceted, i) => Document(faceted.Article, $"{nameof(articles)}[{i}]")).ToArray();
        var lastOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < articles.Count; i++)
            lastOfId[articles[i].Article.Id] = i;
        var written = Enumerable.Range(0, articles.Count).Where(i => lastOfId[articles[i].Article.Id] == i).ToArray();
        if (written.Length == 0)
            return await CurrentVersionAsync(cancellation);
        return await RunAsync(async db =>
        {
            await using var putMany = new NpgsqlCommand(PutManySql, db);
            putMany.Parameters.Add(new NpgsqlParameter<long>("count", written.Length));
            putMany.Parameters.Add(new NpgsqlParameter<string[]>("ids", written.Select(i => articles[i].Article.Id).ToArray()));
            putMany.Parameters.Add(new NpgsqlParameter("documents", NpgsqlDbType.Array | NpgsqlDbType.Json) { Value = written.Select(i => documents[i]).ToArray() });
            putMany.Parameters.Add(new NpgsqlParameter("facets", NpgsqlDbType.Array | NpgsqlDbType.Jsonb)
            {
                Value = written.Select(i => JsonSerializer.Serialize(articles[i].Facets, FacetsJson)).ToArray(),
            });
            return (long)(await putMany.ExecuteScalarAsync(cancellation))!;
        }, cancellation);
    }

    /// <summary>
    /// Replaces the stored facets of articles still at the versions given, keeping their versions: facets extracted
    /// again from the same article (a rebuild resolving its speakers with the speaker table as it stands now). An
    /// article written since keeps what its write stored.
    /// </summary>
    public Task ReplaceFacetsAsync(IReadOnlyList<ArticleChange> changes, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Any(c => c.Facets is null))
            throw new ArgumentException("Every change must carry the facets to store.", nameof(changes));
        return RunAsync(async db =>
        {
            await using var replace = new NpgsqlCommand(ReplaceFacetsSql, db);
            replace.Parameters.Add(new NpgsqlParameter<string[]>("ids", changes.Select(c => c.Id).ToArray()));
            replace.Parameters.Add(new NpgsqlParameter<long[]>("versions", changes.Select(c => c.Version).ToArray()));
            replace.Parameters.Add(new NpgsqlParameter("facets", NpgsqlDbType.Array | NpgsqlDbType.Jsonb)
            {
                Value = changes.Select(c => JsonSerializer.Serialize(c.Facets, FacetsJson)).ToArray(),
            });
            return await replace.ExecuteNonQueryAsync(cancellation);
        }, cancellation);
    }

    /// <summary>Deletes an article, leaving a tombstone; returns its version, or null when no such article exists.</summary>
    /// <exception cref="ArgumentException">The id is refused; the message says why.</exception>
    public Task<long?> DeleteAsync(string articleId, CancellationToken cancellation = default)
    {
        CheckId(articleId, nameof(articleId));
        return RunAsync(async db =>
        {
            await using var transaction = await db.BeginTransactionAsync(cancellation);
            await using var next = new NpgsqlCommand(NextVersionSql, db);
            var version = (long)(await next.ExecuteScalarAsync(cancellation))!;
            await using var tombstone = new NpgsqlCommand(TombstoneSql, db);
            tombstone.Parameters.Add(new NpgsqlParameter<long>("version", version));
            tombstone.Parameters.Add(new NpgsqlParameter<string>("id", articleId));
            if (await tombstone.ExecuteNonQueryAsync(cancellation) == 0)
                return (long?)null; // Rolled back with the transaction: nothing to delete takes no version.
            await transaction.CommitAsync(cancellation);
            return version;
        }, cancellation);
    }

    /// <summary>
    /// Deletes the articles of <paramref name="articleIds"/> that exist, leaving tombstones at consecutive versions in the
    /// order given, all in one transaction (a corpus file's articles took a commit each); returns how many were deleted.
    /// An id given twice is deleted once; ids of no article take no version.
    /// </summary>
    /// <exception cref="ArgumentException">An id is refused; the message names its position. Nothing is deleted.</exception>
    public Task<int> DeleteManyAsync(IReadOnlyList<string> articleIds, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(articleIds);
        for (var i = 0; i < articleIds.Count; i++)
            CheckId(articleIds[i], $"{nameof(articleIds)}[{i}]");
        var distinct = articleIds.Distinct(StringComparer.Ordinal).ToArray();
        if (distinct.Length == 0)
            return Task.FromResult(0);
        return RunAsync(async db =>
        {
            await using var transaction = await db.BeginTransactionAsync(cancellation);
            await using var lockCounter = new NpgsqlCommand(LockCounterSql, db, transaction);
            var last = (long)(await lockCounter.ExecuteScalarAsync(cancellation))!;
            // A statement of its own, after the lock: it sees every write committed before the lock was taken.
            await using var deleteMany = new NpgsqlCommand(DeleteManySql, db, transaction);
            deleteMany.Parameters.Add(new NpgsqlParameter<string[]>("ids", distinct));
            deleteMany.Parameters.Add(new NpgsqlParameter<long>("last", last));
            var deleted = (int)(long)(await deleteMany.ExecuteScalarAsync(cancellation))!;
            await transaction.CommitAsync(cancellation);
            return deleted;
        }, cancellation);
    }

    /// <summary>
    /// Up to <paramref name="limit"/> changes with a version above <paramref name="afterVersion"/>, in version order:
    /// the newest state of each id changed since then, with its stored facets. Read again after the last version
    /// returned until none come.
    /// </summary>
    /// <exception cref="InvalidDataException">A stored document is no longer an article (changed outside this class).</exception>
    public Task<IReadOnlyList<ArticleChange>> ReadChangesAsync(long afterVersion, int limit, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterVersion);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return RunAsync<IReadOnlyList<ArticleChange>>(async db =>
        {
            await using var read = new NpgsqlCommand(ChangesSql, db);
            read.Parameters.Add(new NpgsqlParameter<long>("after", afterVersion));
            read.Parameters.Add(new NpgsqlParameter<int>("limit", limit));
            await using var rows = await read.ExecuteReaderAsync(cancellation);
            var changes = new List<ArticleChange>();
            while (await rows.ReadAsync(cancellation))
            {
                var (version, id) = (rows.GetInt64(0), rows.GetString(1));
                changes.Add(new ArticleChange(version, id, rows.IsDBNull(2) ? null : Parse(rows.GetString(2), id, version),
                    rows.IsDBNull(3) ? null : ParseFacets(rows.GetString(3), id, version)));
            }
            return changes;
        }, cancellation);
    }

    /// <summary>The article with this id as last written, or null when there is none (never written, or deleted).</summary>
    /// <exception cref="InvalidDataException">The stored document is no longer an article (changed outside this class).</exception>
    public async Task<Article?> ReadAsync(string articleId, CancellationToken cancellation = default) =>
        (await ReadStoredAsync(articleId, cancellation))?.Article;

    /// <summary>
    /// The article with this id as last written, at its version, with the facets stored with it (null for a row written
    /// before the log stored facets); null when there is none (never written, or deleted).
    /// </summary>
    /// <exception cref="InvalidDataException">The stored document is no longer an article (changed outside this class).</exception>
    public Task<ArticleChange?> ReadStoredAsync(string articleId, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        return RunAsync(async db =>
        {
            await using var read = new NpgsqlCommand(ReadSql, db);
            read.Parameters.Add(new NpgsqlParameter<string>("id", articleId));
            await using var row = await read.ExecuteReaderAsync(cancellation);
            if (!await row.ReadAsync(cancellation))
                return null;
            var version = row.GetInt64(0);
            return new ArticleChange(version, articleId, Parse(row.GetString(1), articleId, version),
                row.IsDBNull(2) ? null : ParseFacets(row.GetString(2), articleId, version));
        }, cancellation);
    }

    /// <summary>The highest version committed so far (0 before the first write).</summary>
    public Task<long> CurrentVersionAsync(CancellationToken cancellation = default) =>
        RunAsync(async db =>
        {
            await using var current = new NpgsqlCommand(CurrentVersionSql, db);
            return (long)(await current.ExecuteScalarAsync(cancellation))!;
        }, cancellation);

    /// <summary>
    /// The key every node signs cursors with: made of <paramref name="candidate"/> by the first node to ask, that
    /// node's key for every node after it.
    /// </summary>
    public Task<byte[]> CursorKeyAsync(byte[] candidate, CancellationToken cancellation = default) =>
        RunAsync(async db =>
        {
            await using var key = new NpgsqlCommand(CursorKeySql, db);
            key.Parameters.AddWithValue("key", candidate);
            return (byte[])(await key.ExecuteScalarAsync(cancellation))!;
        }, cancellation);

    /// <summary>
    /// A listener (not started) telling <paramref name="onCommitted"/> the last version of every write as PostgreSQL
    /// commits it, on the listener's session thread; and the current version once the session listens (so that a
    /// commit made before is not missed) and after each quiet <see cref="PostgresNotifications.CheckEvery"/>.
    /// </summary>
    public static PostgresNotifications CommitListener(Func<Task<PostgresArticleLog>> log, Action<long> onCommitted, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(onCommitted);
        return new PostgresNotifications(log, CommitChannel, CurrentVersionSql, payload =>
        {
            if (long.TryParse(payload, CultureInfo.InvariantCulture, out var version))
                onCommitted(version);
        }, logger);
    }

    /// <summary>The corpus files the log holds the articles of (<see cref="RecordCorpusFilesAsync"/>), by path.</summary>
    public Task<IReadOnlyDictionary<string, CorpusFileRecord>> CorpusFilesAsync(CancellationToken cancellation = default) =>
        RunAsync<IReadOnlyDictionary<string, CorpusFileRecord>>(async db =>
        {
            await using var read = new NpgsqlCommand(CorpusFilesSql, db);
            await using var rows = await read.ExecuteReaderAsync(cancellation);
            var files = new Dictionary<string, CorpusFileRecord>(StringComparer.Ordinal);
            while (await rows.ReadAsync(cancellation))
                files[rows.GetString(0)] = new CorpusFileRecord(rows.GetString(0), rows.GetString(1), rows.GetFieldValue<string[]>(2));
            return files;
        }, cancellation);

    /// <summary>
    /// Records that the log holds these versions of corpus files, with these articles: all in one transaction, one
    /// commit for a batch of files (a corpus of one article a file recorded each file with a commit of its own).
    /// </summary>
    public Task RecordCorpusFilesAsync(IReadOnlyList<CorpusFileRecord> files, CancellationToken cancellation = default) =>
        RunAsync(async db =>
        {
            await using var transaction = await db.BeginTransactionAsync(cancellation);
            foreach (var file in files)
            {
                await using var record = new NpgsqlCommand(RecordCorpusFileSql, db, transaction);
                record.Parameters.Add(new NpgsqlParameter<string>("path", file.Path));
                record.Parameters.Add(new NpgsqlParameter<string>("stamp", file.Stamp));
                record.Parameters.Add(new NpgsqlParameter<string[]>("ids", [.. file.ArticleIds]));
                await record.ExecuteNonQueryAsync(cancellation);
            }
            await transaction.CommitAsync(cancellation);
            return files.Count;
        }, cancellation);

    /// <summary>Forgets a corpus file (its articles are deleted apart).</summary>
    public Task ForgetCorpusFileAsync(string path, CancellationToken cancellation = default) =>
        RunAsync(async db =>
        {
            await using var forget = new NpgsqlCommand(ForgetCorpusFileSql, db);
            forget.Parameters.Add(new NpgsqlParameter<string>("path", path));
            return await forget.ExecuteNonQueryAsync(cancellation);
        }, cancellation);

    /// <summary>The corpus lease when no other session holds it, else null; it lasts until disposed or its session ends.</summary>
    public Task<CorpusLease?> TryTakeCorpusLeaseAsync(CancellationToken cancellation = default) =>
        TryTakeLeaseAsync(CorpusLease.LockKey, cancellation);

    /// <summary>The lease of this advisory lock key when no other session holds it, else null (<see cref="CorpusLease"/>).</summary>
    internal async Task<CorpusLease?> TryTakeLeaseAsync(long key, CancellationToken cancellation)
    {
        var session = await ConnectAsync(cancellation);
        try
        {
            await using var take = new NpgsqlCommand($"SELECT pg_try_advisory_lock({key})", session);
            if (await take.ExecuteScalarAsync(cancellation) is true)
                return new CorpusLease(session, key);
        }
        catch (NpgsqlException e) when (IsUnavailable(e))
        {
            await session.DisposeAsync();
            throw new ArticleLogUnavailableException(server, runningStatement, e);
        }
        await session.DisposeAsync();
        return null;
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();

    private async Task<NpgsqlConnection> ConnectAsync(CancellationToken cancellation)
    {
        try
        {
            return await dataSource.OpenConnectionAsync(cancellation);
        }
        catch (NpgsqlException e) when (IsUnavailable(e))
        {
            throw new ArticleLogUnavailableException(server, connecting, e);
        }
    }

    /// <summary>Runs <paramref name="work"/> on a connection of the log's pool; PostgreSQL out of reach is an <see cref="ArticleLogUnavailableException"/>.</summary>
    internal async Task<T> RunAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellation)
    {
        await using (var db = await ConnectAsync(cancellation))
        {
            try
            {
                return await work(db);
            }
            catch (NpgsqlException e) when (IsUnavailable(e))
            {
                throw new ArticleLogUnavailableException(server, runningStatement, e);
            }
        }
    }

    // Errors of the connection, the server's state or its configuration, not of the statement: SQLSTATE classes 08
    // (connection), 28 (authorization), 3D (no such database), 53 (resources), 57 (shutdown, timeout), 58 (system).
    private static bool IsUnavailable(NpgsqlException e) =>
        e is not PostgresException postgres || postgres.SqlState[..2] is "08" or "28" or "3D" or "53" or "57" or "58";

    /// <summary>The article as the write journal writes it (<see cref="JournalEntry"/>), checked to read back as itself.</summary>
    private static string Document(Article article, string parameter)
    {
        ArgumentNullException.ThrowIfNull(article, parameter);
        CheckId(article.Id, parameter);
        var document = Encoding.UTF8.GetString(JournalEntry.Put(article).ToLine());
        var readBack = JsonlArticleReader.ParseLine(document, out var problem)
            ?? throw new ArgumentException($"The article {article.Id} cannot be stored: {problem}.", parameter);
        if (readBack.Id != article.Id)
            throw new ArgumentException("The article id starts or ends with white space.", parameter);
        return document;
    }

    private static void CheckId(string articleId, string parameter)
    {
        ArgumentNullException.ThrowIfNull(articleId, parameter);
        if (ArticleIds.Problem(articleId) is { } problem)
            throw new ArgumentException(problem, parameter);
    }

    private static ArticleFacets ParseFacets(string facets, string id, long version) =>
        JsonSerializer.Deserialize<ArticleFacets>(facets, FacetsJson)
        ?? throw new InvalidDataException($"The stored facets of {id} at version {version} are null.");

    private static Article Parse(string document, string id, long version) =>
        JsonlArticleReader.ParseLine(document, out var problem)
        ?? throw new InvalidDataException($"The stored article {id} at version {version} is not an article: {problem}.");

    private static int WholeSeconds(TimeSpan timeout) => Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds));
}
