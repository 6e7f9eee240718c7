using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pei.Site.Tests.Schemas;

/// <summary>
/// A YAML file as the editor's schema check sees it: mappings become objects (keys as text), sequences arrays, and plain
/// scalars take the YAML 1.2 core schema (null, true/false, integers and decimals); quoted scalars and dates stay text.
/// </summary>
internal static partial class YamlAsJson
{
    [GeneratedRegex(@"^(~|null|Null|NULL|)$")]
    private static partial Regex Null();

    [GeneratedRegex(@"^(true|True|TRUE|false|False|FALSE)$")]
    private static partial Regex Boolean();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Number();

    public static JsonElement ReadFile(string path) => Convert(File.ReadAllText(path));

    public static JsonElement Convert(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var node = stream.Documents.Count switch
        {
            0 => null,
            1 => Node(stream.Documents[0].RootNode),
            _ => throw new InvalidOperationException("more than one YAML document"),
        };
        return JsonSerializer.SerializeToElement(node);
    }

    private static JsonNode? Node(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(entry =>
            KeyValuePair.Create(((YamlScalarNode)entry.Key).Value ?? "", Node(entry.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(Node).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidOperationException($"unexpected YAML node {node.NodeType}"),
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any) || !scalar.Tag.IsEmpty)
        {
            return JsonValue.Create(text);
        }
        if (Null().IsMatch(text))
        {
            return null;
        }
        if (Boolean().IsMatch(text))
        {
            return JsonValue.Create(text.StartsWith('t') || text.StartsWith('T'));
        }
        if (Number().IsMatch(text))
        {
            return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact)
                ? JsonValue.Create(exact)
                : JsonValue.Create(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
        }
        return JsonValue.Create(text);
    }
}
