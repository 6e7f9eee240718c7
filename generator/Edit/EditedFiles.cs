namespace Pei.Site.Edit;

/// <summary>
/// Writes a set of edited content files all or nothing: every new version is first written beside its file under a
/// hidden temporary name (the loader ignores names that start with a dot), and only when all of them were written are
/// they moved over the originals, one rename each.
/// </summary>
public static class EditedFiles
{
    public static void Write(IReadOnlyList<(string Path, byte[] Bytes)> files)
    {
        var staged = new List<(string Temporary, string Path)>();
        try
        {
            foreach (var (path, bytes) in files)
            {
                var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
                Directory.CreateDirectory(folder); // a new file may open its folder (publicar's first record)
                var temporary = Path.Combine(folder, "." + Path.GetFileName(path) + ".nuevo-corte.tmp");
                staged.Add((temporary, path));
                File.WriteAllBytes(temporary, bytes);
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
    }
}
