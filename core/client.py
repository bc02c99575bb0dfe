"""Who is asking: the reader's address, for the per-address limits on forms, logins and view counts."""

import ipaddress

from django.conf import settings


def _parse(value):
    """An ip_address from one header entry ("203.0.113.9", "[2001:db8::1]:443", "1.2.3.4:80"), or None."""
    value = value.strip().strip('"')
    if value.startswith("["):  # [IPv6]:port
        value = value[1:].split("]", 1)[0]
    elif value.count(":") == 1:  # IPv4:port
        value = value.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _client_ip(request):
    """The reader's address as an ip_address object (None when nothing usable was sent).

    Only REMOTE_ADDR by default, because a client can send any X-Forwarded-For it likes. Behind a
    reverse proxy set CLIENT_IP_HEADER (e.g. "HTTP_X_REAL_IP" or "HTTP_X_FORWARDED_FOR"). Each
    proxy appends the address it received the request from, so only the entries written by our own
    proxies can be trusted: with CLIENT_IP_TRUSTED_PROXIES = N the reader is the N-th entry from the
    right (N = 1: one nginx in front; whatever the client itself sent stands further left).
    """
    header = settings.CLIENT_IP_HEADER
    if header and request.META.get(header):
        entries = [entry for entry in request.META[header].split(",") if entry.strip()]
        trusted = max(1, int(getattr(settings, "CLIENT_IP_TRUSTED_PROXIES", 1)))
        if entries:
            address = _parse(entries[-trusted] if len(entries) >= trusted else entries[0])
            if address is not None:
                return address
    return _parse(request.META.get("REMOTE_ADDR", ""))


def client_address(request):
    """The reader's address as text ("unknown" when there is none)."""
    address = _client_ip(request)
    if address is None:
        return (request.META.get("REMOTE_ADDR", "")[:64]) or "unknown"
    return str(address)


IPV6_PREFIX = 64


def client_key(request):
    """The address a per-address limit counts: IPv4 as is, IPv6 by its /64 network.

    One household or one phone gets a whole /64 from its provider and can pick any address in it,
    so counting full IPv6 addresses would make every limit unlimited. The /64 is written as its
    first address (e.g. "2001:db8:1:2::"), which is still a valid address for storage.
    """
    address = _client_ip(request)
    if address is None:
        return client_address(request)
    if isinstance(address, ipaddress.IPv6Address):
        network = ipaddress.IPv6Network((address, IPV6_PREFIX), strict=False)
        return str(network.network_address)
    return str(address)


def stored_client_key(request):
    """`client_key`, or None when the request carries no usable address (an internal request such
    as a test's forced login): for columns that hold only real addresses (PostgreSQL's inet)."""
    if _client_ip(request) is None:
        return None
    return client_key(request)
