namespace Pei.Site.Model;

/// <summary>The rules for web addresses the plan and the command line give: absolute, http or https.</summary>
public static class WebAddress
{
    /// <summary>An absolute http(s) address with a host, or null when <paramref name="text"/> is not one.</summary>
    public static Uri? Parse(string text) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment)
            ? uri
            : null;

    /// <summary>Whether the address carries a user name or password before its host ("https://usuario:clave@…").</summary>
    public static bool HasCredentials(Uri address) => address.UserInfo.Length > 0;

    /// <summary>The address with whatever came before '@' in its authority written "…", for messages that must not repeat a password.</summary>
    public static string WithoutCredentials(Uri address) =>
        HasCredentials(address) ? $"{address.Scheme}://…@{address.Authority}{address.PathAndQuery}" : address.ToString();

    /// <summary>A site's base address: the same address ending with '/', so page paths resolve under it.</summary>
    public static Uri AsBase(Uri address) =>
        address.AbsolutePath.EndsWith('/') ? address : new Uri(address.GetLeftPart(UriPartial.Path) + "/");
}
