using System.Globalization;
using Pei.Site.Benchmarks;

// --serve-latency CONTENT [...]: how long an edit takes to show in serve's preview (see ServeLatency.cs).
if (args is ["--serve-latency", var servedContent, .. var latencyArgs])
{
    Environment.ExitCode = ServeLatency.Run(servedContent, latencyArgs);
    return;
}

// Times `build` of the built generator against Hugo on synthetic plans whose cut-offs are all published with publicar (as
// a planner would), alternating runs, each into a fresh output folder, and prints medians and ratios; then a plan of
// four years (16 published cut-offs) against one year, per measurement; then a fresh process building the real site.
// The first run of each plan is the one with the cache of its parsed content still empty; it is printed apart and
// left out of the medians.
// Usage: dotnet run --project tests/Pei.Site.Benchmarks -c Release -- --program PATH --theme DIR [--content content] [--sizes 1000,10000] [--runs 5] [--years-case 3000] [--hugo hugo] [--work DIR]
var options = Options.Parse(args);
var invariant = CultureInfo.InvariantCulture;
Directory.CreateDirectory(options.Work);
Console.WriteLine($"máquina: {Environment.ProcessorCount} núcleos, {Environment.OSVersion}; {options.Runs} corridas alternadas por tamaño, carpeta de salida nueva en cada una");
Console.WriteLine("| indicadores | cortes publicados | generador (mediana) | Hugo (mediana) | tiempo gen/Hugo | memoria gen | memoria Hugo | memoria gen/Hugo | ms por indicador | primera corrida gen | CPU usuario gen / Hugo | CPU sistema gen / Hugo |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
var startup = Startup(options);
var perIndicator = new Dictionary<int, double>();
foreach (var size in options.Sizes)
{
    var time = Compare(options, size, years: 1, startup);
    perIndicator[size] = (time - startup) * 1000 / size;
}
Console.WriteLine(string.Format(invariant, "arranque fijo (plan de 10 indicadores, 4 cortes publicados): {0:0.00} s", startup));
var sizes = perIndicator.Keys.Order().ToList();
if (sizes.Count >= 2)
{
    // The measure of linearity: 30,000 against 3,000 indicators when both were run, else the largest against the smallest.
    var (small, large) = perIndicator.ContainsKey(3000) && perIndicator.ContainsKey(30000) ? (3000, 30000) : (sizes[0], sizes[^1]);
    Console.WriteLine(string.Format(invariant, "tiempo por indicador, {0} frente a {1}: {2:0.00}×", large, small, perIndicator[large] / perIndicator[small]));
}
if (options.YearsCase > 0)
{
    // Four years of a plan: four times the measurements of one year; the time per measurement must not grow with them.
    var oneYear = Compare(options, options.YearsCase, years: 1, startup);
    var fourYears = Compare(options, options.YearsCase, years: 4, startup);
    var perOne = (oneYear - startup) * 1000 / (options.YearsCase * 4.0);
    var perFour = (fourYears - startup) * 1000 / (options.YearsCase * 16.0);
    Console.WriteLine(string.Format(invariant, "{0} indicadores, tiempo por medición: un año (4 cortes) {1:0.0000} ms, cuatro años (16 cortes) {2:0.0000} ms, cuatro años frente a uno: {3:0.00}×",
        options.YearsCase, perOne, perFour, perFour / perOne));
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
        Publish(options, content, folder, indicators: 10, years: 1);
    }
    return Median(Enumerable.Range(0, options.Runs)
        .Select(_ => Fresh(folder, "_site", output => Measured.Run(options.Program, ["build", "--content", content, "--out", output, "--theme", options.Theme], folder)).Wall.TotalSeconds));
}

// The plan's content, with each of its cut-offs published in turn by publicar.
static void Publish(Options options, string content, string folder, int indicators, int years)
{
    SyntheticPlan.WriteContent(content, indicators, years);
    foreach (var cutOff in SyntheticPlan.CutOffs(years))
    {
        Measured.Run(options.Program, ["publicar", cutOff, "--content", content], folder);
    }
}

// Runs build and Hugo alternately on one plan (written and published the first time) and prints its row (the time per
// indicator with the fixed start-up set aside); returns the generator's median wall time.
static double Compare(Options options, int size, int years, double startup)
{
    var invariant = CultureInfo.InvariantCulture;
    var folder = Path.Combine(options.Work, years == 1 ? $"plan-{size}" : $"plan-{size}-{years}-anios");
    var content = Path.Combine(folder, "content");
    var hugo = Path.Combine(folder, "hugo");
    if (!Directory.Exists(hugo))
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        Publish(options, content, folder, size, years);
        SyntheticPlan.WriteHugo(hugo, size, years);
    }
    Measured Ours() => Fresh(folder, "_site", output => Measured.Run(options.Program, ["build", "--content", content, "--out", output, "--theme", options.Theme], folder));
    Measured Theirs() => Fresh(folder, "_hugo", output => Measured.Run(options.Hugo, ["--quiet", "-s", hugo, "-d", output], folder));
    var first = Ours();
    Theirs();
    var ours = new List<Measured>();
    var theirs = new List<Measured>();
    for (var run = 0; run < options.Runs; run++)
    {
        ours.Add(Ours());
        theirs.Add(Theirs());
    }
    var time = Median(ours.Select(m => m.Wall.TotalSeconds));
    var hugoTime = Median(theirs.Select(m => m.Wall.TotalSeconds));
    var memory = Median(ours.Select(m => (double)m.PeakBytes));
    var hugoMemory = Median(theirs.Select(m => (double)m.PeakBytes));
    // CPU seconds in each program's own code and in the kernel: on a disk whose file system runs without a journal,
    // creating files soon after many were deleted costs both programs kernel time, which the wall time alone hides.
    Console.WriteLine(string.Format(invariant, "| {0} | {1} | {2:0.00} s | {3:0.00} s | {4:0.00} | {5:0} MB | {6:0} MB | {7:0.00} | {8:0.000} | {9:0.00} s | {10:0.0} / {11:0.0} s | {12:0.0} / {13:0.0} s |",
        size, years * 4, time, hugoTime, time / hugoTime, memory / 1e6, hugoMemory / 1e6, memory / hugoMemory, (time - startup) * 1000 / size, first.Wall.TotalSeconds,
        Median(ours.Select(m => m.UserSeconds)), Median(theirs.Select(m => m.UserSeconds)), Median(ours.Select(m => m.SystemSeconds)), Median(theirs.Select(m => m.SystemSeconds))));
    return time;
}

// A run into an output folder that does not exist yet (the one before is deleted first, and so is every work folder the
// generator keeps beside it), as a first build on a clean checkout or a CI runner would.
static Measured Fresh(string folder, string name, Func<string, Measured> run)
{
    foreach (var entry in Directory.EnumerateFileSystemEntries(folder, $"*{name}*"))
    {
        if (Directory.Exists(entry))
        {
            Directory.Delete(entry, recursive: true);
        }
        else
        {
            File.Delete(entry);
        }
    }
    return run(Path.Combine(folder, name));
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

internal sealed record Options(string Program, string Theme, IReadOnlyList<int> Sizes, int Runs, string Hugo, string Work, string Content, int YearsCase)
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
            Path.GetFullPath(values.GetValueOrDefault("--content", "content")),
            int.Parse(values.GetValueOrDefault("--years-case", "3000"), CultureInfo.InvariantCulture));
    }
}
