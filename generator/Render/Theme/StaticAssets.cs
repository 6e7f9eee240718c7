namespace Pei.Site.Render.Theme;

/// <summary>The theme's static folder, copied as is into the site (static/css/site.css → css/site.css).</summary>
public static class StaticAssets
{
    public static IReadOnlyList<OutputFile> Read(string staticDirectory) =>
        Directory.EnumerateFiles(staticDirectory, "*", SearchOption.AllDirectories)
            .Select(f => new OutputFile(
                Path.GetRelativePath(staticDirectory, f).Replace(Path.DirectorySeparatorChar, '/'),
                File.ReadAllBytes(f)))
            .ToList();
}
