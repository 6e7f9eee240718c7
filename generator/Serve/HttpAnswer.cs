using System.Text;

namespace Pei.Site.Serve;

/// <summary>One response of serve, written whole with its length.</summary>
internal sealed record HttpAnswer(int Status, string ContentType, byte[] Body)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public string? Location { get; init; }

    public string? Allow { get; init; }

    public static HttpAnswer Text(int status, string text) => new(status, "text/plain; charset=utf-8", Utf8.GetBytes(text));

    /// <summary>The answer when the server holds as many live-reload waits as it allows.</summary>
    public static HttpAnswer Busy() => Text(503, "El servidor está ocupado; vuelva a intentarlo\n");

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
