namespace SearchService.Tests.TestSupport;

/// <summary>
/// A test collection that runs with no other test at the same time, for tests that measure the whole process (its
/// processor time, its working set, its metric listeners), which tests running beside them would add to or disturb.
/// </summary>
[CollectionDefinition(nameof(NotInParallel), DisableParallelization = true)]
public sealed class NotInParallel;
