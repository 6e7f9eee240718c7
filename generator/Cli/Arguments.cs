namespace Pei.Site.Cli;

/// <summary>The parsed command line.</summary>
/// <param name="Date">The command's positional argument: a cut-off date, or the sheet importar reads.</param>
/// <param name="Reason">corregir's --motivo, null when not given.</param>
/// <param name="Title">nuevo-corte's --titulo, null when not given.</param>
/// <param name="Base">diff's and validate's --base (a git ref), null when not given.</param>
internal sealed record Arguments(string Command, string Content, string Out, string Theme, string Format, string? Base, int Port, string? Date, string? Reason = null, string? Title = null)
{
    /// <summary>The ref diff compares with when --base is not given.</summary>
    public const string DefaultBase = "origin/main";

    /// <summary>publicar's and corregir's --fecha (AAAA-MM-DD as given), null when not given: today is used.</summary>
    public string? Dated { get; init; }

    /// <summary>build --base-url: the site's public address, absolute http(s), ending with '/'; null when not given.</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>build --pdf: also print each published cut-off's report as a PDF (needs Chromium).</summary>
    public bool Pdf { get; init; }

    /// <summary>Options that take no value.</summary>
    private static readonly string[] Flags = ["--pdf"];

    private static readonly Dictionary<string, string[]> OptionsByCommand = new()
    {
        ["build"] = ["--content", "--out", "--theme", "--base-url", "--pdf"],
        ["validate"] = ["--content", "--format", "--base"],
        ["diff"] = ["--content", "--base"],
        ["serve"] = ["--content", "--port", "--theme"],
        ["nuevo-corte"] = ["--content", "--titulo"],
        ["publicar"] = ["--content", "--fecha"],
        ["corregir"] = ["--motivo", "--content", "--fecha"],
        ["plantilla"] = ["--content", "--out"],
        ["importar"] = ["--content"],
        ["descartar"] = ["--content"],
    };

    /// <summary>Commands that take one positional argument, and its name in messages.</summary>
    private static readonly Dictionary<string, string> PositionalByCommand = new()
    {
        ["nuevo-corte"] = "la fecha del corte (AAAA-MM-DD)",
        ["publicar"] = "la fecha del corte (AAAA-MM-DD)",
        ["corregir"] = "la fecha del corte (AAAA-MM-DD)",
        ["plantilla"] = "la fecha del corte (AAAA-MM-DD)",
        ["importar"] = "la hoja de cálculo por importar (.xlsx o .csv)",
        ["descartar"] = "la fecha del corte (AAAA-MM-DD)",
    };

    /// <summary>Options a command cannot do without, and what they are in messages.</summary>
    private static readonly Dictionary<string, (string Option, string Name)> RequiredByCommand = new()
    {
        ["corregir"] = ("--motivo", "--motivo \"…\" (la razón de la corrección, que se publica en la fe de erratas)"),
    };

    public static bool TryParse(string[] args, out Arguments arguments, out string problem)
    {
        arguments = new Arguments("", "content", "_site", "site-theme", "text", null, 8080, null);
        problem = "";
        var command = args[0];
        if (!OptionsByCommand.TryGetValue(command, out var allowed))
        {
            problem = $"orden desconocida '{command}'; use build, validate, diff, serve, nuevo-corte, publicar, corregir, plantilla, importar o descartar";
            return false;
        }
        var values = new Dictionary<string, string>();
        string? positional = null;
        for (var i = 1; i < args.Length; i++)
        {
            var (name, value) = SplitOption(args[i]);
            if (!name.StartsWith("--", StringComparison.Ordinal) && PositionalByCommand.ContainsKey(command) && positional is null)
            {
                positional = args[i];
                continue;
            }
            if (!allowed.Contains(name))
            {
                problem = name.StartsWith("--", StringComparison.Ordinal)
                    ? $"opción desconocida '{name}' para {command}; opciones válidas: {string.Join(", ", allowed)}"
                    : $"argumento inesperado '{args[i]}'";
                return false;
            }
            if (Flags.Contains(name))
            {
                if (value is not null)
                {
                    problem = $"{name} no lleva valor";
                    return false;
                }
                value = "true";
            }
            if (value is null)
            {
                if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    problem = $"falta el valor de {name}";
                    return false;
                }
                value = args[++i];
            }
            // An empty --motivo is refused by corregir itself, with a diagnostic.
            if (value.Length == 0 && name != "--motivo")
            {
                problem = $"el valor de {name} está vacío";
                return false;
            }
            if (!values.TryAdd(name, value))
            {
                problem = $"la opción {name} está repetida";
                return false;
            }
        }
        if (PositionalByCommand.TryGetValue(command, out var positionalName) && positional is null)
        {
            problem = $"falta {positionalName}";
            return false;
        }
        if (RequiredByCommand.TryGetValue(command, out var required) && !values.ContainsKey(required.Option))
        {
            problem = $"falta {required.Name}";
            return false;
        }
        if (command == "plantilla" && !Spreadsheet.SheetFormat.IsKnown(values.GetValueOrDefault("--out", "")))
        {
            problem = values.ContainsKey("--out")
                ? $"--out '{values["--out"]}' debe terminar en .xlsx o .csv"
                : "falta --out archivo.xlsx (o .csv): el archivo donde se escribe la plantilla";
            return false;
        }
        var format = values.GetValueOrDefault("--format", "text");
        if (format is not ("text" or "github"))
        {
            problem = $"formato desconocido '{format}'; use text o github";
            return false;
        }
        var portText = values.GetValueOrDefault("--port", "8080");
        if (!int.TryParse(portText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) || port is < 0 or > 65535)
        {
            problem = $"puerto no válido '{portText}'; use un número de 0 a 65535 (0 elige uno libre)";
            return false;
        }
        Uri? baseUrl = null;
        if (values.TryGetValue("--base-url", out var baseUrlText))
        {
            if (Model.WebAddress.Parse(baseUrlText) is not { } parsed)
            {
                problem = $"--base-url '{baseUrlText}' no es una dirección web completa con https:// o http://, p. ej. https://www.entidad.gov.co/pei/";
                return false;
            }
            baseUrl = Model.WebAddress.AsBase(parsed);
        }
        arguments = new Arguments(
            command,
            values.GetValueOrDefault("--content", "content"),
            values.GetValueOrDefault("--out", "_site"),
            ThemeFolder.Resolve(values.GetValueOrDefault("--theme")),
            format,
            values.GetValueOrDefault("--base"),
            port,
            positional,
            values.GetValueOrDefault("--motivo"),
            values.GetValueOrDefault("--titulo"))
        {
            BaseUrl = baseUrl,
            Pdf = values.ContainsKey("--pdf"),
            Dated = values.GetValueOrDefault("--fecha"),
        };
        return true;
    }

    private static (string Name, string? Value) SplitOption(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }
}
