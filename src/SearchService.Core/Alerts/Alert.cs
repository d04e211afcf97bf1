namespace SearchService.Core.Alerts;

/// <summary>A saved search whose new matches are delivered: to <see cref="Webhook"/> when set, and to its event stream.</summary>
/// <param name="Webhook">An absolute http or https URL that receives a POST of each <see cref="AlertNotice"/>; null: the event stream only.</param>
public sealed record Alert(string Id, DateTimeOffset Created, SavedQuery Query, Uri? Webhook);
