using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using SearchService.Core.Corpus;

namespace SearchService.Core.Alerts;

/// <summary>
/// The id of the event that tells an alert about one version of one article: derived from the alert's id, the article's
/// id and its version (a digest of its title, date and paragraphs, what a notice shows), so the same match made again
/// (a write replayed or re-matched after a crash) has the same id, by which a receiver drops the repeat. Positive, 63 bits.
/// </summary>
public static class AlertEventId
{
    /// <summary>The digest of an article's version: equal for equal title, date and paragraphs.</summary>
    public static byte[] Version(Article article)
    {
        var text = new StringBuilder(article.Title).Append('\n')
            .Append(article.Date is { } date ? date.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-");
        foreach (var paragraph in article.Paragraphs)
            text.Append('\n').Append(paragraph);
        return SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
    }

    public static long Of(string alertId, string articleId, byte[] version)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{alertId}\n{articleId}\n{Convert.ToHexString(version)}"));
        return BinaryPrimitives.ReadInt64BigEndian(digest) & long.MaxValue;
    }
}
