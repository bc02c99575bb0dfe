"""The address per-address limits count: the right forwarded hop, IPv6 by /64."""

from django.test import RequestFactory

from core.client import client_address, client_key


def request(**meta):
    return RequestFactory().get("/", **meta)


def test_forwarded_for_takes_the_entry_written_by_our_proxy_not_the_clients(settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.CLIENT_IP_TRUSTED_PROXIES = 1
    # The client sent "1.2.3.4" itself; nginx appended the address it saw.
    forged = request(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9")
    assert client_address(forged) == "203.0.113.9"


def test_two_trusted_proxies_take_the_second_entry_from_the_right(settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.CLIENT_IP_TRUSTED_PROXIES = 2
    req = request(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9, 10.0.0.3")
    assert client_address(req) == "203.0.113.9"


def test_garbage_in_the_header_falls_back_to_the_connection(settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    assert client_address(request(REMOTE_ADDR="10.0.0.2", HTTP_X_REAL_IP="<script>")) == "10.0.0.2"


def test_ipv6_is_keyed_by_its_64(settings):
    settings.CLIENT_IP_HEADER = ""
    one = client_key(request(REMOTE_ADDR="2001:db8:1:2::1"))
    other = client_key(request(REMOTE_ADDR="2001:db8:1:2:ffff:eeee:dddd:cccc"))
    assert one == other == "2001:db8:1:2::"
    assert client_key(request(REMOTE_ADDR="2001:db8:1:3::1")) != one
    assert client_key(request(REMOTE_ADDR="203.0.113.7")) == "203.0.113.7"
    assert client_key(request(REMOTE_ADDR="::ffff:203.0.113.7")) == "203.0.113.7"
