using System.Net;

namespace Pei.Site.Serve;

/// <summary>
/// The names a request to the preview may be addressed to. serve listens on 127.0.0.1 only, but a web page the planner
/// opens elsewhere can still reach it through DNS rebinding: a name of the attacker's that first resolves to the
/// attacker's server and then to 127.0.0.1, so the browser treats the preview as the attacker's own site and lets the
/// page read it, unpublished draft figures included. The browser still sends the attacker's name in the Host header:
/// only loopback names and addresses are answered (localhost and names under .localhost, which browsers resolve to the
/// machine itself without asking DNS, and loopback IP addresses), with any port, so a forwarded port still works.
/// </summary>
internal static class LoopbackHost
{
    public static bool Admits(string? host)
    {
        if (string.IsNullOrEmpty(host))
        {
            return false;
        }
        var name = host;
        if (name.StartsWith('['))
        {
            var close = name.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || !PortOrNothing(name[(close + 1)..]))
            {
                return false;
            }
            return IPAddress.TryParse(name[1..close], out var v6) && IsLoopback(v6);
        }
        var colon = name.LastIndexOf(':');
        if (colon >= 0)
        {
            if (!PortOrNothing(name[colon..]))
            {
                return false;
            }
            name = name[..colon];
        }
        name = name.TrimEnd('.').ToLowerInvariant();
        if (name == "localhost" || (name.EndsWith(".localhost", StringComparison.Ordinal) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.')))
        {
            return true;
        }
        // Only a dotted IPv4 address of four numbers: "127.1" or "2130706433" are left to the browser to normalise.
        return name.Count(c => c == '.') == 3 && name.All(c => char.IsAsciiDigit(c) || c == '.') && IPAddress.TryParse(name, out var v4) && IsLoopback(v4);
    }

    private static bool IsLoopback(IPAddress address) =>
        IPAddress.IsLoopback(address) || (address.IsIPv4MappedToIPv6 && IPAddress.IsLoopback(address.MapToIPv4()));

    /// <summary>"" or ":8080".</summary>
    private static bool PortOrNothing(string rest) =>
        rest.Length == 0 || (rest[0] == ':' && rest.Length is > 1 and <= 6 && rest[1..].All(char.IsAsciiDigit));

    /// <summary>The answer to a request addressed to any other name: 421, saying where the preview is.</summary>
    public static HttpAnswer Refusal(string baseUrl) =>
        HttpAnswer.Text(421, $"Esta vista previa solo responde a las direcciones de esta máquina: abra {baseUrl} o http://localhost:{new Uri(baseUrl).Port}/\n");
}
