using Pei.Site.Diagnostics;
using Pei.Site.Load.Yaml;
using Pei.Site.Text;

namespace Pei.Site.Load;

/// <summary>
/// Reads the keys of one YAML mapping: refuses unknown keys (suggesting the closest valid one),
/// reports missing required keys at the mapping, and converts values with <see cref="Scalars"/>.
/// </summary>
internal sealed class MapReader
{
    private readonly YamlMapping map;
    private readonly string context;
    private readonly DiagnosticBag diagnostics;

    private MapReader(YamlMapping map, string context, DiagnosticBag diagnostics)
    {
        this.map = map;
        this.context = context;
        this.diagnostics = diagnostics;
    }

    public SourceSpan Where => map.Where;

    /// <summary>A reader for <paramref name="node"/>, or null (with a diagnostic) when it is not a mapping.</summary>
    public static MapReader? Open(YamlNode node, string name, string context, IReadOnlyList<string> keys, DiagnosticBag diagnostics)
    {
        if (node is not YamlMapping map)
        {
            diagnostics.Error(Codes.WrongType, node.Where, name, "un mapa de claves (" + string.Join(", ", keys) + ")", node.KindInSpanish);
            return null;
        }
        foreach (var entry in map.Entries)
        {
            if (!Known(keys, entry.Key.Text))
            {
                var suggestion = Suggestions.Closest(entry.Key.Text, keys);
                diagnostics.Error(Codes.UnknownKey, entry.Key.Where, entry.Key.Text,
                    suggestion is null ? "" : $"; ¿quiso decir '{suggestion}'?", string.Join(", ", keys));
            }
        }
        return new MapReader(map, context, diagnostics);
    }

    private static bool Known(IReadOnlyList<string> keys, string key)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            if (keys[i] == key)
            {
                return true;
            }
        }
        return false;
    }

    public YamlNode? Node(string key) => map.Value(key);

    /// <summary>Where a key is written (the key itself, not its value); null when the mapping does not have it.</summary>
    public SourceSpan? KeyWhere(string key)
    {
        foreach (var entry in map.Entries)
        {
            if (entry.Key.Text == key)
            {
                return entry.Key.Where;
            }
        }
        return null;
    }

    /// <summary>The value of a required key; reports PEI007 at the mapping when it is missing.</summary>
    public YamlNode? Required(string key)
    {
        var node = Node(key);
        if (node is null)
        {
            diagnostics.Error(Codes.MissingKey, map.Where, key, context);
        }
        return node;
    }

    public string? Text(string key, bool required = false) =>
        Get(key, required) is { } node ? Scalars.Text(node, key, diagnostics) : null;

    /// <summary>A text the site renders as Markdown: also within <see cref="MarkdownLimits"/>, reported at the key's value.</summary>
    public string? Markdown(string key, bool required = false) =>
        Text(key, required) is { } text && MarkdownLimits.Check(text, key, Node(key)!.Where, diagnostics) ? text : null;

    public decimal? Magnitude(string key, bool required = false, decimal? max = null) =>
        Get(key, required) is { } node ? Scalars.Magnitude(node, key, diagnostics, max) : null;

    public int? Integer(string key, int min, int max, bool required = false) =>
        Get(key, required) is { } node ? Scalars.Integer(node, key, diagnostics, min, max) : null;

    public DateOnly? Date(string key, bool required = false) =>
        Get(key, required) is { } node ? Scalars.Date(node, key, diagnostics) : null;

    /// <summary>An absolute http(s) address, normalised to end with '/' only when it has no path beyond the host.</summary>
    public Uri? Url(string key, bool required = false) =>
        Get(key, required) is { } node ? Scalars.Url(node, key, diagnostics) : null;

    public bool? Boolean(string key) =>
        Get(key, required: false) is { } node ? Scalars.Boolean(node, key, diagnostics) : null;

    public T? Choice<T>(string key, IReadOnlyDictionary<string, T> choices, bool required = false)
        where T : struct =>
        Get(key, required) is { } node ? Scalars.Choice(node, key, choices, diagnostics) : null;

    /// <summary>An optional key given with an empty value counts as absent for optional keys.</summary>
    private YamlNode? Get(string key, bool required)
    {
        var node = required ? Required(key) : Node(key);
        if (!required && node is YamlScalar { IsNull: true })
        {
            return null;
        }
        return node;
    }
}
