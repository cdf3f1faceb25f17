using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Spean.Core.Accounts;
using Spean.Testing.Monitoring;
using Spean.Web.Tests.Infrastructure;
using Spean.Web.Tests.Reliability;
using static Spean.Web.Tests.Monitoring.ReportsWorld;

namespace Spean.Web.Tests.Monitoring;

/// <summary>The reports the generated crawl visits, by key (PUBPUB, NETSUB, ORGSUB, RESSUB, DRAFT), for worlds that cite them.</summary>
public sealed record CrawlReports(IReadOnlyDictionary<string, Guid> Ids);

/// <summary>
/// Reports of every confidentiality in organisation A by its Author, each with canaries in its title and narrative, a
/// witness's name, contact and notes, and (for three) a photo whose comment, device and GPS point are canaries too.
/// </summary>
internal sealed class MonitoringCrawlWorld : ICrawlWorld
{
    public int Order => 10;

    public async Task PlantAsync(CrawlContext context)
    {
        var author = context.Client(CrawlRole.Author);
        var coordinator = context.Client(CrawlRole.Coordinator);
        var reader = await context.App.CreateUserAsync(Role.Member, organisationId: context.OrganisationB);
        (string Key, string Level, string Status, bool Photo, CrawlRole[] Sees, CrawlRole[] Identifies)[] reports =
        [
            ("PUBPUB", "Public", "Published", true, CrawlRoles.Everyone, CrawlRoles.IdentifiersInA),
            ("NETSUB", "Network", "Submitted", false, CrawlRoles.SignedIn, CrawlRoles.IdentifiersInA),
            ("ORGSUB", "Organisation", "Submitted", true, CrawlRoles.OfOrganisationA, CrawlRoles.IdentifiersInA),
            ("RESSUB", "Restricted", "Submitted", true, [CrawlRole.Author], [CrawlRole.Author]),
            ("DRAFT", "Network", "Draft", true, [CrawlRole.Author], [CrawlRole.Author]),
        ];
        var ids = new Dictionary<string, Guid>();
        var files = new List<Guid>();
        var uploads = new List<Guid>();
        // South of the equator, so no Cambodian coordinate (the concessions map has thousands) can hold one by chance.
        var latitude = -41.2860;
        foreach (var (key, level, status, photo, sees, identifies) in reports)
        {
            var title = context.Canary($"{key} report's title", sees);
            var narrative = context.Canary($"{key} report's narrative", sees);
            var id = await FileAsync(author, Input(title, level, readers: level == "Restricted" ? [reader.Id] : null, narrative: $"{narrative} an excavator cleared the forest."));
            ids[key] = id;
            using (var person = await author.PostAsJsonAsync($"/api/v1/reports/{id}/people", new
            {
                role = "Witness", name = context.Canary($"{key} witness's name", identifies),
                contact = context.Canary($"{key} witness's contact", identifies), notes = context.Canary($"{key} witness's notes", identifies), sex = "Female",
            }))
                Assert.True(person.StatusCode == HttpStatusCode.Created, await person.Content.ReadAsStringAsync());
            if (photo)
            {
                latitude -= 0.0001;
                // Half a step further than the five decimals planted, so that however the point is rounded or printed, they show.
                var gps = context.Plain(latitude.ToString("0.00000", System.Globalization.CultureInfo.InvariantCulture), $"{key} photo's GPS latitude", identifies);
                var bytes = SampleFiles.Jpeg(SampleFiles.Exif("samsung", context.Canary($"{key} photo's camera model", identifies), "2025:03:14 09:26:53", "+07:00", latitude - 0.000005, 104.9802),
                    comment: context.Canary($"{key} photo's embedded comment", identifies));
                using var form = new MultipartFormDataContent();
                var file = new ByteArrayContent(bytes);
                file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
                form.Add(file, "file", context.Canary($"{key} photo's original file name", identifies) + ".jpg");
                form.Add(new StringContent(Convert.ToHexStringLower(SHA256.HashData(bytes))), "sha256");
                var uploadId = Guid.NewGuid();
                uploads.Add(uploadId);
                form.Add(new StringContent(uploadId.ToString()), "clientUploadId");
                using var uploaded = await author.PostAsync($"/api/v1/reports/{id}/evidence", form);
                Assert.True(uploaded.StatusCode == HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync());
                files.Add((await uploaded.ReadJsonAsync()).GetProperty("id").GetGuid());
            }
            if (status == "Draft") continue;
            await MoveOkAsync(author, id, "Submitted");
            if (status == "Published")
            {
                await MoveOkAsync(coordinator, id, "UnderReview");
                await MoveOkAsync(coordinator, id, "Verified");
                await MoveOkAsync(coordinator, id, "Published");
            }
        }
        context.Share(new CrawlReports(ids));
        context.Parameter("/api/v1/reports/{id}", "id", ids.Values);
        context.Parameter("/reports/{Id}", "Id", ids.Values);
        context.Parameter("/api/v1/reports/{id}/evidence", "fileId", files);
        context.Parameter("/api/v1/reports/{id}/evidence/uploads/{clientUploadId}", "clientUploadId", uploads);
    }
}
