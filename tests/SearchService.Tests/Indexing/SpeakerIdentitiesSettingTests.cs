using Microsoft.Extensions.DependencyInjection;
using SearchService.Core.Corpus;
using SearchService.Core.Indexing;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Indexing;

/// <summary><c>Search:SpeakerIdentities</c>: on by default; off, names stay as each article gives them and no table is kept.</summary>
public sealed class SpeakerIdentitiesSettingTests : IDisposable
{
    private readonly TempDirectory folder = new();

    private static readonly Article FullName = new("a", "Fed", ["The dollar was stable, Fed Chairman Paul Volcker said."]);
    private static readonly Article Surname = new("b", "Fed", ["The dollar had fallen enough, Volcker said."]);

    [Fact]
    public void By_default_the_opened_index_keeps_a_speaker_identity_table()
    {
        using var services = CoreServices.For(folder.Path);
        services.OpenIndex();

        Assert.NotNull(services.GetRequiredService<SearchIndex>().SpeakerIdentities.Table);
    }

    [Fact]
    public void Turned_off_the_index_keeps_no_table_and_a_surname_stays_as_written()
    {
        using var services = CoreServices.For(folder.Path, ("Search:SpeakerIdentities", "false"));
        services.OpenIndex();
        var extractor = services.GetRequiredService<IndexOpener>().Extractor;

        extractor.Extract(FullName);
        var speakers = extractor.Extract(Surname).Paragraphs.Single().Speaker;

        Assert.Null(services.GetRequiredService<SearchIndex>().SpeakerIdentities.Table);
        Assert.Equal(["Volcker"], speakers);
    }

    public void Dispose() => folder.Dispose();
}
