using System.Runtime.InteropServices;

namespace SearchService.Core.Indexing;

/// <summary>
/// Makes the entries of a folder (files created, renamed or deleted in it) durable. .NET opens no handle on a folder,
/// so on Unix this calls fsync on the folder directly; Windows (NTFS) journals such changes itself.
/// </summary>
internal static class FolderFlush
{
    public static void Flush(string folder)
    {
        if (OperatingSystem.IsWindows())
            return;
        var descriptor = Open(folder, 0); // O_RDONLY
        if (descriptor < 0)
            throw new IOException($"Could not open '{folder}' to flush its entries (errno {Marshal.GetLastPInvokeError()}).");
        try
        {
            if (Fsync(descriptor) != 0)
                throw new IOException($"Could not flush the entries of '{folder}' (errno {Marshal.GetLastPInvokeError()}).");
        }
        finally
        {
            Close(descriptor);
        }
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static extern int Fsync(int descriptor);

    [DllImport("libc", EntryPoint = "close")]
    private static extern int Close(int descriptor);
}
