using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SearchService.Core;
using SearchService.Core.Corpus;
using SearchService.Core.Facets;
using SearchService.Core.Indexing;
using SearchService.Indexer;

// One-shot indexing from the command line:
//   index    (default) bring the index in line with the corpus folder, skipping unchanged files
//   rebuild  index the whole corpus again into a new index, then swap it in
//   extract FILE.jsonl [--threads N]  print each article's facets as JSON lines (the indexer's extractor)
var command = args.FirstOrDefault(a => !a.StartsWith('-')) ?? "index";
if (command is not ("index" or "rebuild" or "extract"))
{
    Console.Error.WriteLine($"Unknown command '{command}'. Usage: SearchService.Indexer [index|rebuild] [--Search:CorpusPath=DIR] [--Search:IndexPath=DIR]" +
                            " | extract FILE.jsonl [--threads N] [--Search:TaxonomyPath=FILE] [--speaker-identities=TABLE.json]");
    return 2;
}

// The extract command's file is positional; the configuration reader would take a path starting with '/' for a switch.
var file = command == "extract" ? args.Where(a => !a.StartsWith('-')).Skip(1).FirstOrDefault() : null;
var builder = Host.CreateApplicationBuilder(args.Where(a => a != command && a != file).ToArray());
builder.Services.AddSearchCore(builder.Configuration);
if (command == "extract")
    builder.Logging.ClearProviders(); // standard output carries the JSON lines only
using var host = builder.Build();
if (command == "extract")
{
    if (file is null)
    {
        Console.Error.WriteLine("Usage: SearchService.Indexer extract FILE.jsonl [--threads N] [--Search:TaxonomyPath=FILE] [--speaker-identities=TABLE.json]");
        return 2;
    }
    var threads = builder.Configuration.GetValue<int?>("threads");
    using var stdout = Console.OpenStandardOutput();
    var identities = builder.Configuration.GetValue<string?>("speaker-identities");
    return ExtractCommand.Run(host.Services.GetRequiredService<IFacetExtractor>(), file, threads, stdout, Console.Error, identities);
}
var logger = host.Services.GetRequiredService<ILogger<Program>>();
var options = host.Services.GetRequiredService<IOptions<SearchOptions>>().Value;

try
{
    host.Services.GetRequiredService<IndexOpener>().Open();
    var index = host.Services.GetRequiredService<SearchIndex>();
    var indexer = host.Services.GetRequiredService<CorpusIndexer>();
    var corpus = new CorpusFolder(options.CorpusPath);
    var progress = new ConsoleProgressBar();
    // A rebuild keeps the articles written through the API (replayed from their journal).
    var summary = command == "rebuild"
        ? indexer.Rebuild(corpus, host.Services.GetRequiredService<JournalProtocol>().ReplayInto, progress, CancellationToken.None)
        : indexer.Synchronize(corpus, progress, CancellationToken.None);
    progress.Finish(summary);
    index.Commit();
    var skipped = host.Services.GetRequiredService<IndexingStatus>().SkippedFiles.Count;
    logger.LogInformation("Index in {IndexPath} is up to date; {Skipped} corpus files skipped", index.Path, skipped);
    return 0;
}
catch (IndexUnavailableException e)
{
    logger.LogCritical("{Message}", e.Message);
    return 1;
}
