using System.Text;

namespace Pei.Site.Serve;

/// <summary>One response of serve, written whole with its length.</summary>
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

    /// <summary>Writes the answer to <paramref name="response"/>: status, headers and, unless <paramref name="headOnly"/>, the body.</summary>
    public async Task WriteAsync(Microsoft.AspNetCore.Http.HttpResponse response, bool headOnly, CancellationToken cancel)
    {
        response.StatusCode = Status;
        response.ContentType = ContentType;
        response.ContentLength = Body.Length;
        response.Headers.CacheControl = "no-store";
        response.Headers["X-Content-Type-Options"] = "nosniff";
        if (Location is not null)
        {
            response.Headers.Location = Location;
        }
        if (Allow is not null)
        {
            response.Headers.Allow = Allow;
        }
        if (!headOnly)
        {
            await response.Body.WriteAsync(Body, cancel);
        }
    }
}
