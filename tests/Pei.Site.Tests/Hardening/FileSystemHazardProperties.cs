using System.Text.RegularExpressions;
using CsCheck;

namespace Pei.Site.Tests.Hardening;

/// <summary>What can be planted at a place in the content.</summary>
internal enum HazardKind
{
    LinkToSecretFile,
    LinkToSecretFolder,
    LinkToDevZero,
    LinkToParentOfContent,
    NamedPipe,
    BrokenLink,
    LinkToItself,
    LinkToAnotherContentFile,
    LinkToContentFolder,
}

/// <summary>One hazard planted at one place (an existing file or folder, or a new name beside them).</summary>
internal sealed record Hazard(HazardKind Kind, string Place)
{
    /// <summary>Plants the hazard, unless an earlier one already replaced a folder above its place (planting would then write through it).</summary>
    public void PlantIn(string content, string outside)
    {
        var path = Path.Combine(content, Place);
        var parent = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(parent) || Pei.Site.FileSystem.RealPath.Resolve(parent) != parent)
        {
            return;
        }
        switch (Kind)
        {
            case HazardKind.LinkToSecretFile:
                Hazards.Link(path, Path.Combine(outside, "secreto.yaml"));
                break;
            case HazardKind.LinkToSecretFolder:
                Hazards.Link(path, Path.Combine(outside, "11-fuera"));
                break;
            case HazardKind.LinkToDevZero:
                Hazards.Link(path, "/dev/zero");
                break;
            case HazardKind.LinkToParentOfContent:
                Hazards.Link(path, Path.GetDirectoryName(content)!);
                break;
            case HazardKind.NamedPipe:
                Hazards.Fifo(path);
                break;
            case HazardKind.BrokenLink:
                Hazards.Link(path, "no-existe");
                break;
            case HazardKind.LinkToItself:
                Hazards.Link(path, Path.GetFileName(path));
                break;
            case HazardKind.LinkToAnotherContentFile:
                Hazards.Link(path, Path.Combine(content, "objetivos", "03-comunicacion-publica", "indicadores", "4199.yaml"));
                break;
            case HazardKind.LinkToContentFolder:
                Hazards.Link(path, content);
                break;
        }
    }

    public override string ToString() => $"{Kind} at {Place}";
}

/// <summary>
/// Property: a copy of the real content with random links and special files planted in it builds within a time bound to
/// either a site or exit 1 with path:line:col diagnostics only; a secret outside the content never reaches the output or
/// the messages, and nothing outside the output folder changes.
/// </summary>
public sealed class FileSystemHazardProperties
{
    private static readonly Regex DiagnosticLine = new(@"^\S.*:\d+:\d+: (error|warning) PEI\d{3}: .+$");

    private static readonly string[] Places =
    [
        "plan.yaml",
        "objetivos",
        "objetivos/01-paz-y-reconciliacion",
        "objetivos/02-transformacion-digital/objetivo.yaml",
        "objetivos/03-comunicacion-publica/indicadores",
        "objetivos/03-comunicacion-publica/indicadores/4199.yaml",
        "objetivos/03-comunicacion-publica/indicadores/extra.yaml",
        "objetivos/11-extra",
        "objetivos/05-servicio-a-la-ciudadania/indicadores/extra.yaml",
    ];

    private static readonly Gen<Hazard> OneHazard = Gen.Select(
        Gen.Int[0, Enum.GetValues<HazardKind>().Length - 1], Gen.Int[0, Places.Length - 1],
        (kind, place) => new Hazard((HazardKind)kind, Places[place]));

    [Fact]
    public void Planted_links_and_special_files_end_in_a_safe_build_or_positioned_errors_and_touch_nothing_outside()
    {
        OneHazard.Array[1, 3].Sample(hazards =>
        {
            using var temp = new TempFolder();
            var content = temp.Copy(Repository.PublishedJune2025, "content");
            var outside = Directory.CreateDirectory(temp["fuera"]).FullName;
            File.WriteAllText(Path.Combine(outside, "secreto.yaml"), Hazards.SecretIndicator);
            Directory.CreateDirectory(Path.Combine(outside, "11-fuera"));
            File.WriteAllText(Path.Combine(outside, "11-fuera", "objetivo.yaml"), $"numero: 11\ntitulo: {Hazards.Secret}\ndescripcion: x\n");
            foreach (var hazard in hazards)
            {
                hazard.PlantIn(content, outside);
            }
            var before = Hazards.Snapshot(temp.Path);
            var output = temp["_site"];

            var outcome = Bounded.Run(() => Cli.Run("build", "--content", content, "--out", output, "--theme", Repository.Theme), "build");

            Assert.Contains(outcome.ExitCode, new[] { 0, 1 });
            if (outcome.ExitCode == 1)
            {
                var lines = outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                Assert.EndsWith("; no se escribió nada.", lines[^1]);
                Assert.All(lines[..^1], line => Assert.Matches(DiagnosticLine, line));
                Assert.Contains(lines, line => line.Contains(": error PEI", StringComparison.Ordinal));
                Assert.False(Directory.Exists(output));
            }
            Assert.All(Hazards.Everything(outcome, output), text => Assert.DoesNotContain(Hazards.Secret, text, StringComparison.Ordinal));
            var after = Hazards.Snapshot(temp.Path).Where(entry => entry.Key != "_site" && !entry.Key.StartsWith("_site/", StringComparison.Ordinal));
            Assert.Equal(before.OrderBy(e => e.Key, StringComparer.Ordinal), after.OrderBy(e => e.Key, StringComparer.Ordinal));
        }, iter: 40, threads: 2, print: hazards => string.Join("; ", hazards.Select(h => h.ToString())));
    }
}
