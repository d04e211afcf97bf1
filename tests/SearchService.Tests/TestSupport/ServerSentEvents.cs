namespace SearchService.Tests.TestSupport;

/// <summary>Reads a text/event-stream answer (an alert's events) one event at a time.</summary>
public static class ServerSentEvents
{
    /// <summary>The next event's id and data lines, read up to the blank line that ends it, within <paramref name="within"/>.</summary>
    public static async Task<(string Id, string Data)> NextAsync(StreamReader lines, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        string? id = null;
        var data = "";
        while (await lines.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("id: ", StringComparison.Ordinal))
                id = line["id: ".Length..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
                data += line["data: ".Length..];
            else if (line.Length == 0 && data.Length > 0)
                return (id ?? throw new InvalidDataException("An event without an id."), data);
        }
        throw new EndOfStreamException("The stream ended.");
    }
}
