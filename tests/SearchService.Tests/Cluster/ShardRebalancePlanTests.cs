using SearchService.Cluster.Shards;

namespace SearchService.Tests.Cluster;

/// <summary>
/// The moves <see cref="ShardRebalancer"/> decides, applied one after another as the silos would: they end with the
/// copies even (no silo holding more than one copy more than another), never two copies of a shard on one silo.
/// </summary>
public sealed class ShardRebalancePlanTests
{
    private const int Shards = 8;
    private const int Replicas = 2;

    [Fact]
    public void A_third_silo_takes_copies_from_the_two_until_they_hold_six_five_and_five_never_two_of_a_shard()
    {
        // As the placement director puts 8 shards' 2 copies on 2 silos: copy c of shard s on silo (s + c) % 2.
        var placed = ShardCopy.All(Shards, Replicas).ToDictionary(copy => copy, copy => "abc"[(copy.Shard + copy.Copy) % 2].ToString());

        var moves = MoveUntilEven(placed, ["a", "b", "c"]);

        Assert.Equal(5, moves);
        Assert.Equal([6, 5, 5], new[] { "a", "b", "c" }.Select(silo => placed.Values.Count(v => v == silo)).OrderDescending());
        Assert.All(placed.GroupBy(p => p.Key.Shard), copies => Assert.Equal(Replicas, copies.Select(c => c.Value).Distinct().Count()));
    }

    [Fact]
    public void A_second_silo_joining_one_that_holds_every_copy_takes_one_copy_of_each_shard()
    {
        var placed = ShardCopy.All(Shards, Replicas).ToDictionary(copy => copy, _ => "a");

        MoveUntilEven(placed, ["a", "b"]);

        Assert.All(placed.GroupBy(p => p.Key.Shard), copies => Assert.Equal(["a", "b"], copies.Select(c => c.Value).Order()));
    }

    [Fact]
    public void Copies_already_even_are_not_moved()
    {
        var placed = ShardCopy.All(Shards, Replicas).ToDictionary(copy => copy, copy => "abc"[(copy.Shard + copy.Copy) % 3].ToString());

        Assert.Null(ShardRebalancer.NextMove(placed, ["a", "b", "c"], Replicas));
    }

    [Fact]
    public void Only_a_shard_whose_every_copy_is_active_gives_up_a_copy()
    {
        // Silo a holds the first copy of every shard; the second copies' silo has died, and only shard 5's is active again, on c.
        var placed = Enumerable.Range(0, Shards).ToDictionary(shard => new ShardCopy(shard, 0), _ => "a");
        placed[new ShardCopy(5, 1)] = "c";

        var move = ShardRebalancer.NextMove(placed, ["a", "b", "c"], Replicas);

        Assert.Equal((new ShardCopy(5, 0), "a", "b"), move);
    }

    [Fact]
    public void A_shard_with_two_copies_on_one_silo_has_one_moved_off_it_though_the_silos_hold_even_counts()
    {
        // Both copies of shard 0 on a (the placement director read a stale directory), shard 1's on b and c: 2, 1, 1 copies.
        var placed = new Dictionary<ShardCopy, string>
        {
            [new ShardCopy(0, 0)] = "a", [new ShardCopy(0, 1)] = "a", [new ShardCopy(1, 0)] = "b", [new ShardCopy(1, 1)] = "c",
        };

        var move = ShardRebalancer.NextMove(placed, ["a", "b", "c"], Replicas);

        Assert.NotNull(move);
        Assert.Equal((0, "a"), (move.Value.Copy.Shard, move.Value.From));
        Assert.NotEqual("a", move.Value.To);
    }

    [Fact]
    public void A_silo_joining_one_that_holds_a_copy_of_each_shard_is_given_every_unassigned_copy_and_nothing_moves_after()
    {
        var placed = Enumerable.Range(0, Shards).ToDictionary(shard => new ShardCopy(shard, 0), _ => "a");

        while (ShardRebalancer.NextAssignment(placed, [.. ShardCopy.All(Shards, Replicas)], ["a", "b"]) is { } assignment)
        {
            Assert.DoesNotContain(assignment.Copy, placed.Keys);
            placed[assignment.Copy] = assignment.To;
        }

        Assert.All(placed.GroupBy(p => p.Key.Shard), copies => Assert.Equal(["a", "b"], copies.Select(c => c.Value).Order()));
        Assert.Null(ShardRebalancer.NextMove(placed, ["a", "b"], Replicas));
    }

    [Fact]
    public void An_unassigned_copy_goes_to_the_silo_holding_the_fewest_copies_of_those_holding_none_of_its_shard()
    {
        // Shard 0's second copy is unassigned; c holds one copy, b three, a holds shard 0's first copy and the fewest.
        var placed = new Dictionary<ShardCopy, string>
        {
            [new ShardCopy(0, 0)] = "a", [new ShardCopy(1, 0)] = "b", [new ShardCopy(2, 0)] = "b", [new ShardCopy(3, 0)] = "b",
            [new ShardCopy(1, 1)] = "c",
        };

        Assert.Equal((new ShardCopy(0, 1), "c"), ShardRebalancer.NextAssignment(placed, [new ShardCopy(0, 0), new ShardCopy(0, 1)], ["a", "b", "c"]));
    }

    [Fact]
    public void With_fewer_silos_than_copies_a_copy_stays_unassigned()
    {
        var placed = Enumerable.Range(0, Shards).ToDictionary(shard => new ShardCopy(shard, 0), _ => "a");

        Assert.Null(ShardRebalancer.NextAssignment(placed, [.. ShardCopy.All(Shards, Replicas)], ["a"]));
    }

    [Fact]
    public void A_shard_no_silo_holds_is_left_to_its_first_search_and_a_copy_on_a_silo_gone_counts_as_unassigned()
    {
        // Shard 0 is on no silo; shard 1's second copy was on d, which is gone.
        var placed = new Dictionary<ShardCopy, string> { [new ShardCopy(1, 0)] = "a", [new ShardCopy(1, 1)] = "d" };

        Assert.Equal((new ShardCopy(1, 1), "b"), ShardRebalancer.NextAssignment(placed, [.. ShardCopy.All(2, Replicas)], ["a", "b"]));
    }

    private static int MoveUntilEven(Dictionary<ShardCopy, string> placed, IReadOnlyList<string> silos)
    {
        var moves = 0;
        while (ShardRebalancer.NextMove(placed, silos, Replicas) is { } move)
        {
            Assert.Equal(move.From, placed[move.Copy]);
            placed[move.Copy] = move.To;
            Assert.True(++moves <= placed.Count, "The moves do not end");
        }
        return moves;
    }
}
