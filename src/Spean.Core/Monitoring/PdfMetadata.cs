using UglyToad.PdfPig;
using UglyToad.PdfPig.Writer;

namespace Spean.Core.Monitoring;

/// <summary>
/// Writes copies of PDF documents without their metadata by copying every page into a new document (PdfPig):
/// the document information dictionary (author, creator, producer, dates), the catalog's XMP stream, outlines,
/// form definitions, attachments and scripts stay behind, since they hang off the catalog and not off the pages.
/// Annotations are left out too: comments and highlights carry their author's name.
/// </summary>
internal static class PdfMetadata
{
    public static async Task WriteWithoutMetadataAsync(Stream original, Stream output, CancellationToken cancellationToken)
    {
        byte[] copy;
        try
        {
            using var document = PdfDocument.Open(original, new ParsingOptions { UseLenientParsing = false });
            var builder = new PdfDocumentBuilder { IncludeDocumentInformation = false };
            var options = new PdfDocumentBuilder.AddPageOptions { KeepAnnotations = false };
            for (var page = 1; page <= document.NumberOfPages; page++) builder.AddPage(document, page, options);
            copy = builder.Build();
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException or IOException))
        {
            throw new InvalidDataException("This PDF could not be read, so its metadata could not be removed.", e);
        }
        await output.WriteAsync(copy, cancellationToken);
    }
}
