namespace SearchService.Api.Security;

/// <summary>Where <see cref="ScopedKeyStore"/> keeps the keys: a file beside the index, or PostgreSQL for a cluster's nodes.</summary>
public interface IScopedKeyStorage
{
    /// <summary>The keys as this process last read or changed them: what a presented key is checked against.</summary>
    ScopedKeyFile Current { get; }

    /// <summary>
    /// Applies <paramref name="change"/> to the keys as stored, atomically against every other change, and stores what
    /// it gives back (null: nothing to store); <see cref="Current"/> holds the result once this returns.
    /// </summary>
    Task ChangeAsync(Func<ScopedKeyFile, ScopedKeyFile?> change, CancellationToken cancellation);
}
