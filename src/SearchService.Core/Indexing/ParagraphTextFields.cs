using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;

namespace SearchService.Core.Indexing;

/// <summary>
/// A paragraph's <see cref="IndexSchema.Text"/> and <see cref="IndexSchema.Words"/> fields from one tokenizing of its
/// text: the English analysis of <see cref="IndexSchema.CreateAnalyzer"/> with a <see cref="SuggestionWordRecorder"/>
/// behind its tokenizer, whose words the words field replays, where analysing the text a second time for them cost
/// a tokenizer pass over every paragraph. Reused on one thread from one paragraph document to the next, as
/// <see cref="ReusableExactFields"/> are: each document must be indexed before the next is built.
/// </summary>
internal sealed class ParagraphTextFields
{
    [ThreadStatic]
    private static ParagraphTextFields? forThisThread;

    private readonly StandardTokenizer tokenizer;
    private readonly TextField text;

    private ParagraphTextFields()
    {
        tokenizer = new StandardTokenizer(IndexSchema.Version, TextReader.Null);
        var recorder = new SuggestionWordRecorder(tokenizer);
        text = new TextField(IndexSchema.Text, "", Field.Store.YES);
        text.SetTokenStream(EnglishFilters.Over(recorder));
        Words = new Field(IndexSchema.Words, new RecordedWordStream(recorder), ParagraphDocuments.SuggestionTermsType);
    }

    public static ParagraphTextFields ForThisThread => forThisThread ??= new ParagraphTextFields();

    /// <summary>The stored and analysed text field holding <paramref name="paragraph"/>; add <see cref="Words"/> beside it.</summary>
    public TextField Text(string paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph); // before the reused field takes it: a null left there fails every later paragraph
        text.SetStringValue(paragraph);
        tokenizer.SetReader(new StringReader(paragraph));
        return text;
    }

    /// <summary>The words field of the paragraph last given to <see cref="Text"/>.</summary>
    public Field Words { get; }
}
