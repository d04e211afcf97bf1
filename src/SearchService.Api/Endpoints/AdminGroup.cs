using SearchService.Api.Security;

namespace SearchService.Api.Endpoints;

/// <summary>
/// What every write and admin endpoint shares: the admin key, a problem instead of a 500 for a write that was not
/// acknowledged (<see cref="WriteRefusalFilter"/>), and the answers that come with both.
/// </summary>
public static class AdminGroup
{
    public static RouteGroupBuilder MapAdminGroup(this IEndpointRouteBuilder app, string prefix) =>
        app.MapGroup(prefix).WithTags("Admin").RequireAuthorization(KeyPolicies.Admin).AddEndpointFilter<WriteRefusalFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
