namespace SearchService.Tests.Api.Answers;

/// <summary>
/// What <c>/health/live</c> and <c>/health/ready</c> answer, and <c>/health</c> without the operators' key: the status.
/// Open, because every <c>/health</c> answer starts with the same status, with the details or without, so a test that
/// waits for indexing reads it alike; whether the details are left out is checked on the raw JSON.
/// </summary>
public sealed record ProbeAnswer(string Status);
