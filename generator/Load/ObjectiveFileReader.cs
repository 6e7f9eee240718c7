using Pei.Site.Diagnostics;
using Pei.Site.Load.Yaml;

namespace Pei.Site.Load;

/// <summary>Reads an objective's objetivo.yaml.</summary>
internal static class ObjectiveFileReader
{
    public static readonly string[] Keys = ["numero", "titulo", "descripcion"];

    public sealed record Header(int Number, string Title, string Description, SourceSpan Where);

    /// <summary>Reads the file and checks that <c>numero</c> matches the folder's number.</summary>
    public static Header? Read(YamlNode root, string folder, int folderNumber, DiagnosticBag diagnostics)
    {
        if (MapReader.Open(root, "objetivo.yaml", " en objetivo.yaml", Keys, diagnostics) is not { } objective)
        {
            return null;
        }
        var number = objective.Integer("numero", 1, 99, required: true);
        var title = objective.Text("titulo", required: true);
        var description = objective.Text("descripcion", required: true);
        if (number is { } n && n != folderNumber)
        {
            diagnostics.Error(Codes.ObjectiveNumberMismatch, objective.Node("numero")!.Where, n, folder, folderNumber);
            return null;
        }
        return number is null || title is null || description is null
            ? null
            : new Header(number.Value, title, description, objective.Node("numero")!.Where);
    }
}
