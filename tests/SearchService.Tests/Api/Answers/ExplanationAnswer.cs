namespace SearchService.Tests.Api.Answers;

/// <summary>
/// A hit's <c>explanation</c> (<c>explain=true</c>). Open: with <c>rerank=semantic</c> it also carries the semantic
/// ranks, which these tests do not read, so unknown members are skipped. <paramref name="RecencyFactor"/>: only with <c>recency</c>.
/// </summary>
public sealed record ExplanationAnswer(double Score, List<ScorePartAnswer> Parts, double? RecencyFactor = null);
