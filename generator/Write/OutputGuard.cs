namespace Pei.Site.Write;

/// <summary>Refuses output folders whose replacement would destroy something: content, the repository, a parent of either, a filesystem root.</summary>
public static class OutputGuard
{
    /// <returns>The reason in Spanish, or null when <paramref name="outDirectory"/> is safe to replace.</returns>
    public static string? Refusal(string outDirectory, string contentDirectory)
    {
        var output = Normalize(outDirectory);
        var content = Normalize(contentDirectory);
        if (Path.GetPathRoot(output) == output + Path.DirectorySeparatorChar || Path.GetPathRoot(output) == output || output.Length == 0)
        {
            return $"--out '{outDirectory}' es la raíz del sistema de archivos; elija una carpeta propia para el sitio, p. ej. _site";
        }
        if (output == content || IsAncestor(output, content))
        {
            return $"--out '{outDirectory}' es la carpeta de contenido o la contiene; el sitio se escribe en una carpeta aparte, p. ej. _site";
        }
        if (IsAncestor(content, output))
        {
            return $"--out '{outDirectory}' está dentro de la carpeta de contenido; elija una carpeta fuera de ella, p. ej. _site";
        }
        foreach (var protectedFolder in new[] { RepositoryRoot(content), RepositoryRoot(Directory.GetCurrentDirectory()), Normalize(Directory.GetCurrentDirectory()), HomeDirectory() })
        {
            if (protectedFolder is not null && (output == protectedFolder || IsAncestor(output, protectedFolder)))
            {
                return $"--out '{outDirectory}' es la carpeta del repositorio o de trabajo, o una carpeta que la contiene; elija una subcarpeta propia para el sitio, p. ej. _site";
            }
        }
        return null;
    }

    private static string Normalize(string path) => Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);

    private static bool IsAncestor(string ancestor, string path) =>
        path.StartsWith(ancestor + Path.DirectorySeparatorChar, StringComparison.Ordinal) || (ancestor.Length == 0);

    private static string? HomeDirectory()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return string.IsNullOrEmpty(home) ? null : Normalize(home);
    }

    private static string? RepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(Normalize(start)); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, ".git")) || File.Exists(Path.Combine(directory.FullName, ".git")))
            {
                return Normalize(directory.FullName);
            }
        }
        return null;
    }
}
