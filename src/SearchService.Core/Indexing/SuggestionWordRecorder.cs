using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;

namespace SearchService.Core.Indexing;

/// <summary>
/// Passes the tokenizer's words on unchanged and keeps, lower-cased, those the search box may offer
/// (<see cref="SuggestionWords"/>): the terms <see cref="SuggestionTermsAnalyzer"/> gives for <see cref="IndexSchema.Words"/>,
/// taken from the paragraph's one tokenizing for <see cref="IndexSchema.Text"/> instead of a second one.
/// <see cref="RecordedWordStream"/> replays them.
/// </summary>
internal sealed class SuggestionWordRecorder : TokenFilter
{
    private static readonly CharacterUtils LowerCasing = CharacterUtils.GetInstance(IndexSchema.Version);

    private readonly ICharTermAttribute term;
    private char[] chars = new char[4096];
    private int charCount;
    private int[] ends = new int[512];

    public SuggestionWordRecorder(TokenStream input) : base(input)
    {
        term = AddAttribute<ICharTermAttribute>();
    }

    /// <summary>How many words the last text held.</summary>
    public int Count { get; private set; }

    /// <summary>Whether a whole text was read since the words were last replayed.</summary>
    public bool Complete { get; set; }

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
            return false;
        var length = term.Length;
        if (chars.Length < charCount + length)
            Array.Resize(ref chars, Math.Max(chars.Length * 2, charCount + length));
        Array.Copy(term.Buffer, 0, chars, charCount, length);
        LowerCasing.ToLower(chars, charCount, length);
        if (SuggestionWords.IsOfferable(chars, charCount, length, SuggestionWords.WordMinLength))
        {
            if (ends.Length == Count)
                Array.Resize(ref ends, Count * 2);
            charCount += length;
            ends[Count++] = charCount;
        }
        return true;
    }

    /// <summary>Copies word <paramref name="index"/> of the last text into <paramref name="into"/>.</summary>
    public void CopyTo(int index, ICharTermAttribute into)
    {
        var start = index == 0 ? 0 : ends[index - 1];
        into.CopyBuffer(chars, start, ends[index] - start);
    }

    public override void End()
    {
        base.End();
        Complete = true;
    }

    public override void Reset()
    {
        base.Reset();
        charCount = 0;
        Count = 0;
        Complete = false;
    }
}
