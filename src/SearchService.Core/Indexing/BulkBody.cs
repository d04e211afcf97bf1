using Microsoft.Extensions.Logging;
using SearchService.Core.Corpus;

namespace SearchService.Core.Indexing;

/// <summary>
/// A bulk write's body, one article a JSON line, read line by line as it arrives so its size does not matter; bad lines
/// are reported and skipped. The writer decides what writing and acknowledging mean (this process's journal, or
/// PostgreSQL in a cluster).
/// </summary>
public static class BulkBody
{
    /// <summary>
    /// Writes every valid article of <paramref name="body"/> through <paramref name="write"/>, then has them all
    /// acknowledged (<paramref name="acknowledge"/>). A body that cannot be read to its end has the lines before the
    /// cut acknowledged, and throws <see cref="BulkCutOffException"/> saying how far it got.
    /// </summary>
    public static async Task<BulkResult> WriteAsync(
        Stream body, Func<Article, ValueTask> write, Func<CancellationToken, Task> acknowledge, Action<int, string> reportBadLine, ILogger logger,
        CancellationToken cancellation)
    {
        using var reader = new Utf8LineReader(body, leaveOpen: true);
        int lineNumber = 0, written = 0, failed = 0;
        while (true)
        {
            ReadOnlyMemory<byte>? read;
            try
            {
                read = await reader.ReadLineAsync(cancellation);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException)
            {
                var applied = new BulkResult(lineNumber, written, failed);
                if (written > 0)
                    await acknowledge(CancellationToken.None);
                logger.LogWarning("A bulk write was cut off after line {Lines} ({Reason}); its {Written} articles up to there are acknowledged",
                    lineNumber, e.GetType().Name, written);
                throw new BulkCutOffException(applied, e);
            }
            if (read is not { } bytes)
                break;
            lineNumber++;
            var article = JsonlArticleReader.ParseLine(bytes.Span, reader.LineTooLong, out var problem);
            if (article is null)
            {
                if (problem is not null)
                {
                    failed++;
                    reportBadLine(lineNumber, problem);
                }
                continue;
            }
            await write(article);
            written++;
        }
        if (written > 0)
            await acknowledge(cancellation);
        return new BulkResult(lineNumber, written, failed);
    }
}
