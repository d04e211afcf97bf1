using SearchService.Core.Semantics;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Semantics;

/// <summary>The model's vectors, on real sentences: length one, and nearer for the same meaning in other words.</summary>
public sealed class SentenceEmbedderTests(SentenceEmbedder embedder) : IClassFixture<SentenceEmbedder>
{
    private const string RateRise = "The central bank raised interest rates to curb inflation.";
    private const string SameInOtherWords = "Policy makers lifted borrowing costs as prices kept climbing.";
    private const string Flood = "Heavy rain flooded the coastal towns overnight.";

    [Fact]
    public void Every_vector_has_length_one()
    {
        var vectors = embedder.Embed([RateRise, Flood, ""], asQueries: false);

        Assert.Equal(3, vectors.Length);
        Assert.All(vectors, v => Assert.Equal(1.0, Math.Sqrt(v.Sum(x => (double)x * x)), 3));
    }

    [Fact]
    public void A_paraphrase_is_nearer_than_a_sentence_on_another_subject()
    {
        var v = embedder.Embed([RateRise, SameInOtherWords, Flood], asQueries: false);

        Assert.True(SentenceEmbedder.Similarity(v[0], v[1]) > SentenceEmbedder.Similarity(v[0], v[2]) + 0.1,
            $"paraphrase {SentenceEmbedder.Similarity(v[0], v[1]):F3}, other subject {SentenceEmbedder.Similarity(v[0], v[2]):F3}");
    }

    [Fact]
    public void A_question_is_nearest_to_the_passage_that_answers_it_without_sharing_its_words()
    {
        var question = embedder.Embed(["which towns were hit by storms"], asQueries: true)[0];
        var passages = embedder.Embed([RateRise, Flood, SameInOtherWords], asQueries: false);

        var nearest = passages.Select((p, i) => (i, similarity: SentenceEmbedder.Similarity(question, p))).MaxBy(x => x.similarity).i;

        Assert.Equal(1, nearest);
    }

    [Fact]
    public void A_text_longer_than_the_model_reads_is_cut_not_refused()
    {
        var longText = string.Join(' ', Enumerable.Repeat(Flood, 200));

        var vector = embedder.Embed([longText], asQueries: false)[0];

        Assert.True(SentenceEmbedder.Similarity(vector, embedder.Embed([Flood], asQueries: false)[0]) > 0.5);
    }

    [Fact]
    public async Task A_call_that_would_wait_for_the_busy_model_longer_than_allowed_is_refused_clearly()
    {
        using var impatient = new SentenceEmbedder { MaxWait = TimeSpan.FromMilliseconds(10) };
        impatient.Embed([Flood], asQueries: false); // loaded, so the next call goes straight to the model
        var longTexts = Enumerable.Repeat(string.Join(' ', Enumerable.Repeat(RateRise, 20)), 64).ToList();
        var busy = Task.Factory.StartNew(() => impatient.Embed(longTexts, asQueries: false), TaskCreationOptions.LongRunning); // seconds on any machine
        Assert.True(SpinWait.SpinUntil(() => impatient.IsBusy || busy.IsCompleted, TimeSpan.FromSeconds(30)));

        var refused = Assert.Throws<SemanticRerankUnavailableException>(() => impatient.Embed([Flood], asQueries: false));

        Assert.Contains("busy", refused.Message);
        Assert.Equal(64, (await busy).Length);
    }

    [Fact]
    public void A_tampered_model_file_in_the_model_folder_is_not_loaded_as_it_is()
    {
        using var folder = new TempDirectory();
        File.WriteAllText(Path.Combine(folder.Path, SentenceEmbedder.ModelFileName), "not the shipped model");
        using var fresh = new SentenceEmbedder { ModelFolder = folder.Path };

        var vector = fresh.Embed([Flood], asQueries: false)[0];

        Assert.Equal(1.0, SentenceEmbedder.Similarity(vector, embedder.Embed([Flood], asQueries: false)[0]), 4);
    }
}
