using System.Text.Json.Serialization;

namespace SearchService.Tests.Api.Answers;

/// <summary>A line a bulk write refused. Complete: its number and the reason, so an unknown member fails.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record BadLineAnswer(int Line, string Problem);
