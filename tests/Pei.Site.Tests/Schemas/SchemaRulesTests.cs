using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pei.Site.Diagnostics;
using Pei.Site.Load;
using Pei.Site.Tests.Load;
using YamlDotNet.RepresentationModel;

namespace Pei.Site.Tests.Schemas;

/// <summary>
/// The schemas are valid draft-07 that the editor understands, speak Spanish, and state exactly the loader's keys, choices
/// and required keys: the loader stays the one definition of the rules, and these tests keep the schemas in step with it.
/// </summary>
public sealed partial class SchemaRulesTests
{
    /// <summary>Every keyword of draft-07 (the version the VS Code YAML extension supports best); nothing newer.</summary>
    private static readonly HashSet<string> Draft7Keywords =
    [
        "$schema", "$id", "$ref", "$comment", "title", "description", "default", "readOnly", "writeOnly", "examples",
        "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern",
        "additionalItems", "items", "maxItems", "minItems", "uniqueItems", "contains", "maxProperties", "minProperties",
        "required", "additionalProperties", "definitions", "properties", "patternProperties", "dependencies", "propertyNames",
        "const", "enum", "type", "format", "contentMediaType", "contentEncoding", "if", "then", "else", "allOf", "anyOf",
        "oneOf", "not",
    ];

    public static TheoryData<string> Schemas => new(ContentSchemas.All);

    /// <summary>Each object of each schema, by a path in a file it checks, with the loader's keys for that object.</summary>
    public static TheoryData<string, string, string[]> ObjectKeys => new()
    {
        { ContentSchemas.Plan, "", PlanFileReader.Keys },
        { ContentSchemas.Plan, "periodo", PlanFileReader.PeriodKeys },
        { ContentSchemas.Plan, "licencia", PlanFileReader.LicenceKeys },
        { ContentSchemas.Plan, "cortes/0", PlanFileReader.CutOffKeys },
        { ContentSchemas.Objective, "", ObjectiveFileReader.Keys },
        { ContentSchemas.Indicator, "", IndicatorFileReader.Keys },
        { ContentSchemas.Indicator, "meta", IndicatorFileReader.TargetKeys },
        { ContentSchemas.Indicator, "vigencias/2025", IndicatorFileReader.FiscalYearKeys },
        { ContentSchemas.Indicator, "vigencias/2025/cortes/2025-06-30", IndicatorFileReader.MeasurementKeys },
        { ContentSchemas.Publication, "", PublicationFileReader.Keys },
        { ContentSchemas.Publication, "cifras", PublicationFileReader.FiguresKeys },
        { ContentSchemas.Publication, "cifras/objetivos/1", PublicationFileReader.ObjectiveKeys },
        { ContentSchemas.Publication, "cifras/objetivos/1/indicadores/101", PublicationFileReader.IndicatorKeys },
        { ContentSchemas.Publication, "correcciones/0", PublicationFileReader.CorrectionKeys },
        { ContentSchemas.Publication, "correcciones/0/cifras", PublicationFileReader.FiguresKeys },
        { ContentSchemas.Publication, "correcciones/0/cifras/objetivos/1", PublicationFileReader.ObjectiveKeys },
        { ContentSchemas.Publication, "correcciones/0/cifras/objetivos/1/indicadores/101", PublicationFileReader.IndicatorKeys },
    };

    /// <summary>The same objects, each with a file of the corpus's base plan that holds it.</summary>
    public static TheoryData<string, string, string> ObjectsInTheBasePlan => new()
    {
        { ContentSchemas.Plan, "plan.yaml", "" },
        { ContentSchemas.Plan, "plan.yaml", "periodo" },
        { ContentSchemas.Plan, "plan.yaml", "cortes/0" },
        { ContentSchemas.Objective, "objetivos/01-servicio-ciudadano/objetivo.yaml", "" },
        { ContentSchemas.Indicator, "objetivos/02-gestion-interna/indicadores/201.yaml", "" },
        { ContentSchemas.Indicator, "objetivos/01-servicio-ciudadano/indicadores/101.yaml", "meta" },
        { ContentSchemas.Indicator, "objetivos/01-servicio-ciudadano/indicadores/101.yaml", "vigencias/2025" },
        { ContentSchemas.Indicator, "objetivos/01-servicio-ciudadano/indicadores/102.yaml", "vigencias/2025/cortes/2025-06-30" },
        { ContentSchemas.Publication, "publicaciones/2025-06-30.yaml", "" },
        { ContentSchemas.Publication, "publicaciones/2025-06-30.yaml", "cifras" },
        { ContentSchemas.Publication, "publicaciones/2025-06-30.yaml", "cifras/objetivos/1" },
        { ContentSchemas.Publication, "publicaciones/2025-06-30.yaml", "cifras/objetivos/1/indicadores/101" },
    };

    public static TheoryData<string, string[]> Choices => new()
    {
        { "tipo", IndicatorFileReader.Types.Keys.ToArray() },
        { "unidad", IndicatorFileReader.Units.Keys.ToArray() },
        { "anualizacion", IndicatorFileReader.Accumulations.Keys.ToArray() },
    };

    [GeneratedRegex(@"\b(de|del|la|las|el|los|en|que|un|una|y|o)\b")]
    private static partial Regex SpanishWord();

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Schema_is_valid_draft_07(string schema)
    {
        var errors = ContentSchemas.CheckAgainstDraft7(schema);

        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Equal("http://json-schema.org/draft-07/schema#", (string?)ContentSchemas.Document(schema)["$schema"]);
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Schema_uses_only_draft_07_keywords(string schema)
    {
        var unknown = Subschemas(ContentSchemas.Document(schema), "#")
            .SelectMany(s => s.Schema.Where(keyword => !Draft7Keywords.Contains(keyword.Key)).Select(keyword => $"{s.Pointer}/{keyword.Key}"))
            .ToList();

        Assert.Empty(unknown);
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Every_key_has_a_Spanish_title_description_and_example(string schema)
    {
        foreach (var (pointer, node, isKey, _) in Subschemas(ContentSchemas.Document(schema), "#").Where(s => s.Describes))
        {
            var description = (string?)node["description"];
            Assert.False(string.IsNullOrWhiteSpace(description), $"{schema} {pointer} has no description");
            Assert.Matches(SpanishWord(), description);
            if (isKey)
            {
                Assert.False(string.IsNullOrWhiteSpace((string?)node["title"]), $"{schema} {pointer} has no title");
                Assert.True(node["examples"] is JsonArray { Count: > 0 }, $"{schema} {pointer} has no examples");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Every_object_refuses_keys_it_does_not_list(string schema)
    {
        var objects = Subschemas(ContentSchemas.Document(schema), "#")
            .Where(s => s.Describes && s.Schema["type"]?.ToJsonString().Contains("\"object\"", StringComparison.Ordinal) == true)
            .ToList();

        Assert.NotEmpty(objects);
        Assert.All(objects, o => Assert.True(o.Schema["additionalProperties"]?.GetValue<bool>() == false, $"{schema} {o.Pointer}"));
    }

    [Theory]
    [MemberData(nameof(ObjectKeys))]
    public void Object_lists_exactly_the_loader_s_keys(string schema, string path, string[] loaderKeys)
    {
        var keys = SchemaAt(ContentSchemas.Document(schema), path)["properties"]!.AsObject().Select(p => p.Key);

        Assert.Equal(loaderKeys, keys);
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Every_object_with_keys_is_compared_with_the_loader(string schema)
    {
        var withKeys = Subschemas(ContentSchemas.Document(schema), "#").Count(s => s.Describes && s.Schema["properties"] is not null);

        Assert.Equal(ObjectKeys.Count(row => (string)row[0] == schema), withKeys);
    }

    [Theory]
    [MemberData(nameof(Choices))]
    public void Indicator_choices_are_the_loader_s(string key, string[] loaderChoices)
    {
        var choices = SchemaAt(ContentSchemas.Document(ContentSchemas.Indicator), key)["enum"]!.AsArray()
            .Where(value => value is not null)
            .Select(value => (string)value!);

        Assert.Equal(loaderChoices, choices);
    }

    /// <summary>
    /// A key is required by the schema exactly when the loader reports PEI007 (falta la clave obligatoria) without it:
    /// each key of the object is taken out of a clean file of the base plan in turn. A key the base file does not hold is
    /// optional for the loader, since the base plan loads cleanly.
    /// </summary>
    [Theory]
    [MemberData(nameof(ObjectsInTheBasePlan))]
    public void Required_keys_are_the_ones_the_loader_requires(string schema, string file, string path)
    {
        var node = SchemaAt(ContentSchemas.Document(schema), path);
        var required = node["required"]?.AsArray().Select(k => (string)k!).ToHashSet() ?? [];

        var loaderRequires = node["properties"]!.AsObject().Select(p => p.Key)
            .Where(key => MissingKeyReported(file, path, key))
            .ToHashSet();

        Assert.Equal(required.Order(), loaderRequires.Order());
    }

    [Fact]
    public void Indicator_schema_requires_a_baseline_exactly_for_the_accumulations_the_loader_does()
    {
        var indicator = ContentSchemas.Document(ContentSchemas.Indicator);
        var accumulations = indicator["if"]!["properties"]!["anualizacion"]!["enum"]!.AsArray().Select(v => (string)v!);

        Assert.Equal(["creciente", "decreciente"], accumulations);
        Assert.Equal(["linea_base"], indicator["then"]!["required"]!.AsArray().Select(v => (string)v!));
        foreach (var accumulation in IndicatorFileReader.Accumulations.Keys)
        {
            var loaderWantsBaseline = Loads(
                "objetivos/02-gestion-interna/indicadores/201.yaml",
                yaml => yaml.Replace("anualizacion: creciente", $"anualizacion: {accumulation}").Replace("linea_base: 60\n", ""))
                .Any(d => d.Code == "PEI023");
            Assert.Equal(accumulations.Contains(accumulation), loaderWantsBaseline);
        }
    }

    private static bool MissingKeyReported(string file, string path, string key)
    {
        var removed = false;
        var diagnostics = Loads(file, yaml =>
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            var map = (YamlMappingNode)path.Split('/', StringSplitOptions.RemoveEmptyEntries).Aggregate(
                stream.Documents[0].RootNode,
                (node, segment) => node is YamlSequenceNode list
                    ? list.Children[int.Parse(segment, System.Globalization.CultureInfo.InvariantCulture)]
                    : ((YamlMappingNode)node).Children[new YamlScalarNode(segment)]);
            removed = map.Children.Remove(new YamlScalarNode(key));
            var edited = new StringWriter();
            stream.Save(edited, assignAnchors: false);
            return edited.ToString();
        });
        return removed && diagnostics.Any(d => d.Code == "PEI007" && d.Message.Contains($"'{key}'", StringComparison.Ordinal));
    }

    /// <summary>The diagnostics of the corpus's base plan with one file edited.</summary>
    private static IReadOnlyList<Diagnostic> Loads(string file, Func<string, string> edit)
    {
        using var content = ContentCase.Open(ContentCase.BaseName);
        var path = Path.Combine(content.ContentDirectory, file);
        File.WriteAllText(path, edit(File.ReadAllText(path)));
        var diagnostics = new DiagnosticBag();
        Pei.Site.Build.Pipeline.Compute(content.ContentDirectory, diagnostics, new() { Display = ContentCase.DisplayRoot });
        return diagnostics.Items;
    }

    /// <summary>The subschema that checks the value at <paramref name="path"/> (keys and list positions separated by '/').</summary>
    private static JsonObject SchemaAt(JsonObject schema, string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Aggregate(schema, (node, segment) =>
            (node["properties"]?[segment]
             ?? node["patternProperties"]?.AsObject().FirstOrDefault(p => Regex.IsMatch(segment, p.Key)).Value
             ?? (int.TryParse(segment, out _) ? node["items"] : null)
             ?? throw new ArgumentException($"no subschema for '{segment}' in '{path}'")).AsObject());

    /// <summary>
    /// Every subschema with its JSON Pointer. <c>Describes</c> is true for the ones that describe a value a planner writes
    /// (the root, each key, list items, key names), false inside <c>if</c>/<c>then</c>; <c>IsKey</c> for keys and list items.
    /// </summary>
    private static IEnumerable<(string Pointer, JsonObject Schema, bool IsKey, bool Describes)> Subschemas(JsonObject schema, string pointer, bool isKey = false, bool describes = true)
    {
        yield return (pointer, schema, isKey, describes);
        foreach (var (keyword, value) in schema)
        {
            IEnumerable<(string Pointer, JsonNode? Node, bool IsKey)> children = keyword switch
            {
                "properties" or "patternProperties" or "definitions" =>
                    value!.AsObject().Select(p => (Pointer: $"{pointer}/{keyword}/{p.Key}", Node: p.Value, IsKey: keyword != "definitions")),
                "items" or "propertyNames" or "additionalProperties" or "contains" or "not" or "if" or "then" or "else" =>
                    [(Pointer: $"{pointer}/{keyword}", Node: value, IsKey: keyword == "items")],
                "allOf" or "anyOf" or "oneOf" =>
                    value!.AsArray().Select((s, i) => (Pointer: $"{pointer}/{keyword}/{i}", Node: s, IsKey: false)),
                _ => [],
            };
            foreach (var child in children.Where(c => c.Node is JsonObject))
            {
                var childDescribes = describes && keyword is not ("if" or "then" or "else" or "not");
                foreach (var nested in Subschemas(child.Node!.AsObject(), child.Pointer, child.IsKey, childDescribes))
                {
                    yield return nested;
                }
            }
        }
    }
}
