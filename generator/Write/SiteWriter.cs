using Pei.Site.Render;

namespace Pei.Site.Write;

/// <summary>
/// The only code that touches the output folder. Writes the whole site into a temporary folder beside --out and swaps it in
/// only when every file was written, so a failed or interrupted build leaves the earlier site exactly as it was.
/// </summary>
public static class SiteWriter
{
    public static void Write(IReadOnlyList<OutputFile> files, string outDirectory)
    {
        var target = Path.GetFullPath(outDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(target) ?? throw new OutputRefusedException("no se puede escribir en la raíz del sistema de archivos");
        Directory.CreateDirectory(parent);
        var name = Path.GetFileName(target);
        var suffix = Guid.NewGuid().ToString("N")[..12];
        var staging = Path.Combine(parent, $".{name}.nuevo-{suffix}");
        var previous = Path.Combine(parent, $".{name}.anterior-{suffix}");
        try
        {
            foreach (var file in files)
            {
                var path = Path.GetFullPath(Path.Combine(staging, file.Path));
                if (!path.StartsWith(staging + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    throw new OutputRefusedException($"la ruta '{file.Path}' saldría de la carpeta de salida");
                }
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, file.Content);
            }
            Directory.CreateDirectory(staging);
            Swap(staging, target, previous);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
        if (Directory.Exists(previous))
        {
            Directory.Delete(previous, recursive: true);
        }
    }

    private static void Swap(string staging, string target, string previous)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(staging, target);
            return;
        }
        Directory.Move(target, previous);
        try
        {
            Directory.Move(staging, target);
        }
        catch
        {
            Directory.Move(previous, target);
            throw;
        }
    }
}

/// <summary>The output folder cannot be used (it would overwrite content, the repository or a system folder).</summary>
public sealed class OutputRefusedException(string message) : Exception(message);
