using System.Text.Json;
using Microsoft.Playwright;

namespace Spean.EndToEnd.Tests;

/// <summary>The offline report form in English, driven through its labels as a monitor would.</summary>
public sealed class CapturePage(IPage page)
{
    public ILocator Network => page.Locator("#capture-network");

    public ILocator SendNow => page.GetByRole(AriaRole.Button, new() { Name = "Send now" });

    public ILocator Item(string title) => page.Locator("#capture-queue-items li", new() { HasText = title });

    /// <summary>The queue is marked busy while a send runs, and shows the outcome before it is unmarked.</summary>
    public Task SendingEndedAsync() =>
        Assertions.Expect(page.Locator("#capture-queue[aria-busy=true]")).ToHaveCountAsync(0);

    /// <summary>Unlocks the queue (or sets the passphrase the first time) and waits for the form behind it.</summary>
    public async Task UnlockAsync(string passphrase, bool first = false)
    {
        await EnterPassphraseAsync(passphrase, first);
        await Assertions.Expect(page.GetByLabel("Title")).ToBeVisibleAsync();
    }

    public async Task EnterPassphraseAsync(string passphrase, bool first = false)
    {
        await page.GetByLabel("Passphrase", new() { Exact = true }).FillAsync(passphrase);
        if (first) await page.GetByLabel("Passphrase again").FillAsync(passphrase);
        await page.GetByRole(AriaRole.Button, new() { Name = first ? "Set the passphrase" : "Unlock", Exact = true }).ClickAsync();
    }

    /// <summary>Waits until the service worker has kept the page, its files and the place list on the phone.</summary>
    public Task KeptForOfflineUseAsync() =>
        page.EvaluateAsync("navigator.serviceWorker.ready.then(r => r.active.state)");

    /// <summary>Fills and queues a report in a commune of Preah Vihear; returns the SHA-256 the page computed for the photo.</summary>
    public async Task<string> QueueAsync(string title, string narrative, string witness, byte[] photo, bool submit = true, string confidentiality = "Organisation")
    {
        await page.GetByLabel("Confidentiality").SelectOptionAsync(confidentiality);
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("What happened").FillAsync(narrative);
        await page.GetByLabel("Category").SelectOptionAsync("mining");
        await page.GetByLabel("Search by Khmer or Latin name").FillAsync("S'ang");
        await page.GetByRole(AriaRole.Button, new() { Name = "S'ang / ស្អាង Commune · Chey Saen · Preah Vihear" }).ClickAsync();
        await Assertions.Expect(page.Locator("#capture-place-chosen")).ToContainTextAsync("Preah Vihear");
        await page.GetByLabel("Role").SelectOptionAsync("Witness");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(witness);
        await page.GetByLabel("Send it for review as soon as it arrives").SetCheckedAsync(submit);
        await page.GetByLabel("Choose photos").SetInputFilesAsync(new FilePayload { Name = "pit.jpg", MimeType = "image/jpeg", Buffer = photo });
        var attached = page.Locator("#capture-photo-list li");
        await Assertions.Expect(attached).ToHaveCountAsync(1);
        var sha256 = await attached.GetAttributeAsync("data-sha256");
        await page.GetByRole(AriaRole.Button, new() { Name = "Keep on this phone and send" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Saved on this phone" })).ToBeVisibleAsync();
        return sha256!;
    }

    /// <summary>The same on the Khmer form.</summary>
    public async Task UnlockInKhmerAsync(string passphrase, bool first = false)
    {
        await page.GetByLabel("ឃ្លាសម្ងាត់", new() { Exact = true }).FillAsync(passphrase);
        if (first) await page.GetByLabel("ឃ្លាសម្ងាត់ម្តងទៀត").FillAsync(passphrase);
        await page.GetByRole(AriaRole.Button, new() { Name = first ? "កំណត់ឃ្លាសម្ងាត់" : "ដោះសោ", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("ចំណងជើង")).ToBeVisibleAsync();
    }

    /// <summary>On the Khmer form: titles the report and picks the commune of S'ang, Preah Vihear, found by its Khmer name.</summary>
    public async Task ChooseSAngInKhmerAsync(string title)
    {
        await page.GetByLabel("ចំណងជើង").FillAsync(title);
        await page.GetByLabel("ស្វែងរកតាមឈ្មោះជាភាសាខ្មែរ ឬឡាតាំង").FillAsync("ស្អាង");
        await page.GetByRole(AriaRole.Button, new() { Name = "ស្អាង / S'ang ឃុំ · ជ័យសែន · ព្រះវិហារ" }).ClickAsync();
        await Assertions.Expect(page.Locator("#capture-place-chosen")).ToContainTextAsync("ព្រះវិហារ");
    }

    /// <summary>A small JPEG drawn by the browser, different for each label.</summary>
    public async Task<byte[]> JpegAsync(string label) => Convert.FromBase64String(await page.EvaluateAsync<string>("""
        async label => {
          const canvas = Object.assign(document.createElement('canvas'), { width: 160, height: 120 });
          const g = canvas.getContext('2d');
          g.fillStyle = '#7a5230';
          g.fillRect(0, 0, 160, 120);
          g.fillStyle = '#fff';
          g.font = '20px sans-serif';
          g.fillText(label, 10, 60);
          const blob = await new Promise(resolve => canvas.toBlob(resolve, 'image/jpeg', 0.9));
          const bytes = new Uint8Array(await blob.arrayBuffer());
          return btoa(String.fromCharCode(...bytes));
        }
        """, label));

    /// <summary>A JPEG of random pixels, which barely compress: a photo of about the kilobytes asked (Chromium makes 0.9 bytes of a pixel).</summary>
    public async Task<byte[]> NoisyJpegAsync(int kilobytes) => Convert.FromBase64String(await page.EvaluateAsync<string>("""
        async kilobytes => {
          const side = Math.ceil(Math.sqrt(kilobytes * 1024 / 0.9));
          const canvas = Object.assign(document.createElement('canvas'), { width: side, height: side });
          const g = canvas.getContext('2d');
          const pixels = g.createImageData(side, side);
          for (let i = 0; i < pixels.data.length; i += 65536) crypto.getRandomValues(pixels.data.subarray(i, i + 65536)); // at most 64 kB a call
          for (let i = 3; i < pixels.data.length; i += 4) pixels.data[i] = 255;
          g.putImageData(pixels, 0, 0);
          const blob = await new Promise(resolve => canvas.toBlob(resolve, 'image/jpeg', 0.9));
          const bytes = new Uint8Array(await blob.arrayBuffer());
          let text = '';
          for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
          return btoa(text);
        }
        """, kilobytes));

    /// <summary>
    /// Everything the page's origin keeps on the phone, read raw: every IndexedDB record (binary values
    /// decoded as UTF-8 and UTF-16 text), every cached response and localStorage; which of the needles appear.
    /// </summary>
    public async Task<DeviceStorage> RawStorageAsync(params string[] needles)
    {
        var json = await page.EvaluateAsync<JsonElement>("""
            async needles => {
              const texts = [];
              const utf8 = new TextDecoder(), utf16 = new TextDecoder('utf-16le');
              const walk = value => {
                if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
                  const bytes = value instanceof ArrayBuffer ? value : value.buffer;
                  texts.push(utf8.decode(bytes), utf16.decode(bytes));
                } else if (typeof value === 'string') texts.push(value);
                else if (value && typeof value === 'object') Object.values(value).forEach(walk);
              };
              const done = request => new Promise((resolve, reject) => { request.onsuccess = () => resolve(request.result); request.onerror = () => reject(request.error); });
              const counts = {};
              const clientIds = [];
              for (const { name } of await indexedDB.databases()) {
                const db = await done(indexedDB.open(name));
                for (const store of db.objectStoreNames) {
                  const records = await done(db.transaction(store).objectStore(store).getAll());
                  counts[store] = (counts[store] ?? 0) + records.length;
                  if (store === 'reports') clientIds.push(...records.map(r => r.clientId));
                  records.forEach(walk);
                }
                db.close();
              }
              for (const name of await caches.keys()) {
                const cache = await caches.open(name);
                for (const request of await cache.keys()) texts.push(await (await cache.match(request)).text());
              }
              for (let i = 0; i < localStorage.length; i++) texts.push(localStorage.getItem(localStorage.key(i)));
              return { reports: counts.reports ?? 0, photos: counts.photos ?? 0, clientIds, found: needles.filter(n => texts.some(t => t.includes(n))) };
            }
            """, needles);
        return new DeviceStorage(
            json.GetProperty("reports").GetInt32(), json.GetProperty("photos").GetInt32(),
            json.GetProperty("clientIds").EnumerateArray().Select(e => Guid.Parse(e.GetString()!)).ToList(),
            json.GetProperty("found").EnumerateArray().Select(e => e.GetString()!).ToList());
    }
}

public sealed record DeviceStorage(int Reports, int Photos, IReadOnlyList<Guid> ClientIds, IReadOnlyList<string> Found);
