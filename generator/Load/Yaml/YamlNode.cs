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
}

public sealed record YamlEntry(YamlScalar Key, YamlNode Value);

public sealed record YamlSequence(SourceSpan Where, IReadOnlyList<YamlNode> Items) : YamlNode(Where)
{
    public override string KindInSpanish => "una lista";
}
