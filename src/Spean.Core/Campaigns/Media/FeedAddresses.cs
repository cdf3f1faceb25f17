using System.Net;
using System.Net.Sockets;

namespace Spean.Core.Campaigns.Media;

/// <summary>
/// Keeps the server from being made to fetch from itself or the office network (SSRF): a feed's host must resolve only to
/// public addresses, checked when the feed is added and again for every connection made, so a name that later resolves
/// elsewhere, or a redirect to an inside address, is refused too.
/// </summary>
internal static class FeedAddresses
{
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
            return false;
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || (b[0] == 169 && b[1] == 254) || (b[0] == 172 && b[1] is >= 16 and <= 31)
                || (b[0] == 192 && b[1] == 168) || (b[0] == 100 && b[1] is >= 64 and <= 127) || b[0] >= 224);
        }
        var v6 = address.GetAddressBytes();
        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast
            || (v6[0] == 0x00 && v6[1] == 0x64 && v6[2] == 0xff && v6[3] == 0x9b));
    }

    /// <summary>The addresses of a host, all public; or null when any is not (a name may resolve to several).</summary>
    public static async Task<IPAddress[]?> ResolvePublicAsync(string host, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        return addresses.Length > 0 && addresses.All(IsPublic) ? addresses : null;
    }
}
