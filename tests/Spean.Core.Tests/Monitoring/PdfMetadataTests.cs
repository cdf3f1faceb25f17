using UglyToad.PdfPig;

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
}
