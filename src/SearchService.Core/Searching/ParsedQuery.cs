using Lucene.Net.Search;

namespace SearchService.Core.Searching;

/// <summary>A parsed search-box query and the spelling corrections made while parsing it.</summary>
/// <param name="Query">Decides which paragraphs match, and their first-stage score.</param>
/// <param name="IsQuestion">A question in natural language: its best matches are re-scored (<see cref="QuestionRescorer"/>).</param>
/// <param name="Pairs">For a question, terms that only add to the score of matches where they stand near each other.</param>
public sealed record ParsedQuery(Query Query, IReadOnlyList<SpellingCorrection> Corrections, bool IsQuestion = false, IReadOnlyList<WordPair>? Pairs = null);
