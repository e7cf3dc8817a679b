using System.Text;

namespace Anvil.Web.Html;

/// <summary>Paths of the application's pages, with every segment and query value percent-encoded.</summary>
internal static class Links
{
    public static string Document(string key, long? factId = null) =>
        "/documents/" + Uri.EscapeDataString(key) + (factId is { } f ? "#r-f" + f : "");

    public static string Entity(long id) => "/entities/" + id;

    /// <summary><paramref name="path"/> with the non-null parameters as a query string.</summary>
    public static string WithQuery(string path, params IEnumerable<(string Name, string? Value)> parameters)
    {
        var sb = new StringBuilder(path);
        char separator = '?';
        foreach (var (name, value) in parameters)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            sb.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }

        return sb.ToString();
    }

    /// <summary>Refuses anything but a path of this site: a link can never carry <c>javascript:</c> or another host.</summary>
    public static string Local(string href) => IsLocal(href) ? href : throw new ArgumentException($"not a local path: {href}", nameof(href));

    /// <summary>True for a path of this site: one slash first (never <c>//host</c> or <c>/\host</c>), no control characters.</summary>
    public static bool IsLocal(string href) =>
        href.Length > 0 && href[0] == '/' && (href.Length == 1 || (href[1] != '/' && href[1] != '\\')) && !href.Any(char.IsControl);
}
