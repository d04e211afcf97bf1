using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using SearchService.Api.OpenApi;

namespace SearchService.Api.Endpoints;

/// <summary>Query-string parameters of <c>GET /facets/{name}</c> besides those it shares with <c>GET /search</c>.</summary>
public sealed class FacetValueParameters
{
    public const int MaxPrefixLength = 100;

    [Example("Syro")]
    [FromQuery(Name = "prefix")]
    [Description("Values with a word starting with this (any case): 'syro' finds 'Oleg V Syromolotov'. Empty: every value. At most 100 characters.")]
    public string? Prefix { get; init; }

    [Example("20")]
    [FromQuery(Name = "size")]
    [Description("How many values to return, 1 to 1,000 (default 20), most frequent first.")]
    public int? Size { get; init; }
}
