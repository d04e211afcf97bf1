namespace SearchService.Core.Facets;

/// <summary>
/// Finds the people and bodies that a paragraph's statements are attributed to ("…," said the statement;
/// according to a statement of the Foreign Office) or that act in it (co-chaired by …; X met Y), strips their titles,
/// and resolves references within the article: "it added" and "the statement noted" go to the body last quoted,
/// "he"/"she" to the last person. Works from capitalised name sequences and the word lists of <see cref="SpeakerLexicon"/>.
/// Stateless between calls, so one instance serves many threads.
/// </summary>
/// <remarks>
/// An article is read in three parts: <see cref="ArticleVocabulary"/> (what the whole article shows of its words),
/// each paragraph's <see cref="ParagraphNames"/> (its name sequences and whom each names) read by a
/// <see cref="SpeakerParagraph"/> (its attributions and actors), in order, with the <see cref="SpeakerAntecedents"/>
/// that the paragraphs before left (whom "it", "he" and "the statement" stand for).
/// </remarks>
public sealed class SpeakerExtractor
{
    private readonly SpeakerLexicon lexicon;
    private readonly RegionExtractor regions;

    public SpeakerExtractor(SpeakerLexicon lexicon, RegionExtractor regions)
    {
        this.lexicon = lexicon;
        this.regions = regions;
    }

    /// <summary>Speakers of each paragraph, in order; distinct within a paragraph, in order of appearance.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Extract(IReadOnlyList<string> paragraphs) =>
        Extract(paragraphs.Select(TextTokens.Tokenize).ToList());

    /// <summary>Speakers of each paragraph, given as its tokens (<see cref="TextTokens.Tokenize"/>).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Extract(IReadOnlyList<IReadOnlyList<Token>> paragraphs) =>
        Mentions(paragraphs).Select(p => (IReadOnlyList<string>)p.Select(m => m.Name).ToList()).ToList();

    /// <summary>Speakers of each paragraph with their kind and the office the paragraph names them with, if any.</summary>
    public IReadOnlyList<IReadOnlyList<SpeakerMention>> Mentions(IReadOnlyList<IReadOnlyList<Token>> paragraphs) =>
        Read(paragraphs).Mentions;

    /// <summary>Speakers of each paragraph, and where in it each statement is attributed to one of them.</summary>
    public SpeakerReading Read(IReadOnlyList<IReadOnlyList<Token>> paragraphs) =>
        Read(paragraphs, paragraphs.Select(tokens => regions.Mentions(tokens)).ToList());

    /// <inheritdoc cref="Read(IReadOnlyList{IReadOnlyList{Token}})"/>
    /// <param name="paragraphs">Each paragraph's tokens.</param>
    /// <param name="places">Each paragraph's places, when the caller has them already: <see cref="RegionExtractor.Mentions"/>, not read as shouting.</param>
    public SpeakerReading Read(IReadOnlyList<IReadOnlyList<Token>> paragraphs, IReadOnlyList<IReadOnlyList<RegionMention>> places)
    {
        var vocabulary = new ArticleVocabulary(paragraphs);
        var parsed = paragraphs.Select((tokens, i) => new SpeakerParagraph(new ParagraphNames(tokens, lexicon, places[i], vocabulary), lexicon, vocabulary)).ToList();
        var antecedents = new SpeakerAntecedents(parsed, lexicon);
        var mentions = parsed.Select(p => (IReadOnlyList<SpeakerMention>)p.Speakers(antecedents)).ToList();
        return new SpeakerReading(mentions, parsed.Select(p => (IReadOnlyList<Attribution>)p.Attributions).ToList());
    }
}
