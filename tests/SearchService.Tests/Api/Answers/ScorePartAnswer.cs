using System.Text.Json.Serialization;

namespace SearchService.Tests.Api.Answers;

/// <summary>What one matched word or phrase added to a hit's score. Complete, so an unknown member fails.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ScorePartAnswer(string Field, string Match, double Score);
