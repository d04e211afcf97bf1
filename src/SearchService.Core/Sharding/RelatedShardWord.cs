using Lucene.Net.Index;

namespace SearchService.Core.Sharding;

/// <summary>One of the words related articles are searched for, in its field, as it crosses to a shard.</summary>
public sealed record RelatedShardWord(string Field, string Text)
{
    public static RelatedShardWord Of(Term term) => new(term.Field, term.Text);

    public Term ToTerm() => new(Field, Text);
}
