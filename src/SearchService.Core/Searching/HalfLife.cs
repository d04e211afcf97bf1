using System.Globalization;
using System.Text.RegularExpressions;

namespace SearchService.Core.Searching;

/// <summary>
/// How long it takes an article to lose half of its freshness (<see cref="RecencyDecay"/>), as written in a request or
/// a setting: a whole number and a unit, <c>h</c> (hours), <c>d</c> (days), <c>w</c> (weeks) or <c>y</c> (years of
/// 365 days), for example <c>12h</c>, <c>7d</c>, <c>90d</c>, <c>1y</c>.
/// </summary>
/// <param name="Text">As written, for messages and explanations.</param>
/// <param name="Length">The time it stands for.</param>
public sealed partial record HalfLife(string Text, TimeSpan Length)
{
    /// <summary>The longest half-life taken: beyond it every article of a news index is equally fresh.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(365 * 1000);

    /// <summary>What a valid half-life looks like, for messages.</summary>
    public const string Format = "a whole number and a unit: h (hours), d (days), w (weeks) or y (years), e.g. 12h, 7d, 90d, 1y";

    /// <summary>Reads a half-life; false when <paramref name="text"/> is not one, or is zero or longer than <see cref="Longest"/>.</summary>
    public static bool TryParse(string? text, out HalfLife halfLife)
    {
        halfLife = null!;
        if (text is null || Written().Match(text.Trim()) is not { Success: true } match)
            return false;
        if (!long.TryParse(match.Groups["amount"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount == 0)
            return false;
        var hours = match.Groups["unit"].Value switch
        {
            "h" => 1.0,
            "d" => 24.0,
            "w" => 24.0 * 7,
            _ => 24.0 * 365,
        };
        if (amount * hours > Longest.TotalHours)
            return false;
        halfLife = new HalfLife(text.Trim(), TimeSpan.FromHours(amount * hours));
        return true;
    }

    public override string ToString() => Text;

    [GeneratedRegex("^(?<amount>[0-9]{1,9})(?<unit>[hdwy])$")]
    private static partial Regex Written();
}
