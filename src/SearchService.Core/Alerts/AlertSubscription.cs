using System.Threading.Channels;

namespace SearchService.Core.Alerts;

/// <summary>A subscriber's view of one alert's events: those it missed (kept ones after its last event id), then the live ones.</summary>
public sealed class AlertSubscription(IReadOnlyList<AlertEvent> missed, ChannelReader<AlertEvent> live, Action end) : IDisposable
{
    public IReadOnlyList<AlertEvent> Missed { get; } = missed;

    /// <summary>New events; completes when the alert is deleted.</summary>
    public ChannelReader<AlertEvent> Live { get; } = live;

    public void Dispose() => end();
}
