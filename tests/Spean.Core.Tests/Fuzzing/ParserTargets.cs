using System.IO.Compression;
using System.Text;
using Spean.Core.Campaigns.Treaties;
using Spean.Core.Implementation.Matrix;
using Spean.Core.Monitoring.Evidence.Formats;
using Spean.Core.Recommendations;
using Spean.Core.Recommendations.Search;
using Spean.Core.Recommendations.Search.Upr;
using Spean.Testing.Implementation.Matrix;
using Spean.Testing.Monitoring;

namespace Spean.Core.Tests.Fuzzing;

/// <summary>
/// Every parser that reads what someone outside Spean wrote: the UPR CSV importer and its column map, the OHCHR matrix
/// reader, the recommendation query string and the search query parser, and each evidence format's facts reader,
/// public-copy writer and content detection. Each starts from real inputs (the shipped data, the test samples).
/// </summary>
public static class ParserTargets
{
    private static readonly string[] CsvTokens = ["\"\"\"", ",,,,,,,,", "\"a\nb\"", "\r\n\r\n", "Cambodia", "Supported", "Noted", "KHM", "2025-03-14", "1999-02-31", "\uFEFF"];
    private static readonly string[] QueryTokens = ["(", ")", "((((", "))))", "\"", " NOT ", " AND ", " OR ", "-", "*", "torture*", "\"end torture\"", "&", "=", "?", "%", "%zz", "%E1%9E", "+", "q=", "sur=", "page=", "pageSize=", "sort=", "response=", "issue=", "cycle="];
    private static readonly string[] XmlTokens = ["<", ">", "</w:t>", "<w:t>", "</w:tc>", "<w:tc>", "</w:tr>", "<w:tr>", "<w:gridSpan w:val=\"99999\"/>", "<w:vMerge/>", "&amp;", "&#0;", "&#x1F600;", "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\">]>", "&a;", "]]>", "<![CDATA[", "Supported", "Noted", "Para", "121."];
    private static readonly string[] BinaryTokens = ["Exif\0\0", "II*\0", "MM\0*", "ftyp", "moov", "meta", "udta", "uuid", "mdat", "iloc", "iinf", "RIFF", "WEBP", "EXIF", "XMP ", "ID3", "TXXX", "OggS", "OpusTags", "%PDF-", "/Info", "obj", "endobj", "trailer", "xref", "stream", "endstream", "PK\u0003\u0004", "PK\u0001\u0002", "PK\u0005\u0006", "docProps/core.xml", "IHDR", "eXIf", "tEXt", "iTXt", "IEND"];

    private static readonly Lazy<List<FuzzTarget>> Targets = new(Build);

    public static IReadOnlyList<FuzzTarget> All => Targets.Value;

    public static FuzzTarget Named(string name) => All.Single(t => t.Name == name);

    private static List<FuzzTarget> Build()
    {
        var targets = new List<FuzzTarget>
        {
            new("upr-csv", UprCsvSeeds(), CsvTokens, 64 * 1024, UprCsv),
            new("csv-column-map", [.. CsvColumnMap.UprInfo.Columns.Select(c => Encoding.UTF8.GetBytes($"{c.Key}={c.Value}")).Append("text=Text\nsur=To\nfrom=From\nsession=Session"u8.ToArray())],
                ["=", "\n", "text", "sur", "from", "session", "textKm", "TEXT"], 4096, ColumnMap),
            new("recommendation-query", QuerySeeds(), QueryTokens, 8192, RecommendationQueryString),
            new("search-query", QuerySeeds(), QueryTokens, 8192, SearchQuery),
            new("ohchr-matrix-file", [File.ReadAllBytes(SampleMatrices.Cycle3), File.ReadAllBytes(SampleMatrices.Cycle4)], BinaryTokens, 256 * 1024, MatrixFile, ShortRun: 25),
            new("treaty-csv", TreatySeeds, [.. CsvTokens, "iso3", "status", "signed", "joined", "in_force", "party", "signatory", "withdrawn", ";", "\t"], 64 * 1024, TreatyCsv),
            new("ohchr-matrix-xml", [MatrixXml(SampleMatrices.Cycle3)], XmlTokens, 2 * 1024 * 1024, MatrixXmlInDocx, ShortRun: 25),
        };
        foreach (var (contentType, samples) in EvidenceSeeds())
            targets.Add(new("evidence-" + EvidenceFormats.Of(contentType)!.Extension.TrimStart('.'), samples, BinaryTokens, 64 * 1024, input => Evidence(contentType, input),
                ShortRun: contentType == "application/pdf" ? 250 : 2000));
        return targets;
    }

    private static void UprCsv(byte[] input)
    {
        var file = UprInfoCsv.Read(new MemoryStream(input));
        foreach (var rejected in file.Rejected)
            if (rejected.Line < 1 || string.IsNullOrWhiteSpace(rejected.Reason))
                throw new PropertyBrokenException($"a refused row without line or reason: {rejected}");
    }

    private static void ColumnMap(byte[] input)
    {
        var map = CsvColumnMap.Parse(Encoding.UTF8.GetString(input).Split('\n'));
        if (map.Value is { } parsed) UprInfoCsv.Read(new MemoryStream(UprCsvSeeds()[0]), parsed);
        else if (map.Refusals.Any(r => string.IsNullOrWhiteSpace(r.Message))) throw new PropertyBrokenException("a refusal without a message");
    }

    /// <summary>A query read from a link is written back to a link that reads as the same query (the page's links depend on it).</summary>
    private static void RecommendationQueryString(byte[] input)
    {
        var parsed = RecommendationQuery.Parse(Encoding.UTF8.GetString(input));
        if (parsed.Value is not { } query) return;
        var link = query.ToQueryString();
        var again = RecommendationQuery.Parse(link);
        if (again.Value is not { } reread || reread.ToQueryString() != link)
            throw new PropertyBrokenException($"the link '{link}' does not read back as the same query: {(again.Value is null ? again.Refusals[0].Message : again.Value.ToQueryString())}");
        query.ToSearchRequest();
    }

    /// <summary>A treaty membership file (the depositary's list) is read as rows, each with its line and the two required columns, or refused with a message.</summary>
    private static void TreatyCsv(byte[] input)
    {
        var read = TreatyImporter.ReadRows(new MemoryStream(input));
        if (read.Value is { } rows && rows.Any(r => r.Line < 1 || !r.Row.ContainsKey("iso3") || !r.Row.ContainsKey("status")))
            throw new PropertyBrokenException("a row without its line or the iso3 and status columns");
        if (read.Value is null && read.Refusals.Any(r => string.IsNullOrWhiteSpace(r.Message))) throw new PropertyBrokenException("a refusal without a message");
    }

    private static readonly byte[][] TreatySeeds =
    [
        "iso3,status,signed,joined,in_force\nKHM,party,2008-12-03,2026-11-02,2027-05-01\nXXX,party,,,\nAFG,member,2008-12-03,yesterday,\n"u8.ToArray(),
        "ISO3;Status;Signed;Joined;In force\r\nTHA;signatory;2010-08-01;;\r\nVNM;withdrawn;;2001-01-01;2001-02-01\r\nKHM;Party;;;\r\n"u8.ToArray(),
        "\"iso3\",\"status\"\n\"LAO\",\"state party\"\n\"MMR\",\"former member\"\n"u8.ToArray(),
    ];

    private static readonly Lazy<RecommendationIndex> Index = new(() =>
    {
        var index = new RecommendationIndex(["sur", "response"], UprDocuments.SplitKhmer);
        index.Build(UprInfoCsv.Read(new MemoryStream(UprCsvSeeds()[0])).Rows.Select((row, n) => new RecommendationDocument(
            new Guid(n, 0, 0, new byte[8]), row.Text, null, n, n, new Dictionary<string, IReadOnlyList<string>> { ["sur"] = [row.StateUnderReview], ["response"] = [row.Response] })));
        return index;
    });

    private static void SearchQuery(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        var result = Index.Value.Search(new SearchRequest { Text = text, Take = 20 });
        if (result.Error is { } error && string.IsNullOrWhiteSpace(error.Message)) throw new PropertyBrokenException("a refused query without a message");
        Index.Value.Highlight(text, "Accelerate the steps towards a national human rights institution ការធ្វើទារុណកម្ម");
    }

    private static readonly Lazy<StateNames> States = new(() =>
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "reference", "state_name_aliases.csv")).Skip(1))
            if (line.Split(',') is [.. var name, var iso3]) names.TryAdd(string.Join(",", name).Trim('"'), iso3);
        return new StateNames(names);
    });

    private static void MatrixFile(byte[] input)
    {
        var read = MatrixReader.Read(new MemoryStream(input), name => MatrixImporter.Iso3(States.Value, name) is not null);
        if (read.Value is { } document && document.Refused.Any(r => string.IsNullOrWhiteSpace(r.Reason) || r.Paragraph is null))
            throw new PropertyBrokenException("a refused paragraph without its number or reason");
        if (read.Value is null && read.Refusals.Any(r => string.IsNullOrWhiteSpace(r.Message))) throw new PropertyBrokenException("a refusal without a message");
    }

    private static byte[] MatrixXml(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        using var stream = zip.GetEntry("word/document.xml")!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static readonly Lazy<byte[]> Cycle3 = new(() => File.ReadAllBytes(SampleMatrices.Cycle3));

    /// <summary>The matrix with its document part replaced by the input, so the mutations reach the tables rather than the zip.</summary>
    private static void MatrixXmlInDocx(byte[] input)
    {
        var docx = new MemoryStream();
        docx.Write(Cycle3.Value);
        using (var zip = new ZipArchive(docx, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("word/document.xml")!.Delete();
            using var part = zip.CreateEntry("word/document.xml", CompressionLevel.Fastest).Open();
            part.Write(input);
        }
        MatrixFile(docx.ToArray());
    }

    /// <summary>Reading facts never throws (metadata never refuses evidence); the public copy is written or refused with InvalidDataException, as documented.</summary>
    private static void Evidence(string contentType, byte[] input)
    {
        var detected = EvidenceContent.Detect(input.AsSpan(0, Math.Min(input.Length, EvidenceContent.HeadSize)));
        if (detected.IsZip) EvidenceContent.DetectZip(input.AsSpan(0, Math.Min(input.Length, EvidenceContent.HeadSize)), input.AsSpan(Math.Max(0, input.Length - 64 * 1024)));
        CaptureFacts.Read(contentType, new MemoryStream(input));
        try
        {
            EvidenceFormats.Of(contentType)!.WritePublicCopy(new MemoryStream(input), new MemoryStream(), CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (InvalidDataException)
        {
        }
    }

    private static List<byte[]> UprCsvSeeds() =>
    [
        .. UprFiles.Select(f => Encoding.UTF8.GetBytes(string.Join("\n", File.ReadLines(Path.Combine(RepositoryData, "upr", f)).Take(12)) + "\n")),
    ];

    private static List<byte[]> QuerySeeds() =>
    [
        .. QueryTexts.Select(Encoding.UTF8.GetBytes),
    ];

    private static readonly string[] UprFiles = ["upr_recommendations_cambodia_cycles_1-2.csv", "upr_recommendations_sessions_1-18.csv", "upr_voluntary_pledges_sessions_1-20.csv"];

    private static readonly string[] QueryTexts =
    [
        "q=torture", "q=%22national+human+rights+institution%22&sur=Cambodia&response=Supported&page=2",
        "q=(women OR girls) AND NOT violence&sort=newest&pageSize=50", "q=ទារុណកម្ម&cycle=3", "?q=detention*&issue=Women%27s+rights",
        "q=-prison \"paris principles\"&sur=KHM&sur=THA",
    ];

    private static IEnumerable<(string ContentType, byte[][] Samples)> EvidenceSeeds()
    {
        var exif = SampleMedia.Exif;
        yield return ("image/jpeg", [SampleFiles.Jpeg(exif, "Witness Sokha"), SampleFiles.Jpeg()]);
        yield return ("image/png", [SampleFiles.Png(exif, "Witness Sokha"), SampleFiles.Png()]);
        yield return ("image/webp", [SampleMedia.Webp()]);
        yield return ("image/heic", [SampleMedia.Heic(), SampleMedia.Heic(exifOutside: true)]);
        yield return ("video/mp4", [SampleMedia.Mp4()]);
        yield return ("video/quicktime", [SampleMedia.Mp4("qt  ")]);
        yield return ("audio/mp4", [SampleMedia.Mp4("M4A ")]);
        yield return ("audio/mpeg", [SampleMedia.Mp3()]);
        yield return ("audio/ogg", [Monitoring.SampleOgg.Opus(), Monitoring.SampleOgg.Vorbis()]);
        yield return ("audio/wav", [SampleMedia.Wav()]);
        yield return ("application/pdf", [SampleDocuments.Pdf(), SampleFiles.Pdf()]);
        yield return (EvidenceFormats.Docx, [SampleDocuments.Docx()]);
        yield return (EvidenceFormats.Xlsx, [SampleDocuments.Xlsx()]);
        yield return (EvidenceFormats.Odt, [SampleDocuments.Odt()]);
    }

    /// <summary>The repository's data folder, found upwards from the test binaries (the shipped CSVs are the seeds).</summary>
    private static string RepositoryData { get; } = FindData();

    private static string FindData()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "data", "upr", "upr_recommendations_cambodia_cycles_1-2.csv"))) return Path.Combine(directory.FullName, "data");
        throw new DirectoryNotFoundException("No data/upr folder above " + AppContext.BaseDirectory);
    }
}
