"""Who is asking: the client's address, seen through the proxies the operator trusts (GHR_TRUSTED_PROXIES).

Behind nginx every connection comes from nginx, so counting REMOTE_ADDR would lock every editor out together and
give the whole world one API quota. A trusted proxy appends the address it saw to GHR_CLIENT_ADDRESS_HEADER
(X-Forwarded-For); reading that list from the right, the first address that is not a trusted proxy is the client.
Anything to its left was written by the client and may be forged, so it is never used. A connection from an
untrusted address is its own client, whatever headers it sends.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings


def _address(text: str):
    try:
        return ipaddress.ip_address(text.strip().strip("[]"))
    except ValueError:
        return None


def _trusted(address, networks) -> bool:
    return address is not None and any(address in network for network in networks)


def client_address(request) -> str:
    """The client's address as a string ('unknown' when there is none)."""
    if request is None:
        return "unknown"
    remote = request.META.get("REMOTE_ADDR") or ""
    networks = settings.GHR["GHR_TRUSTED_PROXIES"]
    if not _trusted(_address(remote), networks):
        return remote or "unknown"
    header = "HTTP_" + settings.GHR["GHR_CLIENT_ADDRESS_HEADER"].upper().replace("-", "_")
    hops = [hop for hop in request.META.get(header, "").split(",") if hop.strip()]
    for hop in reversed(hops):
        address = _address(hop)
        if address is None:
            return remote  # a malformed entry: believe nothing further left
        if not _trusted(address, networks):
            return str(address)
    return str(_address(hops[0])) if hops else remote
