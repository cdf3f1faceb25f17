using System.IO.Compression;
using System.Text;
using Spean.Testing.Monitoring;
using Spean.Core.Monitoring.Evidence.Formats;

namespace Spean.Core.Tests.Monitoring;

public sealed class OfficeMetadataTests
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    [Fact]
    public async Task A_Word_copy_keeps_every_part_and_the_text_and_loses_names_dates_paths_and_the_photo_s_GPS()
    {
        var original = SampleDocuments.Docx();

        var copy = await SampleMedia.PublicCopyAsync(Docx, original);

        var before = SampleDocuments.Entries(original);
        var after = SampleDocuments.Entries(copy);
        Assert.Equal(before.Keys, after.Keys);
        Assert.True(before.Values.Count(v => SampleMedia.Holds(v, "Sokha")) >= 5);
        foreach (var (name, content) in after)
            foreach (var gone in new[] { "Sokha", "Galaxy", "SC", "2025-03-14", "sokha@" })
                Assert.False(SampleMedia.Holds(content, gone), $"{name} still holds {gone}");
        var document = Encoding.UTF8.GetString(after["word/document.xml"]);
        Assert.Contains(SampleDocuments.Statement, document);
        Assert.Contains("w:author=\"\"", document);
        Assert.Contains("Target=\"Letter.dotm\"", Encoding.UTF8.GetString(after["word/_rels/settings.xml.rels"]));
        Assert.Equal(CaptureFacts.None, JpegMetadata.Read(after["word/media/image1.jpeg"]));
        Assert.EndsWith("<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" />",
            Encoding.UTF8.GetString(after["docProps/core.xml"]));
        using var archive = new ZipArchive(new MemoryStream(copy));
        Assert.All(archive.Entries, e => Assert.Equal(1980, e.LastWriteTime.Year));
        Assert.Equal(Docx, EvidenceContent.DetectZip(copy, copy).ContentType);
    }

    [Fact]
    public async Task An_Excel_copy_loses_comment_authors_people_and_the_folder_it_was_saved_in()
    {
        var copy = await SampleMedia.PublicCopyAsync("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", SampleDocuments.Xlsx());

        var after = SampleDocuments.Entries(copy);
        Assert.All(after, e => Assert.False(SampleMedia.Holds(e.Value, "Sokha") || SampleMedia.Holds(e.Value, "sokha"), e.Key));
        Assert.Contains("<author></author>", Encoding.UTF8.GetString(after["xl/comments1.xml"]));
        Assert.Contains(SampleDocuments.Statement, Encoding.UTF8.GetString(after["xl/comments1.xml"]));
        Assert.Contains("sheetId=\"1\"", Encoding.UTF8.GetString(after["xl/workbook.xml"]));
    }

    [Fact]
    public async Task An_OpenDocument_copy_stays_recognisable_and_loses_its_meta_settings_and_annotation_author()
    {
        const string odt = "application/vnd.oasis.opendocument.text";

        var copy = await SampleMedia.PublicCopyAsync(odt, SampleDocuments.Odt());

        Assert.Equal(odt, EvidenceContent.DetectZip(copy, copy).ContentType);
        var after = SampleDocuments.Entries(copy);
        Assert.All(after, e => Assert.False(SampleMedia.Holds(e.Value, "Sokha") || SampleMedia.Holds(e.Value, "SOKHA") || SampleMedia.Holds(e.Value, "Galaxy"), e.Key));
        var content = Encoding.UTF8.GetString(after["content.xml"]);
        Assert.Contains(SampleDocuments.Statement, content);
        Assert.Contains("<dc:date>1970-01-01T00:00:00</dc:date>", content);
        Assert.Contains("office:version=\"1.3\"", Encoding.UTF8.GetString(after["meta.xml"]));
    }

    [Fact]
    public async Task A_document_with_an_embedded_object_Spean_cannot_clean_or_broken_XML_is_refused()
    {
        var withObject = SampleDocuments.Zip(("word/document.xml", "<document/>"u8.ToArray()),
            ("word/embeddings/oleObject1.bin", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[100]]));
        var broken = SampleDocuments.Zip(("word/document.xml", "<document>"u8.ToArray()));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => SampleMedia.PublicCopyAsync(Docx, withObject));
        Assert.Contains("word/embeddings/oleObject1.bin", error.Message);
        await Assert.ThrowsAsync<InvalidDataException>(() => SampleMedia.PublicCopyAsync(Docx, broken));
        await Assert.ThrowsAsync<InvalidDataException>(() => SampleMedia.PublicCopyAsync(Docx, SampleDocuments.Docx()[..^40]));
    }

    [Fact]
    public async Task A_zip_bomb_is_refused_without_being_inflated()
    {
        var bomb = Bomb(100 * 1024 * 1024);
        Assert.True(bomb.Length < 200_000, $"the bomb is {bomb.Length} bytes");

        var refused = await Assert.ThrowsAsync<InvalidDataException>(() => SampleMedia.PublicCopyAsync(Docx, bomb));

        Assert.True(refused.Message.Contains("word/media/zeros.bin", StringComparison.Ordinal), refused.ToString());
        Assert.Equal(CaptureFacts.None, CaptureFactsOf(bomb));
    }

    [Fact]
    public async Task Office_files_nested_deeper_than_three_are_refused()
    {
        var document = SampleDocuments.Docx();
        for (var level = 0; level < 4; level++)
            document = SampleDocuments.Zip(("[Content_Types].xml", "<Types/>"u8.ToArray()), ("word/embeddings/inner.docx", document));
        var three = SampleDocuments.Zip(("[Content_Types].xml", "<Types/>"u8.ToArray()),
            ("word/embeddings/inner.docx", SampleDocuments.Zip(("[Content_Types].xml", "<Types/>"u8.ToArray()), ("word/embeddings/inner.docx", SampleDocuments.Docx()))));

        var refused = await Assert.ThrowsAsync<InvalidDataException>(() => SampleMedia.PublicCopyAsync(Docx, document));

        Assert.Contains("nested", refused.Message, StringComparison.Ordinal);
        Assert.NotEmpty(await SampleMedia.PublicCopyAsync(Docx, three));
    }

    /// <summary>A Word file whose one media part is megabytes of zeros, deflated to a few kilobytes.</summary>
    private static byte[] Bomb(int zeros)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, xml) in new[] { ("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<document/>") })
            {
                using var part = zip.CreateEntry(name).Open();
                part.Write(Encoding.UTF8.GetBytes(xml));
            }
            using var media = zip.CreateEntry("word/media/zeros.bin", CompressionLevel.SmallestSize).Open();
            var chunk = new byte[1024 * 1024];
            for (var written = 0; written < zeros; written += chunk.Length) media.Write(chunk);
        }
        return stream.ToArray();
    }

    private static CaptureFacts CaptureFactsOf(byte[] file) => CaptureFacts.Read(Docx, new MemoryStream(file));
}
