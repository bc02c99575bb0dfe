"""A local HTTP server answering the link checker's cases: 200, 404, 500, a redirect loop, a slow
answer, a redirect to a good page, and one that sets a cookie (to see none is sent back)."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


class Handler(BaseHTTPRequestHandler):
    hits = []
    lock = threading.Lock()

    def log_message(self, *args):
        pass

    def do_GET(self):
        with self.lock:
            Handler.hits.append((time.monotonic(), self.path, self.headers.get("Cookie")))
        path = self.path.split("?")[0]
        if path.startswith("/ok") or path.startswith("/u/"):
            self._answer(200)
        elif path == "/cookie":
            self._answer(200, [("Set-Cookie", "session=abc; Path=/")])
        elif path == "/missing":
            self._answer(404)
        elif path == "/error":
            self._answer(500)
        elif path == "/loop-a":
            self._answer(302, [("Location", "/loop-b")])
        elif path == "/loop-b":
            self._answer(302, [("Location", "/loop-a")])
        elif path == "/moved":
            self._answer(301, [("Location", "/ok-target")])
        elif path == "/slow":
            time.sleep(1.5)
            self._answer(200)
        else:
            self._answer(404)

    def _answer(self, status, headers=()):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", "2")
        self.end_headers()
        try:
            self.wfile.write(b"ok")
        except (BrokenPipeError, ConnectionResetError):
            pass


@pytest.fixture
def link_server():
    Handler.hits = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", Handler
    server.shutdown()
    server.server_close()


@pytest.fixture
def site_admin(db):
    from django.contrib.auth.models import Group

    from editorial.roles import SITE_ADMIN

    user = (
        __import__("django.contrib.auth", fromlist=["get_user_model"])
        .get_user_model()
        .objects.create_user("zhanzhang", email="zhanzhang@example.cn", password="pw-inspect-1")
    )
    user.groups.add(Group.objects.get_or_create(name=SITE_ADMIN)[0])
    return user
