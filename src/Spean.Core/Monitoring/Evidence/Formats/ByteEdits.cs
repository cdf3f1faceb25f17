namespace Spean.Core.Monitoring.Evidence.Formats;

/// <summary>
/// The changes a public copy makes to an original: ranges dropped, overwritten or zeroed, every other byte
/// copied as it is. Formats whose metadata can only be found by looking at the whole file (sizes in a header,
/// an index after the media data) plan their changes here first, then copy the original once.
/// </summary>
internal sealed class ByteEdits
{
    private sealed record Edit(long Offset, long Length, byte[]? With);

    private readonly List<Edit> edits = [];

    public void Drop(long offset, long length) => edits.Add(new Edit(offset, length, []));

    public void Overwrite(long offset, byte[] with) => edits.Add(new Edit(offset, with.Length, with));

    public void Zero(long offset, long length) => edits.Add(new Edit(offset, length, null));

    public async Task CopyAsync(Stream original, Stream output, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        long position = 0;
        foreach (var edit in edits.OrderBy(e => e.Offset))
        {
            // Two edits over the same bytes mean two structures claim them: the file is not what it says it is.
            if (edit.Offset < position || edit.Offset + edit.Length > original.Length)
                throw new InvalidDataException("Parts of this file overlap or lie beyond its end.");
            await CopyRangeAsync(original, position, edit.Offset - position, output, buffer, cancellationToken);
            if (edit.With is not null) await output.WriteAsync(edit.With, cancellationToken);
            else
            {
                Array.Clear(buffer);
                for (var left = edit.Length; left > 0; left -= buffer.Length)
                    await output.WriteAsync(buffer.AsMemory(0, (int)Math.Min(left, buffer.Length)), cancellationToken);
            }
            position = edit.Offset + edit.Length;
        }
        await CopyRangeAsync(original, position, original.Length - position, output, buffer, cancellationToken);
    }

    /// <summary>Reads bytes of the original at an offset; a range past the end means the file is cut off or lies about its sizes.</summary>
    public static byte[] Read(Stream original, long offset, int count)
    {
        if (offset < 0 || count < 0 || offset + count > original.Length)
            throw new InvalidDataException("This file ends before the end of one of its parts.");
        var bytes = new byte[count];
        original.Position = offset;
        original.ReadExactly(bytes);
        return bytes;
    }

    private static async Task CopyRangeAsync(Stream original, long offset, long count, Stream output, byte[] buffer, CancellationToken cancellationToken)
    {
        original.Position = offset;
        while (count > 0)
        {
            var read = await original.ReadAsync(buffer.AsMemory(0, (int)Math.Min(count, buffer.Length)), cancellationToken);
            if (read == 0) throw new InvalidDataException("This file ends before the end of one of its parts.");
            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            count -= read;
        }
    }
}
