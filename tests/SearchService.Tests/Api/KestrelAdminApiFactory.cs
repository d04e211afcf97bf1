namespace SearchService.Tests.Api;

/// <summary>
/// The seed API with an admin key on a real Kestrel listener on 127.0.0.1: the in-memory test server hands a streamed
/// answer (server-sent events) to its client only when the answer ends.
/// </summary>
public sealed class KestrelAdminApiFactory : AdminApiFactory
{
    public KestrelAdminApiFactory() => UseKestrel(TestSupport.LoopbackPort.Free());
}
