using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace SearchService.Core.Semantics;

/// <summary>
/// Where the model's bytes lie in the file it ships in: a resource of the package's assembly, read with file reads at
/// its offset rather than through the loaded assembly, whose mapped pages would stay in the working set (90 MB) each
/// time the model is checked.
/// </summary>
/// <param name="File">The file holding the model.</param>
/// <param name="Offset">Where in <paramref name="File"/> the model's first byte is.</param>
/// <param name="Length">The model's length in bytes.</param>
public sealed record ShippedModel(string File, long Offset, long Length)
{
    /// <summary>The managed resource <paramref name="resourceName"/> embedded in the assembly <paramref name="assemblyFile"/>.</summary>
    /// <exception cref="InvalidOperationException">The assembly has no such resource embedded.</exception>
    public static ShippedModel FromAssemblyResource(string assemblyFile, string resourceName)
    {
        using var stream = System.IO.File.OpenRead(assemblyFile);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var resources = pe.PEHeaders.CorHeader?.ResourcesDirectory
                        ?? throw new InvalidOperationException($"{assemblyFile} is no .NET assembly.");
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (!resource.Implementation.IsNil || !metadata.StringComparer.Equals(resource.Name, resourceName)
                || !pe.PEHeaders.TryGetDirectoryOffset(resources, out var resourcesStart))
                continue;
            // An embedded resource is its length (4 bytes, little-endian) followed by its bytes (ECMA-335 II.24.2.4).
            var start = resourcesStart + resource.Offset;
            Span<byte> length = stackalloc byte[4];
            stream.Position = start;
            stream.ReadExactly(length);
            return new ShippedModel(assemblyFile, start + 4, System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(length));
        }
        throw new InvalidOperationException($"{assemblyFile} has no embedded resource {resourceName}.");
    }
}
