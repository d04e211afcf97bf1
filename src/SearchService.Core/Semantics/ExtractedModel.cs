using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Win32.SafeHandles;

namespace SearchService.Core.Semantics;

/// <summary>
/// The model written out to a file, for ONNX Runtime to read itself. The file is trusted no further than its folder and
/// its content: the folder is owner-only (0700 on Unix; setting that fails unless the service owns it), and an existing
/// file is loaded only when its SHA-256 is that of the model as shipped, hashed from the package at each load;
/// otherwise (changed, cut short) it is written again. A predictable file in the shared temp folder, trusted as found,
/// let anyone on the server hand the service a model of their making.
/// </summary>
public static class ExtractedModel
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const int ChunkBytes = 1 << 20;

    /// <summary>
    /// In the service user's own data folder (on Linux <c>$XDG_DATA_HOME</c> or <c>~/.local/share</c>), not the shared
    /// temp folder. A user without one gets a folder of their name in the temp folder: safe as well, since a folder of
    /// that name made by someone else cannot be made owner-only by the service, which then loads the model from memory.
    /// </summary>
    public static string DefaultFolder { get; } =
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify) is var data
        && Path.IsPathFullyQualified(data)
            ? Path.Combine(data, "SearchService", "models")
            : Path.Combine(Path.GetTempPath(), $"searchservice-models-{Environment.UserName}");

    /// <summary>The path of <paramref name="fileName"/> in <paramref name="folder"/>, holding exactly the shipped model.</summary>
    /// <exception cref="IOException">The folder is a link, or cannot be made owner-only or written.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder belongs to someone else, or cannot be written.</exception>
    public static string Ensure(string folder, string fileName, ShippedModel shipped, ILogger logger)
    {
        MakeOwnerOnlyFolder(folder);
        var path = Path.Combine(folder, fileName);
        using var source = File.OpenHandle(shipped.File);
        var expected = Copy(source, shipped.Offset, shipped.Length, to: null);
        if (File.Exists(path))
        {
            using (var existing = File.OpenHandle(path))
            {
                if (RandomAccess.GetLength(existing) == shipped.Length && Copy(existing, 0, shipped.Length, to: null).AsSpan().SequenceEqual(expected))
                    return path;
            }
            logger.LogWarning("The model file {ModelFile} is not the model the service ships (changed or cut short); writing it again", path);
        }
        var partial = $"{path}.{Guid.NewGuid():N}.partial";
        using (var file = new FileStream(partial, NewFileOptions()))
            Copy(source, shipped.Offset, shipped.Length, file);
        File.Move(partial, path, overwrite: true); // whole or not at all, also with two processes at once
        return path;
    }

    /// <summary>The SHA-256 of <paramref name="length"/> bytes of <paramref name="file"/> from <paramref name="offset"/>, written to <paramref name="to"/> as well when given.</summary>
    private static byte[] Copy(SafeFileHandle file, long offset, long length, Stream? to)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[ChunkBytes];
        for (var done = 0L; done < length;)
        {
            var read = RandomAccess.Read(file, buffer.AsSpan(0, (int)Math.Min(buffer.Length, length - done)), offset + done);
            if (read == 0)
                throw new EndOfStreamException("The shipped model ends before its length.");
            hash.AppendData(buffer, 0, read);
            to?.Write(buffer, 0, read);
            done += read;
        }
        return hash.GetHashAndReset();
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
}
