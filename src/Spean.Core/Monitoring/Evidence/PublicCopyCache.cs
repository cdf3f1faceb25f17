using Microsoft.Extensions.Caching.Memory;

namespace Spean.Core.Monitoring.Evidence;

/// <summary>
/// Public copies kept in memory once made, so an anonymous reader does not make the server decrypt and rebuild a
/// file at every request (a PDF or an Office file is rebuilt whole). The original never changes, so a copy stays
/// right as long as the process runs. Bounded: copies up to 16 MB each and 128 MB in all, least used dropped first;
/// larger copies (videos) are streamed afresh each time. In memory only, so nothing is written to disk in clear.
/// </summary>
public sealed class PublicCopyCache : IDisposable
{
    internal const int MaxCopyBytes = 16 * 1024 * 1024;
    private const long MaxBytes = 128L * 1024 * 1024;

    private readonly MemoryCache copies = new(new MemoryCacheOptions { SizeLimit = MaxBytes });

    internal bool TryGet(Guid fileId, out byte[] copy) => copies.TryGetValue(fileId, out copy!);

    internal void Add(Guid fileId, byte[] copy)
    {
        if (copy.Length <= MaxCopyBytes) copies.Set(fileId, copy, new MemoryCacheEntryOptions { Size = Math.Max(1, copy.Length) });
    }

    public void Dispose() => copies.Dispose();

    /// <summary>Passes the copy on to the reader and keeps it too, until it grows past what the cache takes.</summary>
    internal sealed class Keeping(Stream output) : Stream
    {
        private MemoryStream? kept = new();

        /// <summary>The whole copy, or null when it was too large to keep.</summary>
        public byte[]? Copy => kept?.ToArray();

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Keep(buffer);
            output.Write(buffer);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Keep(buffer.Span);
            await output.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private void Keep(ReadOnlySpan<byte> buffer)
        {
            if (kept is null) return;
            if (kept.Length + buffer.Length > MaxCopyBytes)
            {
                kept.Dispose();
                kept = null;
                return;
            }
            kept.Write(buffer);
        }

        public override void Flush() => output.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => output.FlushAsync(cancellationToken);
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) kept?.Dispose();
            base.Dispose(disposing);
        }
    }
}
