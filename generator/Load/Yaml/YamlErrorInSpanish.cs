using YamlDotNet.Core;

namespace Pei.Site.Load.Yaml;

/// <summary>Turns YamlDotNet's English syntax errors into a Spanish explanation of what is wrong and what is expected.</summary>
internal static class YamlErrorInSpanish
{
    private static readonly (string English, string Spanish)[] Known =
    [
        ("found unexpected end of stream", "el archivo termina antes de cerrar unas comillas o un corchete; cierre las comillas (\" o ') o el corchete que abrió"),
        ("cannot start any token", "hay un carácter que no puede iniciar un valor (a menudo un tabulador); use espacios para la sangría"),
        ("Mapping values are not allowed in this context", "hay un ':' donde no se espera una clave; revise la sangría o ponga el texto entre comillas si contiene ': '"),
        ("did not find expected key", "se esperaba una clave con la misma sangría que las anteriores; revise la sangría de esta línea"),
        ("did not find expected '-' indicator", "se esperaba un elemento de lista que empiece con '- ' a la misma sangría; revise la sangría"),
        ("could not find expected ':'", "falta ':' después de la clave, o una línea de texto quedó partida; use 'clave: valor' o un bloque '|'"),
        ("did not find expected node content", "falta un valor; escriba el valor después de ':' o del guion"),
        ("found unknown escape character", "hay una secuencia de escape '\\' no válida dentro de comillas dobles; use comillas simples o quite la barra invertida"),
        ("did not find expected ',' or ']'", "falta ',' o ']' en una lista entre corchetes"),
        ("did not find expected ',' or '}'", "falta ',' o '}' en un mapa entre llaves"),
        ("found a tab character", "hay un tabulador donde YAML exige espacios; reemplácelo por espacios"),
        ("did not find expected <document start>", "hay contenido que no pertenece a ninguna clave; revise la sangría"),
        ("found character that cannot start any token", "hay un carácter que no puede iniciar un valor; ponga el texto entre comillas"),
        ("block sequence entries are not allowed in this context", "hay un guion de lista donde no se espera una lista; revise la sangría"),
        ("found undefined tag handle", "hay una etiqueta YAML ('!') desconocida; quítela"),
    ];

    public static string Explain(YamlException error, string text)
    {
        var line = LineAt(text, (int)error.Start.Line);
        if (line is not null && (line.TakeWhile(c => c is ' ' or '\t').Contains('\t') || (error.Message.Contains("token", StringComparison.Ordinal) && line.Contains('\t'))))
        {
            return "hay un tabulador en la sangría; YAML solo admite espacios: reemplace el tabulador por espacios";
        }
        foreach (var (english, spanish) in Known)
        {
            if (error.Message.Contains(english, StringComparison.OrdinalIgnoreCase))
            {
                return spanish;
            }
        }
        return "el texto no es YAML válido en este punto; revise la sangría, los ':' y las comillas";
    }

    private static string? LineAt(string text, int line)
    {
        if (line < 1)
        {
            return null;
        }
        using var reader = new StringReader(text);
        for (var i = 1; ; i++)
        {
            var current = reader.ReadLine();
            if (current is null || i == line)
            {
                return current;
            }
        }
    }
}
