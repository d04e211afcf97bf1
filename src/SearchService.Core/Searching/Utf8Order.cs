namespace SearchService.Core.Searching;

/// <summary>
/// Strings in the order of their UTF-8 bytes, which is the order of Lucene's terms and of doc-values ordinals: answers
/// gathered from several indexes are put in the order one index gives them (ordinal string order, by UTF-16 code
/// units, differs beyond the Basic Multilingual Plane).
/// </summary>
public sealed class Utf8Order : IComparer<string>
{
    public static readonly Utf8Order Instance = new();

    private Utf8Order()
    {
    }

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
            return (x is not null).CompareTo(y is not null);
        // Code points compare as their UTF-8 encodings do.
        var (left, right) = (x.EnumerateRunes(), y.EnumerateRunes());
        while (true)
        {
            var (hasLeft, hasRight) = (left.MoveNext(), right.MoveNext());
            if (!hasLeft || !hasRight)
                return hasLeft.CompareTo(hasRight);
            var byRune = left.Current.Value.CompareTo(right.Current.Value);
            if (byRune != 0)
                return byRune;
        }
    }
}
