using System.Globalization;
using Pei.Site.Benchmarks;

// --serve-latency CONTENT [...]: how long an edit takes to show in serve's preview (see ServeLatency.cs).
if (args is ["--serve-latency", var servedContent, .. var latencyArgs])
{
    Environment.ExitCode = ServeLatency.Run(servedContent, latencyArgs);
    return;
}

// Times `build` of the built generator against Hugo on synthetic plans, alternating runs, and prints medians and ratios;
// then a fresh process building the real site. The first run of each size is the one with the cache of its parsed
// content still empty; it is printed apart and left out of the medians.
// Usage: dotnet run --project tests/Pei.Site.Benchmarks -c Release -- --program PATH --theme DIR [--content content] [--sizes 1000,10000] [--runs 5] [--hugo hugo] [--work DIR]
var options = Options.Parse(args);
var invariant = CultureInfo.InvariantCulture;
Directory.CreateDirectory(options.Work);
Console.WriteLine($"máquina: {Environment.ProcessorCount} núcleos, {Environment.OSVersion}; {options.Runs} corridas alternadas por tamaño");
Console.WriteLine("| indicadores | generador (mediana) | Hugo (mediana) | tiempo gen/Hugo | memoria gen | memoria Hugo | memoria gen/Hugo | ms por indicador | primera corrida gen |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
var startup = Startup(options);
var perIndicator = new Dictionary<int, double>();
foreach (var size in options.Sizes)
{
    var folder = Path.Combine(options.Work, $"plan-{size}");
    var content = Path.Combine(folder, "content");
    var hugo = Path.Combine(folder, "hugo");
    if (!Directory.Exists(content))
    {
        SyntheticPlan.WriteContent(content, size);
        foreach (var cutOff in SyntheticPlan.CutOffs)
        {
            Measured.Run(options.Program, ["publicar", cutOff, "--content", content], folder);
        }
        SyntheticPlan.WriteHugo(hugo, size);
    }
    var ours = new List<Measured>();
    var theirs = new List<Measured>();
    var first = Measured.Run(options.Program, ["build", "--content", content, "--out", Path.Combine(folder, "_site"), "--theme", options.Theme], folder);
    Measured.Run(options.Hugo, ["--quiet", "-s", hugo, "-d", Path.Combine(folder, "_hugo")], folder);
    for (var run = 0; run < options.Runs; run++)
    {
        ours.Add(Measured.Run(options.Program, ["build", "--content", content, "--out", Path.Combine(folder, "_site"), "--theme", options.Theme], folder));
        theirs.Add(Measured.Run(options.Hugo, ["--quiet", "-s", hugo, "-d", Path.Combine(folder, "_hugo")], folder));
    }
    var time = Median(ours.Select(m => m.Wall.TotalSeconds));
    var hugoTime = Median(theirs.Select(m => m.Wall.TotalSeconds));
    var memory = Median(ours.Select(m => (double)m.PeakBytes));
    var hugoMemory = Median(theirs.Select(m => (double)m.PeakBytes));
    perIndicator[size] = (time - startup) * 1000 / size;
    Console.WriteLine(string.Format(invariant, "| {0} | {1:0.00} s | {2:0.00} s | {3:0.00} | {4:0} MB | {5:0} MB | {6:0.00} | {7:0.000} | {8:0.00} s |",
        size, time, hugoTime, time / hugoTime, memory / 1e6, hugoMemory / 1e6, memory / hugoMemory, perIndicator[size], first.Wall.TotalSeconds));
}
Console.WriteLine(string.Format(invariant, "arranque fijo (plan de 10 indicadores): {0:0.00} s", startup));
var sizes = perIndicator.Keys.Order().ToList();
if (sizes.Count >= 2)
{
    // The measure of linearity: 30,000 against 3,000 indicators when both were run, else the largest against the smallest.
    var (small, large) = perIndicator.ContainsKey(3000) && perIndicator.ContainsKey(30000) ? (3000, 30000) : (sizes[0], sizes[^1]);
    Console.WriteLine(string.Format(invariant, "tiempo por indicador, {0} frente a {1}: {2:0.00}×", large, small, perIndicator[large] / perIndicator[small]));
}
if (Directory.Exists(options.Content))
{
    // The real site as a fresh process: first with no cache at all (templates compiled, every file parsed), then the
    // median of fresh processes once the cache holds them.
    var site = Path.Combine(options.Work, "sitio-real");
    var empty = Path.Combine(options.Work, "cache-vacia");
    var cold = Measured.Run(options.Program, ["build", "--content", options.Content, "--out", site, "--theme", options.Theme], options.Work,
        new Dictionary<string, string> { ["PEI_CACHE"] = empty });
    Measured.Run(options.Program, ["build", "--content", options.Content, "--out", site, "--theme", options.Theme], options.Work);
    var fresh = Enumerable.Range(0, Math.Max(options.Runs, 5))
        .Select(_ => Measured.Run(options.Program, ["build", "--content", options.Content, "--out", site, "--theme", options.Theme], options.Work))
        .ToList();
    Console.WriteLine(string.Format(invariant, "sitio real ({0}), proceso nuevo: mediana {1:0.000} s, {2:0} MB; sin caché (plantillas por compilar, contenido por leer) {3:0.00} s",
        options.Content, Median(fresh.Select(m => m.Wall.TotalSeconds)), Median(fresh.Select(m => (double)m.PeakBytes)) / 1e6, cold.Wall.TotalSeconds));
}

static double Startup(Options options)
{
    var folder = Path.Combine(options.Work, "plan-10");
    var content = Path.Combine(folder, "content");
    if (!Directory.Exists(content))
    {
        SyntheticPlan.WriteContent(content, 10);
        foreach (var cutOff in SyntheticPlan.CutOffs)
        {
            Measured.Run(options.Program, ["publicar", cutOff, "--content", content], folder);
        }
    }
    return Median(Enumerable.Range(0, options.Runs)
        .Select(_ => Measured.Run(options.Program, ["build", "--content", content, "--out", Path.Combine(folder, "_site"), "--theme", options.Theme], folder).Wall.TotalSeconds));
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

internal sealed record Options(string Program, string Theme, IReadOnlyList<int> Sizes, int Runs, string Hugo, string Work, string Content)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }
        return new Options(
            Path.GetFullPath(values.GetValueOrDefault("--program") ?? throw new ArgumentException("falta --program")),
            Path.GetFullPath(values.GetValueOrDefault("--theme", "site-theme")),
            values.GetValueOrDefault("--sizes", "1000,3000,10000,30000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList(),
            int.Parse(values.GetValueOrDefault("--runs", "5"), CultureInfo.InvariantCulture),
            values.GetValueOrDefault("--hugo", "hugo"),
            Path.GetFullPath(values.GetValueOrDefault("--work", Path.Combine(Path.GetTempPath(), "pei-benchmark"))),
            Path.GetFullPath(values.GetValueOrDefault("--content", "content")));
    }
}
