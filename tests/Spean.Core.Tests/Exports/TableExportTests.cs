using System.IO.Compression;
using System.Text;
using Spean.Core.Exports;

namespace Spean.Core.Tests.Exports;

public sealed class TableExportTests
{
    /// <summary>The reader gets the workbook while it is still being written out: any copy on disk would be there then.</summary>
    [Fact]
    public async Task An_Excel_export_leaves_no_copy_of_its_rows_in_the_temporary_folder()
    {
        var marker = "Witness-" + Guid.NewGuid().ToString("N");
        List<string>? whileWriting = null;
        var output = new Watching(() => whileWriting = Holders(Directory.EnumerateFiles(Path.GetTempPath(), "*.tmp"), marker));

        var rows = await TableExport.WriteAsync(ExportFormat.Xlsx, "Reports", ["Title", "Count"], Rows(marker), output, default);

        Assert.Equal(2000, rows);
        Assert.NotNull(whileWriting);
        Assert.True(whileWriting.Count == 0, "the export is on disk in " + string.Join(", ", whileWriting));
        var written = Path.Combine(Directory.CreateTempSubdirectory("spean-export-").FullName, "written.xlsx");
        await File.WriteAllBytesAsync(written, output.Written.ToArray());
        Assert.Equal([written], Holders([written], marker));
        Directory.Delete(Path.GetDirectoryName(written)!, recursive: true);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://attacker.example/\")", "'=HYPERLINK(\"http://attacker.example/\")")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("Sokha", "Sokha")]
    public void CSV_text_that_a_spreadsheet_would_run_as_a_formula_starts_with_an_apostrophe(string text, string written)
    {
        Assert.Equal(written, TableExport.CsvText(text));
        Assert.Equal("42", TableExport.CsvText(42));
    }

    private static async IAsyncEnumerable<object?[]> Rows(string marker)
    {
        for (var i = 0; i < 2000; i++)
        {
            await Task.Yield();
            yield return [$"{marker} row {i}", i];
        }
    }

    /// <summary>Files that are ZIP packages with the marker in one of their parts.</summary>
    private static List<string> Holders(IEnumerable<string> files, string marker)
    {
        var holders = new List<string>();
        var wanted = Encoding.UTF8.GetBytes(marker);
        foreach (var path in files)
        {
            try
            {
                using var archive = new ZipArchive(File.OpenRead(path), ZipArchiveMode.Read);
                foreach (var entry in archive.Entries)
                {
                    using var part = new MemoryStream();
                    using (var from = entry.Open()) from.CopyTo(part);
                    if (part.ToArray().AsSpan().IndexOf(wanted) >= 0) holders.Add(path);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                // Not a ZIP, or another program's file.
            }
        }
        return holders;
    }

    /// <summary>A response body: cannot seek, and calls back at the first write.</summary>
    private sealed class Watching(Action firstWrite) : Stream
    {
        private bool written;

        public MemoryStream Written { get; } = new();

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (!written)
            {
                written = true;
                firstWrite();
            }
            Written.Write(buffer, offset, count);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer, offset, count);
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.ToArray(), 0, buffer.Length);
            return ValueTask.CompletedTask;
        }

        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
