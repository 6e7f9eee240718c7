using System.Globalization;
using System.Text;

namespace Pei.Site.Serve;

/// <summary>One response of serve, written whole with Connection: close (every connection carries one request).</summary>
internal sealed record HttpAnswer(int Status, string ContentType, byte[] Body)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public string? Location { get; init; }

    public string? Allow { get; init; }

    public static HttpAnswer Text(int status, string text) => new(status, "text/plain; charset=utf-8", Utf8.GetBytes(text));

    /// <summary>The answer to a request head that broke a limit or was not HTTP.</summary>
    public static HttpAnswer Refusal(int status) => Text(status, status switch
    {
        408 => "La solicitud tardó demasiado\n",
        414 => "La dirección solicitada es demasiado larga\n",
        431 => "Las cabeceras de la solicitud son demasiado grandes\n",
        503 => "El servidor está ocupado; vuelva a intentarlo\n",
        _ => "Solicitud no válida\n",
    });

    public async Task WriteAsync(Stream stream, bool headOnly, CancellationToken cancel)
    {
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {Status} {Reason(Status)}\r\n");
        head.Append(CultureInfo.InvariantCulture, $"Content-Type: {ContentType}\r\n");
        head.Append(CultureInfo.InvariantCulture, $"Content-Length: {Body.Length}\r\n");
        head.Append("Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n");
        if (Location is not null)
        {
            head.Append(CultureInfo.InvariantCulture, $"Location: {Location}\r\n");
        }
        if (Allow is not null)
        {
            head.Append(CultureInfo.InvariantCulture, $"Allow: {Allow}\r\n");
        }
        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), cancel);
        if (!headOnly)
        {
            await stream.WriteAsync(Body, cancel);
        }
        await stream.FlushAsync(cancel);
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        414 => "URI Too Long",
        421 => "Misdirected Request",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "Status",
    };
}
