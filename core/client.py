"""Who is asking: the reader's address, for the per-address limits on forms and view counts."""

from django.conf import settings


def client_address(request):
    """The reader's address.

    Only REMOTE_ADDR by default, because a client can send any X-Forwarded-For it likes. Behind a
    reverse proxy set CLIENT_IP_HEADER (e.g. "HTTP_X_REAL_IP") to the header the proxy overwrites.
    """
    header = settings.CLIENT_IP_HEADER
    if header and request.META.get(header):
        return request.META[header].split(",")[0].strip()[:64]
    return request.META.get("REMOTE_ADDR", "")[:64] or "unknown"
