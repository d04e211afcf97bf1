using System.Globalization;

namespace SearchService.Api.Endpoints;

/// <summary>
/// One end of a date range as a query string gives it, in ISO 8601: a day (<c>1987-03-01</c>: the whole day, UTC) or
/// an instant (<c>1987-03-01T12:00</c>, seconds and a zone optional; without a zone, UTC). Only these forms, so that
/// <c>03/04/1987</c> cannot mean March to one caller and April to another.
/// </summary>
public static class DateBound
{
    public const string Forms = "a day (1987-03-01) or a date and time (1987-03-01T12:00:00Z)";

    private static readonly string[] InstantForms =
        ["yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    /// <summary>Reads <paramref name="text"/>; a day means its first instant, or its last with <paramref name="endOfDay"/>.</summary>
    public static bool TryParse(string text, bool endOfDay, out DateTimeOffset value)
    {
        const DateTimeStyles utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (DateTimeOffset.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, utc, out var day))
        {
            // The day's last tick (not the next day's first minus one: there is no day after 9999-12-31).
            value = endOfDay ? day.AddTicks(TimeSpan.TicksPerDay - 1) : day;
            return true;
        }
        return DateTimeOffset.TryParseExact(text, InstantForms, CultureInfo.InvariantCulture, utc, out value);
    }
}
