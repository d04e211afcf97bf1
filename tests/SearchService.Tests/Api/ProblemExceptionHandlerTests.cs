using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Api.Problems;

namespace SearchService.Tests.Api;

/// <summary>Problems made from exceptions carry the server's words: never the exception's text or a path in it.</summary>
public sealed class ProblemExceptionHandlerTests
{
    private const string SecretPath = "/srv/searchservice/index/_0.cfs";

    private static async Task<JsonObject> Answer(Exception exception)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();
        var handler = new ProblemExceptionHandler(services.GetRequiredService<IProblemDetailsService>(), NullLogger<ProblemExceptionHandler>.Instance);

        Assert.True(await handler.TryHandleAsync(context, exception, CancellationToken.None));
        Assert.Equal("application/problem+json", context.Response.ContentType?.Split(';')[0]);
        return JsonNode.Parse(((MemoryStream)context.Response.Body).ToArray())!.AsObject();
    }

    [Fact]
    public async Task Unreadable_request_is_answered_without_the_exception_text()
    {
        var problem = await Answer(new BadHttpRequestException($"Unexpected end of request content reading {SecretPath}.", StatusCodes.Status400BadRequest));
        Assert.Equal(400, (int)problem["status"]!);
        Assert.DoesNotContain(SecretPath, problem.ToJsonString());
        Assert.DoesNotContain("Unexpected end", problem.ToJsonString());
    }

    [Fact]
    public async Task Body_too_large_names_the_body()
    {
        var problem = await Answer(new BadHttpRequestException("Request body too large. The max request body size is 1048576 bytes.", StatusCodes.Status413PayloadTooLarge));
        Assert.Equal(413, (int)problem["status"]!);
        Assert.Equal("body", (string)problem["parameter"]!);
    }

    [Fact]
    public async Task Unexpected_error_is_answered_without_the_exception_text()
    {
        var problem = await Answer(new IOException($"Could not find file '{SecretPath}'."));
        Assert.Equal(500, (int)problem["status"]!);
        Assert.DoesNotContain(SecretPath, problem.ToJsonString());
        Assert.DoesNotContain("IOException", problem.ToJsonString());
    }
}
