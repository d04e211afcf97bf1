using SearchService.Core.Alerts;
using SearchService.Core.Searching;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Alerts;

public sealed class AlertStoreTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_alert_saved_is_there_after_the_store_is_opened_again()
    {
        using var folder = new TempDirectory();
        var saved = new AlertStore(folder.Path).Add(
            new SavedQuery("cocoa \"Bahia\"", QuerySyntax.Simple, Region: ["Brazil"], From: Noon.AddYears(-40)), new Uri("http://127.0.0.1:9/hook"), Noon);

        var reopened = new AlertStore(folder.Path).Find(saved.Id);

        Assert.Equal(saved with { Query = saved.Query with { Region = null } }, reopened! with { Query = reopened.Query with { Region = null } });
        Assert.Equal(["Brazil"], reopened.Query.Region);
    }

    [Fact]
    public void A_deleted_alert_stays_deleted_after_the_store_is_opened_again()
    {
        using var folder = new TempDirectory();
        var store = new AlertStore(folder.Path);
        var kept = store.Add(new SavedQuery("cocoa"), null, Noon);
        var deleted = store.Add(new SavedQuery("coffee"), null, Noon.AddSeconds(1));
        Assert.True(store.Remove(deleted.Id));

        Assert.Equal([kept.Id], new AlertStore(folder.Path).All().Select(a => a.Id));
    }

    [Fact]
    public void A_temporary_file_torn_by_a_crash_is_ignored_and_the_last_saved_list_kept()
    {
        using var folder = new TempDirectory();
        var saved = new AlertStore(folder.Path).Add(new SavedQuery("cocoa"), null, Noon);
        File.WriteAllText(folder.Combine(AlertStore.TemporaryFileName), "[{\"id\":\"a-torn\",\"crea");

        var reopened = new AlertStore(folder.Path);

        Assert.Equal([saved.Id], reopened.All().Select(a => a.Id));
        Assert.False(File.Exists(folder.Combine(AlertStore.TemporaryFileName)));
    }

    [Fact]
    public void A_saved_query_syntax_is_written_in_camel_case()
    {
        using var folder = new TempDirectory();
        new AlertStore(folder.Path).Add(new SavedQuery("cocoa AND Bahia", QuerySyntax.Lucene), null, Noon);

        var written = File.ReadAllText(folder.Combine(AlertStore.FileName));

        Assert.Contains("\"syntax\": \"lucene\"", written);
    }

    [Fact]
    public void An_alert_file_written_with_pascal_case_syntax_is_read()
    {
        using var folder = new TempDirectory();
        File.WriteAllText(folder.Combine(AlertStore.FileName), """
            [{"id":"a0123456789ab","created":"2026-12-03T12:00:00+00:00",
              "query":{"q":"cocoa AND Bahia","syntax":"Lucene","region":null,"topic":null,"speaker":null,"from":null,"to":null},
              "webhook":null},
             {"id":"a0123456789ac","created":"2026-12-03T12:00:01+00:00","query":{"q":"cocoa","syntax":"Simple"},"webhook":null}]
            """);

        var store = new AlertStore(folder.Path);

        Assert.Equal([QuerySyntax.Lucene, QuerySyntax.Simple], store.All().Select(a => a.Query.Syntax));
    }
}
