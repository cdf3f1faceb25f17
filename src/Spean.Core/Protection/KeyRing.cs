using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Spean.Core.Protection;

public sealed record KeyInfo(string Id, DateTime CreatedAt, bool Current);

/// <summary>
/// The keys that protect witness identities and evidence files, kept in one JSON file outside the database
/// (Spean:KeyDirectory), readable by the service account alone. Each ciphertext names its key, so a
/// rotation adds a key and the old ones stay until nothing uses them. The pseudonym key never rotates:
/// exports must keep calling the same person by the same pseudonym.
/// </summary>
public sealed class KeyRing(string directory, TimeProvider clock)
{
    public const string FileName = "spean-keys.json";
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly Lock gate = new();
    private RingFile? ring;
    private DateTime loadedWriteTime;

    public string Directory { get; } = directory;

    public string FilePath => Path.Combine(Directory, FileName);

    public bool Exists => File.Exists(FilePath);

    /// <summary>Creates the key file with one key on first start. Returns false when it already exists.</summary>
    public bool CreateIfMissing()
    {
        lock (gate)
        {
            if (Exists) return false;
            Data.OwnerOnly.CreateDirectory(Directory);
            Save(new RingFile
            {
                Format = 1,
                PseudonymKey = RandomNumberGenerator.GetBytes(32),
                CustodyKey = RandomNumberGenerator.GetBytes(32),
                Keys = [NewKey()],
            });
            return true;
        }
    }

    public IReadOnlyList<KeyInfo> Keys
    {
        get
        {
            var current = Load();
            return [.. current.Keys.Select(k => new KeyInfo(Hex(k.Id), k.CreatedAt, k.Id == current.Keys[^1].Id))];
        }
    }

    /// <summary>The newest key, used for everything encrypted from now on. Re-read when the file changes, so a rotation by the CLI reaches the running app.</summary>
    internal (uint Id, byte[] Key) Current
    {
        get
        {
            var key = Load().Keys[^1];
            return (key.Id, key.Key);
        }
    }

    internal byte[] PseudonymKey => Load().PseudonymKey;

    /// <summary>Keys the custody chains; null in a ring made before chains were keyed, until the custody log seals the unkeyed chains (Monitoring) and adds it.</summary>
    internal byte[]? CustodyKey => Load().CustodyKey;

    /// <summary>The ids of every key in the ring, as ciphertexts name them; none when there is no key file.</summary>
    internal IReadOnlySet<uint> Ids => Exists ? Load().Keys.Select(k => k.Id).ToHashSet() : [];

    internal byte[] Find(uint id)
    {
        var key = Load().Keys.FirstOrDefault(k => k.Id == id)
            ?? Reload().Keys.FirstOrDefault(k => k.Id == id)
            ?? throw new CryptographicException(
                $"This value was encrypted with key {Hex(id)}, which is not in the key ring at {FilePath}. Restore the key file from its backup.");
        return key.Key;
    }

    /// <summary>Adds a new current key; the others stay so existing ciphertext remains readable.</summary>
    internal string AddCurrentKey()
    {
        lock (gate)
        {
            var current = Reload();
            var key = NewKey();
            Save(current with { Keys = [.. current.Keys, key] });
            return Hex(key.Id);
        }
    }

    internal void AddCustodyKey(byte[] key)
    {
        lock (gate)
        {
            var current = Reload();
            if (current.CustodyKey is not null) throw new InvalidOperationException($"The key ring at {FilePath} already has a custody key.");
            Save(current with { CustodyKey = key });
        }
    }

    /// <summary>Removes keys that nothing uses any more. The current key is never removed.</summary>
    internal void Remove(IReadOnlySet<uint> ids)
    {
        lock (gate)
        {
            var current = Reload();
            var currentId = current.Keys[^1].Id;
            Save(current with { Keys = [.. current.Keys.Where(k => k.Id == currentId || !ids.Contains(k.Id))] });
        }
    }

    internal static string Hex(uint id) => id.ToString("x8", CultureInfo.InvariantCulture);

    private RingKey NewKey()
    {
        var existing = ring?.Keys.Select(k => k.Id).ToHashSet() ?? [];
        uint id;
        do id = BitConverter.ToUInt32(RandomNumberGenerator.GetBytes(4)); while (id == 0 || existing.Contains(id));
        return new RingKey { Id = id, CreatedAt = clock.GetUtcNow().UtcDateTime, Key = RandomNumberGenerator.GetBytes(32) };
    }

    private RingFile Load()
    {
        lock (gate)
        {
            if (ring is not null && File.GetLastWriteTimeUtc(FilePath) == loadedWriteTime) return ring;
            return Reload();
        }
    }

    private RingFile Reload()
    {
        lock (gate)
        {
            if (!Exists)
                throw new CryptographicException($"There is no key ring at {FilePath}. Start Spean once to create it, or restore the key file from its backup.");
            loadedWriteTime = File.GetLastWriteTimeUtc(FilePath);
            ring = JsonSerializer.Deserialize<RingFile>(File.ReadAllBytes(FilePath))
                ?? throw new CryptographicException($"The key ring at {FilePath} is empty.");
            if (ring.Keys.Count == 0) throw new CryptographicException($"The key ring at {FilePath} holds no key.");
            return ring;
        }
    }

    /// <summary>Writes a new file beside the old one and renames it over, so a crash never leaves half a key ring.</summary>
    private void Save(RingFile file)
    {
        var temporary = FilePath + ".new";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnlyFile;
        using (var stream = new FileStream(temporary, options))
        {
            JsonSerializer.Serialize(stream, file, Indented);
            stream.Flush(flushToDisk: true);
        }
        File.Move(temporary, FilePath, overwrite: true);
        ring = file;
        loadedWriteTime = File.GetLastWriteTimeUtc(FilePath);
    }

    private sealed record RingFile
    {
        public int Format { get; init; }
        public required byte[] PseudonymKey { get; init; }

        /// <summary>Never rotated, like the pseudonym key: chain heads kept elsewhere must stay comparable (docs/adr/0014).</summary>
        public byte[]? CustodyKey { get; init; }

        /// <summary>Oldest first; the last one is current.</summary>
        public required List<RingKey> Keys { get; init; }
    }

    private sealed record RingKey
    {
        public uint Id { get; init; }
        public DateTime CreatedAt { get; init; }
        public required byte[] Key { get; init; }
    }
}
