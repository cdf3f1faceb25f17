using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Spean.Testing.Monitoring;

/// <summary>A PDF and Office files written part by part, carrying the names, devices, paths and places that editors leave in them.</summary>
public static class SampleDocuments
{
    public const string Statement = "Excavator at the clearing";

    /// <summary>
    /// One page of text and a photo (a JPEG with EXIF, as scanning apps embed it), an information dictionary,
    /// XMP streams on the document, the page and the image, an editor's private data and a comment by the witness.
    /// </summary>
    public static byte[] Pdf()
    {
        var photo = Encoding.Latin1.GetString(SampleFiles.Jpeg(SampleMedia.Exif));
        var content = $"BT /F1 12 Tf 20 100 Td ({Statement}) Tj ET q 50 0 0 50 200 100 cm /Im1 Do Q";
        const string xmp = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><dc:creator>Sokha Chan</dc:creator></x:xmpmeta>";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R /Metadata 6 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 9 0 R >> >> /Annots [7 0 R] "
                + "/Metadata 6 0 R /PieceInfo << /Illustrator << /Private (Sokha's laptop) >> >> /LastModified (D:20250314092653+07'00') >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            $"<< /Type /Metadata /Subtype /XML /Length {xmp.Length} >>\nstream\n{xmp}\nendstream",
            "<< /Type /Annot /Subtype /Text /Rect [10 10 30 30] /T (Sokha Chan) /Contents (seen at +13.8047) >>",
            "<< /Author (Sokha Chan) /Producer (Galaxy A12 Scanner) /CreationDate (D:20250314092653+07'00') >>",
            $"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Metadata 6 0 R /Length {photo.Length} >>\nstream\n{photo}\nendstream",
        ];
        var pdf = new StringBuilder("%PDF-1.7\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R /Info 8 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }

    private const string Word = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>A Word file with core properties (creator, creation time) and app properties, a tracked insertion and a comment by the witness, a people list, a template on the author's disk and a photo with GPS.</summary>
    public static byte[] Docx() => Zip(
        ("[Content_Types].xml", Text("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"jpeg\" ContentType=\"image/jpeg\"/></Types>")),
        ("_rels/.rels", Text("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>")),
        ("docProps/core.xml", Text("<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>Sokha Chan</dc:creator><cp:lastModifiedBy>Sokha Chan</cp:lastModifiedBy><dcterms:created xmlns:dcterms=\"http://purl.org/dc/terms/\">2025-03-14T02:26:00Z</dcterms:created></cp:coreProperties>")),
        ("docProps/app.xml", Text("<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Company>Galaxy Monitors</Company></Properties>")),
        ("word/document.xml", Text($"<w:document xmlns:w=\"{Word}\"><w:body><w:p><w:ins w:id=\"1\" w:author=\"Sokha Chan\" w:date=\"2025-03-14T09:26:00Z\"><w:r><w:t>{Statement}</w:t></w:r></w:ins></w:p></w:body></w:document>")),
        ("word/comments.xml", Text($"<w:comments xmlns:w=\"{Word}\"><w:comment w:id=\"0\" w:author=\"Sokha Chan\" w:initials=\"SC\" w:date=\"2025-03-14T09:26:00Z\"><w:p><w:r><w:t>Seen it myself</w:t></w:r></w:p></w:comment></w:comments>")),
        ("word/people.xml", Text("<w15:people xmlns:w15=\"http://schemas.microsoft.com/office/word/2012/wordml\"><w15:person w15:author=\"Sokha Chan\"><w15:presenceInfo w15:providerId=\"AD\" w15:userId=\"S::sokha@example.org\"/></w15:person></w15:people>")),
        ("word/_rels/settings.xml.rels", Text("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate\" Target=\"file:///C:\\Users\\Sokha\\Templates\\Letter.dotm\" TargetMode=\"External\"/></Relationships>")),
        ("word/media/image1.jpeg", SampleFiles.Jpeg(SampleMedia.Exif)));

    /// <summary>An Excel file with a comment author, a threaded-comment person and the folder it was saved in.</summary>
    public static byte[] Xlsx() => Zip(
        ("[Content_Types].xml", Text("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")),
        ("docProps/core.xml", Text("<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>Sokha Chan</dc:creator></cp:coreProperties>")),
        ("xl/workbook.xml", Text("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:x15ac=\"http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac\"><x15ac:absPath url=\"C:\\Users\\Sokha\\Documents\\\"/><sheets><sheet name=\"Evictions\" sheetId=\"1\"/></sheets></workbook>")),
        ("xl/comments1.xml", Text("<comments xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><authors><author>Sokha Chan</author></authors><commentList><comment ref=\"A1\" authorId=\"0\"><text><t>" + Statement + "</t></text></comment></commentList></comments>")),
        ("xl/persons/person.xml", Text("<personList xmlns=\"http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments\"><person displayName=\"Sokha Chan\" id=\"{1}\" userId=\"sokha@example.org\" providerId=\"AD\"/></personList>")));

    /// <summary>An OpenDocument text with its meta.xml (creator, local creation time), a printer in settings.xml and an annotation by the witness.</summary>
    public static byte[] Odt() => Zip(
        ("mimetype", Text("application/vnd.oasis.opendocument.text")),
        ("content.xml", Text($"<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" office:version=\"1.3\"><office:body><office:text><text:p>{Statement}<office:annotation><dc:creator>Sokha Chan</dc:creator><dc:date>2025-03-14T09:26:00</dc:date><text:p>Seen it myself</text:p></office:annotation></text:p></office:text></office:body></office:document-content>")),
        ("meta.xml", Text("<office:document-meta xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" office:version=\"1.3\"><office:meta><meta:initial-creator>Sokha Chan</meta:initial-creator><meta:creation-date>2025-03-14T09:26:53.471000000</meta:creation-date><meta:generator>LibreOffice on Galaxy Tab</meta:generator></office:meta></office:document-meta>")),
        ("settings.xml", Text("<office:document-settings xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" xmlns:config=\"urn:oasis:names:tc:opendocument:xmlns:config:1.0\" office:version=\"1.3\"><config:config-item config:name=\"PrinterName\" config:type=\"string\">\\\\SOKHA-LAPTOP\\HP</config:config-item></office:document-settings>")),
        ("META-INF/manifest.xml", Text("<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"><manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/></manifest:manifest>")));

    private static byte[] Text(string xml) => Encoding.UTF8.GetBytes(xml);

    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, content) in entries)
            {
                var entry = zip.CreateEntry(name, name == "mimetype" ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
                entry.LastWriteTime = new DateTimeOffset(2025, 3, 14, 9, 26, 52, TimeSpan.FromHours(7));
                using var writer = entry.Open();
                writer.Write(content);
            }
        return stream.ToArray();
    }

    /// <summary>Every entry of a ZIP, decompressed, by name.</summary>
    public static Dictionary<string, byte[]> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var content = new MemoryStream();
            using (var stream = e.Open()) stream.CopyTo(content);
            return content.ToArray();
        });
    }
}
