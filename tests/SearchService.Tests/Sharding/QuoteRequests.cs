using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SearchService.Core.Indexing;
using SearchService.Core.Quotes;
using SearchService.Core.Searching;

namespace SearchService.Tests.Sharding;

/// <summary>
/// <c>/quotes</c> requests of every kind a sharded answer may get wrong (ranked words, a speaker filter, a region
/// filter, several filters, newest first, a second page, dates), drawn from one index's answer to every statement, and
/// how two answers to one differ.
/// </summary>
public static class QuoteRequests
{
    /// <param name="all">One index's answer to <c>/quotes</c> without parameters: its facets give the filters' values.</param>
    public static IReadOnlyList<QuoteRequest> From(QuoteResult all)
    {
        var speaker = all.Facets[IndexSchema.Speaker][0].Value;
        var region = all.Facets[IndexSchema.Region][0].Value;
        var topic = all.Facets[IndexSchema.Topic][0].Value;
        var day = new DateTimeOffset(DateTimeOffset.Parse(all.Hits[0].Date!, CultureInfo.InvariantCulture).UtcDateTime.Date, TimeSpan.Zero);
        return
        [
            new(Query: "oil prices"),
            new(Query: "interest rates", PageSize: 20),
            new(Query: "trade deficit"),
            new(Query: "prices", Page: 2),
            new(Speaker: [speaker]),
            new(Query: "market", Speaker: [speaker, all.Facets[IndexSchema.Speaker][1].Value]),
            new(Region: [region]),
            new(Query: "prices", Region: [region], Topic: [topic]),
            new(),
            new(Page: 2, PageSize: 20),
            new(Query: "dollar", Dates: new DateRange(day.AddDays(-7), day.AddDays(1).AddTicks(-1))),
            new(Verb: ["said"], FacetSize: 5),
        ];
    }

    /// <summary>The request as <c>/quotes</c>' query string asks it.</summary>
    public static string Url(QuoteRequest request)
    {
        var parameters = new List<string>();
        void Add(string name, string? value)
        {
            if (value is not null)
                parameters.Add($"{name}={Uri.EscapeDataString(value)}");
        }
        Add("q", request.Query);
        foreach (var facet in StatementDocuments.FacetFields)
            foreach (var value in request.FilterValues(facet))
                Add(facet, value);
        // Whole days, as the service reads a date: "to" to the end of its day.
        Add("from", request.Dates?.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", request.Dates?.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("page", request.Page.ToString(CultureInfo.InvariantCulture));
        Add("pageSize", request.PageSize.ToString(CultureInfo.InvariantCulture));
        return $"/quotes?{string.Join('&', parameters)}";
    }

    /// <summary>Where two answers (as JSON) differ, the time they took aside: each hit, score included, and each facet's values and counts, in order.</summary>
    public static IEnumerable<string> Differences(string label, JsonNode expected, JsonNode actual)
    {
        foreach (var answer in new[] { expected, actual })
            answer.AsObject().Remove("tookMs");
        if (expected["total"]!.ToJsonString() != actual["total"]!.ToJsonString())
            yield return $"{label}: total {expected["total"]} against {actual["total"]}";
        var (want, got) = (expected["hits"]!.AsArray(), actual["hits"]!.AsArray());
        for (var i = 0; i < Math.Max(want.Count, got.Count); i++)
        {
            var (a, b) = (i < want.Count ? want[i]?.ToJsonString() : "none", i < got.Count ? got[i]?.ToJsonString() : "none");
            if (a != b)
                yield return $"{label}: hit {i + 1} {a} against {b}";
        }
        foreach (var facet in expected["facets"]!.AsObject())
        {
            if (facet.Value!.ToJsonString() != actual["facets"]?[facet.Key]?.ToJsonString())
                yield return $"{label}: facet {facet.Key} {facet.Value.ToJsonString()} against {actual["facets"]?[facet.Key]?.ToJsonString()}";
        }
    }

    /// <inheritdoc cref="Differences(string, JsonNode, JsonNode)"/>
    public static IEnumerable<string> Differences(string label, QuoteResult expected, QuoteResult actual) =>
        Differences(label, JsonSerializer.SerializeToNode(expected, Json)!, JsonSerializer.SerializeToNode(actual, Json)!);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
}
