using System.Text.Json.Serialization;

namespace SearchService.Tests.Api.Answers;

/// <summary>What an alert's webhook receives, and the data of one event of its stream.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record AlertNoticeAnswer(string AlertId, List<AlertHitAnswer> Hits);
