using SearchService.Core.Indexing;

namespace SearchService.Api.Endpoints;

/// <summary>
/// Answers a write that was not acknowledged as a problem instead of a 500: 503 when it could not be made durable or
/// searchable (with whether writes are stopped until a restart), and for a bulk body cut off midway, how far it got.
/// </summary>
public sealed class WriteRefusalFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (WriteRefusedException refused)
        {
            return TypedResults.Problem(detail: refused.Message, statusCode: StatusCodes.Status503ServiceUnavailable,
                title: refused.WritesStopped ? "Writes are stopped" : "Write not acknowledged",
                extensions: new Dictionary<string, object?> { ["writesStopped"] = refused.WritesStopped });
        }
        catch (BulkCutOffException cutOff)
        {
            var status = cutOff.InnerException is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                ? StatusCodes.Status413PayloadTooLarge
                : StatusCodes.Status400BadRequest;
            return TypedResults.Problem(detail: cutOff.Message, statusCode: status,
                title: status == StatusCodes.Status413PayloadTooLarge ? "Bulk body too large" : "Bulk body cut off",
                extensions: new Dictionary<string, object?>
                {
                    ["parameter"] = "body",
                    ["lines"] = cutOff.Applied.Lines,
                    ["written"] = cutOff.Applied.Written,
                    ["failed"] = cutOff.Applied.Failed,
                });
        }
    }
}
