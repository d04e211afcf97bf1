using System.Diagnostics.CodeAnalysis;
using Orleans.Serialization.Cloning;

namespace SearchService.Cluster.Shards;

/// <summary>
/// Core's records pass a grain call as they are, not copied. Orleans copies every argument of a call at the caller and
/// every answer at the grain, whether or not the call leaves the silo, so that neither side sees the other change them;
/// the JSON codec copied by writing and reading JSON, so a call to another silo wrote and read each value twice, and a
/// call within the silo once, for nothing: no one changes these records once made (a sharded search in one process
/// shares them between the gatherer and its shards as they are).
/// </summary>
internal sealed class CoreRecordCopier : IGeneralizedCopier, IOptionalDeepCopier
{
    public bool IsSupportedType(Type type) => ShardHosting.IsCoreRecord(type);

    public bool IsShallowCopyable() => true;

    [return: NotNullIfNotNull(nameof(input))]
    public object? DeepCopy(object? input, CopyContext context) => input;
}
