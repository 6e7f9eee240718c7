using System.Text.RegularExpressions;

namespace Pei.Site.Model;

/// <summary>
/// The layout of the content folder: its file and folder names, the patterns their names follow and where each file of
/// the plan lives. The one home that Load (reading it), Edit and the commands (writing it) and Method (naming a missing
/// record) share:
/// <code>
/// plan.yaml
/// objetivos/NN-nombre/objetivo.yaml
/// objetivos/NN-nombre/indicadores/&lt;id&gt;.yaml
/// publicaciones/AAAA-MM-DD.yaml
/// </code>
/// </summary>
public static partial class ContentLayout
{
    public const string PlanFile = "plan.yaml";
    public const string ObjectivesFolder = "objetivos";
    public const string ObjectiveFile = "objetivo.yaml";
    public const string IndicatorsFolder = "indicadores";
    public const string PublicationsFolder = "publicaciones";
    public const string YamlExtension = ".yaml";

    /// <summary>An objective's folder: two digits, a hyphen and a slug ("03-gestion-publica").</summary>
    // \A and \z, not ^ and $: .NET's $ also matches before a final newline, and a name may end in one.
    [GeneratedRegex(@"\A(\d{2})-(?<slug>[a-z0-9]+(-[a-z0-9]+)*)\z")]
    public static partial Regex ObjectiveFolderPattern();

    /// <summary>An indicator's id, its file name without .yaml ("4199", "8116-3").</summary>
    [GeneratedRegex(@"\A[a-z0-9-]+\z")]
    public static partial Regex IdPattern();

    /// <summary>Names Windows reserves for devices, with or without an extension: a repository holding one cannot be checked out there.</summary>
    [GeneratedRegex(@"\A(con|prn|aux|nul|com[1-9]|lpt[1-9])\z")]
    public static partial Regex WindowsReservedName();

    /// <summary>The file name of a cut-off's publication record: "2025-06-30.yaml".</summary>
    public static string RecordFile(DateOnly cutOff) => ContentWords.Of(cutOff) + YamlExtension;

    /// <summary>The file name of an indicator: "4199.yaml".</summary>
    public static string IndicatorFile(string id) => id + YamlExtension;

    /// <summary>A cut-off's publication record under <paramref name="content"/> (a path on disk, or a folder's name as diagnostics show it).</summary>
    public static string RecordPath(string content, DateOnly cutOff) =>
        $"{content.TrimEnd('/', '\\').Replace('\\', '/')}/{PublicationsFolder}/{RecordFile(cutOff)}";

    /// <summary>An indicator's file under <paramref name="content"/>.</summary>
    public static string IndicatorPath(string content, string objectiveFolder, string id) =>
        Path.Combine(content, ObjectivesFolder, objectiveFolder, IndicatorsFolder, IndicatorFile(id));

    /// <summary>plan.yaml under <paramref name="content"/>.</summary>
    public static string PlanPath(string content) => Path.Combine(content, PlanFile);
}
