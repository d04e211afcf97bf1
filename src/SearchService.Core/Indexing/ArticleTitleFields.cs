using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;

namespace SearchService.Core.Indexing;

/// <summary>
/// The <see cref="IndexSchema.Title"/> fields of an article's paragraph documents: the title analysed once an article
/// (the English analysis of <see cref="IndexSchema.CreateAnalyzer"/>) and its tokens replayed into each paragraph,
/// where a stored <see cref="TextField"/> analysed the same title again for every paragraph. A field indexed from a
/// token stream cannot be stored, so the title is stored by a field of its own beside it. Reused on one thread from one
/// paragraph document to the next, as <see cref="ReusableExactFields"/> are: each document must be indexed before the
/// next is built.
/// </summary>
internal sealed class ArticleTitleFields
{
    [ThreadStatic]
    private static ArticleTitleFields? forThisThread;

    private readonly StandardTokenizer tokenizer = new(IndexSchema.Version, TextReader.Null);
    private readonly TokenStream english;
    private readonly ICharTermAttribute term;
    private readonly IPositionIncrementAttribute position;
    private readonly IOffsetAttribute offset;
    private readonly RecordedTokens tokens = new();

    private ArticleTitleFields()
    {
        english = EnglishFilters.Over(tokenizer);
        term = english.AddAttribute<ICharTermAttribute>();
        position = english.AddAttribute<IPositionIncrementAttribute>();
        offset = english.AddAttribute<IOffsetAttribute>();
        Indexed = new TextField(IndexSchema.Title, new ReplayedTokens(tokens));
    }

    public static ArticleTitleFields ForThisThread => forThisThread ??= new ArticleTitleFields();

    /// <summary>The title stored.</summary>
    public StoredField Stored { get; } = new(IndexSchema.Title, "");

    /// <summary>The title's terms, as the last title given to <see cref="Analyse"/> gave them.</summary>
    public TextField Indexed { get; }

    /// <summary>Analyses <paramref name="title"/> for every paragraph document of its article built next.</summary>
    public void Analyse(string title)
    {
        ArgumentNullException.ThrowIfNull(title); // before the reused stored field takes it, as a TextField refuses it
        Stored.SetStringValue(title);
        tokens.Clear();
        tokenizer.SetReader(new StringReader(title));
        try
        {
            english.Reset();
            while (english.IncrementToken())
                tokens.Add(term.Buffer, term.Length, position.PositionIncrement, offset.StartOffset, offset.EndOffset);
            english.End();
            tokens.End(position.PositionIncrement, offset.EndOffset);
        }
        finally
        {
            english.Dispose(); // closes the tokenizer's reader, so that it takes the next title's
        }
    }

    /// <summary>What the analysis gave, token by token: each term's characters, position increment and offsets.</summary>
    private sealed class RecordedTokens
    {
        private char[] chars = new char[256];
        private int[] ends = new int[32];
        private int[] increments = new int[32];
        private int[] starts = new int[32];
        private int[] endOffsets = new int[32];

        public int Count { get; private set; }

        public int FinalIncrement { get; private set; }

        public int FinalOffset { get; private set; }

        public void Clear()
        {
            Count = 0;
            FinalIncrement = 0;
            FinalOffset = 0;
        }

        public void Add(char[] buffer, int length, int increment, int start, int end)
        {
            var from = Count == 0 ? 0 : ends[Count - 1];
            if (chars.Length < from + length)
                Array.Resize(ref chars, Math.Max(chars.Length * 2, from + length));
            if (ends.Length == Count)
            {
                Array.Resize(ref ends, Count * 2);
                Array.Resize(ref increments, Count * 2);
                Array.Resize(ref starts, Count * 2);
                Array.Resize(ref endOffsets, Count * 2);
            }
            Array.Copy(buffer, 0, chars, from, length);
            ends[Count] = from + length;
            increments[Count] = increment;
            starts[Count] = start;
            endOffsets[Count] = end;
            Count++;
        }

        public void End(int increment, int offset)
        {
            FinalIncrement = increment;
            FinalOffset = offset;
        }

        public void CopyTo(int index, ICharTermAttribute term, IPositionIncrementAttribute position, IOffsetAttribute offset)
        {
            var from = index == 0 ? 0 : ends[index - 1];
            term.CopyBuffer(chars, from, ends[index] - from);
            position.PositionIncrement = increments[index];
            offset.SetOffset(starts[index], endOffsets[index]);
        }
    }

    /// <summary>The recorded tokens as a token stream, from the first again each time it is reset.</summary>
    private sealed class ReplayedTokens : TokenStream
    {
        private readonly RecordedTokens tokens;
        private readonly ICharTermAttribute term;
        private readonly IPositionIncrementAttribute position;
        private readonly IOffsetAttribute offset;
        private int next;

        public ReplayedTokens(RecordedTokens tokens)
        {
            this.tokens = tokens;
            term = AddAttribute<ICharTermAttribute>();
            position = AddAttribute<IPositionIncrementAttribute>();
            offset = AddAttribute<IOffsetAttribute>();
        }

        public override bool IncrementToken()
        {
            if (next == tokens.Count)
                return false;
            ClearAttributes();
            tokens.CopyTo(next++, term, position, offset);
            return true;
        }

        public override void End()
        {
            base.End();
            position.PositionIncrement = tokens.FinalIncrement;
            offset.SetOffset(tokens.FinalOffset, tokens.FinalOffset);
        }

        public override void Reset()
        {
            base.Reset();
            next = 0;
        }
    }
}
