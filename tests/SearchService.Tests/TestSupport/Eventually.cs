namespace SearchService.Tests.TestSupport;

/// <summary>Waits for what another thread does: a condition polled every 50 ms, failing the test after 30 s naming what never came.</summary>
public static class Eventually
{
    public static async Task True(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition() && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        Assert.True(condition(), $"Not within 30 s: {what}.");
    }

    /// <summary>As <see cref="True(Func{bool}, string)"/>, for a condition that asks over the network.</summary>
    public static async Task True(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition() && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        Assert.True(await condition(), $"Not within 30 s: {what}.");
    }
}
