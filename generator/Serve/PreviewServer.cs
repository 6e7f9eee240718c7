using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Pei.Site.Diagnostics;
using Pei.Site.Method;
using Pei.Site.Render;
using Pei.Site.Write;

namespace Pei.Site.Serve;

/// <summary>
/// The preview of serve: builds the content (drafts included) into a temporary folder, serves the last build on
/// 127.0.0.1 only, rebuilds when the content or the theme changes and makes open pages reload. A build with errors
/// prints its diagnostics and re-renders the last good site with them as a banner. Until a first build succeeds, and
/// while the theme is broken (RazorLight recompiles a changed template even for the last good renderer), every path
/// shows a page listing the diagnostics instead.
/// </summary>
public sealed class PreviewServer : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly string _content;
    private readonly string _theme;
    private readonly int _port;
    private readonly TextWriter _out;
    private readonly TextWriter _err;
    private readonly CancellationTokenSource _stop = new();
    private HttpListener? _listener;
    private ChangeWatcher? _watcher;
    private Task _accepting = Task.CompletedTask;
    private Task _rebuilding = Task.CompletedTask;

    /// <summary>The folder of the build being served, and the one before (kept for requests still reading it).</summary>
    private volatile string? _root;
    private string? _previousRoot;
    private int _version;
    private TaskCompletionSource _published = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private (PlanReport Report, SiteRenderer Renderer)? _lastGood;

    /// <param name="port">The port on 127.0.0.1; 0 picks a free one.</param>
    /// <param name="output">Where the start and every successful rebuild are reported.</param>
    /// <param name="errors">Where diagnostics are printed, as build prints them.</param>
    public PreviewServer(string content, string theme, int port, TextWriter output, TextWriter errors)
    {
        _content = content;
        _theme = theme;
        _port = port;
        _out = TextWriter.Synchronized(output);
        _err = TextWriter.Synchronized(errors);
        TempFolder = Path.Combine(Path.GetTempPath(), "pei-serve-" + Guid.NewGuid().ToString("N")[..12]);
    }

    /// <summary>http://127.0.0.1:PORT/ once started.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The number of the build being served: 1 after the first, one more after each rebuild.</summary>
    public int Version => Volatile.Read(ref _version);

    /// <summary>Where the builds are written; deleted by <see cref="Dispose"/>.</summary>
    public string TempFolder { get; }

    /// <summary>Binds the port, builds the site once and starts serving and watching.</summary>
    /// <exception cref="PortUnavailableException">The port is in use or cannot be bound.</exception>
    public async Task StartAsync(CancellationToken cancel = default)
    {
        _listener = Listen(_port);
        BaseUrl = _listener.Prefixes.Single();
        // Watch before the first build, so an edit made while it runs is not lost.
        _watcher = new ChangeWatcher([_content, _theme]);
        await Task.Run(() => Rebuild(first: true), cancel);
        _accepting = Task.Run(AcceptAsync, CancellationToken.None);
        _rebuilding = Task.Run(RebuildOnChangeAsync, CancellationToken.None);
    }

    /// <summary>Completes when build <paramref name="version"/> (or a later one) is being served.</summary>
    public async Task WaitForVersionAsync(int version, CancellationToken cancel = default)
    {
        while (true)
        {
            var published = Volatile.Read(ref _published);
            if (Version >= version)
            {
                return;
            }
            await published.Task.WaitAsync(cancel);
        }
    }

    private static HttpListener Listen(int port)
    {
        HttpListenerException? last = null;
        // A free port found for 0 can be taken before we bind it: try a few.
        for (var attempt = 0; attempt < (port == 0 ? 5 : 1); attempt++)
        {
            var listener = new HttpListener { IgnoreWriteExceptions = true };
            listener.Prefixes.Add($"http://127.0.0.1:{(port == 0 ? FreePort() : port)}/");
            try
            {
                listener.Start();
                return listener;
            }
            catch (HttpListenerException e)
            {
                listener.Close();
                last = e;
            }
        }
        throw new PortUnavailableException(port, last!.Message);
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private async Task RebuildOnChangeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await _watcher!.WaitForChangesAsync(_stop.Token);
                Rebuild(first: false);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A long-running preview reports and keeps the last site rather than stop rebuilding.
                _err.WriteLine($"error: no se pudo reconstruir el sitio: {e.Message}");
            }
        }
    }

    /// <summary>One build, published as the next version whatever happens: the new site, or the last good one with a banner.</summary>
    private void Rebuild(bool first)
    {
        var clock = Stopwatch.StartNew();
        var version = Version + 1;
        var script = LiveReload.ScriptHref(version);
        var errors = new List<string>();
        IReadOnlyList<OutputFile>? files = null;
        try
        {
            var build = PreviewBuild.Prepare(_content, _theme);
            var diagnostics = build.Diagnostics.ToList();
            if (build is { Report: { } report, Renderer: { } renderer })
            {
                try
                {
                    files = PreviewBuild.Render(renderer, report, [], script);
                    _lastGood = (report, renderer);
                }
                catch (ThemeException e)
                {
                    diagnostics.Add(e.ToDiagnostic(_theme));
                }
            }
            foreach (var diagnostic in diagnostics)
            {
                _err.WriteLine(diagnostic);
            }
            errors.AddRange(diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.ToString()));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file removed or locked mid-read (a git checkout, an editor saving): the next change rebuilds.
            errors.Add($"error: no se pudo leer un archivo: {e.Message}");
            _err.WriteLine(errors[^1]);
        }
        if (files is null)
        {
            files = LastGoodWithBanner(errors, script);
            _err.WriteLine(files is not null
                ? $"{Count(errors.Count, "error", "errores")}; la vista previa sigue mostrando el último sitio válido, con los errores en un aviso."
                : $"{Count(errors.Count, "error", "errores")}; la vista previa muestra la lista de errores hasta que se corrijan.");
            files ??= BuildFailedPage.Files(errors, script);
        }
        Publish(files, version);
        if (errors.Count == 0)
        {
            _out.WriteLine(first ? $"Sitio generado en {clock.ElapsedMilliseconds} ms." : $"Reconstruido en {clock.ElapsedMilliseconds} ms.");
        }
    }

    /// <summary>The last good report and theme rendered again with the errors as a banner; null when there is none.</summary>
    private IReadOnlyList<OutputFile>? LastGoodWithBanner(IReadOnlyList<string> errors, string script)
    {
        if (_lastGood is not { } good)
        {
            return null;
        }
        try
        {
            IReadOnlyList<string> banner = ["El contenido tiene errores; la vista previa muestra la última versión válida:", .. errors];
            return PreviewBuild.Render(good.Renderer, good.Report, banner, script);
        }
        catch (ThemeException)
        {
            return null;
        }
    }

    private void Publish(IReadOnlyList<OutputFile> files, int version)
    {
        var folder = Path.Combine(TempFolder, "sitio-" + version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        SiteWriter.Write(files, folder);
        var stale = _previousRoot;
        _previousRoot = _root;
        _root = folder;
        Volatile.Write(ref _version, version);
        Interlocked.Exchange(ref _published, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        if (stale is not null)
        {
            TryDelete(stale);
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener!.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => RespondAsync(context));
        }
    }

    private async Task RespondAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            response.Headers["Cache-Control"] = "no-store";
            response.Headers["X-Content-Type-Options"] = "nosniff";
            if (request.HttpMethod is not ("GET" or "HEAD"))
            {
                response.Headers["Allow"] = "GET, HEAD";
                Send(context, 405, "text/plain; charset=utf-8", Utf8.GetBytes("Método no permitido\n"));
                return;
            }
            var raw = request.RawUrl ?? "/";
            var path = raw.Split('?', 2)[0];
            switch (path)
            {
                case LiveReload.ScriptPath:
                    Send(context, 200, SiteFiles.ContentType(path), Utf8.GetBytes(LiveReload.Script));
                    return;
                case LiveReload.VersionPath:
                    Send(context, 200, "text/plain; charset=utf-8", Utf8.GetBytes(Version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    return;
                case LiveReload.WaitPath:
                    if (LiveReload.VersionOf(request.QueryString["v"]) is not { } shown)
                    {
                        Send(context, 400, "text/plain; charset=utf-8", Utf8.GetBytes("Falta ?v=N\n"));
                        return;
                    }
                    var changed = await WaitForChangeAsync(shown);
                    Send(context, 200, SiteFiles.ContentType(path), Utf8.GetBytes(changed ? LiveReload.Reload : LiveReload.NoChange));
                    return;
            }
            var root = _root!;
            switch (SiteFiles.Resolve(root, path))
            {
                case SiteFiles.Found found:
                    Send(context, 200, SiteFiles.ContentType(found.File), await File.ReadAllBytesAsync(found.File, _stop.Token));
                    break;
                case SiteFiles.Redirect redirect:
                    response.RedirectLocation = redirect.Location;
                    Send(context, 301, "text/plain; charset=utf-8", []);
                    break;
                default:
                    var notFound = Path.Combine(root, SiteFiles.NotFoundPage);
                    Send(context, 404, SiteFiles.ContentType(notFound),
                        File.Exists(notFound) ? await File.ReadAllBytesAsync(notFound, _stop.Token) : Utf8.GetBytes("No encontrado\n"));
                    break;
            }
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away, the server is stopping, or the build being read was replaced: nothing to answer.
            response.Abort();
        }
    }

    /// <summary>True as soon as the served build is not <paramref name="shown"/>; false after <see cref="LiveReload.WaitLimit"/>.</summary>
    private async Task<bool> WaitForChangeAsync(int shown)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        limit.CancelAfter(LiveReload.WaitLimit);
        while (Version == shown)
        {
            var published = Volatile.Read(ref _published);
            if (Version != shown)
            {
                break;
            }
            try
            {
                await published.Task.WaitAsync(limit.Token);
            }
            catch (OperationCanceledException) when (!_stop.IsCancellationRequested)
            {
                return false;
            }
        }
        return true;
    }

    private static void Send(HttpListenerContext context, int status, string contentType, byte[] body)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength64 = body.Length;
        if (context.Request.HttpMethod != "HEAD")
        {
            response.OutputStream.Write(body);
        }
        response.Close();
    }

    private static string Count(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Stops serving and watching, waits for a rebuild in progress and deletes the temporary folder.</summary>
    public void Dispose()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }
        _stop.Cancel();
        _watcher?.Dispose();
        if (_listener is { } listener)
        {
            listener.Stop();
            listener.Close();
        }
        Task.WaitAll([_accepting, _rebuilding], TimeSpan.FromSeconds(30));
        if (Directory.Exists(TempFolder))
        {
            TryDelete(TempFolder);
        }
    }
}

/// <summary>serve cannot listen on the port asked for.</summary>
public sealed class PortUnavailableException(int port, string reason)
    : Exception($"no se puede usar el puerto {port} en 127.0.0.1 ({reason}); use --port con otro número, o --port 0 para elegir uno libre");
