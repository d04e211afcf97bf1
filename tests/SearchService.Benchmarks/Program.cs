using SearchService.Benchmarks.Relevance;

namespace SearchService.Benchmarks;

/// <summary>Measurements of the engine, one class per command.</summary>
public static class Program
{
    private const string Usage = "Usage: SearchService.Benchmarks relevance [--questions 1-150] [--depth 1000] [--run FILE]";

    public static int Main(string[] args) => args.FirstOrDefault() switch
    {
        "relevance" => RelevanceCommand.Run(args[1..]),
        _ => Fail(Usage),
    };

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return 2;
    }
}
