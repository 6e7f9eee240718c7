using Pei.Site.Build;
using Pei.Site.Diagnostics;
using Pei.Site.FileSystem;

namespace Pei.Site.Cli;

/// <summary>
/// The content as a command would leave it, loaded from a copy before anything is written: a command that edits the
/// content (nuevo-corte, publicar, corregir, importar) writes only what the loader, with every rule for content, accepts.
/// The copy is a private temporary folder (created new, readable only by this user) holding the content's regular files,
/// found by <see cref="FolderWalk"/> (no link followed out of the content or around a cycle, no pipe or device opened),
/// and it is removed however the check ends.
/// </summary>
internal static class EditedContent
{
    /// <param name="compute">Load with every rule across files and run the method and the rules over computed figures
    /// (importar, which must leave valid content); otherwise only read every file as the loader does (its YAML, keys, values
    /// and characters), so that a rule across files a new cut-off brings into force (weights that must add up) is left to
    /// validate, as before.</param>
    /// <returns>The diagnostics of loading the edited copy, named as the content folder is.</returns>
    public static DiagnosticBag Check(string content, IReadOnlyList<(string Path, byte[] Bytes)> edits, bool compute)
    {
        var copy = Directory.CreateTempSubdirectory("pei-edicion-").FullName;
        try
        {
            var root = Path.GetFullPath(content);
            foreach (var file in FolderWalk.Walk(root).Files)
            {
                var target = Path.Combine(copy, file.Relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file.Real, target);
            }
            foreach (var (path, bytes) in edits)
            {
                var target = Path.Combine(copy, Path.GetRelativePath(root, Path.GetFullPath(path)));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllBytes(target, bytes);
            }
            var diagnostics = new DiagnosticBag();
            if (compute)
            {
                Pipeline.Compute(copy, diagnostics, new Pipeline.Options { Display = content });
            }
            else
            {
                Load.ContentLoader.Load(copy, content, diagnostics);
            }
            return diagnostics;
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }
}

/// <summary>A text given on the command line that a command writes into the content (--titulo, --motivo).</summary>
internal static class ArgumentText
{
    /// <summary>
    /// Refuses, at "<paramref name="place"/> <paramref name="option"/>" (e.g. "nuevo-corte --titulo:1:1"), a character the loader refuses in content (control, bidirectional and line
    /// separator characters, PEI048): checked before anything is read, so the message names the option, not a line the
    /// command would have written.
    /// </summary>
    public static bool Check(string? text, string option, string place, DiagnosticBag diagnostics)
    {
        var refused = text?.Where(UnsafeCharacters.IsRefused).Take(1).ToList() ?? [];
        if (refused.Count == 0)
        {
            return true;
        }
        var c = refused[0];
        diagnostics.Error(Codes.ForbiddenCharacter, new SourceSpan($"{place} {option}", 1, 1), UnsafeCharacters.CodePoint(c), UnsafeCharacters.KindInSpanish(c));
        return false;
    }
}
