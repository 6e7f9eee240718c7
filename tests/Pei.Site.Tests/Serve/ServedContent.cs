using System.Net.Sockets;
using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Pei.Site.Serve;

namespace Pei.Site.Tests.Serve;

/// <summary>A copy of the real content (and optionally of the theme) previewed by a <see cref="PreviewServer"/> on a free port.</summary>
public sealed class ServedContent : IAsyncLifetime
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    private readonly TempFolder _temp = new();
    private readonly TimeSpan? _readTimeout;

    /// <param name="readTimeout">How long the server gives a client to send a request head; its default when not given.</param>
    public ServedContent(bool copyTheme = false, Action<string>? prepare = null, TimeSpan? readTimeout = null)
    {
        _readTimeout = readTimeout;
        Content = _temp.Copy(Repository.PublishedJune2025, "content");
        prepare?.Invoke(Content);
        Theme = copyTheme ? _temp.Copy(Repository.Theme, "site-theme") : Repository.Theme;
    }

    public string Content { get; }

    /// <summary>
    /// Turns a copy of the real content back into the state before publicar: the 2025-06-30 cut-off a draft again and
    /// no record, so its figures may change without a correction (a published cut-off's may not).
    /// </summary>
    public static void Unpublish(string content)
    {
        var plan = Path.Combine(content, "plan.yaml");
        var text = File.ReadAllText(plan);
        Assert.Contains("    titulo: Segundo trimestre 2025\n", text, StringComparison.Ordinal);
        File.WriteAllText(plan, text.Replace("    titulo: Segundo trimestre 2025\n", "    titulo: Segundo trimestre 2025\n    borrador: true\n", StringComparison.Ordinal));
        Directory.Delete(Path.Combine(content, "publicaciones"), recursive: true);
    }

    public string Theme { get; }

    public StringWriter Stdout { get; } = new();

    public StringWriter Stderr { get; } = new();

    public PreviewServer Server { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public string IndicatorFile(string id) => Directory.GetFiles(Content, id + ".yaml", SearchOption.AllDirectories).Single();

    public async Task InitializeAsync()
    {
        Server = new PreviewServer(Content, Theme, 0, Stdout, Stderr, _readTimeout);
        // The first build compiles the theme (a few seconds, once per process).
        using var start = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await Server.StartAsync(start.Token);
        Http = new HttpClient { BaseAddress = new Uri(Server.BaseUrl), Timeout = Limit };
    }

    public Task DisposeAsync()
    {
        Http?.Dispose();
        Server?.Dispose();
        _temp.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Replaces text in a content file and waits for the rebuild it causes; returns how long that took.</summary>
    public async Task<TimeSpan> EditAsync(string file, string from, string to)
    {
        var text = await File.ReadAllTextAsync(file);
        Assert.Contains(from, text, StringComparison.Ordinal);
        var version = Server.Version;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await File.WriteAllTextAsync(file, text.Replace(from, to, StringComparison.Ordinal));
        await WaitForRebuildAfterAsync(version);
        return clock.Elapsed;
    }

    public async Task WaitForRebuildAfterAsync(int version)
    {
        using var limit = new CancellationTokenSource(Limit);
        await Server.WaitForVersionAsync(version + 1, limit.Token);
    }

    public async Task<string> GetTextAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    public async Task<IHtmlDocument> GetPageAsync(string path) => new HtmlParser().ParseDocument(await GetTextAsync(path));

    /// <summary>Sends a request line exactly as written (HttpClient would normalise "/../"); returns the status and body.</summary>
    public async Task<(int Status, string Body)> GetRawAsync(string target)
    {
        var uri = new Uri(Server.BaseUrl);
        using var client = new TcpClient();
        using var limit = new CancellationTokenSource(Limit);
        await client.ConnectAsync(uri.Host, uri.Port, limit.Token);
        var stream = client.GetStream();
        var request = Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: {uri.Authority}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(request, limit.Token);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync(limit.Token);
        var status = int.Parse(response.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, response);
    }
}
