using System.Diagnostics;
using Pei.Site.FileSystem;

namespace Pei.Site.Tests.Hardening;

/// <summary>Special entries planted in a copy of the content: links, named pipes, secrets outside the content.</summary>
internal static class Hazards
{
    /// <summary>A string that must never reach any output when it lives only in a file outside the content.</summary>
    public const string Secret = "SECRETO-DEL-SERVIDOR-7f3a9c";

    /// <summary>The text of a file outside the content that would load as a valid indicator if it were read.</summary>
    public static string SecretIndicator => File.ReadAllText(Path.Combine(Repository.PublishedJune2025, "objetivos", "03-comunicacion-publica", "indicadores", "4199.yaml"))
        .Replace("nombre:", $"nombre: {Secret} ", StringComparison.Ordinal);

    /// <summary>Replaces whatever is at <paramref name="path"/> by a symbolic link to <paramref name="target"/>.</summary>
    public static void Link(string path, string target)
    {
        Remove(path);
        if (Directory.Exists(target))
        {
            Directory.CreateSymbolicLink(path, target);
        }
        else
        {
            File.CreateSymbolicLink(path, target);
        }
    }

    /// <summary>Replaces whatever is at <paramref name="path"/> by a named pipe (FIFO) nobody writes to.</summary>
    public static void Fifo(string path)
    {
        Remove(path);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { RedirectStandardError = true })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    /// <summary>A hard link at <paramref name="path"/> to the file <paramref name="existing"/>: one inode, two names.</summary>
    public static void HardLink(string existing, string path)
    {
        using var ln = Process.Start(new ProcessStartInfo("ln", [existing, path]) { RedirectStandardError = true })!;
        ln.WaitForExit();
        Assert.Equal(0, ln.ExitCode);
    }

    public static void Remove(string path)
    {
        if (Directory.Exists(path) && new DirectoryInfo(path).LinkTarget is null)
        {
            Directory.Delete(path, recursive: true);
        }
        else if (File.Exists(path) || new FileInfo(path).LinkTarget is not null)
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// Every entry under <paramref name="folder"/>: a file's bytes, a link's target (never followed, so a link to the folder
    /// itself or to /dev/zero is just a line), a folder's name, the kind of anything else (a named pipe is never opened).
    /// </summary>
    public static Dictionary<string, string> Snapshot(string folder)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(folder);
        return entries;

        void Walk(string directory)
        {
            foreach (var path in Directory.GetFileSystemEntries(directory))
            {
                var key = Path.GetRelativePath(folder, path);
                var kind = FileKinds.Of(path);
                entries[key] = kind switch
                {
                    FileKind.SymbolicLink => "-> " + new FileInfo(path).LinkTarget,
                    FileKind.Regular => Convert.ToBase64String(File.ReadAllBytes(path)),
                    _ => kind.ToString(),
                };
                if (kind == FileKind.Directory)
                {
                    Walk(path);
                }
            }
        }
    }

    /// <summary>Every text the run printed or wrote into <paramref name="output"/> (when it exists).</summary>
    public static IEnumerable<string> Everything(Cli.Outcome outcome, string? output = null)
    {
        yield return outcome.Stdout;
        yield return outcome.Stderr;
        if (output is not null && Directory.Exists(output))
        {
            foreach (var file in Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories))
            {
                yield return File.ReadAllText(file);
            }
        }
    }
}
