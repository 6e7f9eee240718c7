using Pei.Site.Build;
using Pei.Site.Diagnostics;
using Pei.Site.Text;

namespace Pei.Site.Cli;

/// <summary>The generator's command line: parses arguments and runs a command. Exit codes: 0 ok, 1 content errors, 2 usage errors.</summary>
public static class CommandLine
{
    public const int Ok = 0;
    public const int ContentErrors = 1;
    public const int UsageError = 2;

    public const string Usage = """
        uso:
          pei-site build    [--content content] [--out _site] [--theme site-theme] [--base-url URL] [--pdf]
          pei-site validate [--content content] [--format text|github] [--base origin/main]
          pei-site diff     [--content content] [--base origin/main]
          pei-site serve    [--content content] [--port 8080] [--theme site-theme]
          pei-site nuevo-corte AAAA-MM-DD [--titulo "Tercer trimestre 2025"] [--content content]
          pei-site publicar AAAA-MM-DD [--fecha AAAA-MM-DD] [--content content]
          pei-site corregir AAAA-MM-DD --motivo "texto" [--fecha AAAA-MM-DD] [--content content]
          pei-site plantilla AAAA-MM-DD --out archivo.xlsx|archivo.csv [--content content]
          pei-site importar archivo.xlsx|archivo.csv [--content content]
          pei-site descartar AAAA-MM-DD [--content content]

        build     valida el contenido, calcula los avances y escribe el sitio estático en --out;
                  --base-url da la dirección pública del sitio (sitemap, canal Atom, enlaces canónicos),
                  --pdf imprime además el informe PDF de cada corte publicado (necesita Chromium)
        validate  solo valida el contenido y muestra los diagnósticos; con --base (una referencia git) rechaza
                  además todo cambio a los registros de publicación que no sea agregar una corrección al final
        diff      tabla Markdown de las cifras que cambian entre --base (una referencia git) y el contenido actual
        serve     vista previa en http://127.0.0.1:8080 que se actualiza al guardar (incluye cortes en borrador)
        nuevo-corte  agrega el corte a plan.yaml como borrador y un bloque por llenar en cada indicador
        publicar  publica el corte: quita 'borrador: true' y registra sus cifras en publicaciones/AAAA-MM-DD.yaml
        corregir  registra en la fe de erratas del corte publicado las cifras que cambiaron, con la fecha y el motivo
                  (publicar y corregir fechan con hoy en Bogotá, o con --fecha: no antes del corte, de la publicación
                  ni de la corrección anterior, ni después de hoy)
        plantilla    escribe una hoja de cálculo con una fila por indicador del corte, para llenar en Excel o LibreOffice
        importar     escribe en el YAML del corte en borrador las cifras de la hoja llena (revisa todo antes de escribir)
        descartar    quita un corte en borrador de plan.yaml y de cada indicador (un corte publicado no se descarta)
        """;

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, Clock.FromEnvironment());

    /// <param name="clock">
    /// Where validate, build, publicar and corregir take today from. The program passes SOURCE_DATE_EPOCH from its
    /// environment; tests pass their own day, so that tests running at once in one process do not share it.
    /// </param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Clock clock)
    {
        if (args.Length == 0)
        {
            stderr.WriteLine("error: falta la orden (build, validate, nuevo-corte, publicar…); la ayuda se ve con --help");
            return UsageError;
        }
        if (args[0] is "-h" or "--help" or "help")
        {
            stdout.WriteLine(Usage);
            return Ok;
        }
        if (!Arguments.TryParse(args, out var arguments, out var problem))
        {
            stderr.WriteLine(UnsafeCharacters.Printable($"error: {problem}; la ayuda se ve con --help"));
            return UsageError;
        }
        var formatter = DiagnosticFormatter.For(arguments.Format);
        try
        {
            if (arguments.Command == "serve")
            {
                return ServeCommand.Run(arguments.Content, arguments.Theme, arguments.Port, stdout, stderr);
            }
            var result = arguments.Command switch
            {
                "build" => BuildSite(arguments, clock),
                "validate" => ValidateCommand.Run(arguments.Content, arguments.Base, clock),
                "diff" => FigureDiff.Run(arguments.Content, arguments.Base ?? Arguments.DefaultBase),
                "nuevo-corte" => NewCutOffCommand.Run(arguments.Content, arguments.Date!, arguments.Title),
                "publicar" => PublishCommand.Run(arguments.Content, arguments.Date!, arguments.Dated, clock),
                "corregir" => CorrectCommand.Run(arguments.Content, arguments.Date!, arguments.Reason!, arguments.Dated, clock),
                "plantilla" => TemplateCommand.Run(arguments.Content, arguments.Date!, arguments.Out),
                "importar" => ImportCommand.Run(arguments.Content, arguments.Date!),
                "descartar" => DiscardCommand.Run(arguments.Content, arguments.Date!),
                _ => throw new InvalidOperationException(arguments.Command),
            };
            foreach (var diagnostic in result.Diagnostics)
            {
                stderr.WriteLine(formatter(diagnostic));
            }
            var errors = result.Diagnostics.Count(d => d.Severity == Severity.Error);
            var warnings = result.Diagnostics.Count - errors;
            if (errors > 0)
            {
                // Only the commands that write (the site, a sheet, or plan.yaml, the indicators and the records) have something they did not write.
                var nothingWritten = arguments.Command is "validate" or "diff" ? "" : "; no se escribió nada";
                stderr.WriteLine($"{Plural.Of(errors, "error", "errores")}, {Plural.Of(warnings, "advertencia", "advertencias")}{nothingWritten}.");
                return ContentErrors;
            }
            if (warnings > 0)
            {
                stderr.WriteLine($"{Plural.Of(warnings, "advertencia", "advertencias")}, ningún error.");
            }
            stdout.WriteLine(result.Summary);
            return Ok;
        }
        catch (IOException e)
        {
            stderr.WriteLine(UnsafeCharacters.Printable($"error: no se pudo leer o escribir un archivo: {e.Message}"));
            return ContentErrors;
        }
        catch (UnauthorizedAccessException e)
        {
            stderr.WriteLine(UnsafeCharacters.Printable($"error: sin permiso para leer o escribir: {e.Message}"));
            return ContentErrors;
        }
    }

    /// <summary>build, with today in Bogotá so that no record is dated after it.</summary>
    private static Pipeline.Result BuildSite(Arguments arguments, Clock clock)
    {
        var diagnostics = new DiagnosticBag();
        if (arguments.BaseUrl is { } address && Model.WebAddress.HasCredentials(address))
        {
            diagnostics.Error(Codes.AddressWithCredentials, new SourceSpan("--base-url", 1, 1), Model.WebAddress.WithoutCredentials(address));
            return Pipeline.Result.Refused(diagnostics);
        }
        return PublicationDate.Today(clock, diagnostics) is { } today
            ? Pipeline.Build(arguments.Content, arguments.Out, arguments.Theme, new Pipeline.BuildOptions(arguments.BaseUrl, arguments.Pdf, Today: today))
            : Pipeline.Result.Refused(diagnostics);
    }
}
