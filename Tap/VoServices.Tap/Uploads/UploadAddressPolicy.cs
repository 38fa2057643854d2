using System.Net;
using System.Net.Sockets;

namespace VoServices.Tap.Uploads;

/// <summary>Which IP addresses an http(s) upload may be fetched from when private addresses are not allowed.</summary>
internal static class UploadAddressPolicy
{
    /// <summary>
    /// False for loopback, unspecified, private (RFC 1918, RFC 4193), shared (RFC 6598), link-local, benchmarking
    /// (RFC 2544), IETF-reserved 192.0.0.0/24, multicast and reserved addresses; true otherwise.
    /// </summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address))
        {
            return false;
        }
        var b = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return !(b[0] is 0 or 10 or 127 or >= 224
                || (b[0] == 100 && (b[1] & 0xC0) == 64)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && (b[1] & 0xF0) == 16)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 198 && (b[1] & 0xFE) == 18));
        }
        return address.AddressFamily == AddressFamily.InterNetworkV6
            && !(address.Equals(IPAddress.IPv6Any) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal
                || address.IsIPv6Multicast || address.IsIPv6UniqueLocal);
    }
}

/// <summary>An http(s) upload pointed at an address the service refuses to connect to.</summary>
internal sealed class UploadAddressException(string message) : IOException(message);
