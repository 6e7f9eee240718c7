using System.Diagnostics;
using System.Text;
using Pei.Site.Build;
using Pei.Site.Diagnostics;
using Pei.Site.Load;
using Pei.Site.Method;
using Pei.Site.Render;

namespace Pei.Site.Serve;

/// <summary>
/// The preview of serve: serves the content (drafts included) on 127.0.0.1 only, rebuilds when the content or the theme
/// changes and makes open pages reload. A rebuild loads and computes the plan, reading again only the files the watcher
/// saw change (<see cref="ChangeWatcher"/>, <see cref="LoadMemo.Watched"/>; while idle, every file is asked whether it
/// changed unseen, every <see cref="Poll"/>), and publishes a new version of the site (<see cref="PreviewSite"/>): the
/// list of its files with nothing rendered and no page model built yet (<see cref="SiteRenderer.Files"/>). A
/// request renders the one file it asks for, from the version being served, and keeps its bytes for that version;
/// nothing is written to disk. So an edit costs a load of what changed, the method and the published-figure check of the
/// objectives it touched (<see cref="MethodMemo"/>), the rules over the whole plan, and then only the pages someone
/// looks at.
/// A build with content errors prints its diagnostics and publishes the last good report and theme, rendered as they
/// are asked for with the errors as a banner; a template that no longer compiles leaves the last good theme (its
/// compiled templates) in use the same way. Until a first build succeeds every path shows a page listing the
/// diagnostics instead, and so does a page whose template fails while rendering it when no earlier good site can.
/// HTTP is served by Kestrel (<see cref="PreviewHttp"/>), GET and HEAD only, with limits on the request head, at most
/// <see cref="MaxConnections"/> connections and <see cref="ReadTimeout"/> to send a request head, so neither a huge nor a
/// slow request can hold the server. Only requests addressed to a loopback name or address are answered
/// (<see cref="LoopbackHost"/>, against DNS rebinding). Waiting does not take a page's place: Kestrel serves every
/// connection on its own, live-reload waits have their own limit (<see cref="MaxWaits"/>, past which one is answered 503
/// at once and the page's script asks again a second later), well below the connection limit, so neither open tabs nor
/// slow clients leave a page load without an answer.
/// </summary>
public sealed class PreviewServer : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Connections open at once (<see cref="PreviewHttp.MaxConnections"/>).</summary>
    public const int MaxConnections = PreviewHttp.MaxConnections;

    /// <summary>Live-reload waits held at once (one per open preview tab); more are answered 503 at once.</summary>
    public const int MaxWaits = 256;

    /// <summary>
    /// How long after a build with no change the preview checks what the watcher may have missed and collects the old
    /// generation: each rebuild leaves the plan it replaced behind, and at 10,000 indicators collecting it in the middle of
    /// the next rebuild took a quarter of that rebuild.
    /// </summary>
    public static readonly TimeSpan Idle = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often an idle preview checks every file's stamp for a change the watcher did not report (at 10,000 indicators
    /// the check took 80–220 ms of one core on a busy 2-core machine: 2–4 % of a core while the preview stays open).
    /// </summary>
    public static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    /// <summary>How long a client has to send its request line and headers (408 after), unless the constructor says otherwise.</summary>
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(10);


    private readonly string _content;
    private readonly string _theme;
    private readonly int _port;
    private readonly TextWriter _out;
    private readonly TextWriter _err;
    private readonly TimeSpan _readTimeout;
    private readonly CancellationTokenSource _stop = new();
    private PreviewHttp? _http;
    private readonly SemaphoreSlim _waits = new(MaxWaits);
    private ChangeWatcher? _watcher;
    private Task _rebuilding = Task.CompletedTask;

    /// <summary>The version being served.</summary>
    private volatile PreviewSite? _site;
    private int _version;
    private TaskCompletionSource _published = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private (PlanReport Report, SiteRenderer Renderer)? _lastGood;

    /// <summary>What each rebuild read from each content file, for the next rebuild.</summary>
    private readonly LoadMemo _memo = new();

    /// <summary>What each rebuild computed for each objective at each cut-off, for the next rebuild.</summary>
    private readonly MethodMemo _computed = new();

    /// <param name="port">The port on 127.0.0.1; 0 picks a free one.</param>
    /// <param name="output">Where the start and every successful rebuild are reported.</param>
    /// <param name="errors">Where diagnostics are printed, as build prints them.</param>
    /// <param name="readTimeout">How long a client has to send a request head; <see cref="ReadTimeout"/> when not given.</param>
    public PreviewServer(string content, string theme, int port, TextWriter output, TextWriter errors, TimeSpan? readTimeout = null)
    {
        _content = content;
        _theme = theme;
        _port = port;
        _out = TextWriter.Synchronized(output);
        _err = TextWriter.Synchronized(errors);
        _readTimeout = readTimeout ?? ReadTimeout;
    }

    /// <summary>http://127.0.0.1:PORT/ once started.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>The number of the build being served: 1 after the first, one more after each rebuild.</summary>
    public int Version => Volatile.Read(ref _version);

    /// <summary>The version being served (for tests: what it rendered so far).</summary>
    internal PreviewSite? Site => _site;

    /// <summary>What the last rebuild's load read again and took from the memo (for tests and the rebuild message).</summary>
    internal LoadMemo Memo => _memo;

    /// <summary>What the last rebuild's method computed again and took from its memo (for tests).</summary>
    internal MethodMemo Computed => _computed;

    /// <summary>Binds the port, builds the site once and starts serving and watching.</summary>
    /// <exception cref="PortUnavailableException">The port is in use or cannot be bound.</exception>
    public async Task StartAsync(CancellationToken cancel = default)
    {
        _http = await PreviewHttp.StartAsync(_port, _readTimeout, RespondAsync, cancel);
        BaseUrl = $"http://127.0.0.1:{_http.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}/";
        // Watch before the first build, so an edit made while it runs is not lost.
        _watcher = new ChangeWatcher([_content, _theme]);
        await Task.Run(() => Rebuild(first: true), cancel);
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

    /// <summary>
    /// Rebuilds after each change. Once the preview has been idle for <see cref="Idle"/> after a build, while the planner
    /// reads, collects the garbage the build left (<see cref="MemoryPolicy.WhenIdle"/>); and while idle, every
    /// <see cref="Poll"/>, checks what the watcher may have missed (<see cref="LoadMemo.Stale"/>), rebuilding when it finds
    /// something: a file system that reports no events (a network or container mount) still gets its edits shown.
    /// </summary>
    private async Task RebuildOnChangeAsync()
    {
        var collected = false;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                if (!await _watcher!.WaitForChangesAsync(collected ? Poll : Idle, _stop.Token) && !_memo.Stale())
                {
                    if (!collected)
                    {
                        MemoryPolicy.WhenIdle();
                        collected = true;
                    }
                    continue;
                }
                Rebuild(first: false);
                collected = false;
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
        PreviewSite? site = null;
        // What the watcher saw change since the last build: the load asks only those files whether they changed.
        var changes = _watcher!.Take();
        _memo.Watched(changes.Paths, changes.Structure);
        try
        {
            var build = PreviewBuild.Prepare(_content, _theme, _memo, _computed);
            var diagnostics = build.Diagnostics.ToList();
            if (build is { Report: { } report, Renderer: { } renderer })
            {
                try
                {
                    var earlier = _lastGood;
                    site = new PreviewSite(version, PreviewBuild.Files(renderer, report, [], script),
                        (path, e) => RenderFailed(path, e, earlier, [], script));
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
        if (site is null)
        {
            site = LastGoodWithBanner(errors, script, version);
            _err.WriteLine(site is not null
                ? $"{Count(errors.Count, "error", "errores")}; la vista previa sigue mostrando el último sitio válido, con los errores en un aviso."
                : $"{Count(errors.Count, "error", "errores")}; la vista previa muestra la lista de errores hasta que se corrijan.");
            site ??= new PreviewSite(version, BuildFailedPage.Files(errors, script).Select(SiteFile.Of).ToList(),
                (_, e) => FailedPage([.. errors, e.ToDiagnostic(_theme).ToString()], script));
        }
        Publish(site);
        if (errors.Count == 0)
        {
            _out.WriteLine(first ? $"Sitio generado en {clock.ElapsedMilliseconds} ms." : $"Reconstruido en {clock.ElapsedMilliseconds} ms.");
        }
    }

    /// <summary>The last good report and theme, to be rendered again with the errors as a banner; null when there is none.</summary>
    private PreviewSite? LastGoodWithBanner(IReadOnlyList<string> errors, string script, int version)
    {
        if (_lastGood is not { } good)
        {
            return null;
        }
        try
        {
            // A broken template leaves the last good theme in use: its compiled templates are kept, not compiled again.
            var what = errors.Any(e => e.Contains(": error " + Diagnostics.Codes.ThemeError.Code, StringComparison.Ordinal)) ? "El tema tiene errores" : "El contenido tiene errores";
            IReadOnlyList<string> banner = [$"{what}; la vista previa muestra la última versión válida:", .. errors];
            return new PreviewSite(version, PreviewBuild.Files(good.Renderer, good.Report, banner, script),
                (path, e) => RenderFailed(path, e, null, errors, script));
        }
        catch (ThemeException)
        {
            return null;
        }
    }

    /// <summary>
    /// What a page whose template failed while rendering shows: the same page of the good site before it, with the error as
    /// a banner, when there is one and it renders; else the page listing the errors. The error is printed as it happens.
    /// </summary>
    private byte[] RenderFailed(string path, ThemeException failure, (PlanReport Report, SiteRenderer Renderer)? earlier, IReadOnlyList<string> errors,
        string script)
    {
        var diagnostic = failure.ToDiagnostic(_theme).ToString();
        _err.WriteLine(diagnostic);
        IReadOnlyList<string> all = [.. errors, diagnostic];
        if (earlier is { } good)
        {
            try
            {
                IReadOnlyList<string> banner = ["El tema tiene errores; la vista previa muestra la última versión válida:", .. all];
                if (PreviewBuild.Files(good.Renderer, good.Report, banner, script).FirstOrDefault(f => f.Path == path) is { } file)
                {
                    return file.Render().Content;
                }
            }
            catch (ThemeException)
            {
            }
        }
        return FailedPage(all, script);
    }

    private static byte[] FailedPage(IReadOnlyList<string> errors, string script) => BuildFailedPage.Files(errors, script)[0].Content;

    private void Publish(PreviewSite site)
    {
        _site = site;
        Volatile.Write(ref _version, site.Version);
        Interlocked.Exchange(ref _published, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    private async Task<HttpAnswer> RespondAsync(PreviewHttp.Request request, CancellationToken cancel)
    {
        // Kestrel listens before the first build ends: a request that early waits for it.
        await WaitForVersionAsync(1, cancel);
        if (!LoopbackHost.Admits(request.Host))
        {
            return LoopbackHost.Refusal(BaseUrl);
        }
        if (request.Method is not ("GET" or "HEAD"))
        {
            return HttpAnswer.Text(405, "Método no permitido\n") with { Allow = "GET, HEAD" };
        }
        var parts = request.Target.Split('?', 2);
        var path = parts[0];
        switch (path)
        {
            case LiveReload.ScriptPath:
                return new HttpAnswer(200, SiteFiles.ContentType(path), Utf8.GetBytes(LiveReload.Script));
            case LiveReload.VersionPath:
                return HttpAnswer.Text(200, Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
            case LiveReload.WaitPath:
                if (LiveReload.VersionOf(QueryValue(parts.Length > 1 ? parts[1] : "", "v")) is not { } shown)
                {
                    return HttpAnswer.Text(400, "Falta ?v=N\n");
                }
                if (!_waits.Wait(0))
                {
                    return HttpAnswer.Busy();
                }
                try
                {
                    var changed = await WaitForChangeAsync(shown, cancel);
                    return new HttpAnswer(200, SiteFiles.ContentType(path), Utf8.GetBytes(changed ? LiveReload.Reload : LiveReload.NoChange));
                }
                finally
                {
                    _waits.Release();
                }
        }
        // The version served when the request came: its files render from its own report and theme.
        var site = _site!;
        try
        {
            switch (SiteFiles.Resolve(site.Tree, path))
            {
                case SiteFiles.Found found:
                    return new HttpAnswer(200, SiteFiles.ContentType(found.File), site.Content(found.File));
                case SiteFiles.Redirect redirect:
                    return new HttpAnswer(301, "text/plain; charset=utf-8", []) { Location = redirect.Location };
                default:
                    return new HttpAnswer(404, SiteFiles.ContentType(SiteFiles.NotFoundPage),
                        site.Tree.IsFile(SiteFiles.NotFoundPage) ? site.Content(SiteFiles.NotFoundPage) : Utf8.GetBytes("No encontrado\n"));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A file that cannot be rendered (not a template's error, which has its page): said, and the server goes on.
            _err.WriteLine($"error: no se pudo generar {path}: {e.Message}");
            return HttpAnswer.Text(500, $"No se pudo generar la página: {e.Message}\n");
        }
    }

    /// <summary>The first value of <paramref name="name"/> in a raw query string, percent-decoded; null when absent.</summary>
    private static string? QueryValue(string query, string name)
    {
        foreach (var pair in query.Split('&'))
        {
            var (key, value) = pair.IndexOf('=') is var equals and >= 0 ? (pair[..equals], pair[(equals + 1)..]) : (pair, "");
            if (key == name)
            {
                try
                {
                    return Uri.UnescapeDataString(value);
                }
                catch (UriFormatException)
                {
                    return null;
                }
            }
        }
        return null;
    }

    /// <summary>True as soon as the served build is not <paramref name="shown"/>; false after <see cref="LiveReload.WaitLimit"/>.</summary>
    private async Task<bool> WaitForChangeAsync(int shown, CancellationToken cancel)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token, cancel);
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

    private static string Count(int count, string one, string many) => $"{count} {(count == 1 ? one : many)}";

    /// <summary>Stops serving and watching, and waits for a rebuild in progress.</summary>
    public void Dispose()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }
        _stop.Cancel();
        _watcher?.Dispose();
        if (_http is { } http)
        {
            http.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(30));
        }
        _rebuilding.Wait(TimeSpan.FromSeconds(30));
    }
}

/// <summary>serve cannot listen on the port asked for.</summary>
public sealed class PortUnavailableException(int port, string reason)
    : Exception($"no se puede usar el puerto {port} en 127.0.0.1 ({reason}); use --port con otro número, o --port 0 para elegir uno libre");
