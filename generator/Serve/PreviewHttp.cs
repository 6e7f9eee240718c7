using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Pei.Site.Serve;

/// <summary>
/// The preview's HTTP server: Kestrel, the server of ASP.NET Core (a shared framework the program carries), listening on
/// 127.0.0.1 only, with no configuration read from files or the environment and every request handed to one delegate.
/// Its limits: a request line of <see cref="MaxRequestLine"/> (414 past it), <see cref="MaxHeaderCount"/> headers of
/// <see cref="MaxHeaderBytes"/> in all (431), the request head within the read time (408), <see cref="MaxConnections"/>
/// connections open at once, and no request body.
/// </summary>
internal sealed class PreviewHttp : IAsyncDisposable
{
    public const int MaxRequestLine = 8 * 1024;
    public const int MaxHeaderCount = 100;
    public const int MaxHeaderBytes = 32 * 1024;

    /// <summary>Connections open at once; Kestrel answers more with 503 until one closes.</summary>
    public const int MaxConnections = 1024;

    private readonly WebApplication _app;

    private PreviewHttp(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    /// <summary>The port it listens on (the one asked for, or the free one picked for 0).</summary>
    public int Port { get; }

    /// <summary>A request as the preview answers it: its method, its target as sent (path and query), and its Host.</summary>
    public sealed record Request(string Method, string Target, string? Host);

    /// <exception cref="PortUnavailableException">The port is in use or cannot be bound.</exception>
    public static async Task<PreviewHttp> StartAsync(int port, TimeSpan readTimeout, Func<Request, CancellationToken, Task<HttpAnswer>> respond, CancellationToken cancel)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "pei-site", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.Limits.MaxRequestLineSize = MaxRequestLine;
            kestrel.Limits.MaxRequestHeaderCount = MaxHeaderCount;
            kestrel.Limits.MaxRequestHeadersTotalSize = MaxHeaderBytes;
            kestrel.Limits.RequestHeadersTimeout = readTimeout;
            kestrel.Limits.KeepAliveTimeout = readTimeout;
            kestrel.Limits.MaxConcurrentConnections = MaxConnections;
            kestrel.Limits.MaxConcurrentUpgradedConnections = 0;
            kestrel.Limits.MaxRequestBodySize = 0;
        });
        var app = builder.Build();
        app.Run(async context =>
        {
            var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path + context.Request.QueryString;
            var host = context.Request.Headers.Host.Count == 1 ? context.Request.Headers.Host[0] : null;
            var answer = await respond(new Request(context.Request.Method, raw, host), context.RequestAborted);
            await answer.WriteAsync(context.Response, HttpMethods.IsHead(context.Request.Method), context.RequestAborted);
        });
        try
        {
            await app.StartAsync(cancel);
        }
        catch (IOException e)
        {
            await app.DisposeAsync();
            throw new PortUnavailableException(port, e.InnerException?.Message ?? e.Message);
        }
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new PreviewHttp(app, new Uri(address).Port);
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _app.StopAsync(stopping.Token);
        }
        catch (OperationCanceledException)
        {
        }
        await _app.DisposeAsync();
    }
}
