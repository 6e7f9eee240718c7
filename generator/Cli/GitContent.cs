using System.Diagnostics;
using System.Formats.Tar;
using System.Text;

namespace Pei.Site.Cli;

/// <summary>
/// The content folder as it is at a git ref (diff --base, validate --base), extracted with git archive into a temporary
/// folder that is deleted on <see cref="Dispose"/>.
/// </summary>
internal sealed class GitContent : IDisposable
{
    private readonly string folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pei-base-" + Guid.NewGuid().ToString("N")[..12]);

    private GitContent()
    {
    }

    /// <summary>The extracted content folder.</summary>
    public string Path { get; private set; } = "";

    /// <summary>The content folder <paramref name="content"/> as it is at <paramref name="baseRef"/>; null with the problem in Spanish when it cannot be read.</summary>
    public static GitContent? Extract(string content, string baseRef, out string problem)
    {
        var extracted = new GitContent();
        try
        {
            if (extracted.Read(content, baseRef, out problem) is not { } path)
            {
                extracted.Dispose();
                return null;
            }
            extracted.Path = path;
            return extracted;
        }
        catch
        {
            extracted.Dispose();
            throw;
        }
    }

    private string? Read(string content, string baseRef, out string problem)
    {
        problem = "";
        var full = System.IO.Path.GetFullPath(content);
        var top = Git(full, out var error, "rev-parse", "--show-toplevel");
        if (top is null)
        {
            problem = $"'{content}' no está en un repositorio git: {error}";
            return null;
        }
        var root = Encoding.UTF8.GetString(top).Trim();
        var relative = System.IO.Path.GetRelativePath(root, full).Replace('\\', '/');
        var tar = Git(root, out error, "archive", "--format=tar", baseRef, "--", relative == "." ? "." : relative);
        if (tar is null)
        {
            problem = $"la carpeta '{relative}' no existe en esa referencia, o la referencia no existe (git: {error}); use una rama, etiqueta o commit existente, p. ej. origin/main";
            return null;
        }
        Directory.CreateDirectory(folder);
        TarFile.ExtractToDirectory(new MemoryStream(tar), folder, overwriteFiles: true);
        var extracted = System.IO.Path.Combine(folder, relative);
        return Directory.Exists(extracted) ? extracted : Directory.CreateDirectory(extracted).FullName;
    }

    private static byte[]? Git(string directory, out string error, params string[] args)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("core.quotepath=off");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        using var output = new MemoryStream();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.BaseStream.CopyTo(output);
        process.WaitForExit();
        error = stderr.GetAwaiter().GetResult().Trim();
        return process.ExitCode == 0 ? output.ToArray() : null;
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
