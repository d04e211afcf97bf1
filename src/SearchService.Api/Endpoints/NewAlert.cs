using System.ComponentModel;
using System.Text.Json.Serialization;

namespace SearchService.Api.Endpoints;

/// <summary>The body of <c>POST /alerts</c>: the saved search, as <c>/search</c> takes it, and where its new matches go.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
[Description("A search to save as an alert.")]
public sealed record NewAlert(
    [property: Description("What to look for, as /search's q (1 to 1,000 characters); a q that does not parse with syntax=lucene is a 400 naming q.")] string? Q,
    [property: Description("How q is read: 'simple' (default) or 'lucene', as in /search.")] string? Syntax,
    [property: Description("Region filter values (any of them), as /search's region; a region matches the places within it.")] IReadOnlyList<string>? Region,
    [property: Description("Topic filter values (any of them), as /search's topic.")] IReadOnlyList<string>? Topic,
    [property: Description("Speaker filter values (any of them), as /search's speaker.")] IReadOnlyList<string>? Speaker,
    [property: Description("Earliest publication date, as /search's from: a day (1987-03-01) or a date and time.")] string? From,
    [property: Description("Latest publication date, as /search's to.")] string? To,
    [property: Description("An absolute http or https URL that receives a POST of the new hits; left out: the event stream only. " +
        "Its host must be public (not loopback, private, link-local or the like) unless Search:Alerts:WebhookHosts lists it or its network.")] string? Webhook);
