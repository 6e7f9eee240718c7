using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace Pei.Site.Tests.Write;

/// <summary>
/// A built site as a reviewer reads it: every text file (UTF-8 without a NUL byte: HTML, CSV, JSON, XML, SVG…) as it
/// is; each workbook (.xlsx) as its parts, under its own path as a folder (datos/seguimiento.xlsx/xl/worksheets/sheet1.xml),
/// each text part (in a workbook, all are XML) with one element per line; every other file (the images) by its
/// SHA-256. Stored as a folder of those files beside a manifest of the hashes ("sha256  path", as `sha256sum` prints
/// it), so a change of the site is a change of text files that git and the tests show line by line. A workbook's zip
/// bytes (how its parts are compressed) are not kept, only that every entry has the fixed time: two builds on
/// different days give the same bytes.
/// </summary>
internal sealed class SiteSnapshot
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The time every zip entry carries: the zip format's earliest, read back as a clock time.</summary>
    private static readonly DateTime ZipEntryTime = new(1980, 1, 1);

    private SiteSnapshot(SortedDictionary<string, byte[]> texts, SortedDictionary<string, string> hashes)
    {
        Texts = texts;
        Hashes = hashes;
    }

    /// <summary>Text files by path (forward slashes), their bytes as stored.</summary>
    public SortedDictionary<string, byte[]> Texts { get; }

    /// <summary>Binary files by path, their SHA-256 in lowercase hex.</summary>
    public SortedDictionary<string, string> Hashes { get; }

    /// <summary>The snapshot of a built site.</summary>
    public static SiteSnapshot Of(string site)
    {
        var snapshot = new SiteSnapshot(new(StringComparer.Ordinal), new(StringComparer.Ordinal));
        foreach (var (path, bytes) in Files(site))
        {
            if (path.EndsWith(".xlsx", StringComparison.Ordinal))
            {
                snapshot.AddZip(path, bytes);
            }
            else
            {
                snapshot.Add(path, bytes);
            }
        }
        return snapshot;
    }

    /// <summary>A stored snapshot: the files of <paramref name="folder"/> and the hashes of <paramref name="manifest"/>.</summary>
    public static SiteSnapshot Load(string folder, string manifest)
    {
        var texts = new SortedDictionary<string, byte[]>(Files(folder).ToDictionary(), StringComparer.Ordinal);
        var hashes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadAllLines(manifest).Where(l => l.Length > 0))
        {
            hashes.Add(line[66..], line[..64]);
        }
        return new SiteSnapshot(texts, hashes);
    }

    /// <summary>Replaces <paramref name="folder"/> and <paramref name="manifest"/> with this snapshot.</summary>
    public void Save(string folder, string manifest)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        foreach (var (path, bytes) in Texts)
        {
            var file = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllBytes(file, bytes);
        }
        File.WriteAllText(manifest, string.Concat(Hashes.Select(h => $"{h.Value}  {h.Key}\n")));
    }

    /// <summary>
    /// What differs from <paramref name="expected"/>, for a person to read: the files missing and the files extra, the
    /// changed ones, and a unified diff of the first changed text files; empty when nothing differs.
    /// </summary>
    public string DifferencesFrom(SiteSnapshot expected, int diffs = 5)
    {
        var expectedPaths = expected.Texts.Keys.Concat(expected.Hashes.Keys).ToHashSet(StringComparer.Ordinal);
        var actualPaths = Texts.Keys.Concat(Hashes.Keys).ToHashSet(StringComparer.Ordinal);
        var missing = expectedPaths.Except(actualPaths).Order(StringComparer.Ordinal).ToList();
        var extra = actualPaths.Except(expectedPaths).Order(StringComparer.Ordinal).ToList();
        var changed = expectedPaths.Intersect(actualPaths).Order(StringComparer.Ordinal)
            .Where(path => !(expected.Texts.TryGetValue(path, out var before) && Texts.TryGetValue(path, out var after)
                ? before.AsSpan().SequenceEqual(after)
                : expected.Hashes.GetValueOrDefault(path) is { } hash && hash == Hashes.GetValueOrDefault(path)))
            .ToList();
        if (missing.Count == 0 && extra.Count == 0 && changed.Count == 0)
        {
            return "";
        }
        var report = new StringBuilder();
        List("esperados y no generados", missing);
        List("generados y no esperados", extra);
        List("distintos", changed);
        foreach (var path in changed.Take(diffs))
        {
            report.Append('\n');
            if (expected.Texts.TryGetValue(path, out var before) && Texts.TryGetValue(path, out var after))
            {
                report.Append(TextDiff.Unified("esperado/" + path, Decode(before), "generado/" + path, Decode(after)));
            }
            else
            {
                report.Append($"{path}: esperado {Describe(expected, path)}, generado {Describe(this, path)}\n");
            }
        }
        if (changed.Count > diffs)
        {
            report.Append($"\n… y {changed.Count - diffs} archivos distintos más\n");
        }
        return report.ToString();

        void List(string title, List<string> paths)
        {
            if (paths.Count > 0)
            {
                report.Append($"{title} ({paths.Count}):\n").AppendJoin("", paths.Take(50).Select(p => $"  {p}\n"));
                if (paths.Count > 50)
                {
                    report.Append("  …\n");
                }
            }
        }
    }

    private static string Describe(SiteSnapshot snapshot, string path) =>
        snapshot.Hashes.TryGetValue(path, out var hash) ? "sha256 " + hash : $"texto de {snapshot.Texts[path].Length} bytes";

    private static string Decode(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    private void Add(string path, byte[] bytes)
    {
        if (IsText(bytes))
        {
            Texts.Add(path, bytes);
        }
        else
        {
            Hashes.Add(path, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        }
    }

    private void AddZip(string path, byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        foreach (var entry in zip.Entries)
        {
            if (entry.LastWriteTime.DateTime != ZipEntryTime)
            {
                throw new InvalidDataException($"{path}: la entrada {entry.FullName} tiene la hora {entry.LastWriteTime:O}, no la fija {ZipEntryTime:O}");
            }
            using var part = new MemoryStream();
            using (var stream = entry.Open())
            {
                stream.CopyTo(part);
            }
            var partPath = $"{path}/{entry.FullName}";
            var partBytes = part.ToArray();
            Add(partPath, IsText(partBytes) ? OneElementPerLine(partPath, partBytes) : partBytes);
        }
    }

    /// <summary>
    /// The XML with a line break between every two adjacent tags ("&gt;&lt;"), so a changed cell is a changed line. It
    /// keeps every byte as long as the XML had no line break of its own between two tags, which is checked: otherwise
    /// two different parts could look the same.
    /// </summary>
    private static byte[] OneElementPerLine(string path, byte[] xml)
    {
        if (xml.AsSpan().IndexOf(">\n<"u8) >= 0)
        {
            throw new InvalidDataException($"{path}: un salto de línea entre dos etiquetas; una etiqueta por línea no guardaría sus bytes");
        }
        var lines = new List<byte>(xml.Length + xml.Length / 16);
        for (var i = 0; i < xml.Length; i++)
        {
            lines.Add(xml[i]);
            if (xml[i] == '>' && i + 1 < xml.Length && xml[i + 1] == '<')
            {
                lines.Add((byte)'\n');
            }
        }
        return [.. lines];
    }

    private static bool IsText(byte[] bytes)
    {
        if (bytes.AsSpan().IndexOf((byte)0) >= 0)
        {
            return false;
        }
        try
        {
            StrictUtf8.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>Every file under <paramref name="folder"/> by its path from there, with forward slashes.</summary>
    private static IEnumerable<KeyValuePair<string, byte[]>> Files(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(file => KeyValuePair.Create(Path.GetRelativePath(folder, file).Replace('\\', '/'), File.ReadAllBytes(file)));
}
