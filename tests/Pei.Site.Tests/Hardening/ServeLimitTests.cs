using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Pei.Site.Tests.Serve;

namespace Pei.Site.Tests.Hardening;

/// <summary>serve answers huge, crowded and slow requests with a bounded answer, without reading them whole, and keeps serving.</summary>
public sealed class ServeLimitTests : IAsyncLifetime
{
    private readonly ServedContent served = new();

    public Task InitializeAsync() => served.InitializeAsync();

    public Task DisposeAsync() => served.DisposeAsync();

    /// <summary>Sends <paramref name="head"/> (written by a background task, which may be cut off) and reads the status line of the answer.</summary>
    private Task<int> StatusForAsync(Func<Stream, CancellationToken, Task> head) => StatusForAsync(served, head);

    private static async Task<int> StatusForAsync(ServedContent server, Func<Stream, CancellationToken, Task> head)
    {
        var uri = new Uri(server.Server.BaseUrl);
        using var client = new TcpClient();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await client.ConnectAsync(uri.Host, uri.Port, limit.Token);
        var stream = client.GetStream();
        var writing = Task.Run(async () =>
        {
            try
            {
                await head(stream, limit.Token);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The server answered and closed before reading everything: that is the point.
            }
        });
        var answer = new StringBuilder();
        var buffer = new byte[4096];
        while (!answer.ToString().Contains("\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, limit.Token);
            Assert.NotEqual(0, read);
            answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }
        client.Close();
        await limit.CancelAsync();
        await writing.WaitAsync(TimeSpan.FromSeconds(60));
        return int.Parse(answer.ToString().Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Func<Stream, CancellationToken, Task> Send(string text) =>
        (stream, cancel) => stream.WriteAsync(Encoding.ASCII.GetBytes(text), cancel).AsTask();

    private async Task AssertStillServesAsync() => Assert.Contains("106,16", await served.GetTextAsync(""), StringComparison.Ordinal);

    [Fact]
    public async Task A_256_MB_request_line_is_answered_414_without_being_held_in_memory()
    {
        var memoryBefore = Process.GetCurrentProcess().WorkingSet64;
        var chunk = Encoding.ASCII.GetBytes(new string('a', 1024 * 1024));

        var status = await StatusForAsync(async (stream, cancel) =>
        {
            await stream.WriteAsync("GET /"u8.ToArray(), cancel);
            for (var i = 0; i < 256; i++)
            {
                await stream.WriteAsync(chunk, cancel);
            }
            await stream.WriteAsync(" HTTP/1.1\r\n\r\n"u8.ToArray(), cancel);
        });

        Assert.Equal(414, status);
        // Holding the line would take 256 MB or more; the margin leaves room for tests running beside this one.
        Assert.True(Process.GetCurrentProcess().WorkingSet64 - memoryBefore < 160L * 1024 * 1024, "serve held the request line in memory");
        await AssertStillServesAsync();
    }

    [Fact]
    public async Task A_request_line_just_within_the_limit_is_answered()
    {
        Assert.Equal(404, await StatusForAsync(Send($"GET /{new string('a', 8000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")));
    }

    [Fact]
    public async Task Too_many_headers_are_answered_431()
    {
        var headers = string.Concat(Enumerable.Range(0, 500).Select(i => $"X-Cabecera-{i}: {i}\r\n"));

        Assert.Equal(431, await StatusForAsync(Send($"GET / HTTP/1.1\r\nHost: x\r\n{headers}\r\n")));
        await AssertStillServesAsync();
    }

    [Fact]
    public async Task Headers_too_large_in_all_are_answered_431()
    {
        var status = await StatusForAsync(async (stream, cancel) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: x\r\nX-Grande: "), cancel);
            for (var i = 0; i < 1024; i++)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes(new string('b', 64 * 1024)), cancel);
            }
        });

        Assert.Equal(431, status);
        await AssertStillServesAsync();
    }

    [Fact]
    public async Task Garbage_is_answered_400()
    {
        Assert.Equal(400, await StatusForAsync(Send("\u0001\u0002 basura\r\n\r\n")));
    }

    [Fact]
    public async Task A_client_that_stops_sending_is_answered_408_and_does_not_hold_the_server()
    {
        static async Task StopSending(Stream stream, CancellationToken cancel)
        {
            await stream.WriteAsync("GET / HT"u8.ToArray(), cancel);
            await Task.Delay(TimeSpan.FromSeconds(45), cancel);
        }

        // Others are served while a client that stopped in the middle of its request line holds a connection (for the
        // 10 s it has to send it).
        var uri = new Uri(served.Server.BaseUrl);
        using (var stopped = new TcpClient())
        {
            await stopped.ConnectAsync(uri.Host, uri.Port);
            await stopped.GetStream().WriteAsync("GET / HT"u8.ToArray());
            await AssertStillServesAsync();
        }

        // Once its time is up, it is answered 408: a server that gives 1 s shows it without waiting 10.
        var quick = new ServedContent(readTimeout: TimeSpan.FromSeconds(1));
        await quick.InitializeAsync();
        try
        {
            Assert.Equal(408, await StatusForAsync(quick, StopSending).WaitAsync(TimeSpan.FromSeconds(40)));
        }
        finally
        {
            await quick.DisposeAsync();
        }
    }

    [Fact]
    public async Task Many_idle_connections_do_not_stop_the_server_from_answering()
    {
        var uri = new Uri(served.Server.BaseUrl);
        var idle = new List<TcpClient>();
        try
        {
            for (var i = 0; i < 100; i++)
            {
                var client = new TcpClient();
                await client.ConnectAsync(uri.Host, uri.Port);
                idle.Add(client);
            }
            // Idle connections wait for their request head within a limit far above what a browser opens: the page is served.
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            using var response = await http.GetAsync(served.Server.BaseUrl);
            Assert.Equal(200, (int)response.StatusCode);
        }
        finally
        {
            idle.ForEach(c => c.Dispose());
        }
        await AssertStillServesAsync();
    }
}
