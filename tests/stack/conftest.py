"""The production stack (deploy/stack.sh, `make stack`) as a session fixture.

Started once for the session, stopped after it. Node B reaches Redis through a TCP proxy of the
test's own (`RedisProxy`), so a test can cut Redis for that node without touching the machine's
Redis. Skipped only where Varnish is not installed and the run is not CI; in CI
(UNION_REQUIRE_STACK=1 or UNION_REQUIRE_BROWSER=1) a stack that cannot start fails the run.
"""

import os
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
STACK = ROOT / "deploy" / "stack.sh"
PROXY_URL = "http://127.0.0.1:8080"
NODE_A = "http://127.0.0.1:8101"
NODE_B = "http://127.0.0.1:8102"
REDIS_DB = 7


def _required():
    return os.environ.get("UNION_REQUIRE_STACK") == "1" or os.environ.get("UNION_REQUIRE_BROWSER") == "1"


def _varnish_installed():
    return bool(shutil.which("varnishd") or Path("/usr/sbin/varnishd").exists())


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/stack/" in str(item.fspath):
            item.add_marker(pytest.mark.stack)


class RedisProxy:
    """A TCP forwarder 127.0.0.1:<port> → the machine's Redis that the test can stop and start.

    Stopping closes the listening socket and every open connection, as a Redis restart would."""

    def __init__(self, target=("127.0.0.1", 6379)):
        self.target = target
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        self._listener = None
        self._sockets = set()
        self._lock = threading.Lock()

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/{REDIS_DB}"

    def start(self):
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def stop(self):
        listener, self._listener = self._listener, None
        if listener is not None:
            listener.close()
        with self._lock:
            for sock in list(self._sockets):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                sock.close()
            self._sockets.clear()

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._sockets.update((client, upstream))
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    def _pipe(self, source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                try:
                    sock.close()
                except OSError:
                    pass
            with self._lock:
                self._sockets.discard(source)
                self._sockets.discard(sink)


@pytest.fixture(scope="session")
def redis_proxy():
    proxy = RedisProxy()
    proxy.start()
    yield proxy
    proxy.stop()


@pytest.fixture(scope="session")
def stack(redis_proxy):
    if not _varnish_installed():
        if _required():
            pytest.fail("CI 环境必须运行多节点测试，但没有安装 varnishd（apt-get install varnish）。")
        pytest.skip("没有安装 varnishd（apt-get install varnish），跳过多节点集成测试。")
    env = {**os.environ, "STACK_NODE_B_REDIS_URL": redis_proxy.url, "JOINING_LOOKUP_RATE_LIMIT": "3"}
    # The tests' own stack: a running one (e.g. from `make stack`) is replaced so node B goes through the proxy.
    subprocess.run([str(STACK), "stop"], check=True, cwd=ROOT, env=env, capture_output=True)
    started = subprocess.run([str(STACK), "start"], cwd=ROOT, env=env, capture_output=True, text=True)
    if started.returncode != 0:
        subprocess.run([str(STACK), "stop"], cwd=ROOT, env=env, capture_output=True)
        pytest.fail(f"stack did not start:\n{started.stdout[-3000:]}\n{started.stderr[-3000:]}")
    yield Stack(env)
    subprocess.run([str(STACK), "stop"], cwd=ROOT, env=env, capture_output=True)


class Stack:
    proxy_url, node_a, node_b = PROXY_URL, NODE_A, NODE_B

    def __init__(self, env):
        self.env = env

    def django(self, code):
        """Run `code` in a Django shell with node A's settings; returns its stdout."""
        done = subprocess.run(
            [str(STACK), "manage", "shell", "-c", code],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return done.stdout

    def manage(self, *args):
        return subprocess.Popen(
            [str(STACK), "manage", *args],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )

    @staticmethod
    def get(url, **kwargs):
        kwargs.setdefault("timeout", 30)
        return requests.get(url, **kwargs)

    def eventually(self, check, seconds=1.0):
        """True if `check()` holds within `seconds` (polled); the deadline is the assertion."""
        deadline = time.monotonic() + seconds
        while True:
            if check():
                return True
            if time.monotonic() > deadline:
                return False
            time.sleep(0.05)
