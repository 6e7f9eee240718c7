using System.Diagnostics;
using System.Formats.Tar;
using System.Text;
using Pei.Site.Diagnostics;

namespace Pei.Site.Cli;

/// <summary>
/// The content folder as it is at a git ref (diff --base, validate --base), extracted with git archive into a temporary
/// folder that is deleted on <see cref="Dispose"/>.
/// </summary>
internal sealed partial class GitContent : IDisposable
{
    private string? folder;

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
        // The ref becomes a commit id first: after --end-of-options git reads it only as a revision, and git archive is
        // then given the id, never the user's text.
        var commit = Git(root, out error, "rev-parse", "--verify", "--quiet", "--end-of-options", baseRef + "^{commit}") is { } id
            ? Encoding.UTF8.GetString(id).Trim() : null;
        if (commit is null || !CommitId().IsMatch(commit))
        {
            problem = $"la referencia no existe o no lleva a un commit{(error.Length > 0 ? $" (git: {error})" : "")}; use una rama, etiqueta o commit existente, p. ej. origin/main";
            return null;
        }
        var tar = Git(root, out error, "archive", "--format=tar", commit, "--", relative == "." ? "." : relative);
        if (tar is null)
        {
            problem = $"la carpeta '{relative}' no existe en esa referencia (git: {error}); use una rama, etiqueta o commit existente, p. ej. origin/main";
            return null;
        }
        folder = Directory.CreateTempSubdirectory("pei-base-").FullName;
        TarFile.ExtractToDirectory(new MemoryStream(tar), folder, overwriteFiles: false);
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

    /// <summary>
    /// Whether <paramref name="baseRef"/> may be given to git at all: never a text git would read as an option (one that
    /// starts with '-', such as --output=FILE), nor one with spaces or control characters; null when it may, else why not.
    /// </summary>
    public static string? RefusedRef(string baseRef)
    {
        if (baseRef.Length == 0)
        {
            return "está vacía";
        }
        if (baseRef[0] == '-')
        {
            return "empieza por '-', y git la leería como una opción";
        }
        if (baseRef.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || UnsafeCharacters.IsRefused(c)))
        {
            return "tiene espacios o caracteres de control";
        }
        return baseRef.Length > 255 ? "tiene más de 255 caracteres" : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^([0-9a-f]{40}|[0-9a-f]{64})$")]
    private static partial System.Text.RegularExpressions.Regex CommitId();

    public void Dispose()
    {
        if (folder is not null && Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
