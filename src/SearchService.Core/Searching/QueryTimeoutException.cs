namespace SearchService.Core.Searching;

/// <summary>A search ran past its time budget and was cut off.</summary>
public sealed class QueryTimeoutException(TimeSpan budget, Exception inner)
    : Exception($"The query ran longer than its budget of {budget.TotalMilliseconds:F0} ms and was stopped.", inner)
{
    public TimeSpan Budget { get; } = budget;
}
