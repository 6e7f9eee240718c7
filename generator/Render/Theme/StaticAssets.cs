using Pei.Site.FileSystem;

namespace Pei.Site.Render.Theme;

/// <summary>
/// The theme's static folder, copied as is into the site (static/css/site.css → css/site.css): its regular files, found
/// by <see cref="FolderWalk"/>, so a link out of static/ or around a cycle, or a named pipe or device, stops the build
/// with PEI116 instead of copying the machine's files, blocking or never ending.
/// </summary>
public static class StaticAssets
{
    /// <exception cref="ThemeException">An entry of the folder is refused.</exception>
    public static IReadOnlyList<OutputFile> Read(string staticDirectory)
    {
        var walk = FolderWalk.Walk(staticDirectory);
        if (walk.Refused.Count > 0)
        {
            throw ThemeException.Refused(Path.GetFileName(Path.TrimEndingDirectorySeparator(staticDirectory)), walk.Refused[0]);
        }
        return walk.Files.Select(f => new OutputFile(f.Relative, File.ReadAllBytes(f.Real))).ToList();
    }
}
