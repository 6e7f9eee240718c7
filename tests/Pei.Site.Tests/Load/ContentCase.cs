using System.Globalization;
using System.Text;

namespace Pei.Site.Tests.Load;

/// <summary>
/// One case of the broken-content corpus in Load/Cases: the base plan (<c>_base/</c>) with the case folder's files laid over it.
/// A case folder holds only what differs from the base, plus these instructions:
/// <list type="bullet">
/// <item><c>esperado.txt</c>: the expected diagnostics, one per line, each a prefix of the printed line
/// (<c>content/ruta:línea:columna: error PEIxxx</c>, optionally followed by the start of the message), in printed order;
/// empty when the case must load cleanly. Lines starting with '#' are comments.</item>
/// <item><c>borrar.txt</c>: base paths (files or folders) to delete, one per line.</item>
/// <item><c>inflar.txt</c>: <c>ruta bytes</c> lines; the file is padded with comment lines up to that size
/// (so a 2 MiB file need not be committed).</item>
/// </list>
/// </summary>
internal sealed class ContentCase : IDisposable
{
    public const string BaseName = "_base";
    public const string DisplayRoot = "content";
    private const string ExpectedFile = "esperado.txt";
    private const string DeleteFile = "borrar.txt";
    private const string InflateFile = "inflar.txt";

    private static readonly string CasesFolder = Repository.PathTo("tests", "Pei.Site.Tests", "Load", "Cases");

    private readonly TempFolder temporary = new();

    private ContentCase(string name)
    {
        Name = name;
        ContentDirectory = Path.Combine(temporary.Path, DisplayRoot);
        TempFolder.CopyTree(Path.Combine(CasesFolder, BaseName), ContentDirectory);
        Expected = ExpectedOf(name);
        if (name == BaseName)
        {
            return;
        }
        var folder = Path.Combine(CasesFolder, name);
        Overlay(folder, ContentDirectory, isCaseRoot: true);
        foreach (var path in Lines(Path.Combine(folder, DeleteFile)))
        {
            Delete(Path.Combine(ContentDirectory, path));
        }
        foreach (var line in Lines(Path.Combine(folder, InflateFile)))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Inflate(Path.Combine(ContentDirectory, parts[0]), long.Parse(parts[1], CultureInfo.InvariantCulture));
        }
    }

    public string Name { get; }

    /// <summary>The materialized content folder, named <c>content</c> inside a temporary folder.</summary>
    public string ContentDirectory { get; }

    /// <summary>A folder beside the content where a build may write (and must not, for a broken case).</summary>
    public string OutDirectory => Path.Combine(temporary.Path, "_site");

    public IReadOnlyList<string> Expected { get; }

    /// <summary>Whether the case's esperado.txt holds at least one error (read without laying out the case).</summary>
    public static bool ExpectsErrors(string name) =>
        ExpectedOf(name).Any(line => line.Contains(": error PEI", StringComparison.Ordinal));

    /// <summary>Every case folder except the base, in name order.</summary>
    public static IEnumerable<string> Names() =>
        Directory.GetDirectories(CasesFolder)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name != BaseName)
            .Order(StringComparer.Ordinal);

    public static ContentCase Open(string name) => new(name);

    public void Dispose() => temporary.Dispose();

    private static List<string> ExpectedOf(string name) =>
        name == BaseName ? [] : Lines(Path.Combine(CasesFolder, name, ExpectedFile)).ToList();

    private static void Overlay(string from, string to, bool isCaseRoot)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            var fileName = Path.GetFileName(file);
            if (isCaseRoot && fileName is ExpectedFile or DeleteFile or InflateFile)
            {
                continue;
            }
            File.Copy(file, Path.Combine(to, fileName), overwrite: true);
        }
        foreach (var directory in Directory.GetDirectories(from))
        {
            Overlay(directory, Path.Combine(to, Path.GetFileName(directory)), isCaseRoot: false);
        }
    }

    private static void Delete(string path)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        else if (File.Exists(path))
        {
            File.Delete(path);
        }
        else
        {
            throw new InvalidOperationException($"{DeleteFile} names '{path}', which is not in the base plan");
        }
    }

    private static void Inflate(string path, long size)
    {
        var padding = Encoding.UTF8.GetBytes("# relleno para que el archivo supere el tamaño máximo\n");
        using var stream = new FileStream(path, FileMode.Append);
        while (stream.Length < size)
        {
            stream.Write(padding);
        }
    }

    private static IEnumerable<string> Lines(string path) =>
        File.Exists(path)
            ? File.ReadAllLines(path).Select(l => l.TrimEnd()).Where(l => l.Length > 0 && !l.StartsWith('#'))
            : [];
}
