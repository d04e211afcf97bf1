using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SearchService.Core.Searching;

/// <summary>
/// What a query looks for in one field, as the snippet marks it: single terms with their weight, and phrases (terms at
/// relative positions, with slop) that only count where they occur together. Taken from the query once, then matched
/// against each hit's tokens. Only the query shapes the search box builds are read (terms, phrases, Boolean and
/// disjunction queries); <see cref="IsComplete"/> is false when the query holds anything else (wildcards, fuzzy or
/// range queries from Lucene syntax), whose matching terms depend on the text.
/// </summary>
internal sealed class QueryMatchTerms
{
    public Dictionary<string, float> Singles { get; } = new(StringComparer.Ordinal);
    public List<Phrase> Phrases { get; } = [];
    public bool IsComplete { get; private set; } = true;
    public bool IsEmpty => Singles.Count == 0 && Phrases.Count == 0;

    /// <param name="Terms">The phrase's terms in order.</param>
    /// <param name="Offsets">Each term's position relative to the first (stop words removed in between leave gaps).</param>
    public sealed record Phrase(string[] Terms, int[] Offsets, int Slop, float Weight);

    public static QueryMatchTerms Of(Query query, string field)
    {
        var terms = new QueryMatchTerms();
        terms.Add(query, field, 1f);
        return terms;
    }

    private void Add(Query query, string field, float boost)
    {
        var weight = boost * query.Boost;
        switch (query)
        {
            case TermQuery term:
                if (term.Term.Field == field)
                    AddSingle(term.Term.Text, weight);
                break;
            case PhraseQuery phrase:
                AddPhrase(phrase, field, weight);
                break;
            case BooleanQuery boolean:
                foreach (var clause in boolean.Clauses)
                {
                    if (clause.Occur != Occur.MUST_NOT)
                        Add(clause.Query, field, weight);
                }
                break;
            case DisjunctionMaxQuery disjunction:
                foreach (var disjunct in disjunction.Disjuncts)
                    Add(disjunct, field, weight);
                break;
            case FilteredQuery filtered:
                Add(filtered.Query, field, weight);
                break;
            case ConstantScoreQuery { Query: { } inner }:
                Add(inner, field, weight);
                break;
            case MatchAllDocsQuery:
                break;
            default:
                IsComplete = false;
                break;
        }
    }

    // A term the query names more than once counts with its highest weight.
    private void AddSingle(string term, float weight) => Singles[term] = Math.Max(weight, Singles.GetValueOrDefault(term));

    private void AddPhrase(PhraseQuery phrase, string field, float weight)
    {
        var terms = phrase.GetTerms();
        if (terms.Length == 0 || terms[0].Field != field)
            return;
        if (terms.Length == 1)
        {
            AddSingle(terms[0].Text, weight);
            return;
        }
        var positions = phrase.GetPositions();
        Phrases.Add(new Phrase(
            terms.Select(t => t.Text).ToArray(),
            positions.Select(p => p - positions[0]).ToArray(),
            phrase.Slop,
            weight));
    }
}
