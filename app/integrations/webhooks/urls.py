"""Where a webhook may point: https, and never at this network's own addresses (loopback,
private, link-local, cloud metadata, ...), checked on create/update and again before each
delivery by resolving the host. WPS_WEBHOOK_ALLOW_PRIVATE=true admits both (and plain http)."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from urllib.parse import urlsplit

RESOLVE_TIMEOUT_SECONDS = 3.0


def _not_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
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


async def refusal(url: str, allow_private: bool, *, must_resolve: bool) -> str | None:
    """Why the service will not send to `url`, or None. A host that does not resolve is
    accepted on create (it is checked again at each delivery) unless `must_resolve`."""
    problem = form_refusal(url, allow_private)
    if problem is not None or allow_private:
        return problem
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        addresses = [str(ipaddress.ip_address(host))]
    except ValueError:
        try:
            async with asyncio.timeout(RESOLVE_TIMEOUT_SECONDS):
                found = await asyncio.get_running_loop().getaddrinfo(
                    host, parts.port or 443, type=socket.SOCK_STREAM
                )
        except UnicodeError:
            return "must name a valid host"
        except (OSError, TimeoutError):
            return f"host {host} does not resolve" if must_resolve else None
        addresses = [str(info[4][0]) for info in found]
    if any(_not_public(address) for address in addresses):
        return (
            "must not resolve to a loopback, private, link-local or metadata address "
            "(set WPS_WEBHOOK_ALLOW_PRIVATE=true to allow it)"
        )
    return None
