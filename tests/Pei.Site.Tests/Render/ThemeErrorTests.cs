using Pei.Site.Render;

namespace Pei.Site.Tests.Render;

/// <summary>A broken theme is reported with a Spanish message that names the file, never with a raw engine error.</summary>
public sealed class ThemeErrorTests : IDisposable
{
    private readonly string _theme = Path.Combine(Path.GetTempPath(), "pei-tema-" + Guid.NewGuid().ToString("N"));

    public ThemeErrorTests()
    {
        CopyDirectory(RenderedSite.ThemeDirectory, _theme);
    }

    public void Dispose() => Directory.Delete(_theme, recursive: true);

    [Fact]
    public void A_theme_without_a_page_template_names_the_missing_file()
    {
        File.Delete(Path.Combine(_theme, "layouts", "Indicator.cshtml"));

        var error = Assert.Throws<ThemeException>(() => SiteRenderer.Create(_theme));

        Assert.Equal("layouts/Indicator.cshtml", error.File);
        Assert.Contains("le falta la plantilla layouts/Indicator.cshtml", error.Message);
    }

    [Fact]
    public void A_theme_without_its_static_folder_is_refused()
    {
        Directory.Delete(Path.Combine(_theme, "static"), recursive: true);

        var error = Assert.Throws<ThemeException>(() => SiteRenderer.Create(_theme));

        Assert.Equal("static/", error.File);
    }

    [Fact]
    public void A_template_that_does_not_compile_names_the_file_and_the_compiler_error()
    {
        // Home is compiled first (ordinal order), so the failure comes before the other templates cost anything.
        File.WriteAllText(Path.Combine(_theme, "layouts", "Home.cshtml"),
            "@inherits Pei.Site.Render.Theme.ThemePage<Pei.Site.Render.Pages.HomePage>\n<h1>@Model.DoesNotExist</h1>\n");

        var error = Assert.Throws<ThemeException>(() => SiteRenderer.Create(_theme));

        Assert.Equal("layouts/Home.cshtml", error.File);
        Assert.StartsWith("La plantilla layouts/Home.cshtml no compila:", error.Message);
        Assert.Contains("DoesNotExist", error.Message);
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
