using System.Globalization;
using Pei.Site.Diagnostics;
using Pei.Site.Load;
using Pei.Site.Method;
using Pei.Site.Model;
using Pei.Site.Render;
using Pei.Site.Write;
using YamlDotNet.RepresentationModel;

namespace Pei.Site.Tests.Fixtures;

/// <summary>
/// tests/Pei.Site.Tests/Fixtures/plan-en-el-tiempo: a plan over two fiscal years (five published cut-offs, a draft,
/// lag, an objective with nothing programmed at the first cut-off, a corrected cut-off, 2027 targets without cut-offs)
/// with a publication record per published cut-off in publicaciones/.
/// </summary>
public static class TimelineFixture
{
    public static string Content { get; } = Repository.PathTo("tests", "Pei.Site.Tests", "Fixtures", "plan-en-el-tiempo");

    /// <summary>The fixture's plan, with its publication records, as the loader reads it.</summary>
    public static Plan Load()
    {
        var diagnostics = new DiagnosticBag();
        return Pei.Site.Build.Pipeline.Compute(Content, diagnostics, new() { Display = Content })?.Plan
            ?? throw new InvalidOperationException("the fixture does not load:\n" + string.Join("\n", diagnostics.Sorted()));
    }

    /// <summary>Builds the fixture's site into <paramref name="outDirectory"/> with the build command (records checked).</summary>
    public static void Build(string outDirectory)
    {
        var build = Cli.Run("build", "--content", Content, "--out", outDirectory, "--theme", Repository.Theme, "--base-url", "https://example.gov.co/");
        if (build.ExitCode != 0)
        {
            throw new InvalidOperationException("the fixture did not build:\n" + build.Stderr);
        }
    }
}
