using Pei.Site.FileSystem;

namespace Pei.Site.Write;

/// <summary>
/// Refuses output folders whose replacement would destroy something: content, the theme, the repository (or its .git),
/// the working folder, home, a parent of any of them, a filesystem root. Every path is compared where it really is, with
/// its links resolved (each existing ancestor too), so no link can make the content look like another folder.
/// </summary>
public static class OutputGuard
{
    /// <returns>The reason in Spanish, or null when <paramref name="outDirectory"/> is safe to replace.</returns>
    public static string? Refusal(string outDirectory, string contentDirectory, string? themeDirectory = null)
    {
        if (RealPath.Resolve(outDirectory) is not { } output)
        {
            return $"--out '{outDirectory}' pasa por enlaces simbólicos circulares; elija una carpeta propia para el sitio, p. ej. _site";
        }
        var content = Real(contentDirectory);
        if (Path.GetPathRoot(output) == output || Path.GetDirectoryName(output) is null)
        {
            return $"--out '{outDirectory}' es la raíz del sistema de archivos; elija una carpeta propia para el sitio, p. ej. _site";
        }
        if (RealPath.IsSameOrInside(content, output))
        {
            return $"--out '{outDirectory}' es la carpeta de contenido o la contiene; el sitio se escribe en una carpeta aparte, p. ej. _site";
        }
        if (RealPath.IsInside(output, content))
        {
            return $"--out '{outDirectory}' está dentro de la carpeta de contenido; elija una carpeta fuera de ella, p. ej. _site";
        }
        if (themeDirectory is not null && (RealPath.IsSameOrInside(Real(themeDirectory), output) || RealPath.IsInside(output, Real(themeDirectory))))
        {
            return $"--out '{outDirectory}' es la carpeta del tema, la contiene o está dentro de ella; elija una carpeta propia para el sitio, p. ej. _site";
        }
        var repositories = new[] { RepositoryRoot(content), RepositoryRoot(Directory.GetCurrentDirectory()) }.OfType<string>().ToList();
        if (repositories.Any(repository => RealPath.IsSameOrInside(output, Path.Combine(repository, ".git"))))
        {
            return $"--out '{outDirectory}' está dentro de la carpeta .git del repositorio; elija una carpeta propia para el sitio, p. ej. _site";
        }
        foreach (var protectedFolder in repositories.Append(Real(Directory.GetCurrentDirectory())).Append(HomeDirectory()))
        {
            if (protectedFolder is not null && RealPath.IsSameOrInside(protectedFolder, output))
            {
                return $"--out '{outDirectory}' es la carpeta del repositorio, de trabajo o personal, o una carpeta que la contiene; elija una subcarpeta propia para el sitio, p. ej. _site";
            }
        }
        return null;
    }

    /// <summary>Where a folder really is; a path whose links loop is compared as written.</summary>
    private static string Real(string path) => RealPath.Resolve(path) ?? Path.GetFullPath(path);

    private static string? HomeDirectory()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return string.IsNullOrEmpty(home) ? null : Real(home);
    }

    private static string? RepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(Real(start)); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, ".git")) || File.Exists(Path.Combine(directory.FullName, ".git")))
            {
                return directory.FullName.TrimEnd(Path.DirectorySeparatorChar);
            }
        }
        return null;
    }
}
