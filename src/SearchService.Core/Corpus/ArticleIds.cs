namespace SearchService.Core.Corpus;

/// <summary>Which article ids the API accepts: short, printable, and never a path that climbs out of a folder.</summary>
public static class ArticleIds
{
    public const int MaxLength = 512;

    /// <summary>Why the id is refused, or null when it is fine.</summary>
    public static string? Problem(string id)
    {
        if (string.IsNullOrWhiteSpace(id))
            return "The article id is empty.";
        if (id.Length > MaxLength)
            return $"The article id is longer than {MaxLength} characters.";
        if (id.Any(char.IsControl))
            return "The article id contains control characters.";
        if (id.Split('/', '\\').Any(segment => segment == ".."))
            return "The article id may not contain a '..' path segment.";
        return null;
    }
}
