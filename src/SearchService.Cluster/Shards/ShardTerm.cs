using Lucene.Net.Index;

namespace SearchService.Cluster.Shards;

/// <summary>A Lucene term as it crosses to a shard grain.</summary>
[GenerateSerializer]
public sealed record ShardTerm([property: Id(0)] string Field, [property: Id(1)] string Text)
{
    public static ShardTerm Of(Term term) => new(term.Field, term.Text);

    public Term ToTerm() => new(Field, Text);
}
