namespace SearchService.Api.Http;

/// <summary>
/// Marks an endpoint that takes any query string (<see cref="UnknownQueryParameterCheck"/> passes it by): pages and
/// scripts that people link to and embed, whose addresses pick up parameters of their own (<c>utm_source</c>, a
/// cache-buster <c>v=2</c>).
/// </summary>
public sealed class AnyQueryParameters
{
    public static readonly AnyQueryParameters Instance = new();

    private AnyQueryParameters()
    {
    }
}
