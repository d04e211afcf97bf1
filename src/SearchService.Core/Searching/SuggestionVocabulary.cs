using Lucene.Net.Analysis.En;
using Lucene.Net.Index;
using SearchService.Core.Indexing;

namespace SearchService.Core.Searching;

/// <summary>
/// The completions one index generation can offer, sorted by lower-cased key so a prefix is a contiguous range found
/// by binary search. Words and phrases come from the <see cref="IndexSchema.Words"/> and
/// <see cref="IndexSchema.Phrases"/> terms; facet values are keyed by their whole text and by each later word, so
/// "putin" finds "Vladimir Putin".
/// </summary>
public sealed class SuggestionVocabulary
{
    public const string TermKind = "term";
    public const int MaxFacetSuggestions = 3;

    private readonly Entry[] words;
    private readonly Entry[] facets;

    private SuggestionVocabulary(long version, Entry[] words, Entry[] facets)
    {
        Version = version;
        this.words = words;
        this.facets = facets;
    }

    /// <summary>The index version this vocabulary was read from.</summary>
    public long Version { get; }

    public int WordCount => words.Length;

    public int FacetKeyCount => facets.Length;

    public bool IsEmpty => words.Length == 0 && facets.Length == 0;

    /// <summary>The vocabulary of one index, or of the shards of one, their words counted together.</summary>
    /// <param name="readers">One reader of the index, or one of each shard.</param>
    public static SuggestionVocabulary Build(IReadOnlyList<DirectoryReader> readers)
    {
        // In a large index, words seen once are mostly typos and numbers, and a phrase of one article is not one to
        // offer; a small index keeps them all. Both fields hold only words the search box may offer.
        var large = readers.Sum(r => r.NumDocs) >= 10_000;
        var words = Terms(readers, IndexSchema.Words).Where(t => t.Count >= (large ? 2 : 1))
            .Concat(Terms(readers, IndexSchema.Phrases).Where(t => t.Count >= (large ? 2 : 1)))
            .Select(t => new Entry(t.Term, t.Term, TermKind, t.Count))
            .ToList();

        var facets = new List<Entry>();
        foreach (var facet in IndexSchema.FacetFields)
        {
            foreach (var (value, count) in Terms(readers, facet))
            {
                var key = value.ToLowerInvariant();
                facets.Add(new Entry(key, value, facet, count));
                for (var space = key.IndexOf(' '); space >= 0; space = key.IndexOf(' ', space + 1))
                {
                    var rest = key[(space + 1)..];
                    if (!EnglishAnalyzer.DefaultStopSet.Contains(rest.Split(' ')[0]))
                        facets.Add(new Entry(rest, value, facet, count));
                }
            }
        }

        var byKey = Comparer<Entry>.Create((a, b) => string.CompareOrdinal(a.Key, b.Key));
        var wordArray = words.ToArray();
        var facetArray = facets.ToArray();
        Array.Sort(wordArray, byKey);
        Array.Sort(facetArray, byKey);
        return new SuggestionVocabulary(VersionOf(readers), wordArray, facetArray);
    }

    /// <summary>What changes whenever any of the readers' indexes does: the sum of their versions, each of which only grows.</summary>
    public static long VersionOf(IReadOnlyList<DirectoryReader> readers) => readers.Sum(r => r.Version);

    /// <summary>
    /// Facet values matching the whole typed text first (at most three), then the most frequent completions of its last
    /// word, or of its last two words as a phrase, each returned with the words typed before them.
    /// </summary>
    public IReadOnlyList<Suggestion> Complete(string typed, int size)
    {
        var words = typed.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim(Punctuation)).Where(w => w.Length > 0).ToList();
        if (words.Count == 0)
            return [];
        var endsWord = typed.Length > 0 && char.IsWhiteSpace(typed[^1]);

        var suggestions = new List<Suggestion>(size);
        // Compared case-insensitively, so the word "afghanistan" is not offered beside the region "Afghanistan".
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in MostFrequent(facets, string.Join(' ', words), MaxFacetSuggestions))
        {
            if (seen.Add(entry.Text))
                suggestions.Add(new Suggestion(entry.Text, entry.Kind, entry.Count));
        }

        // "pakistan ar" completes the phrase "pakistan ar…", then the word "ar…"; "pakistan " only continues the phrase.
        // Phrases come first: they are what was actually written together.
        if (words.Count >= 2 || endsWord)
        {
            var head = words.Count >= 2 && !endsWord ? words[^2] : words[^1];
            var tail = words.Count >= 2 && !endsWord ? words[^1] : "";
            var before = string.Join(' ', words.Take(words.Count - (endsWord ? 1 : 2)));
            AddTerms(suggestions, seen, MostFrequent(this.words, $"{head} {tail}", size), before, size);
        }
        if (!endsWord)
        {
            var before = string.Join(' ', words.Take(words.Count - 1));
            AddTerms(suggestions, seen, MostFrequent(this.words, words[^1], size).Where(e => !e.Text.Contains(' ')), before, size);
        }
        return suggestions.Count > size ? suggestions.GetRange(0, size) : suggestions;
    }

    private static void AddTerms(List<Suggestion> suggestions, HashSet<string> seen, IEnumerable<Entry> completions, string before, int size)
    {
        foreach (var entry in completions)
        {
            var text = before.Length == 0 ? entry.Text : $"{before} {entry.Text}";
            if (suggestions.Count < size && seen.Add(text))
                suggestions.Add(new Suggestion(text, TermKind, entry.Count));
        }
    }

    private static readonly char[] Punctuation = ['"', '\'', '(', ')', '*', '+', '-', ',', '.', ':', ';', '!', '?'];

    private static IEnumerable<Entry> MostFrequent(Entry[] entries, string prefix, int size)
    {
        var top = new List<Entry>(size + 1);
        for (var i = LowerBound(entries, prefix); i < entries.Length && entries[i].Key.StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            var entry = entries[i];
            if (top.Count == size && entry.Count <= top[^1].Count)
                continue;
            var at = top.FindIndex(t => t.Count < entry.Count);
            top.Insert(at < 0 ? top.Count : at, entry);
            if (top.Count > size)
                top.RemoveAt(size);
        }
        return top;
    }

    private static int LowerBound(Entry[] entries, string key)
    {
        int low = 0, high = entries.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (string.CompareOrdinal(entries[middle].Key, key) < 0)
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    }

    /// <summary>A field's terms with the number of paragraphs holding each, over every reader, in term order.</summary>
    private static IEnumerable<(string Term, int Count)> Terms(IReadOnlyList<DirectoryReader> readers, string field) =>
        readers.Count == 1
            ? Terms(readers[0], field)
            : readers.SelectMany(r => Terms(r, field))
                .GroupBy(t => t.Term, StringComparer.Ordinal)
                .Select(g => (g.Key, g.Sum(t => t.Count)))
                .OrderBy(t => t.Key, Utf8Order.Instance);

    private static IEnumerable<(string Term, int Count)> Terms(IndexReader reader, string field)
    {
        var terms = MultiFields.GetTerms(reader, field);
        if (terms is null)
            yield break;
        var termsEnum = terms.GetEnumerator();
        while (termsEnum.MoveNext())
            yield return (termsEnum.Term.Utf8ToString(), termsEnum.DocFreq);
    }

    private readonly record struct Entry(string Key, string Text, string Kind, int Count);
}
