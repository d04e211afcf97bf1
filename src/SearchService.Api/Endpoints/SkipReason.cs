namespace SearchService.Api.Endpoints;

/// <summary>
/// Why a corpus file was skipped, as <c>/health</c> says it: a short category, never the indexer's message, which for
/// an unreadable file carries the system's exception text and the file's absolute path.
/// </summary>
public static class SkipReason
{
    public const string Unreadable = "unreadable";
    public const string Empty = "empty";
    public const string TooLarge = "too large";
    public const string Binary = "binary";
    public const string InvalidUtf8 = "invalid UTF-8";
    public const string NoBody = "no body";
    public const string NotAnArticle = "not an article";
    public const string SymbolicLink = "symbolic link";

    /// <summary>The category of a <see cref="SearchService.Core.Corpus.CorpusProblem"/> message; unknown ones are <see cref="NotAnArticle"/>.</summary>
    public static string Of(string message) => message switch
    {
        _ when message.StartsWith("cannot be read", StringComparison.Ordinal) => Unreadable,
        _ when message.StartsWith("empty", StringComparison.Ordinal) => Empty,
        _ when message.StartsWith("larger than", StringComparison.Ordinal) => TooLarge,
        _ when message.StartsWith("binary", StringComparison.Ordinal) => Binary,
        _ when message.StartsWith("invalid UTF-8", StringComparison.Ordinal) => InvalidUtf8,
        _ when message.StartsWith("no body", StringComparison.Ordinal) => NoBody,
        _ when message.StartsWith("is a symbolic link", StringComparison.Ordinal) => SymbolicLink,
        _ => NotAnArticle,
    };
}
