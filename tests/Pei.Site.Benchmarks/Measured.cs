using System.Diagnostics;
using System.Globalization;

namespace Pei.Site.Benchmarks;

/// <summary>
/// One run of a program: wall time and peak resident memory (ru_maxrss through GNU time, else VmHWM polled from /proc),
/// and with GNU time the CPU seconds it spent in its own code (user) and in the kernel (system); zero without it.
/// </summary>
internal sealed record Measured(TimeSpan Wall, long PeakBytes, double UserSeconds = 0, double SystemSeconds = 0)
{
    /// <summary>GNU time, when installed: the kernel's own peak (ru_maxrss) instead of polling /proc.</summary>
    private const string GnuTime = "/usr/bin/time";

    public static Measured Run(string program, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var timed = File.Exists(GnuTime);
        var report = Path.Combine(Path.GetTempPath(), $"pei-medida-{Guid.NewGuid():N}.txt");
        var start = new ProcessStartInfo(timed ? GnuTime : program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        if (timed)
        {
            foreach (var argument in new[] { "-f", "%U %S %M", "-o", report, program })
            {
                start.ArgumentList.Add(argument);
            }
        }
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"no se pudo iniciar {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, PeakOf(process.Id));
            Thread.Sleep(5);
        }
        process.WaitForExit();
        clock.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} terminó con código {process.ExitCode}:\n{errors.Result}{output.Result}");
        }
        if (timed)
        {
            var fields = File.ReadAllText(report).Trim().Split('\n')[^1].Split(' ');
            File.Delete(report);
            return new Measured(clock.Elapsed, long.Parse(fields[2], CultureInfo.InvariantCulture) * 1024,
                double.Parse(fields[0], CultureInfo.InvariantCulture), double.Parse(fields[1], CultureInfo.InvariantCulture));
        }
        return new Measured(clock.Elapsed, peak);
    }

    /// <summary>VmHWM of a live process in bytes; 0 once it has gone.</summary>
    private static long PeakOf(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }
        return 0;
    }
}
