using System.Text.Json;
using SearchService.Tests.Api.Answers;

namespace SearchService.Tests.Api;

/// <summary>Answers are read strictly, so a changed contract fails the test that reads it.</summary>
public sealed class ApiJsonTests
{
    [Fact]
    public void An_answer_that_fits_its_record_is_read() =>
        Assert.Equal(new SuggestionAnswer("Afghanistan", "region", 3),
            ApiJson.Read<SuggestionAnswer>("""{"text": "Afghanistan", "kind": "region", "count": 3}"""));

    [Fact]
    public void A_missing_field_fails_the_read() =>
        Assert.Throws<JsonException>(() => ApiJson.Read<SuggestionAnswer>("""{"text": "Afghanistan", "count": 3}"""));

    [Fact]
    public void A_renamed_field_fails_the_read_of_an_open_record() =>
        Assert.Throws<JsonException>(() => ApiJson.Read<SuggestAnswer>("""{"query": "afgh", "tookMs": 1.5, "suggestions": []}"""));

    [Fact]
    public void An_added_field_is_skipped_by_an_open_record() =>
        Assert.Equal("afgh", ApiJson.Read<SuggestAnswer>("""{"q": "afgh", "tookMs": 1.5, "suggestions": [], "cached": true}""").Q);

    [Fact]
    public void An_added_field_fails_the_read_of_a_complete_record() =>
        Assert.Throws<JsonException>(() => ApiJson.Read<FacetValueAnswer>("""{"value": "Pakistan", "count": 3, "share": 0.5}"""));

    [Fact]
    public void A_field_in_another_case_fails_the_read() =>
        Assert.Throws<JsonException>(() => ApiJson.Read<FacetValueAnswer>("""{"Value": "Pakistan", "count": 3}"""));

    [Fact]
    public void A_number_written_as_a_string_fails_the_read() =>
        Assert.Throws<JsonException>(() => ApiJson.Read<FacetValueAnswer>("""{"value": "Pakistan", "count": "3"}"""));

    [Fact]
    public void A_null_where_the_record_wants_a_value_fails_the_read() =>
        Assert.Throws<JsonException>(() => ApiJson.Read<FacetValueAnswer>("""{"value": null, "count": 3}"""));

    private const string CutOffBulkProblem = """
        {"type": "https://tools.ietf.org/html/rfc9110#section-15.5.14", "title": "Bulk body too large", "status": 413,
         "detail": "The bulk body was cut off after line 12; lines 1–12 were applied.", "parameter": "body", "lines": 12, "written": 11, "failed": 1,
         "traceId": "00-a482316cfaf1f4813517de2984a37b81-31f9b4b9dc4c3833-02", "requestId": "0HNQH064VCU60"}
        """;

    [Fact]
    public void A_problem_is_read_with_its_extension_members()
    {
        var problem = ApiJson.Read<ProblemAnswer>(CutOffBulkProblem);
        Assert.Equal<(string?, int?, int?, int?)>(("body", 12, 11, 1), (problem.Parameter, problem.Lines, problem.Written, problem.Failed));
    }

    [Fact]
    public void An_extension_member_the_problem_record_does_not_know_fails_the_read() =>
        Assert.Throws<JsonException>(() => ApiJson.Read<ProblemAnswer>(CutOffBulkProblem.Replace("\"failed\"", "\"refused\"")));
}
