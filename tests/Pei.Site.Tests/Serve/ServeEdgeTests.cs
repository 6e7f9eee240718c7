using System.Net;
using System.Net.Sockets;

namespace Pei.Site.Tests.Serve;

/// <summary>serve when nothing built yet, when the theme changes, and as a command.</summary>
public sealed class ServeEdgeTests
{
    [Fact]
    public async Task A_first_build_with_errors_lists_them_encoded_and_the_site_appears_once_fixed()
    {
        var served = new ServedContent(prepare: content =>
        {
            var file = Directory.GetFiles(content, "4199.yaml", SearchOption.AllDirectories).Single();
            File.WriteAllText(file, File.ReadAllText(file).Replace("ponderacion: 50", "ponderacion: <b>cincuenta</b>", StringComparison.Ordinal));
        });
        await served.InitializeAsync();
        try
        {
            foreach (var (path, status) in new[] { ("", HttpStatusCode.OK), ("objetivos/3/", HttpStatusCode.NotFound) })
            {
                using var response = await served.Http.GetAsync(path);
                var html = await response.Content.ReadAsStringAsync();
                Assert.Equal(status, response.StatusCode);
                Assert.Contains("La vista previa no se pudo generar", html, StringComparison.Ordinal);
                Assert.Contains("error PEI008", html, StringComparison.Ordinal);
                Assert.Contains("&lt;b&gt;cincuenta&lt;/b&gt;", html, StringComparison.Ordinal);
                Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
                Assert.Contains("<script src=\"/__pei/recarga.js?v=1\" defer></script>", html, StringComparison.Ordinal);
            }

            await served.EditAsync(served.IndicatorFile("4199"), "ponderacion: <b>cincuenta</b>", "ponderacion: 50");

            var home = await served.GetTextAsync("");
            Assert.Contains("106,16", home, StringComparison.Ordinal);
            Assert.DoesNotContain("La vista previa no se pudo generar", home, StringComparison.Ordinal);
        }
        finally
        {
            await served.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_edited_layout_is_compiled_again_and_a_broken_one_is_listed_over_the_last_good_site_until_fixed()
    {
        var served = new ServedContent(copyTheme: true);
        await served.InitializeAsync();
        try
        {
            var layout = Path.Combine(served.Theme, "layouts", "_Layout.cshtml");
            await served.EditAsync(layout, "Saltar al contenido", "Ir al contenido");
            Assert.Contains("Ir al contenido", await served.GetTextAsync(""), StringComparison.Ordinal);

            await served.EditAsync(layout, "@Model.Title", "@Model.NoSuchProperty");
            var page = await served.GetTextAsync("");
            // The last good site stays, with the template's error in the banner.
            Assert.Contains("Ir al contenido", page, StringComparison.Ordinal);
            Assert.Contains("El tema tiene errores; la vista previa muestra la última versión válida", page, StringComparison.Ordinal);
            Assert.Contains("layouts/_Layout.cshtml:1:1: error PEI100", page, StringComparison.Ordinal);
            Assert.Contains("NoSuchProperty", served.Stderr.ToString(), StringComparison.Ordinal);

            await served.EditAsync(layout, "@Model.NoSuchProperty", "@Model.Title");
            var fixedPage = await served.GetTextAsync("");
            Assert.Contains("Ir al contenido", fixedPage, StringComparison.Ordinal);
            Assert.DoesNotContain("PEI100", fixedPage, StringComparison.Ordinal);
        }
        finally
        {
            await served.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_serve_command_prints_its_address_serves_and_exits_zero_when_cancelled()
    {
        using var temp = new TempFolder();
        var content = temp.Copy(Repository.PublishedJune2025, "content");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var run = Task.Run(() => Pei.Site.Cli.ServeCommand.Run(content, Repository.Theme, 0, stdout, stderr, cancel.Token));

        var line = await LineAsync(stdout, "Vista previa en ", run);
        var match = System.Text.RegularExpressions.Regex.Match(line, @"^Vista previa en (http://127\.0\.0\.1:\d+/) \(Ctrl\+C para terminar\)$");
        Assert.True(match.Success, line);
        using var http = new HttpClient { Timeout = ServedContent.Limit };
        Assert.Contains("106,16", await http.GetStringAsync(match.Groups[1].Value), StringComparison.Ordinal);

        await cancel.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("", stderr.ToString());
        Assert.Contains("Vista previa detenida.", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_port_that_is_not_a_number_is_a_usage_error()
    {
        var outcome = Cli.Run("serve", "--port", "abc");
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("puerto no válido 'abc'", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_port_in_use_is_a_usage_error_in_spanish()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var outcome = Bounded.Run(() => Cli.Run("serve", "--content", Repository.PublishedJune2025, "--theme", Repository.Theme, "--port", port), "serve on a taken port");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains($"no se puede usar el puerto {port} en 127.0.0.1", outcome.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_content_folder_is_a_content_error()
    {
        using var temp = new TempFolder();
        var outcome = Cli.Run("serve", "--content", temp["no-existe"], "--port", "0");
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("error PEI016", outcome.Stderr, StringComparison.Ordinal);
    }

    private static async Task<string> LineAsync(StringWriter writer, string start, Task running)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline && !running.IsCompleted)
        {
            string text;
            lock (writer)
            {
                text = writer.ToString();
            }
            if (text.Split('\n').FirstOrDefault(l => l.StartsWith(start, StringComparison.Ordinal)) is { } line)
            {
                return line.TrimEnd('\r');
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"no line starting with '{start}' in: {writer}");
    }
}
