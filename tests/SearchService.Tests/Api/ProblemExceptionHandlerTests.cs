using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Api.Problems;
using SearchService.Core.Sharding;
using SearchService.Tests.Api.Answers;

namespace SearchService.Tests.Api;

/// <summary>Problems made from exceptions carry the server's words: never the exception's text or a path in it.</summary>
public sealed class ProblemExceptionHandlerTests
{
    private const string SecretPath = "/srv/searchservice/index/_0.cfs";

    /// <summary>The problem the handler answers, read into its record and as the JSON written.</summary>
    private static async Task<(ProblemAnswer Problem, string Json)> Answer(Exception exception)
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();
        var handler = new ProblemExceptionHandler(services.GetRequiredService<IProblemDetailsService>(), NullLogger<ProblemExceptionHandler>.Instance);

        Assert.True(await handler.TryHandleAsync(context, exception, CancellationToken.None));
        Assert.Equal("application/problem+json", context.Response.ContentType?.Split(';')[0]);
        var json = System.Text.Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
        return (ApiJson.Read<ProblemAnswer>(json), json);
    }

    [Fact]
    public async Task Unreadable_request_is_answered_without_the_exception_text()
    {
        var (problem, json) = await Answer(new BadHttpRequestException($"Unexpected end of request content reading {SecretPath}.", StatusCodes.Status400BadRequest));
        Assert.Equal(400, problem.Status);
        Assert.DoesNotContain(SecretPath, json);
        Assert.DoesNotContain("Unexpected end", json);
    }

    [Fact]
    public async Task Body_too_large_names_the_body()
    {
        var (problem, _) = await Answer(new BadHttpRequestException("Request body too large. The max request body size is 1048576 bytes.", StatusCodes.Status413PayloadTooLarge));
        Assert.Equal(413, problem.Status);
        Assert.Equal("body", problem.Parameter);
    }

    [Fact]
    public async Task A_shard_no_copy_of_which_answered_is_a_503_naming_the_shard_without_the_cause_s_text()
    {
        var cause = new IOException($"Could not find file '{SecretPath}'.");

        var (problem, json) = await Answer(new ShardUnavailableException(6, cause.Message, cause));

        Assert.Equal(503, problem.Status);
        Assert.Equal("Shard unavailable", problem.Title);
        Assert.Contains("Shard 6", problem.Detail);
        Assert.DoesNotContain(SecretPath, json);
    }

    [Fact]
    public async Task Unexpected_error_is_answered_without_the_exception_text()
    {
        var (problem, json) = await Answer(new IOException($"Could not find file '{SecretPath}'."));
        Assert.Equal(500, problem.Status);
        Assert.DoesNotContain(SecretPath, json);
        Assert.DoesNotContain("IOException", json);
    }
}
