"""Benchmark: the external link checker against local HTTP servers, 10,000 distinct URLs.

    .venv/bin/python bench/inspection_external.py --urls 10000 --hosts 100 --rate 2 --workers 16

Starts `--hosts` servers in a child process, one per loopback address (127.0.1.1, 127.0.1.2 …),
each answering 200 (90 %), 404 (5 %), 500 (3 %, retried) and a redirect (2 %), and checks the URLs
spread over them with `inspection.links.ExternalChecker`: `--rate` requests per host per second
(INSPECTION_HOST_RATE), `--workers` threads. The politeness limit sets the floor: urls / (hosts ×
rate) seconds. Prints wall time, the floor, requests per second and peak RSS.
"""

import argparse
import multiprocessing
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionsite.settings.dev")


def serve(hosts, port, ready):
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            number = int(self.path.rsplit("/", 1)[-1] or 0)
            if number % 100 < 5:
                status, extra = 404, []
            elif number % 100 < 8:
                status, extra = 500, []
            elif number % 100 < 10 and not self.path.startswith("/moved"):
                status, extra = 302, [("Location", f"/moved/{number}")]
            else:
                status, extra = 200, []
            self.send_response(status)
            for name, value in extra:
                self.send_header(name, value)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

    servers = []
    for n in range(hosts):
        server = ThreadingHTTPServer((f"127.0.1.{n + 1}", port), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    ready.set()
    while True:
        time.sleep(3600)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--urls", type=int, default=10000)
    parser.add_argument("--hosts", type=int, default=100)
    parser.add_argument("--rate", type=float, default=2)
    parser.add_argument("--workers", type=int, default=16)
    parser.add_argument("--port", type=int, default=18765)
    args = parser.parse_args()
    ready = multiprocessing.Event()
    server = multiprocessing.Process(target=serve, args=(args.hosts, args.port, ready), daemon=True)
    server.start()
    ready.wait(30)

    import django

    django.setup()
    from inspection.links import ExternalChecker

    urls = [f"http://127.0.1.{n % args.hosts + 1}:{args.port}/page/{n}" for n in range(args.urls)]
    checker = ExternalChecker(workers=args.workers, rate=args.rate, timeout=5, retries=1, own_hosts=set())
    started = time.perf_counter()
    results = checker.check(urls)
    wall = time.perf_counter() - started
    broken = sum(1 for ok, _, _ in results.values() if not ok)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    floor = args.urls / (args.hosts * args.rate) if args.rate else 0
    print(f"urls={args.urls} hosts={args.hosts} rate={args.rate}/s/host workers={args.workers}")
    print(
        f"wall={wall:.1f}s floor={floor:.1f}s urls/s={args.urls / wall:.0f} broken={broken} peak_rss={rss:.0f}MB"
    )
    server.terminate()


if __name__ == "__main__":
    main()
