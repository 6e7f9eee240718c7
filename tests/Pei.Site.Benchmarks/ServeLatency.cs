using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Pei.Site.Benchmarks;

/// <summary>
/// How long an edit takes to show in serve's preview: starts the built program's <c>serve</c> on a copy of a content
/// folder, then several times writes a new observaciones text into one indicator's last cut-off and polls that
/// indicator's page until the text appears. Prints each latency (from the save to the first answer showing it), the
/// rebuild times serve itself reported, and the median.
/// Usage: --serve-latency CONTENT [--program PATH] [--theme DIR] [--edits 7] [--work DIR]
/// </summary>
internal static partial class ServeLatency
{
    [GeneratedRegex(@"^Vista previa en (http://127\.0\.0\.1:\d+/)")]
    private static partial Regex Address();

    [GeneratedRegex(@"^(Sitio generado|Reconstruido) en (\d+) ms\.")]
    private static partial Regex Rebuilt();

    public static int Run(string content, IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Count; i += 2)
        {
            values[args[i]] = args[i + 1];
        }
        var program = Path.GetFullPath(values.GetValueOrDefault("--program") ?? DefaultProgram());
        var theme = Path.GetFullPath(values.GetValueOrDefault("--theme", "site-theme"));
        var edits = int.Parse(values.GetValueOrDefault("--edits", "7"), CultureInfo.InvariantCulture);
        var work = Path.GetFullPath(values.GetValueOrDefault("--work", Path.Combine(Path.GetTempPath(), "pei-serve-latency")));

        // serve watches and may touch what it previews: it gets a fresh copy, never the folder given.
        var copy = Path.Combine(work, "content");
        if (Directory.Exists(copy))
        {
            Directory.Delete(copy, recursive: true);
        }
        CopyTree(Path.GetFullPath(content), copy);
        var indicator = Directory.EnumerateFiles(Path.Combine(copy, "objetivos"), "*.yaml", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "indicadores")
            .Order(StringComparer.Ordinal)
            .First();
        var id = Path.GetFileNameWithoutExtension(indicator);
        Console.WriteLine($"programa: {program}\ncontenido: {copy}\nindicador editado: {id}");

        var start = new ProcessStartInfo(program) { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "serve", "--content", copy, "--theme", theme, "--port", "0" })
        {
            start.ArgumentList.Add(argument);
        }
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var clock = Stopwatch.StartNew();
        using var serve = Process.Start(start) ?? throw new InvalidOperationException($"no se pudo iniciar {program}");
        serve.OutputDataReceived += (_, e) => { if (e.Data is not null) { lines.Enqueue(e.Data); } };
        serve.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("serve: " + e.Data); } };
        serve.BeginOutputReadLine();
        serve.BeginErrorReadLine();
        try
        {
            string? baseUrl = null;
            while (baseUrl is null)
            {
                if (serve.HasExited || clock.Elapsed > TimeSpan.FromMinutes(5))
                {
                    Console.Error.WriteLine("serve no arrancó");
                    return 1;
                }
                baseUrl = lines.Select(l => Address().Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value;
                Thread.Sleep(20);
            }
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "arranque (primera construcción incluida): {0:0.00} s; {1}", clock.Elapsed.TotalSeconds, baseUrl));
            using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
            var page = $"indicadores/{id}/";
            var first = Stopwatch.StartNew();
            http.GetStringAsync(page).GetAwaiter().GetResult();
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "primera petición de la página: {0:0} ms", first.Elapsed.TotalMilliseconds));

            var original = File.ReadAllText(indicator);
            var latencies = new List<double>();
            for (var edit = 1; edit <= edits; edit++)
            {
                var marker = $"Marca de latencia {edit} {Guid.NewGuid():N}";
                var text = WithObservation(original, marker);
                var edited = Stopwatch.StartNew();
                File.WriteAllText(indicator, text);
                var polls = 0;
                while (true)
                {
                    polls++;
                    if (http.GetStringAsync(page).GetAwaiter().GetResult().Contains(marker, StringComparison.Ordinal))
                    {
                        break;
                    }
                    if (edited.Elapsed > TimeSpan.FromSeconds(60))
                    {
                        Console.Error.WriteLine($"la edición {edit} no apareció en 60 s");
                        return 1;
                    }
                    Thread.Sleep(5);
                }
                var took = edited.Elapsed.TotalMilliseconds;
                latencies.Add(took);
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "edición {0}: visible en {1:0} ms ({2} peticiones)", edit, took, polls));
                // Let serve settle (a rebuild caused by the last poll's timing, the watcher's quiet period) before the next edit.
                Thread.Sleep(1500);
            }
            var rebuilds = lines.Select(l => Rebuilt().Match(l)).Where(m => m.Success).Select(m => m.Groups[2].Value + " ms").ToList();
            Console.WriteLine($"construcciones informadas por serve: {string.Join(", ", rebuilds)}");
            var sorted = latencies.Order().ToList();
            var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "mediana de {0} ediciones: {1:0} ms (mín. {2:0} ms, máx. {3:0} ms)", sorted.Count, median, sorted[0], sorted[^1]));
            return 0;
        }
        finally
        {
            if (!serve.HasExited)
            {
                serve.Kill(entireProcessTree: true);
                serve.WaitForExit();
            }
        }
    }

    /// <summary>The indicator's YAML with <paramref name="marker"/> as the observaciones of its last measurement (after its last ejecutado).</summary>
    private static string WithObservation(string yaml, string marker)
    {
        var lines = yaml.Split('\n').ToList();
        var last = lines.FindLastIndex(l => l.TrimStart().StartsWith("ejecutado:", StringComparison.Ordinal));
        if (last < 0)
        {
            throw new InvalidOperationException("el indicador no tiene ningún 'ejecutado:'");
        }
        var indent = lines[last][..(lines[last].Length - lines[last].TrimStart().Length)];
        // Drop an observaciones of that measurement if there is one (with its more indented block lines), then add ours.
        var next = last + 1;
        if (next < lines.Count && lines[next].StartsWith(indent + "observaciones:", StringComparison.Ordinal))
        {
            lines.RemoveAt(next);
            while (next < lines.Count && lines[next].Length > 0 && lines[next].StartsWith(indent + " ", StringComparison.Ordinal))
            {
                lines.RemoveAt(next);
            }
        }
        lines.Insert(next, $"{indent}observaciones: {marker}");
        return string.Join('\n', lines);
    }

    private static string DefaultProgram()
    {
        foreach (var configuration in new[] { "Release", "Debug" })
        {
            var candidate = Path.Combine("generator", "bin", configuration, "net10.0", "pei-site");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new ArgumentException("falta --program (no se encontró generator/bin/*/net10.0/pei-site)");
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
        foreach (var folder in Directory.GetDirectories(from))
        {
            CopyTree(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }
}
