using System.Diagnostics;

namespace Pei.Site.Tests.Hardening;

/// <summary>The serve command as its own process: a named pipe in the content does not stop it from starting or from ending on SIGTERM.</summary>
public sealed class ServeSignalTests
{
    [Fact]
    public async Task Serve_with_a_named_pipe_in_the_content_starts_shows_the_error_and_stops_on_SIGTERM()
    {
        using var temp = new TempFolder();
        var content = temp.Copy(Repository.PublishedJune2025, "content");
        Hazards.Fifo(Path.Combine(content, "objetivos", "03-comunicacion-publica", "indicadores", "4199.yaml"));
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "pei-site.dll"), "serve", "--content", content, "--theme", Repository.Theme, "--port", "0" },
        };
        using var serve = Process.Start(start)!;
        var stdout = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var stderr = new System.Collections.Concurrent.ConcurrentQueue<string>();
        serve.OutputDataReceived += (_, e) => { if (e.Data is not null) { stdout.Enqueue(e.Data); } };
        serve.ErrorDataReceived += (_, e) => { if (e.Data is not null) { stderr.Enqueue(e.Data); } };
        serve.BeginOutputReadLine();
        serve.BeginErrorReadLine();
        try
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
            while (!stdout.Any(l => l.StartsWith("Vista previa en ", StringComparison.Ordinal)) && DateTime.UtcNow < deadline && !serve.HasExited)
            {
                await Task.Delay(100);
            }
            Assert.Contains(stdout, l => l.StartsWith("Vista previa en ", StringComparison.Ordinal));
            Assert.Contains(stderr, l => l.Contains("4199.yaml:1:1: error PEI040:", StringComparison.Ordinal));

            using (var kill = Process.Start("kill", ["-TERM", serve.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await serve.WaitForExitAsync(limit.Token);

            Assert.Equal(0, serve.ExitCode);
            Assert.Contains("Vista previa detenida.", stdout);
        }
        finally
        {
            if (!serve.HasExited)
            {
                serve.Kill(entireProcessTree: true);
            }
        }
    }
}
