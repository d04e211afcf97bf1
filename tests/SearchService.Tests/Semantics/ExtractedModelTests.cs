using System.Runtime.Versioning;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using SearchService.Core.Semantics;
using SearchService.Tests.TestSupport;

namespace SearchService.Tests.Semantics;

/// <summary>The model file in a real folder: written owner-only, and an existing file used only when it is the shipped model.</summary>
public sealed class ExtractedModelTests : IDisposable
{
    private const string FileName = "model.onnx";
    private static readonly byte[] Shipped = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("the shipped model ", 1000)));

    private readonly TempDirectory parent = new();

    private string Folder => parent.Combine("models");

    /// <summary>The model as shipped: inside a larger file, as a resource is inside its assembly.</summary>
    private ShippedModel Package()
    {
        var file = parent.Combine("package.bin");
        if (!File.Exists(file))
            File.WriteAllBytes(file, [.. "header"u8, .. Shipped, .. "trailer"u8]);
        return new ShippedModel(file, "header"u8.Length, Shipped.Length);
    }

    private string Ensure() => ExtractedModel.Ensure(Folder, FileName, Package(), NullLogger.Instance);

    [Fact]
    public void A_missing_file_is_written_as_shipped()
    {
        Assert.Equal(Shipped, File.ReadAllBytes(Ensure()));
    }

    [Fact]
    public void A_tampered_file_is_replaced_by_the_shipped_model()
    {
        Directory.CreateDirectory(Folder);
        var tampered = Shipped.ToArray();
        tampered[^1] ^= 1;
        File.WriteAllBytes(Path.Combine(Folder, FileName), tampered);

        Assert.Equal(Shipped, File.ReadAllBytes(Ensure()));
    }

    [Fact]
    public void A_truncated_file_is_replaced_by_the_shipped_model()
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllBytes(Path.Combine(Folder, FileName), Shipped[..(Shipped.Length / 2)]);

        Assert.Equal(Shipped, File.ReadAllBytes(Ensure()));
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void The_folder_and_file_are_the_owners_alone_on_unix()
    {
        var path = Ensure();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Folder));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [UnixFact]
    [UnsupportedOSPlatform("windows")]
    public void A_folder_found_open_to_others_is_made_the_owners_alone_on_unix()
    {
        Directory.CreateDirectory(Folder);
        File.SetUnixFileMode(Folder, (UnixFileMode)0b111_111_111);

        Ensure();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Folder));
    }

    [Fact]
    public void A_folder_that_is_a_symbolic_link_is_refused()
    {
        using var elsewhere = new TempDirectory();
        Directory.CreateSymbolicLink(Folder, elsewhere.Path);

        Assert.Throws<IOException>(Ensure);
        Assert.Empty(Directory.GetFiles(elsewhere.Path));
    }

    public void Dispose() => parent.Dispose();
}
