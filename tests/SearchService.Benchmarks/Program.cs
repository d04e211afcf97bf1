using SearchService.Benchmarks.Relevance;

// Measurements of the engine, one class per command:
//   relevance [--questions 1-150] [--run FILE]   ranking quality on the Cranfield collection
var command = args.FirstOrDefault();
return command switch
{
    "relevance" => RelevanceCommand.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("Usage: SearchService.Benchmarks relevance [--questions 1-150] [--run FILE]");
    return 2;
}
