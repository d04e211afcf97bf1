using SearchService.Core.Indexing;

namespace SearchService.Tests.TestSupport;

public static class IndexFolder
{
    /// <summary>
    /// Waits until no <see cref="SearchIndex"/> holds the index in <paramref name="path"/>. WebApplicationFactory's
    /// disposal returns before the app's own host has disposed its services (minimal hosting runs the app on its own
    /// thread), and the index commits while it closes: deleting the folder before that leaves a commit behind in it.
    /// </summary>
    public static async Task WaitUntilClosedAsync(string path)
    {
        var lockFile = Path.Combine(path, SearchIndex.ProcessLockFileName);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var held = new FileStream(lockFile, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
                return;
            }
            catch (FileNotFoundException)
            {
                return; // never opened
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }
    }
}
