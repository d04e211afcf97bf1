using Lucene.Net.Store;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace SearchService.Tests.TestSupport;

/// <summary>
/// Lucene directories on a pretend disk that fills up: once <see cref="Limit"/> is set, every byte written through
/// any directory it opened counts, and the write that would pass the limit throws an <see cref="IOException"/>, as a
/// full disk does. Pass <see cref="Open"/> where a Lucene directory is opened.
/// </summary>
public sealed class LimitedDisk
{
    private long remaining = long.MaxValue;

    /// <summary>From now on at most <paramref name="bytes"/> more bytes can be written.</summary>
    public void Limit(long bytes) => Interlocked.Exchange(ref remaining, bytes);

    /// <summary>Whether a write has been refused for lack of room.</summary>
    public bool Filled { get; private set; }

    public LuceneDirectory Open(string path) => new LimitedDirectory(FSDirectory.Open(path), this);

    private void Take(long bytes)
    {
        if (Interlocked.Add(ref remaining, -bytes) >= 0)
            return;
        Filled = true;
        throw new IOException("No space left on device (a test's limited disk).");
    }

    private sealed class LimitedDirectory(FSDirectory inner, LimitedDisk disk) : LuceneDirectory
    {
        public override string[] ListAll() => inner.ListAll();

        [Obsolete("Lucene.Net marks it obsolete; a Directory must still answer it.")]
        public override bool FileExists(string name) => inner.FileExists(name);

        public override void DeleteFile(string name) => inner.DeleteFile(name);

        public override long FileLength(string name) => inner.FileLength(name);

        public override IndexOutput CreateOutput(string name, IOContext context) => new LimitedOutput(inner.CreateOutput(name, context), disk);

        public override void Sync(ICollection<string> names) => inner.Sync(names);

        public override IndexInput OpenInput(string name, IOContext context) => inner.OpenInput(name, context);

        public override Lucene.Net.Store.Lock MakeLock(string name) => inner.MakeLock(name);

        public override void ClearLock(string name) => inner.ClearLock(name);

        public override void SetLockFactory(LockFactory lockFactory) => inner.SetLockFactory(lockFactory);

        public override LockFactory LockFactory => inner.LockFactory;

        public override string GetLockID() => inner.GetLockID();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                inner.Dispose();
        }
    }

    private sealed class LimitedOutput(IndexOutput inner, LimitedDisk disk) : IndexOutput
    {
        public override void WriteByte(byte b)
        {
            disk.Take(1);
            inner.WriteByte(b);
        }

        public override void WriteBytes(byte[] b, int offset, int length)
        {
            disk.Take(length);
            inner.WriteBytes(b, offset, length);
        }

        public override void Flush() => inner.Flush();

        public override long Position => inner.Position;

        [Obsolete("Lucene.Net marks it obsolete; an IndexOutput must still answer it.")]
        public override void Seek(long pos) => inner.Seek(pos);

        public override long Checksum => inner.Checksum;

        public override long Length => inner.Length;

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                inner.Dispose();
        }
    }
}
