using System.Net.Sockets;
using System.Text;
using Pei.Site.Tests.Serve;

namespace Pei.Site.Tests.Hardening;

/// <summary>
/// serve answers only requests addressed to a loopback name or address (DNS rebinding: a page of another site that
/// resolves its own name to 127.0.0.1 sends that name as Host), and waits never starve page loads: hundreds of
/// live-reload waits and slow clients leave pages served at once.
/// </summary>
public sealed class ServeHostTests : IAsyncLifetime
{
    private readonly ServedContent served = new(prepare: ServedContent.Unpublish);

    public Task InitializeAsync() => served.InitializeAsync();

    public Task DisposeAsync() => served.DisposeAsync();

    private int Port => new Uri(served.Server.BaseUrl).Port;

    /// <summary>Sends <paramref name="head"/> as is and returns the whole answer (status line, headers and body).</summary>
    private async Task<string> AnswerAsync(string head)
    {
        using var client = new TcpClient();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await client.ConnectAsync("127.0.0.1", Port, limit.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), limit.Token);
        using var answer = new MemoryStream();
        await stream.CopyToAsync(answer, limit.Token);
        return Encoding.UTF8.GetString(answer.ToArray());
    }

    private static int Status(string answer) => int.Parse(answer.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);

    public static TheoryData<string> ForeignHosts => new()
    {
        "atacante.example",
        "atacante.example:{port}",
        "localhost.atacante.example:{port}",
        "127.0.0.1.nip.io:{port}",
        "0.0.0.0:{port}",
        "192.168.1.10:{port}",
        "[::2]:{port}",
        "[fe80::1]:{port}",
        "",
    };

    [Theory]
    [MemberData(nameof(ForeignHosts))]
    public async Task A_request_addressed_to_another_name_is_answered_421_without_the_page(string host)
    {
        foreach (var path in new[] { "/", "/datos/plan.json", "/__pei/version", "/no-existe/" })
        {
            var answer = await AnswerAsync($"GET {path} HTTP/1.1\r\nHost: {host.Replace("{port}", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)}\r\nConnection: close\r\n\r\n");

            Assert.Equal(421, Status(answer));
            Assert.Contains("Esta vista previa solo responde a las direcciones de esta máquina", answer, StringComparison.Ordinal);
            Assert.DoesNotContain("BORRADOR", answer, StringComparison.Ordinal);
            Assert.DoesNotContain("106", answer, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("localhost@atacante.example")]
    [InlineData("127.0.0.1:puerto")]
    [InlineData("atacante.example/127.0.0.1")]
    public async Task A_host_that_is_not_a_name_is_a_bad_request_without_the_page(string host)
    {
        var answer = await AnswerAsync($"GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");

        Assert.Equal(400, Status(answer));
        Assert.DoesNotContain("BORRADOR", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_without_a_host_or_with_two_is_refused()
    {
        Assert.Equal(421, Status(await AnswerAsync("GET / HTTP/1.0\r\n\r\n")));
        Assert.Equal(400, Status(await AnswerAsync($"GET / HTTP/1.1\r\nHost: 127.0.0.1:{Port}\r\nHost: atacante.example\r\n\r\n")));
        Assert.Equal(400, Status(await AnswerAsync($"GET / HTTP/1.1\r\nHost: atacante.example\r\nhost: 127.0.0.1:{Port}\r\n\r\n")));
    }

    [Theory]
    [InlineData("127.0.0.1:{port}")]
    [InlineData("127.0.0.1")]
    [InlineData("localhost:{port}")]
    [InlineData("LocalHost:{port}")]
    [InlineData("localhost.:{port}")]
    [InlineData("vista.localhost:{port}")]
    [InlineData("[::1]:{port}")]
    [InlineData("127.0.0.2:9000")]
    public async Task A_request_addressed_to_this_machine_is_served(string host)
    {
        var answer = await AnswerAsync($"GET / HTTP/1.1\r\nHost: {host.Replace("{port}", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)}\r\nConnection: close\r\n\r\n");

        Assert.Equal(200, Status(answer));
        Assert.Contains("BORRADOR", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hundreds_of_live_reload_waits_and_slow_clients_leave_pages_served()
    {
        var version = await served.Http.GetStringAsync("/__pei/version");
        var waits = new List<Task<string>>();
        var slow = new List<TcpClient>();
        try
        {
            // More waits than the server holds (one per open tab): those past its limit are answered 503 at once.
            for (var i = 0; i < 300; i++)
            {
                waits.Add(AnswerAsync($"GET /__pei/espera.js?v={version}&t={i} HTTP/1.1\r\nHost: 127.0.0.1:{Port}\r\nConnection: close\r\n\r\n"));
            }
            // And clients that send half a request head and then nothing.
            for (var i = 0; i < 100; i++)
            {
                var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                await client.GetStream().WriteAsync(Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
                slow.Add(client);
            }
            var refused = await Task.WhenAll(waits.Take(300).Select(async w => await Task.WhenAny(w, Task.Delay(TimeSpan.FromSeconds(5))) == w ? Status(await w) : 0));
            Assert.Equal(300 - Pei.Site.Serve.PreviewServer.MaxWaits, refused.Count(s => s == 503));

            var started = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < 5; i++)
            {
                using var response = await served.Http.GetAsync("/");
                Assert.Equal(200, (int)response.StatusCode);
            }
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"five pages took {started.Elapsed}");
        }
        finally
        {
            slow.ForEach(c => c.Dispose());
        }
        // An edit answers every wait still held with a reload.
        var file = served.IndicatorFile("4199");
        File.WriteAllText(file, File.ReadAllText(file).Replace("ejecutado: 0.36456", "ejecutado: 0.37", StringComparison.Ordinal));
        var answers = await Task.WhenAll(waits).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(Pei.Site.Serve.PreviewServer.MaxWaits, answers.Count(a => a.EndsWith("location.reload();\n", StringComparison.Ordinal)));
    }
}
