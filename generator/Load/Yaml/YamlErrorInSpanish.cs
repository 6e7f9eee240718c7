using YamlDotNet.Core;

namespace Pei.Site.Load.Yaml;

/// <summary>Turns YamlDotNet's English syntax errors into a Spanish explanation of what is wrong and what is expected.</summary>
internal static class YamlErrorInSpanish
{
    /// <summary>How <see cref="YamlTreeReader"/> marks a scanner failure that YamlDotNet did not report as a syntax error.</summary>
    internal const string ScannerFailed = "scanner failed: ";

    private static readonly (string English, string Spanish)[] Known =
    [
        (ScannerFailed, "YAML no pudo seguir leyendo desde aquí; revise esta línea y las anteriores: suele ser un '[' o '{' sin cerrar, o un valor que empieza con un carácter especial ([ { & * ! | >) y debe ir entre comillas"),
        ("quoted scalar, found wrong indentation", "unas comillas (\" o ') abiertas aquí no se cierran en la misma línea; cierre las comillas al final del valor"),
        ("found unexpected end of stream", "el archivo termina antes de cerrar unas comillas o un corchete; cierre las comillas (\" o ') o el corchete que abrió"),
        ("cannot start any token", "hay un carácter que no puede iniciar un valor (a menudo un tabulador); use espacios para la sangría"),
        ("found invalid mapping", "hay un ':' donde no se espera una clave; revise que la sangría de esta línea sea igual a la de las claves vecinas, o ponga el texto entre comillas si contiene ': '"),
        ("Mapping values are not allowed in this context", "hay un ':' donde no se espera una clave; revise la sangría o ponga el texto entre comillas si contiene ': '"),
        ("did not find expected key", "se esperaba una clave con la misma sangría que las anteriores; revise la sangría de esta línea"),
        ("did not find expected '-' indicator", "se esperaba un elemento de lista que empiece con '- ' a la misma sangría; revise la sangría"),
        ("could not find expected ':'", "falta ':' después de la clave, o una línea de texto quedó partida; use 'clave: valor' o un bloque '|'"),
        ("did not find expected node content", "falta un valor; escriba el valor después de ':' o del guion"),
        ("found unknown escape character", "hay una secuencia de escape '\\' no válida dentro de comillas dobles; use comillas simples o quite la barra invertida"),
        ("did not find expected ',' or ']'", "falta ',' o ']' en una lista entre corchetes"),
        ("did not find expected ',' or '}'", "falta ',' o '}' en un mapa entre llaves"),
        ("found a tab character", "hay un tabulador donde YAML exige espacios; reemplácelo por espacios"),
        ("found invalid tab as indentation", "hay un tabulador donde YAML exige espacios; reemplácelo por espacios"),
        ("did not find expected <document start>", "hay contenido que no pertenece a ninguna clave; revise la sangría"),
        ("found character that cannot start any token", "hay un carácter que no puede iniciar un valor; ponga el texto entre comillas"),
        ("block sequence entries are not allowed in this context", "hay un guion de lista donde no se espera una lista; revise la sangría"),
        ("found undefined tag handle", "hay una etiqueta YAML ('!') desconocida; quítela"),
    ];

    private const string TabInIndentation = "hay un tabulador donde YAML exige espacios (la sangría solo admite espacios); reemplace el tabulador por espacios";

    /// <summary>
    /// The Spanish explanation and the position to report: YamlDotNet's own, except when a tab is to blame, where it is the tab
    /// (YamlDotNet reports a tab that breaks a plain scalar at the start of that scalar, often the line before).
    /// </summary>
    public static (string Message, Mark Where) Explain(YamlException error, string text)
    {
        var mentionsTab = error.Message.Contains("tab character", StringComparison.OrdinalIgnoreCase) ||
            error.Message.Contains("invalid tab", StringComparison.OrdinalIgnoreCase);
        var lines = text.Split('\n');
        for (var line = Math.Max(1, error.Start.Line); line <= Math.Max(error.Start.Line, error.End.Line) && line <= lines.Length; line++)
        {
            var current = lines[line - 1];
            var indentation = current.TakeWhile(c => c is ' ' or '\t').Count();
            var tab = current.IndexOf('\t', StringComparison.Ordinal);
            var isStartLine = line == error.Start.Line;
            var tabInIndentation = tab >= 0 && tab < indentation && (isStartLine || mentionsTab);
            var tabToBlame = tab >= 0 && isStartLine && (mentionsTab || error.Message.Contains("token", StringComparison.Ordinal));
            if (tabInIndentation || tabToBlame)
            {
                return (TabInIndentation, new Mark(0, line, tab + 1));
            }
        }
        if (mentionsTab)
        {
            // YamlDotNet reports "found invalid tab as indentation" at the start of the file: the tab is the first one that
            // indents a line (or, failing that, the first one at all).
            var indenting = Array.FindIndex(lines, l => l.TakeWhile(c => c is ' ' or '\t').Contains('\t'));
            var any = indenting >= 0 ? indenting : Array.FindIndex(lines, l => l.Contains('\t', StringComparison.Ordinal));
            if (any >= 0)
            {
                return (TabInIndentation, new Mark(0, any + 1, lines[any].IndexOf('\t', StringComparison.Ordinal) + 1));
            }
        }
        foreach (var (english, spanish) in Known)
        {
            if (error.Message.Contains(english, StringComparison.OrdinalIgnoreCase))
            {
                return (spanish, WithinText(error.Start, lines));
            }
        }
        return ("el texto no es YAML válido en este punto; revise la sangría, los ':' y las comillas", WithinText(error.Start, lines));
    }

    /// <summary>
    /// YamlDotNet reports an error found at the end of a file that does not end in a line break on the line after the
    /// last; an editor has no such line, so the position becomes the end of the last line.
    /// </summary>
    private static Mark WithinText(Mark where, string[] lines)
    {
        if (where.Line <= lines.Length)
        {
            return where;
        }
        return new Mark(where.Index, lines.Length, lines[^1].TrimEnd('\r').Length + 1);
    }
}
