using UglyToad.PdfPig;
using Spean.Testing.Monitoring;
using Spean.Core.Monitoring.Evidence.Formats;

namespace Spean.Core.Tests.Monitoring;

public sealed class PdfMetadataTests
{
    [Fact]
    public async Task The_copy_keeps_the_page_and_its_text_and_loses_the_information_dictionary_XMP_and_comments()
    {
        var original = SampleDocuments.Pdf();
        using (var check = PdfDocument.Open(original)) Assert.Equal("Sokha Chan", check.Information.Author);

        var copy = await SampleMedia.PublicCopyAsync("application/pdf", original);

        foreach (var gone in new[] { "Sokha", "Galaxy", "samsung", "13.8047", "xmpmeta", "Exif", "/Author", "/Metadata", "/PieceInfo", "D:2025" })
            Assert.False(SampleMedia.Holds(copy, gone), gone);
        Assert.Equal(copy, await SampleMedia.PublicCopyAsync("application/pdf", original));
        using var document = PdfDocument.Open(copy);
        Assert.Equal(1, document.NumberOfPages);
        Assert.Contains(SampleDocuments.Statement, document.GetPage(1).Text);
        Assert.Null(document.Information.Author);
        Assert.False(document.TryGetXmpMetadata(out _));
        Assert.Empty(document.GetPage(1).GetAnnotations());
        var image = Assert.Single(document.GetPage(1).GetImages());
        var photo = SampleFiles.Jpeg(SampleMedia.Exif);
        Assert.Equal(photo.AsSpan(photo.AsSpan().IndexOf((ReadOnlySpan<byte>)[0xFF, 0xDA])).ToArray(),
            image.RawMemory.Span[image.RawMemory.Span.IndexOf((ReadOnlySpan<byte>)[0xFF, 0xDA])..].ToArray());
    }

    [Fact]
    public async Task A_file_that_is_not_a_readable_PDF_is_refused()
    {
        await Assert.ThrowsAsync<InvalidDataException>(() => SampleMedia.PublicCopyAsync("application/pdf", "%PDF-1.7\nnot really\n"u8.ToArray()));
    }

    [Fact]
    public async Task A_chain_of_references_too_deep_for_a_thread_s_stack_is_read_without_taking_the_process_down()
    {
        var chain = Deep(1, string.Concat(Enumerable.Range(10, 50_000).Select(i => $"{i} 0 obj\n<< /A {i + 1} 0 R >>\nendobj\n")),
            "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] /Resources << /X 10 0 R >> >>\nendobj\n");

        var facts = await Task.Run(() => CaptureFacts.Read("application/pdf", new MemoryStream(chain)));
        var copy = await Task.Run(() => SampleMedia.PublicCopyAsync("application/pdf", chain));

        Assert.Equal(CaptureFacts.None, facts);
        using var document = PdfDocument.Open(copy);
        Assert.Equal(1, document.NumberOfPages);
    }

    [Fact]
    public async Task A_page_tree_nested_past_the_object_limit_is_refused_and_its_capture_facts_are_left_empty()
    {
        var tree = Deep(10, string.Concat(Enumerable.Range(10, PdfMetadata.MaxObjects).Select(i => $"{i} 0 obj\n<< /Type /Pages /Kids [{i + 1} 0 R] /Count 1 >>\nendobj\n")),
            $"{10 + PdfMetadata.MaxObjects} 0 obj\n<< /Type /Page /MediaBox [0 0 10 10] >>\nendobj\n");

        var facts = await Task.Run(() => CaptureFacts.Read("application/pdf", new MemoryStream(tree)));
        var refused = await Assert.ThrowsAsync<InvalidDataException>(() => Task.Run(() => SampleMedia.PublicCopyAsync("application/pdf", tree)));

        Assert.Equal(CaptureFacts.None, facts);
        Assert.Contains("objects", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[")]
    [InlineData("<< /A ")]
    [InlineData("(")]
    public async Task Deeply_nested_or_unterminated_values_give_no_capture_facts_and_at_most_a_refusal(string opening)
    {
        var nested = Deep(2, "", "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] /X " + string.Concat(Enumerable.Repeat(opening, 100_000)) + " >>\nendobj\n");

        var facts = await Task.Run(() => CaptureFacts.Read("application/pdf", new MemoryStream(nested)));

        var copying = await Record.ExceptionAsync(() => Task.Run(() => SampleMedia.PublicCopyAsync("application/pdf", nested)));

        Assert.Equal(CaptureFacts.None, facts);
        Assert.True(copying is null or InvalidDataException, copying?.ToString());
    }

    /// <summary>A PDF whose catalog's page tree starts at object <paramref name="pages"/>, with the objects given, written as text.</summary>
    private static byte[] Deep(int pages, string objects, string page)
    {
        var catalog = pages == 10
            ? "1 0 obj\n<< /Type /Catalog /Pages 10 0 R >>\nendobj\n"
            : "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n";
        return System.Text.Encoding.ASCII.GetBytes("%PDF-1.7\n" + catalog + objects + page + "trailer\n<< /Size 999999 /Root 1 0 R >>\n%%EOF\n");
    }
}
