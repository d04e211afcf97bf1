using System.Text.Json;
using System.Text.Json.Serialization;
using SearchService.Core.Searching;

namespace SearchService.Api.Endpoints;

/// <summary>
/// The answer of <c>GET /search</c>, the most frequent request, written by code generated at build time rather than by
/// metadata read through reflection: the same JSON (the web defaults, camelCase), less work per answer. It comes first
/// among the HTTP JSON options' resolvers (<see cref="SearchApiSetup"/>); every other type is still read by reflection.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SearchResult))]
public sealed partial class SearchAnswerJsonContext : JsonSerializerContext;
