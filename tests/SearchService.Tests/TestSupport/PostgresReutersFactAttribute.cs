namespace SearchService.Tests.TestSupport;

/// <summary>A test against PostgreSQL (<see cref="PostgresFactAttribute"/>) over Reuters articles (<see cref="ReutersCorpus"/>): skipped where either is missing.</summary>
public sealed class PostgresReutersFactAttribute : FactAttribute
{
    public PostgresReutersFactAttribute()
    {
        Skip = new PostgresFactAttribute().Skip ?? (ReutersCorpus.Path is null ? "Needs the Reuters corpus in ../shared." : null);
    }
}
