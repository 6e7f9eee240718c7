using System.Globalization;
using System.Text.RegularExpressions;
using Pei.Site.Diagnostics;
using Pei.Site.Load.Yaml;

namespace Pei.Site.Load;

/// <summary>Converts YAML scalars to the model's values (culture-independent), reporting what is wrong in Spanish.</summary>
internal static partial class Scalars
{
    [GeneratedRegex(@"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^\d+\.000$")]
    private static partial Regex ThousandsLookalike();

    [GeneratedRegex(@"^[+-]?\d+,\d+$")]
    private static partial Regex CommaDecimal();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^[+-]?\d+$")]
    private static partial Regex IntegerPattern();

    public static string? Text(YamlNode node, string name, DiagnosticBag diagnostics)
    {
        if (node is not YamlScalar scalar)
        {
            diagnostics.Error(Codes.WrongType, node.Where, name, "un texto", node.KindInSpanish);
            return null;
        }
        var text = scalar.IsNull ? "" : scalar.Text.Trim();
        if (text.Length == 0)
        {
            diagnostics.Error(Codes.EmptyValue, node.Where, name);
            return null;
        }
        return scalar.Text.TrimEnd();
    }

    public static decimal? Number(YamlNode node, string name, DiagnosticBag diagnostics)
    {
        if (node is not YamlScalar scalar)
        {
            diagnostics.Error(Codes.WrongType, node.Where, name, "un número", node.KindInSpanish);
            return null;
        }
        var text = scalar.Text.Trim();
        if (scalar.IsNull)
        {
            diagnostics.Error(Codes.EmptyValue, node.Where, name);
            return null;
        }
        if (!scalar.IsPlain)
        {
            diagnostics.Error(Codes.InvalidNumber, node.Where, name, text, "; escríbalo sin comillas");
            return null;
        }
        if (ThousandsLookalike().IsMatch(text))
        {
            var whole = text[..^4];
            diagnostics.Error(Codes.InvalidNumber, node.Where, name, text, $"; es ambiguo: si es {whole} mil escriba {whole}000, y si es {whole} escriba {whole} (en YAML el punto es el separador decimal y no se usa separador de miles)");
            return null;
        }
        if (!NumberPattern().IsMatch(text))
        {
            var hint = CommaDecimal().IsMatch(text) ? $"; use punto decimal: {text.Replace(',', '.')}"
                : text.EndsWith('%') ? $"; escriba el número sin el signo %: {text.TrimEnd('%').Trim()}"
                : text.Count(c => c == '.') > 1 ? "; no use separador de miles"
                : "";
            diagnostics.Error(Codes.InvalidNumber, node.Where, name, text, hint);
            return null;
        }
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            diagnostics.Error(Codes.OutOfRange, node.Where, name, text, "es demasiado grande para representarlo con exactitud");
            return null;
        }
        return value;
    }

    /// <summary>A number that must not be negative (every magnitude, target and weight of the plan).</summary>
    public static decimal? Magnitude(YamlNode node, string name, DiagnosticBag diagnostics, decimal? max = null)
    {
        if (Number(node, name, diagnostics) is not { } value)
        {
            return null;
        }
        if (value < 0m)
        {
            diagnostics.Error(Codes.OutOfRange, node.Where, name, Invariant(value), "no puede ser negativo");
            return null;
        }
        if (max is { } limit && value > limit)
        {
            diagnostics.Error(Codes.OutOfRange, node.Where, name, Invariant(value), $"no puede ser mayor que {Invariant(limit)}");
            return null;
        }
        return value;
    }

    public static int? Integer(YamlNode node, string name, DiagnosticBag diagnostics, int min, int max)
    {
        if (node is not YamlScalar scalar || !scalar.IsPlain || scalar.IsNull)
        {
            if (node is YamlScalar { IsNull: true })
            {
                diagnostics.Error(Codes.EmptyValue, node.Where, name);
            }
            else
            {
                diagnostics.Error(Codes.WrongType, node.Where, name, "un número entero", node.KindInSpanish);
            }
            return null;
        }
        var text = scalar.Text.Trim();
        if (!IntegerPattern().IsMatch(text))
        {
            diagnostics.Error(Codes.WrongType, node.Where, name, "un número entero", node.KindInSpanish);
            return null;
        }
        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            diagnostics.Error(Codes.OutOfRange, node.Where, name, text, $"debe estar entre {min} y {max}");
            return null;
        }
        return value;
    }

    public static DateOnly? Date(YamlNode node, string name, DiagnosticBag diagnostics)
    {
        if (node is not YamlScalar scalar || scalar.IsNull)
        {
            diagnostics.Error(Codes.WrongType, node.Where, name, "una fecha AAAA-MM-DD", node.KindInSpanish);
            return null;
        }
        var text = scalar.Text.Trim();
        if (!DatePattern().IsMatch(text) ||
            !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            diagnostics.Error(Codes.InvalidDate, node.Where, text);
            return null;
        }
        return date;
    }

    public static Uri? Url(YamlNode node, string name, DiagnosticBag diagnostics)
    {
        if (Text(node, name, diagnostics) is not { } text)
        {
            return null;
        }
        var url = Model.WebAddress.Parse(text);
        if (url is null)
        {
            diagnostics.Error(Codes.InvalidUrl, node.Where, name, text.Trim());
        }
        return url;
    }

    public static bool? Boolean(YamlNode node, string name, DiagnosticBag diagnostics)
    {
        if (node is YamlScalar { IsPlain: true } scalar)
        {
            switch (scalar.Text.Trim())
            {
                case "true" or "True" or "TRUE":
                    return true;
                case "false" or "False" or "FALSE":
                    return false;
            }
        }
        diagnostics.Error(Codes.WrongType, node.Where, name, "true o false", node.KindInSpanish);
        return null;
    }

    public static T? Choice<T>(YamlNode node, string name, IReadOnlyDictionary<string, T> choices, DiagnosticBag diagnostics)
        where T : struct
    {
        if (node is not YamlScalar scalar || scalar.IsNull)
        {
            diagnostics.Error(Codes.WrongType, node.Where, name, "uno de: " + string.Join(", ", choices.Keys), node.KindInSpanish);
            return null;
        }
        var text = scalar.Text.Trim();
        if (choices.TryGetValue(text, out var value))
        {
            return value;
        }
        var suggestion = Suggestions.Closest(text, choices.Keys);
        diagnostics.Error(Codes.InvalidChoice, node.Where, name, text, suggestion is null ? "" : $"; ¿quiso decir '{suggestion}'?", string.Join(", ", choices.Keys));
        return null;
    }

    public static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
