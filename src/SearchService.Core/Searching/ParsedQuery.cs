using Lucene.Net.Search;

namespace SearchService.Core.Searching;

/// <summary>A parsed search-box query and the spelling corrections made while parsing it.</summary>
public sealed record ParsedQuery(Query Query, IReadOnlyList<SpellingCorrection> Corrections);
