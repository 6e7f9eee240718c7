using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetArchTest.Rules;

namespace Pei.Site.Tests.Architecture;

/// <summary>
/// The stages depend on each other one way only (README, "Code layout"): each namespace of the generator may use the
/// stages listed for it and nothing above. A stage that reaches back (the method reading a loader's constant, the renderer
/// using the loader, the preview calling the command line) fails here with the types that do it.
/// </summary>
public sealed class StageDependencyTests
{
    private const string Root = "Pei.Site.";

    /// <summary>Each stage and the stages it may use, lowest first.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>
    {
        ["Diagnostics"] = [],
        ["FileSystem"] = [],
        ["Model"] = ["Diagnostics"],
        ["Text"] = ["Model", "Diagnostics"],
        ["Load"] = ["Model", "Text", "Diagnostics", "FileSystem"],
        ["Method"] = ["Model", "Text", "Diagnostics"],
        ["Render"] = ["Method", "Model", "Text", "Diagnostics", "FileSystem"],
        ["Write"] = ["Render", "Model", "Text", "Diagnostics", "FileSystem"],
        ["Edit"] = ["Load", "Method", "Model", "Text", "Diagnostics", "FileSystem"],
        ["Spreadsheet"] = ["Edit", "Model", "Text", "Diagnostics", "FileSystem"],
        ["Build"] = ["Load", "Method", "Render", "Write", "Model", "Text", "Diagnostics", "FileSystem"],
        ["Serve"] = ["Build", "Load", "Method", "Render", "Model", "Text", "Diagnostics", "FileSystem"],
        ["Cli"] = ["Build", "Serve", "Spreadsheet", "Edit", "Write", "Load", "Method", "Render", "Model", "Text", "Diagnostics", "FileSystem"],
    };

    [Fact]
    public void Every_namespace_of_the_generator_belongs_to_a_stage()
    {
        var namespaces = typeof(Site.Build.Pipeline).Assembly.GetTypes()
            .Select(t => t.Namespace)
            .OfType<string>()
            .Where(n => n.StartsWith(Root, StringComparison.Ordinal))
            .Select(n => n[Root.Length..].Split('.')[0])
            .ToHashSet();

        Assert.Empty(namespaces.Except(Allowed.Keys));
    }

    [Fact]
    public void No_stage_depends_on_a_stage_above_it()
    {
        Assert.Empty(BackwardReferences(Types.InAssembly(typeof(Site.Build.Pipeline).Assembly)));
    }

    [Fact]
    public void A_backward_reference_added_to_the_method_or_the_renderer_is_caught()
    {
        // An assembly shaped like the generator, with the method reading a loader's constant (the back edge this rule
        // was written after) and the renderer calling the command line.
        const string code = """
            namespace Pei.Site.Load { public static class ContentLoader { public const string Folder = "publicaciones"; public static string Name() => Folder; } }
            namespace Pei.Site.Method { public static class PublicationCheck { public static string Record() => Pei.Site.Load.ContentLoader.Name(); } }
            namespace Pei.Site.Cli { public static class CommandLine { public static int Run() => 0; } }
            namespace Pei.Site.Render { public static class Pages { public static int Build() => Pei.Site.Cli.CommandLine.Run(); } }
            namespace Pei.Site.Model { public sealed class Plan { } }
            """;
        using var temp = new TempFolder();
        var path = temp["PeiBackEdge.dll"];
        var compilation = CSharpCompilation.Create("PeiBackEdge", [CSharpSyntaxTree.ParseText(code)],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var emitted = compilation.Emit(path);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));

        var failures = BackwardReferences(Types.FromFile(path));

        Assert.Equal(["Pei.Site.Method.PublicationCheck → Load", "Pei.Site.Render.Pages → Cli"], failures);
    }

    /// <summary>"type → stage" for every type that uses a stage its own stage may not use.</summary>
    private static List<string> BackwardReferences(Types types)
    {
        var failures = new List<string>();
        foreach (var (stage, allowed) in Allowed)
        {
            foreach (var other in Allowed.Keys.Where(o => o != stage && !allowed.Contains(o)))
            {
                var result = types.That().ResideInNamespace(Root + stage)
                    .ShouldNot().HaveDependencyOn(Root + other)
                    .GetResult();
                failures.AddRange((result.FailingTypeNames ?? []).Select(t => $"{t} → {other}"));
            }
        }
        return failures.Order(StringComparer.Ordinal).ToList();
    }
}
