// TEMPORARY STUB until the render branch is merged
using Pei.Site.Method;
namespace Pei.Site.Render;
public sealed class SiteRenderer
{
    public static SiteRenderer Create(string themeDirectory) => new();
    public IReadOnlyList<OutputFile> Render(PlanReport report, RenderOptions options) => [new OutputFile("index.html", "<p>stub</p>"u8.ToArray()), new OutputFile(OpenData.PlanJson.Path, OpenData.PlanJson.Write(report)), new OutputFile(OpenData.SeguimientoCsv.Path, OpenData.SeguimientoCsv.Write(report))];
}
public sealed record RenderOptions { public bool Preview { get; init; } public IReadOnlyList<string> Banner { get; init; } = []; public string? ExtraScript { get; init; } }
public sealed class ThemeException(string message) : Exception(message);
