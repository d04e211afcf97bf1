using System.Text.Json.Serialization;

namespace SearchService.Tests.Api.Answers;

/// <summary>
/// A problem-details answer (RFC 9457), as the service answers every error. Complete: the standard members and every
/// extension member the service writes, so an unknown or renamed member fails. <paramref name="Detail"/> is missing
/// where ASP.NET Core answers alone (a path no endpoint has). <paramref name="RequestId"/> is added by the service's
/// problem-details options, which a test of the exception handler on its own does not have.
/// </summary>
/// <param name="Parameter">The request parameter at fault ("q", "id", "body", "key", ...), where one is.</param>
/// <param name="WritesStopped">With a write that was not acknowledged: whether writes are stopped until a restart.</param>
/// <param name="Lines">With a bulk body cut off midway: the lines read before the cut.</param>
/// <param name="Written">With a bulk body cut off midway: the articles written before the cut.</param>
/// <param name="Failed">With a bulk body cut off midway: the lines refused before the cut.</param>
/// <param name="KeyId">With a scoped key refused: the key's id, where it is known.</param>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ProblemAnswer(
    string Title,
    int Status,
    string TraceId,
    string? Type = null,
    string? Detail = null,
    string? RequestId = null,
    string? Parameter = null,
    bool? WritesStopped = null,
    int? Lines = null,
    int? Written = null,
    int? Failed = null,
    string? KeyId = null);
