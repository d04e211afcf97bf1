using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Util;

namespace SearchService.Core.Indexing;

/// <summary>
/// Field names of a paragraph document and the analyzer that goes with them. One Lucene document per paragraph;
/// an article's paragraphs are written as one block so that replacing an article is atomic.
/// </summary>
public static class IndexSchema
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>
    /// Recorded with every commit. Change it whenever fields, analysis or the facets extracted change: an index written
    /// under another schema is emptied at start-up and indexed again from the corpus and the API write journal, so no
    /// facet mixes values found by old and new rules.
    /// </summary>
    public const string SchemaVersion = "2026-12-03.3";

    /// <summary>Article id; the delete/replace key of the article's block. Also sorted doc values.</summary>
    public const string ArticleId = "articleId";
    /// <summary>Paragraph number from 1; stored and numeric doc values for ordering. With the article id it makes the
    /// paragraph id (<see cref="Corpus.Article.ParagraphId"/>), which is therefore not stored.</summary>
    public const string Paragraph = "paragraph";
    /// <summary>Marks paragraph 1, so that counting articles is one term query.</summary>
    public const string FirstParagraph = "firstParagraph";
    /// <summary>Analysed, stored.</summary>
    public const string Title = "title";
    /// <summary>Paragraph text; analysed, stored.</summary>
    public const string Text = "text";
    /// <summary>
    /// Paragraph text again as lower-cased, unstemmed words (indexed only, <see cref="SuggestionTermsAnalyzer"/>): the
    /// words suggestions complete from, since stemmed terms ("agre", "countri") are not words to offer a user.
    /// </summary>
    public const string Words = "words";
    /// <summary>
    /// Pairs of adjacent words ("foreign ministry") of the headline and the lead paragraph, on paragraph 1 only
    /// (indexed only): the phrases suggestions complete to, counted in articles. Pairs of every paragraph made up
    /// more distinct terms than the rest of the index together, and cost a third of the indexing time.
    /// </summary>
    public const string Phrases = "phrases";
    /// <summary>Publication date: stored as ISO text, and as numeric doc values (UTC ticks) for newest-first order.</summary>
    public const string Date = "date";
    /// <summary>
    /// The publisher's fields (<see cref="Corpus.PublisherFields"/>): source, byline, section, language and each
    /// <c>fields.&lt;name&gt;</c> of the article are on every paragraph as one exact term, stored, and sorted-set doc
    /// values, so any of them can be made a filter and facet by configuration (Search:FilterFields) without indexing again.
    /// </summary>
    public const string Source = "source";
    public const string Byline = "byline";
    public const string Section = Corpus.PublisherFields.Section;
    public const string Language = Corpus.PublisherFields.Language;
    /// <summary>The publisher's address of the article; stored on every paragraph, since hits link to it.</summary>
    public const string Url = Corpus.PublisherFields.Url;
    /// <summary>The dateline is stored on paragraph 1 only: only the whole article shows it.</summary>
    public const string Dateline = "dateline";
    /// <summary>Corpus file the article came from (relative path), and that file's stamp when it was read; indexed
    /// only, to find what a changed file replaces.</summary>
    public const string File = "file";
    public const string FileStamp = "fileStamp";

    public const string Region = "region";
    public const string Topic = "topic";
    public const string Speaker = "speaker";
    public static readonly string[] FacetFields = [Region, Topic, Speaker];

    /// <summary>
    /// A paragraph's regions and all regions enclosing them (Pakistan, South Asia, Asia): what region filters match,
    /// so region=Asia finds paragraphs about Pakistan. Indexed only; the region facet counts stay on mentioned values.
    /// </summary>
    public const string RegionScope = "regionScope";

    /// <summary>Every prefix of each region's path from its continent down ("Asia", "Asia › South Asia", ...), as
    /// sorted-set doc values, so the region tree is counted exactly in paragraphs. See <see cref="RegionPathSeparator"/>.</summary>
    public const string RegionPath = "regionPath";

    public const char RegionPathSeparator = '\u001F';

    /// <summary>Article-level facet values, stored on paragraph 1 only.</summary>
    public static string ArticleFacet(string facet) => "article." + facet;

    public const string FirstParagraphValue = "1";

    /// <summary>
    /// English analysis (stop words, possessives, Porter stemming) on text and title; identifiers, facets and the
    /// publisher's fields (<c>fields.desk</c> too) are single exact terms, so that <c>region:Pakistan</c> in Lucene
    /// syntax means what it says; the suggestion vocabulary has its own analysis.
    /// </summary>
    public static Analyzer CreateAnalyzer()
    {
        var analyzers = new[] { ArticleId, File, Source, Byline, Section, Language, Region, RegionScope, Topic, Speaker }.ToDictionary(f => f, Analyzer (_) => new KeywordAnalyzer());
        analyzers[Words] = new SuggestionTermsAnalyzer(pairs: false);
        analyzers[Phrases] = new SuggestionTermsAnalyzer(pairs: true);
        return new SchemaAnalyzer(new EnglishAnalyzer(Version), analyzers);
    }
}
