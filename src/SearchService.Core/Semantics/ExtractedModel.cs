using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace SearchService.Core.Semantics;

/// <summary>
/// The model written out to a file, for ONNX Runtime to read itself. The file is trusted no further than its folder and
/// its content: the folder is owner-only (0700 on Unix; setting that fails unless the service owns it), and an existing
/// file is loaded only when its SHA-256 is that of the model the package ships, as read from the package at this start;
/// otherwise (changed, cut short) it is written again. A predictable file in the shared temp folder, trusted as found,
/// let anyone on the server give the service a model of their making.
/// </summary>
public static class ExtractedModel
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The service user's own data folder (on Linux <c>$XDG_DATA_HOME</c> or <c>~/.local/share</c>), not the shared temp folder.</summary>
    public static string DefaultFolder { get; } = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
        "SearchService", "models");

    /// <summary>The path of <paramref name="fileName"/> in <paramref name="folder"/>, holding exactly the shipped model.</summary>
    /// <param name="openShipped">Opens the model as shipped; called once to hash it, and again when the file must be written.</param>
    /// <exception cref="IOException">The folder is a link, or cannot be made owner-only or written.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder belongs to someone else, or cannot be written.</exception>
    public static string Ensure(string folder, string fileName, Func<Stream> openShipped, ILogger logger)
    {
        MakeOwnerOnlyFolder(folder);
        var path = Path.Combine(folder, fileName);
        byte[] shipped;
        using (var model = openShipped())
            shipped = SHA256.HashData(model);
        if (File.Exists(path))
        {
            if (HashOf(path).AsSpan().SequenceEqual(shipped))
                return path;
            logger.LogWarning("The model file {ModelFile} is not the model the service ships (changed or cut short); writing it again", path);
        }
        var partial = $"{path}.{Guid.NewGuid():N}.partial";
        using (var model = openShipped())
        using (var file = new FileStream(partial, NewFileOptions()))
            model.CopyTo(file);
        File.Move(partial, path, overwrite: true); // whole or not at all, also with two processes at once
        return path;
    }

    private static void MakeOwnerOnlyFolder(string folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder); // under the user's own profile, whose permissions already keep others out
            return;
        }
        var info = Directory.CreateDirectory(folder, OwnerOnlyFolder);
        if (info.LinkTarget is not null)
            throw new IOException($"The model folder {folder} is a symbolic link; the model is not written through it.");
        // Also when the folder was there already, perhaps wider open; chmod fails unless the service owns it.
        File.SetUnixFileMode(folder, OwnerOnlyFolder);
    }

    private static FileStreamOptions NewFileOptions()
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = OwnerOnlyFile;
        return options;
    }

    private static byte[] HashOf(string path)
    {
        using var file = File.OpenRead(path);
        return SHA256.HashData(file);
    }
}
