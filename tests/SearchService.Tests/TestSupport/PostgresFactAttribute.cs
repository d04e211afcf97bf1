namespace SearchService.Tests.TestSupport;

/// <summary>
/// A test against PostgreSQL. It runs where <see cref="Variable"/> holds a connection string (bash .ci/run starts a
/// server and sets it), and then fails when it cannot connect; where the variable is unset it is skipped, saying how to
/// run it.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "SEARCHSERVICE_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (ConnectionString is null)
            Skip = $"Needs PostgreSQL: bash scripts/postgres.sh start /tmp/searchservice-postgres 55433, then set {Variable} to what " +
                "bash scripts/postgres.sh url /tmp/searchservice-postgres 55433 prints (bash .ci/run does both).";
    }

    /// <summary>The server the tests make their scratch databases on, or null where none is given.</summary>
    public static string? ConnectionString { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;
}
