"""Which network addresses the crawler may connect to.

A page on the web must not steer the crawler to internal services: loopback,
private (RFC 1918, unique-local), link-local (the 169.254.169.254 cloud
metadata service), shared, reserved and multicast addresses are refused,
unless ``CrawlSettings.allow_networks`` ($PARTNERSHIPS_CRAWL_ALLOW_NETWORKS,
comma-separated CIDRs, empty by default) lists them.

Two checks, both on the resolved IP address:

* :meth:`AddressPolicy.refusal` resolves a URL's host before each request (the
  page, each redirect hop) and refuses it when no address is allowed: a clear
  error, and nothing is sent;
* :class:`GuardedBackend` wraps httpcore's network backend, so the socket
  itself only ever connects to an allowed address, whatever a second DNS
  answer says (DNS rebinding) and for every request, robots.txt included.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Iterable
from dataclasses import dataclass

import httpcore

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
ALLOW_NETWORKS_ENV = "PARTNERSHIPS_CRAWL_ALLOW_NETWORKS"


class BlockedAddress(Exception):
    """A connection to a refused address was attempted; the message names host and address."""


def parse_networks(values: Iterable[str]) -> tuple[IPNetwork, ...]:
    """CIDRs (``127.0.0.0/8``, ``10.1.2.3``) to networks; ValueError naming a bad one."""
    nets = []
    for value in values:
        value = value.strip()
        if not value:
            continue
        try:
            nets.append(ipaddress.ip_network(value, strict=False))
        except ValueError:
            raise ValueError(f"{value!r} is not an IP network (CIDR such as 127.0.0.0/8)") from None
    return tuple(nets)


def _plain(ip: IPAddress) -> IPAddress:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    return ip


def address_class(ip: IPAddress) -> str | None:
    """Why ``ip`` is not a public address ("loopback", "link-local" ...), or None if it is one."""
    ip = _plain(ip)
    for name, hit in (
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("private", ip.is_private),
        ("multicast", ip.is_multicast),
        ("unspecified", ip.is_unspecified),
        ("reserved", ip.is_reserved),
    ):
        if hit:
            return name
    return None if ip.is_global else "non-public"


@dataclass(frozen=True)
class AddressPolicy:
    allow: tuple[IPNetwork, ...] = ()

    def allows(self, ip: IPAddress) -> str | None:
        """None if ``ip`` may be reached, else the reason it is refused."""
        ip = _plain(ip)
        why = address_class(ip)
        if why is None or any(ip.version == net.version and ip in net for net in self.allow):
            return None
        return f"{ip} is a {why} address (not in {ALLOW_NETWORKS_ENV})"

    async def resolve(self, host: str, port: int) -> list[IPAddress]:
        """The host's addresses, in resolver order (an IP literal is itself)."""
        try:
            return [ipaddress.ip_address(host.strip("[]"))]
        except ValueError:
            pass
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
        seen: dict[IPAddress, None] = {}
        for _family, _type, _proto, _canon, sockaddr in infos:
            seen.setdefault(ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0]), None)
        return list(seen)

    async def allowed_addresses(self, host: str, port: int) -> list[IPAddress]:
        """The host's allowed addresses; BlockedAddress when it has none (OSError if it does not resolve)."""
        addresses = await self.resolve(host, port)
        allowed = [ip for ip in addresses if self.allows(ip) is None]
        if not allowed:
            reasons = "; ".join(self.allows(ip) or "" for ip in addresses) or "no address"
            raise BlockedAddress(f"{host} resolves to {reasons}: refused")
        return allowed


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """httpcore's network backend, connecting only to addresses the policy allows."""

    def __init__(self, policy: AddressPolicy, inner: httpcore.AsyncNetworkBackend | None = None) -> None:
        self.policy = policy
        self.inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None, socket_options=None):
        try:
            addresses = await self.policy.allowed_addresses(host, port)
        except OSError as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
        last: Exception | None = None
        for ip in addresses:
            try:
                return await self.inner.connect_tcp(str(ip), port, timeout=timeout, local_address=local_address,
                                                    socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
        assert last is not None
        raise last

    async def connect_unix_socket(self, path: str, timeout: float | None = None, socket_options=None):
        raise BlockedAddress(f"unix socket {path}: refused")

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


def guard_transport(transport, policy: AddressPolicy):
    """Make an ``httpx.AsyncHTTPTransport`` connect only through :class:`GuardedBackend`."""
    pool = getattr(transport, "_pool", None)
    if pool is None or not hasattr(pool, "_network_backend"):  # pragma: no cover - an httpx/httpcore change
        raise RuntimeError("cannot install the crawler's address guard: httpx transport internals changed")
    pool._network_backend = GuardedBackend(policy, pool._network_backend)
    return transport
