using System.Text.Json.Serialization;

namespace SearchService.Tests.Api.Answers;

/// <summary>A corpus file <c>GET /health</c> reports as skipped. Complete: the file and the reason, so an unknown member fails.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record SkippedFileAnswer(string File, string Reason);
