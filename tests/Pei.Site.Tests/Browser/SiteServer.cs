using System.Net;
using System.Net.Sockets;
using Pei.Site.Serve;

namespace Pei.Site.Tests.Browser;

/// <summary>A static HTTP server on 127.0.0.1 over a built site, as GitHub Pages would serve it (404.html for missing paths).</summary>
public sealed class SiteServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly string root;
    private readonly Task loop;

    public SiteServer(string root)
    {
        this.root = Path.GetFullPath(root);
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}/";
        listener.Prefixes.Add(BaseUrl);
        listener.Start();
        loop = Task.Run(Serve);
    }

    public string BaseUrl { get; }

    private async Task Serve()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            // Pages are visited two at a time: each request is answered on its own.
            _ = Task.Run(() =>
            {
                try
                {
                    Respond(context);
                }
                catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
                {
                }
            });
        }
    }

    /// <summary>Serves a request the way the generator's own preview server resolves paths (one mapping for both).</summary>
    private void Respond(HttpListenerContext context)
    {
        var resolution = SiteFiles.Resolve(root, context.Request.Url!.AbsolutePath);
        if (resolution is SiteFiles.Redirect redirect)
        {
            context.Response.StatusCode = 301;
            context.Response.RedirectLocation = redirect.Location;
            context.Response.Close();
            return;
        }
        var (status, path) = resolution is SiteFiles.Found found ? (200, found.File) : (404, Path.Combine(root, SiteFiles.NotFoundPage));
        var bytes = File.Exists(path) ? File.ReadAllBytes(path) : [];
        context.Response.StatusCode = status;
        context.Response.ContentType = SiteFiles.ContentType(path);
        context.Response.ContentLength64 = bytes.Length;
        context.Response.OutputStream.Write(bytes);
        context.Response.Close();
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        // Close alone: Stop and then Close removes the listener twice, and the second removal looks its port up again,
        // binding it anew when it is gone ("Address already in use" once another server has taken the port).
        listener.Close();
        loop.Wait(TimeSpan.FromSeconds(5));
    }
}
