using System.Net;
using Microsoft.Extensions.Time.Testing;
using SearchService.Cluster.Shards;

namespace SearchService.Tests.Cluster;

/// <summary>
/// Where a shard's copy is placed (<see cref="ShardCopySiloChooser"/>), over a grain directory the test answers for:
/// never beside another copy of its shard, even when the copies are asked at once and the directory shows neither yet.
/// </summary>
public sealed class ShardCopySiloChooserTests
{
    private static readonly SiloAddress First = SiloAddress.New(IPAddress.Loopback, 11111, 1);
    private static readonly SiloAddress Second = SiloAddress.New(IPAddress.Loopback, 11112, 1);

    private readonly Dictionary<ShardCopy, SiloAddress> directory = [];
    private readonly FakeTimeProvider time = new();

    [Fact]
    public async Task Two_copies_of_a_shard_asked_at_once_on_a_lone_silo_are_one_placed_and_one_unassigned()
    {
        // The directory answers only once both placements have asked it, as when both activations are under way.
        var bothAsking = new TaskCompletionSource();
        var asked = 0;
        var chooser = new ShardCopySiloChooser(2, async copy =>
        {
            if (Interlocked.Increment(ref asked) == 2)
                bothAsking.TrySetResult();
            await Task.WhenAny(bothAsking.Task, Task.Delay(TimeSpan.FromMilliseconds(200)));
            return directory.GetValueOrDefault(copy);
        }, time);

        var placements = new[] { new ShardCopy(0, 0), new ShardCopy(0, 1) }.Select(async copy =>
        {
            try
            {
                return await chooser.ChooseAsync(copy, [First], hinted: null);
            }
            catch (ShardCopyUnassignedException)
            {
                return null;
            }
        });

        Assert.Equal([First, null], (await Task.WhenAll(placements)).OrderBy(silo => silo is null));
    }

    [Fact]
    public async Task A_copy_goes_to_the_silo_its_shard_and_copy_numbers_start_at()
    {
        var chooser = Chooser();

        Assert.Equal(Second, await chooser.ChooseAsync(new ShardCopy(0, 1), [First, Second], hinted: null));
        Assert.Equal(Second, await chooser.ChooseAsync(new ShardCopy(1, 0), [First, Second], hinted: null));
        Assert.Equal(First, await chooser.ChooseAsync(new ShardCopy(1, 1), [First, Second], hinted: null));
    }

    [Fact]
    public async Task A_hint_naming_the_silo_of_another_copy_of_the_shard_is_passed_over()
    {
        directory[new ShardCopy(3, 1)] = Second;

        Assert.Equal(First, await Chooser().ChooseAsync(new ShardCopy(3, 0), [First, Second], hinted: Second));
    }

    [Fact]
    public async Task A_hint_naming_a_silo_free_of_the_shard_is_followed()
    {
        directory[new ShardCopy(3, 1)] = First;

        Assert.Equal(Second, await Chooser().ChooseAsync(new ShardCopy(3, 0), [First, Second], hinted: Second));
    }

    [Fact]
    public async Task A_silo_chosen_for_a_copy_that_never_registers_is_free_again_once_registering_would_have_ended()
    {
        var chooser = Chooser();
        Assert.Equal(First, await chooser.ChooseAsync(new ShardCopy(0, 0), [First], hinted: null));
        await Assert.ThrowsAsync<ShardCopyUnassignedException>(() => chooser.ChooseAsync(new ShardCopy(0, 1), [First], hinted: null));

        time.Advance(ShardCopySiloChooser.Registering);

        Assert.Equal(First, await chooser.ChooseAsync(new ShardCopy(0, 1), [First], hinted: null));
    }

    [Fact]
    public async Task A_copy_that_registered_and_is_gone_from_the_directory_frees_its_silo_at_once()
    {
        var chooser = Chooser();
        var placed = new ShardCopy(0, 0);
        directory[placed] = await chooser.ChooseAsync(placed, [First, Second], hinted: null);
        Assert.Equal(Second, await chooser.ChooseAsync(new ShardCopy(0, 1), [First, Second], hinted: First));

        directory.Remove(placed);

        Assert.Equal(First, await chooser.ChooseAsync(new ShardCopy(0, 1), [First], hinted: null));
    }

    private ShardCopySiloChooser Chooser() => new(2, copy => ValueTask.FromResult(directory.GetValueOrDefault(copy)), time);
}
