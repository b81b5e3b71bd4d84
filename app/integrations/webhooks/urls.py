"""Where a webhook may point: https, and never at this network's own addresses (loopback,
private, link-local, cloud metadata, and their IPv6 transition forms), checked on
create/update and again before each delivery by resolving the host once: the delivery then
connects to the addresses that were checked (`Target`). WPS_WEBHOOK_ALLOW_PRIVATE=true admits
both (and plain http)."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

RESOLVE_TIMEOUT_SECONDS = 3.0
# NAT64 prefixes (RFC 6052 well-known, RFC 8215 local use): the last 32 bits are an IPv4 address.
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))


@dataclass(frozen=True, slots=True)
class Target:
    """A URL's host and the addresses checked for it; no addresses: connect by name (private
    addresses allowed, nothing to pin)."""

    host: str
    addresses: tuple[str, ...] = ()


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 transition form carries (mapped, compatible, NAT64, 6to4,
    Teredo), or None."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    if any(ip in net for net in _NAT64):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if int(ip) >> 32 == 0 and int(ip) > 1:  # IPv4-compatible ::a.b.c.d (deprecated)
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def not_public(address: str) -> bool:
    """Whether an address (or the IPv4 address embedded in an IPv6 one) is not a public
    unicast address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(ip)
        if embedded is not None and (not embedded.is_global or embedded.is_multicast):
            return True
    return not ip.is_global or ip.is_multicast


def form_refusal(url: str, allow_private: bool) -> str | None:
    """What is wrong with the URL's form (no lookup), or None."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return "must be a valid URL"
    if parts.scheme not in ("https", "http") or not parts.hostname:
        return "must be an https:// URL with a host"
    if parts.scheme == "http" and not allow_private:
        return "must use https"
    if parts.username or parts.password:
        return "must not carry credentials"
    if port == 0:
        return "must name a valid port"
    return None


async def lookup(host: str, port: int) -> list[str]:
    """The addresses a host name resolves to (the one lookup a delivery makes)."""
    async with asyncio.timeout(RESOLVE_TIMEOUT_SECONDS):
        found = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in found]


async def resolve(url: str, allow_private: bool, *, must_resolve: bool) -> Target | str:
    """The target to connect to for `url`, or why the service will not send to it. A host
    that does not resolve is accepted on create (it is checked again at each delivery)
    unless `must_resolve`."""
    problem = form_refusal(url, allow_private)
    if problem is not None:
        return problem
    parts = urlsplit(url)
    host = parts.hostname or ""
    if allow_private:
        return Target(host)
    try:
        addresses = [str(ipaddress.ip_address(host))]
    except ValueError:
        try:
            addresses = await lookup(host, parts.port or 443)
        except UnicodeError:
            return "must name a valid host"
        except (OSError, TimeoutError):
            return f"host {host} does not resolve" if must_resolve else Target(host)
    if not addresses or any(not_public(address) for address in addresses):
        return (
            "must not resolve to a loopback, private, link-local or metadata address "
            "(set WPS_WEBHOOK_ALLOW_PRIVATE=true to allow it)"
        )
    return Target(host, tuple(addresses))


async def refusal(url: str, allow_private: bool, *, must_resolve: bool) -> str | None:
    """Why the service will not send to `url`, or None."""
    found = await resolve(url, allow_private, must_resolve=must_resolve)
    return found if isinstance(found, str) else None
