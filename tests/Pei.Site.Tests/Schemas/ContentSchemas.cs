using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Pei.Site.Load;
using Pei.Site.Model;

namespace Pei.Site.Tests.Schemas;

/// <summary>The JSON Schemas in content/schemas, which content file each one checks, and what they say about a file.</summary>
internal static class ContentSchemas
{
    public const string Plan = "plan.schema.json";
    public const string Objective = "objetivo.schema.json";
    public const string Indicator = "indicador.schema.json";
    public const string Publication = "publicacion.schema.json";
    public const string Folder = "schemas";

    public static readonly string[] All = [Plan, Objective, Indicator, Publication];

    private static readonly Dictionary<string, JsonSchema> Built = All.ToDictionary(name => name, name => JsonSchema.FromFile(PathOf(name)));

    public static string PathOf(string schema) => Repository.PathTo("content", Folder, schema);

    /// <summary>The schema as plain JSON, to read its keywords.</summary>
    public static JsonObject Document(string schema) => JsonNode.Parse(File.ReadAllText(PathOf(schema)))!.AsObject();

    /// <summary>The schema of a content file, from its path relative to the content folder.</summary>
    public static string For(string relativePath)
    {
        var parts = relativePath.Replace('\\', '/').Split('/');
        return parts switch
        {
            [ContentLayout.PlanFile] => Plan,
            [ContentLayout.ObjectivesFolder, _, ContentLayout.ObjectiveFile] => Objective,
            [ContentLayout.ObjectivesFolder, _, ContentLayout.IndicatorsFolder, _] => Indicator,
            [ContentLayout.PublicationsFolder, _] => Publication,
            _ => throw new ArgumentException($"no schema checks '{relativePath}'"),
        };
    }

    /// <summary>The YAML files of a content folder that a schema checks, relative to the folder, in ordinal order.</summary>
    public static IEnumerable<string> FilesIn(string contentDirectory) =>
        Directory.GetFiles(contentDirectory, "*.yaml", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(contentDirectory, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    /// <summary>The failed keywords of a content file against its schema; empty when the file is valid.</summary>
    public static IReadOnlyList<SchemaError> Check(string contentDirectory, string relativePath)
    {
        var instance = YamlAsJson.ReadFile(Path.Combine(contentDirectory, relativePath));
        return Check(For(relativePath), instance);
    }

    public static IReadOnlyList<SchemaError> Check(string schema, JsonElement instance) =>
        Errors(Built[schema].Evaluate(instance, Options));

    /// <summary>Validates a schema against the draft-07 meta-schema.</summary>
    public static IReadOnlyList<SchemaError> CheckAgainstDraft7(string schema)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(PathOf(schema)));
        return Errors(MetaSchemas.Draft7.Evaluate(document.RootElement, Options));
    }

    // "format": "date" is asserted (JSON Schema leaves that to the validator), so 2025-02-30 is refused.
    private static EvaluationOptions Options => new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    /// <summary>
    /// The failed keywords of a failed evaluation. An <c>if</c> that does not hold is not an error (it only decides whether
    /// <c>then</c> applies), and a subschema <c>false</c> is named by the keyword that holds it (<c>additionalProperties</c>).
    /// </summary>
    private static List<SchemaError> Errors(EvaluationResults results) =>
        results.IsValid
            ? []
            : (results.Details ?? [])
                .Prepend(results)
                .Where(r => !r.EvaluationPath.ToString().Split('/').Contains("if"))
                .SelectMany(r => (r.Errors ?? new Dictionary<string, string>()).Select(e =>
                    new SchemaError(r.InstanceLocation.ToString(), e.Key.Length > 0 ? e.Key : r.EvaluationPath.ToString().Split('/')[^1], e.Value)))
                .ToList();
}

/// <summary>One failed keyword: where in the file (a JSON Pointer), which keyword, and the validator's message.</summary>
internal sealed record SchemaError(string Location, string Keyword, string Message)
{
    /// <summary>Where and which keyword, e.g. <c>/vigencias/2025/ponderacion maximum</c> (<c>/</c> is the whole file).</summary>
    public string Short => $"{(Location.Length == 0 ? "/" : Location)} {Keyword}";

    public override string ToString() => $"{Short}: {Message}";
}
