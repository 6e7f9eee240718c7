using System.Globalization;
using System.Text.RegularExpressions;
using Pei.Site.Diagnostics;
using Pei.Site.Load.Yaml;

namespace Pei.Site.Load;

/// <summary>Converts YAML scalars to the model's values (culture-independent), reporting what is wrong in Spanish.</summary>
internal static partial class Scalars
{
    /// <summary>The largest magnitude a figure may have: 10^15, so every product and quotient of the method stays exact.</summary>
    public const decimal MaxMagnitude = 1_000_000_000_000_000m;

    /// <summary>The decimal places a figure may have; with <see cref="MaxMagnitude"/> they bound every figure of the method.</summary>
    public const int MaxDecimals = 6;

    // \A and \z, not ^ and $: .NET's $ also matches before a final newline.
    [GeneratedRegex(@"\A(?<sign>[+-]?)(?<int>\d*)(\.(?<frac>\d*))?([eE](?<exp>[+-]?\d+))?\z")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"\A\d+\.000\z")]
    private static partial Regex ThousandsLookalike();

    [GeneratedRegex(@"\A[+-]?\d+,\d+\z")]
    private static partial Regex CommaDecimal();

    [GeneratedRegex(@"\A[+-]?\d+\z")]
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
        return Figure(text, node.Where, name, diagnostics);
    }

    /// <summary>
    /// A number as written in a content file (a plain scalar's text), under every bound the loader puts on a figure. The
    /// loader reads every number with it, and publicar and corregir check with it each figure they are about to write
    /// into a record, so a record never holds a figure the loader would refuse.
    /// </summary>
    internal static decimal? Figure(string text, SourceSpan where, string name, DiagnosticBag diagnostics)
    {
        if (ThousandsLookalike().IsMatch(text))
        {
            var whole = text[..^4];
            diagnostics.Error(Codes.InvalidNumber, where, name, text, $"; es ambiguo: si es {whole} mil escriba {whole}000, y si es {whole} escriba {whole} (en YAML el punto es el separador decimal y no se usa separador de miles)");
            return null;
        }
        if (IsPlainFigure(text))
        {
            // The common case, decided without the general rule: within every bound by its shape (see Exact).
            return decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        }
        var number = NumberPattern().Match(text);
        if (!number.Success || number.Groups["int"].Length + number.Groups["frac"].Length == 0)
        {
            var hint = CommaDecimal().IsMatch(text) ? $"; use punto decimal: {text.Replace(',', '.')}"
                : text.EndsWith('%') ? $"; escriba el número sin el signo %: {text.TrimEnd('%').Trim()}"
                : text.Count(c => c == '.') > 1 ? "; no use separador de miles"
                : "";
            diagnostics.Error(Codes.InvalidNumber, where, name, text, hint);
            return null;
        }
        if (Exact(number, where, name, text, diagnostics) is not { } exact)
        {
            return null;
        }
        // The text as written keeps its scale (31.920 stays 31.920); the canonical form covers what decimal cannot parse
        // directly, such as more than 28 written digits of which only a few are significant.
        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value == exact ? value : exact;
    }

    /// <summary>
    /// 1 to 15 digits, optionally a point and 1 to <see cref="MaxDecimals"/> digits: below 10^15, and when not zero at
    /// least 10^-MaxDecimals, so <see cref="Exact"/> would accept it as written.
    /// </summary>
    private static bool IsPlainFigure(string text)
    {
        var point = text.IndexOf('.');
        var whole = point < 0 ? text.Length : point;
        var decimals = point < 0 ? 0 : text.Length - point - 1;
        return whole is >= 1 and <= 15 && (point < 0 || decimals is >= 1 and <= MaxDecimals) &&
            text.AsSpan(0, whole).IndexOfAnyExceptInRange('0', '9') < 0 &&
            (point < 0 || text.AsSpan(point + 1).IndexOfAnyExceptInRange('0', '9') < 0);
    }

    /// <summary>
    /// Whether the written number is a figure the method computes with exactly: at most <see cref="MaxMagnitude"/>, and
    /// nonzero figures with at most <see cref="MaxDecimals"/> decimals. Decided on the digits as written, so 1e-400 is
    /// not taken for 0 nor 50.00000000000000000000000000001 for 50.
    /// </summary>
    private static decimal? Exact(Match number, SourceSpan where, string name, string text, DiagnosticBag diagnostics)
    {
        var digits = (number.Groups["int"].Value + number.Groups["frac"].Value).TrimStart('0');
        if (digits.Length == 0)
        {
            return 0m; // zero, however it is written
        }
        var trimmed = digits.TrimEnd('0');
        // value = m × 10^power, m the significant digits as an integer; an exponent of more than 9 digits is beyond any bound
        var exponentText = number.Groups["exp"].Value.TrimStart('+', '-').TrimStart('0');
        var exponent = exponentText.Length == 0 ? 0L
            : exponentText.Length > 9 ? 10_000_000_000L
            : long.Parse(exponentText, CultureInfo.InvariantCulture);
        if (number.Groups["exp"].Value.StartsWith('-'))
        {
            exponent = -exponent;
        }
        var power = exponent - number.Groups["frac"].Length + (digits.Length - trimmed.Length);
        var integerDigits = power + trimmed.Length; // 10^(integerDigits-1) <= value < 10^integerDigits
        if (integerDigits > 16 || (integerDigits == 16 && trimmed != "1"))
        {
            diagnostics.Error(Codes.OutOfRange, where, name, text, $"es demasiado grande: el máximo es {Invariant(MaxMagnitude)} (10^15)");
            return null;
        }
        if (integerDigits <= -MaxDecimals)
        {
            diagnostics.Error(Codes.OutOfRange, where, name, text,
                $"es demasiado pequeño: es menor que 0.{new string('0', MaxDecimals - 1)}1, la menor cifra distinta de 0 que el generador representa; escriba 0 o la cifra redondeada");
            return null;
        }
        if (-power > MaxDecimals)
        {
            diagnostics.Error(Codes.TooManyDecimals, where, name, text, (-power).ToString(CultureInfo.InvariantCulture), MaxDecimals);
            return null;
        }
        var value = decimal.Parse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture);
        for (var i = 0L; i < Math.Abs(power); i++)
        {
            value = power > 0 ? value * 10m : value / 10m;
        }
        return number.Groups["sign"].Value == "-" ? -value : value;
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
        if (Model.ContentWords.DateOf(text) is not { } date)
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
        else if (Model.WebAddress.HasCredentials(url))
        {
            diagnostics.Error(Codes.AddressWithCredentials, node.Where, Model.WebAddress.WithoutCredentials(url));
            return null;
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
