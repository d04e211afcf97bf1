using SearchService.Core.Searching;

namespace SearchService.Cluster.Shards;

/// <summary>
/// Core's exceptions that end a search on a shard (a query that does not parse, one refused for its cost, one over its
/// time budget) cross between silos as themselves, so that a node answers them with the 400 or 503 a single node
/// answers. Orleans asks a registered converter before its generalized codecs, so they are not left to the JSON codec,
/// which cannot write a thrown exception (its TargetSite); Core stays free of Orleans' attributes.
/// </summary>
[RegisterConverter]
public sealed class CoreExceptionConverter :
    IConverter<QuerySyntaxException, CoreExceptionSurrogate>,
    IConverter<QueryRefusedException, CoreExceptionSurrogate>,
    IConverter<QueryTimeoutException, CoreExceptionSurrogate>
{
    QuerySyntaxException IConverter<QuerySyntaxException, CoreExceptionSurrogate>.ConvertFromSurrogate(in CoreExceptionSurrogate surrogate) =>
        new(surrogate.Message);

    CoreExceptionSurrogate IConverter<QuerySyntaxException, CoreExceptionSurrogate>.ConvertToSurrogate(in QuerySyntaxException value) =>
        new(value.Message, TimeSpan.Zero, null);

    QueryRefusedException IConverter<QueryRefusedException, CoreExceptionSurrogate>.ConvertFromSurrogate(in CoreExceptionSurrogate surrogate) =>
        new(surrogate.Message);

    CoreExceptionSurrogate IConverter<QueryRefusedException, CoreExceptionSurrogate>.ConvertToSurrogate(in QueryRefusedException value) =>
        new(value.Message, TimeSpan.Zero, null);

    QueryTimeoutException IConverter<QueryTimeoutException, CoreExceptionSurrogate>.ConvertFromSurrogate(in CoreExceptionSurrogate surrogate) =>
        new(surrogate.Budget, new TimeoutException(surrogate.Cause));

    CoreExceptionSurrogate IConverter<QueryTimeoutException, CoreExceptionSurrogate>.ConvertToSurrogate(in QueryTimeoutException value) =>
        new(value.Message, value.Budget, value.InnerException?.Message);
}
