using System.Runtime.InteropServices;
using Pei.Site.Build;
using Pei.Site.Diagnostics;
using Pei.Site.Serve;

namespace Pei.Site.Cli;

/// <summary>
/// serve: previews the site (drafts included) on 127.0.0.1, rendering each page when it is asked for; rebuilds on every
/// change to the content or the theme, reading again only the files that changed, and reloads the open pages; a broken
/// edit shows its diagnostics and keeps the last good site up. Nothing is written to disk.
/// </summary>
public static class ServeCommand
{
    /// <summary>Runs until Ctrl+C or <paramref name="cancel"/>; 0 then, 1 when the content folder is missing, 2 when the port cannot be used.</summary>
    public static int Run(string content, string theme, int port, TextWriter stdout, TextWriter stderr, CancellationToken cancel = default)
    {
        if (!Directory.Exists(content))
        {
            // The same diagnostic validate gives for a missing content folder.
            foreach (var diagnostic in Pipeline.Validate(content).Diagnostics)
            {
                stderr.WriteLine(diagnostic);
            }
            return CommandLine.ContentErrors;
        }
        if (!Directory.Exists(theme))
        {
            stderr.WriteLine(new Diagnostic(Codes.ThemeMissing.Code, Severity.Error, new SourceSpan(theme, 1, 1), Codes.ThemeMissing.Format(theme)));
            return CommandLine.ContentErrors;
        }
        stdout = TextWriter.Synchronized(stdout);
        stderr = TextWriter.Synchronized(stderr);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        // Ctrl+C, a closed terminal or kill: stop serving and watching before exiting.
        using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var onHangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Stop);
        using var server = new PreviewServer(content, theme, port, stdout, stderr);
        try
        {
            server.StartAsync(stop.Token).GetAwaiter().GetResult();
        }
        catch (PortUnavailableException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return CommandLine.UsageError;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return CommandLine.Ok;
        }
        stdout.WriteLine($"Vista previa en {server.BaseUrl} (Ctrl+C para terminar)");
        stop.Token.WaitHandle.WaitOne();
        stdout.WriteLine("Vista previa detenida.");
        return CommandLine.Ok;

        void Stop(PosixSignalContext signal)
        {
            signal.Cancel = true;
            stop.Cancel();
        }
    }
}
