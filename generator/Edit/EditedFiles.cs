using Pei.Site.Diagnostics;
using Pei.Site.FileSystem;
using Pei.Site.Load;

namespace Pei.Site.Edit;

/// <summary>
/// Writes a set of edited content files all or nothing: every new version is first written beside its file under a new
/// hidden temporary name (random, created exclusively, so never through a file or link already there; the loader ignores
/// names that start with a dot), and only when all of them were written are they moved over the originals, one rename
/// each. A file is edited (or created) where it really is: a link is followed only to a regular file inside the content folder;
/// anything else refuses the whole edit with a diagnostic before a byte is written.
/// </summary>
public static class EditedFiles
{
    /// <returns>False, with a diagnostic per refused file and nothing written, when a file cannot be edited safely.</returns>
    public static bool Write(ContentFolder content, IReadOnlyList<(string Path, string Display, byte[] Bytes)> files, DiagnosticBag diagnostics)
    {
        var targets = new List<(string Real, byte[] Bytes)>();
        foreach (var (path, display, bytes) in files)
        {
            var real = RealPath.Resolve(path);
            // Missing: a new file, such as the record publicar writes.
            if (real is null || FileKinds.Of(real) is not (FileKind.Regular or FileKind.Missing))
            {
                diagnostics.Error(Codes.EditRefused, new SourceSpan(display, 1, 1), display, "ya no es un archivo normal (¿un enlace roto o un archivo especial?)");
            }
            else if (!RealPath.IsInside(real, content.RealRoot))
            {
                diagnostics.Error(Codes.EditRefused, new SourceSpan(display, 1, 1), display, "es un enlace simbólico que lleva fuera de la carpeta de contenido");
            }
            else
            {
                targets.Add((real, bytes));
            }
        }
        if (diagnostics.HasErrors)
        {
            return false;
        }
        var staged = new List<(string Temporary, string Path)>();
        try
        {
            foreach (var (path, bytes) in targets)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!); // a new file may open its folder (publicar's first record)
                var temporary = Stage(path, bytes);
                staged.Add((temporary, path));
            }
        }
        catch
        {
            foreach (var (temporary, _) in staged)
            {
                File.Delete(temporary);
            }
            throw;
        }
        foreach (var (temporary, path) in staged)
        {
            File.Move(temporary, path, overwrite: true);
        }
        return true;
    }

    /// <summary>Writes <paramref name="bytes"/> to a new file ".&lt;file&gt;.nuevo-corte-&lt;random&gt;.tmp" beside <paramref name="path"/>.</summary>
    private static string Stage(string path, byte[] bytes)
    {
        var temporary = WholeFile.CreateBeside(path, out var stream, tag: "nuevo-corte-");
        using (stream)
        {
            try
            {
                stream.Write(bytes);
            }
            catch
            {
                stream.Dispose();
                File.Delete(temporary);
                throw;
            }
        }
        return temporary;
    }
}
