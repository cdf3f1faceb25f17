using Spean.Core.Monitoring.Evidence.Formats;
using Spean.Testing.Monitoring;

namespace Spean.Core.Tests.Monitoring;

public sealed class EvidenceFormatsTests
{
    [Theory]
    [MemberData(nameof(EvidenceContentTests.Accepted), MemberType = typeof(EvidenceContentTests))]
    public void Every_kind_the_intake_accepts_has_one_line_with_its_extension_label_and_public_copy(string kind, byte[] file, string contentType)
    {
        var detected = EvidenceContent.Detect(file);
        if (detected.IsZip) detected = EvidenceContent.DetectZip(file, file);

        var format = EvidenceFormats.Of(detected.ContentType!);

        Assert.NotNull(format);
        Assert.Equal(contentType, format.ContentType);
        Assert.Single(EvidenceFormats.All, f => f.ContentType == contentType);
        Assert.StartsWith(".", format.Extension, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(format.Label), kind);
    }

    [Fact]
    public void Extensions_name_one_format_each()
    {
        Assert.Equal(EvidenceFormats.All.Count, EvidenceFormats.All.Select(f => f.Extension).Distinct().Count());
        Assert.Null(EvidenceFormats.Of("image/gif"));
    }

    [Fact]
    public async Task The_line_of_a_photo_reads_its_device_and_writes_a_copy_without_it()
    {
        var original = SampleFiles.Jpeg(SampleMedia.Exif);
        var jpeg = EvidenceFormats.Of("image/jpeg")!;
        using var output = new MemoryStream();

        var facts = jpeg.ReadFacts!(new MemoryStream(original));
        await jpeg.WritePublicCopy(new MemoryStream(original), output, default);

        Assert.Equal("samsung Galaxy A12", facts.Device);
        Assert.True(SampleMedia.Holds(original, "Galaxy A12"));
        Assert.False(SampleMedia.Holds(output.ToArray(), "Galaxy A12"));
    }
}
