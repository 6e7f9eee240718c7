using Pei.Site.Diagnostics;

namespace Pei.Site.Load.Yaml;

/// <summary>A YAML node with the position planners see in their editor. Built by <see cref="YamlTreeReader"/>.</summary>
public abstract record YamlNode(SourceSpan Where)
{
    /// <summary>How the node is named in messages ("un texto", "una lista"…).</summary>
    public abstract string KindInSpanish { get; }
}

public sealed record YamlScalar(SourceSpan Where, string Text, bool IsPlain) : YamlNode(Where)
{
    /// <summary>A plain empty value or a plain <c>~</c>/<c>null</c>: YAML's null.</summary>
    public bool IsNull => IsPlain && (Text.Length == 0 || Text is "~" or "null" or "Null" or "NULL");

    public override string KindInSpanish => IsNull ? "un valor vacío" : $"el valor '{Text}'";
}

public sealed record YamlMapping(SourceSpan Where, IReadOnlyList<YamlEntry> Entries) : YamlNode(Where)
{
    public override string KindInSpanish => "un mapa de claves";

    /// <summary>The value of the first entry with <paramref name="key"/>; null when there is none.</summary>
    public YamlNode? Value(string key)
    {
        // A loop, not FirstOrDefault with a lambda: this runs for every key of every file, and each lambda was an allocation.
        for (var i = 0; i < Entries.Count; i++)
        {
            if (Entries[i].Key.Text == key)
            {
                return Entries[i].Value;
            }
        }
        return null;
    }
}

public sealed record YamlEntry(YamlScalar Key, YamlNode Value);

public sealed record YamlSequence(SourceSpan Where, IReadOnlyList<YamlNode> Items) : YamlNode(Where)
{
    public override string KindInSpanish => "una lista";
}
