namespace SearchService.Core.Searching;

/// <summary>One matching paragraph as collected: its document number in the whole index, score and sort keys.</summary>
internal readonly record struct ParagraphMatch(int Doc, float Score, string ArticleId, int Paragraph, long DateTicks);
