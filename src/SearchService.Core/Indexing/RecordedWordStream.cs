using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace SearchService.Core.Indexing;

/// <summary>
/// The <see cref="IndexSchema.Words"/> of a paragraph as <see cref="SuggestionWordRecorder"/> kept them while its text
/// was analysed. Lucene inverts a document's fields in the order of their names, so "text" is read before "words";
/// replaying words of no text, or of a text already replayed, throws rather than index another paragraph's words.
/// </summary>
internal sealed class RecordedWordStream : TokenStream
{
    private readonly SuggestionWordRecorder recorder;
    private readonly ICharTermAttribute term;
    private int next;

    public RecordedWordStream(SuggestionWordRecorder recorder)
    {
        this.recorder = recorder;
        term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (next == recorder.Count)
            return false;
        ClearAttributes();
        recorder.CopyTo(next++, term);
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        if (!recorder.Complete)
            throw new InvalidOperationException($"The {IndexSchema.Words} field was indexed before its paragraph's {IndexSchema.Text} field was analysed.");
        recorder.Complete = false;
        next = 0;
    }
}
