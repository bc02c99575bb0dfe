"""Origin speed per page type: this site against Wagtail's bakerydemo, same machine, same run.

Both sites run under gunicorn with the same settings file (deploy/gunicorn.conf.py: sync workers,
WEB_CONCURRENCY workers, preloaded app) and no proxy in front; bench/bakerydemo.md has the setup.
Given their base URLs, this script

1. warms every page on every site (image renditions, each worker's caches) and checks each answers
   200 with HTML;
2. latency: one client, one request at a time, alternating the sites on every request and shuffling
   the page types each round, so that a change of machine load hits all sites alike. Reported twice:
   the server's own time per request from each gunicorn's access log (`--access-log`, written with
   `--access-logformat '%(r)s %(s)s %(D)s'`), and the client's wall time from sending the request to
   the last byte (a new connection each time: gunicorn's sync workers close it), which adds the
   same client and loopback cost (about 2 ms with `requests`) to every site;
3. throughput (unless `--duration 0`): N concurrent clients on one page of one site for a few
   seconds, the sites taking turns per page type. With `wrk` on PATH it is the load client (a C
   program that takes less of the 2 shared cores from the servers); otherwise threads of `requests`.

The ratio is bakerydemo's figure over ours (times: theirs / ours; throughput: ours / theirs), so
"5×" means ours is five times as fast.

    .venv/bin/python bench/bakerydemo.py --site ours=http://127.0.0.1:8304 \\
        --site bakerydemo=http://127.0.0.1:8301 --access-log ours=/tmp/bakery-run/ours.access \\
        --access-log bakerydemo=/tmp/bakery-run/bakerydemo.access --rounds 40 --concurrency 4 --duration 5

The last `--site` is bakerydemo (the baseline); every other one is this site (e.g. also with its site
cache off, or an older commit) and gets a ratio column.
"""

import argparse
import random
import re
import shutil
import statistics
import subprocess
import threading
import time

import requests

# (page type, this site's path, bakerydemo's path); None: bakerydemo has no like page.
PAGES = [
    ("home", "/", "/"),
    ("news index ↔ blog index", "/news/", "/blog/"),
    ("news section ↔ blog index", "/gong-hui-yao-wen/", "/blog/"),
    (
        "article ↔ blog page",
        "/gong-hui-yao-wen/sheng-zong-gong-hui-zhao-kai-quan-wei-hui-yi-bu-shu-xin-yi/",
        "/blog/wild-yeast/",
    ),
    ("standard page (关于我们 ↔ About)", "/about/", "/about/"),
    ("search with a query", "/search/?q=%E5%B7%A5%E4%BC%9A", "/search/?q=bread"),
    # `{n}` becomes a new number on every request: the same search, never answered from a cache
    # (ours keeps a question's answer until the site changes; bakerydemo ignores the parameter).
    (
        "search, a new question each time",
        "/search/?q=%E5%B7%A5%E4%BC%9A&fresh={n}",
        "/search/?q=bread&fresh={n}",
    ),
    ("model-worker index ↔ breads index", "/laomo/", "/breads/"),
    ("model-worker profile ↔ bread page", "/laomo/li-xiu-fen/", "/breads/anpan/"),
    ("site feed (RSS)", "/feed/", None),
]


FRESH = "{n}"


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


_fresh_numbers = iter(range(1, 10**9))


def get(base, path):
    if FRESH in path:
        path = path.replace(FRESH, str(next(_fresh_numbers)))
    started = time.perf_counter()
    response = requests.get(base + path, timeout=60, allow_redirects=False, headers={"Connection": "close"})
    body = response.content
    elapsed = time.perf_counter() - started
    return response.status_code, len(body), elapsed, response.headers


def path_for(site_index, last_index, page):
    """Our path for every site but the baseline (the last `--site`), which gets bakerydemo's."""
    return page[2] if site_index == last_index else page[1]


def warm(sites, pages, times):
    last = len(sites) - 1
    for page in pages:
        for index, (label, base) in enumerate(sites):
            path = path_for(index, last, page)
            if path is None:
                continue
            for _ in range(times):
                status, size, elapsed, headers = get(base, path)
            kind = headers.get("Content-Type", "")
            if status != 200:
                raise SystemExit(f"{label} {path}: HTTP {status}")
            print(
                f"  warm {label:>12} {page[0]}: {path} {status} {size} B {kind.split(';')[0]}"
                f" age={headers.get('Age', '-')} cache-control={headers.get('Cache-Control', '-')}"
            )


def latency(sites, pages, rounds, seed):
    rng = random.Random(seed)
    last = len(sites) - 1
    times = {(page[0], label): [] for page in pages for label, _ in sites}
    errors = 0
    for round_number in range(rounds):
        order = list(pages)
        rng.shuffle(order)
        for page in order:
            site_order = list(enumerate(sites))
            if round_number % 2:
                site_order.reverse()
            for index, (label, base) in site_order:
                path = path_for(index, last, page)
                if path is None:
                    continue
                status, _size, elapsed, _headers = get(base, path)
                if status != 200:
                    errors += 1
                times[(page[0], label)].append(elapsed)
    return times, errors


ACCESS_LOG_FORMAT = "%(r)s %(s)s %(D)s"  # gunicorn: request line, status, microseconds in the worker


def log_size(path):
    with open(path, "rb") as handle:
        return handle.seek(0, 2)


def server_times(path, start, end):
    """{request path: [seconds]} from a gunicorn access log written with ACCESS_LOG_FORMAT."""
    with open(path, "rb") as handle:
        handle.seek(start)
        text = handle.read(end - start).decode("utf-8", "replace")
    found = {}
    for line in text.splitlines():
        match = re.match(r"\S+ (\S+) \S+ (\d{3}) (\d+)$", line.strip())
        if match:
            found.setdefault(match.group(1), []).append(int(match.group(3)) / 1e6)
    return found


def ratio_cells(sites, figures, baseline, lower_is_faster):
    """A "N×" cell for each site but the baseline (the last): how many times as fast as the baseline
    it is by `figures` (a figure per site label), "—" where either figure is missing."""
    cells = []
    for label, _ in sites[:-1]:
        if baseline in figures and label in figures:
            ours, theirs = figures[label], figures[baseline]
            cells.append(f" {theirs / ours if lower_is_faster else ours / theirs:.1f}× |")
        else:
            cells.append(" — |")
    return cells


def print_table(title, sites, pages, times, baseline):
    print(title)
    header = "| page type |" + "".join(f" {label} median / p95 ms |" for label, _ in sites)
    header += "".join(f" {label} × (median) |" for label, _ in sites[:-1])
    print(header)
    print("|---" * (header.count("|") - 1) + "|")
    for page in pages:
        cells = []
        medians = {}
        for label, _ in sites:
            values = times.get((page[0], label))
            if not values:
                cells.append(" — |")
                continue
            medians[label] = statistics.median(values)
            cells.append(f" {medians[label] * 1000:.1f} / {percentile(values, 0.95) * 1000:.1f} |")
        cells += ratio_cells(sites, medians, baseline, lower_is_faster=True)
        print(f"| {page[0]} |" + "".join(cells))


def throughput_wrk(base, path, concurrency, duration):
    done = subprocess.run(
        ["wrk", "-t", "1", "-c", str(concurrency), "-d", f"{duration:g}s", "--latency", base + path],
        capture_output=True,
        text=True,
        check=True,
    )
    out = done.stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    errors = int(bad.group(1)) if bad else 0
    if socket_errors:
        errors += sum(int(n) for n in re.findall(r"\d+", socket_errors.group(1)))
    return rate, errors


def throughput_requests(base, path, concurrency, duration):
    stop = time.perf_counter() + duration
    counts = [0] * concurrency
    errors = [0] * concurrency

    def client(slot):
        while time.perf_counter() < stop:
            status, _size, _elapsed, _headers = get(base, path)
            counts[slot] += 1
            if status != 200:
                errors[slot] += 1

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(slot,)) for slot in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / (time.perf_counter() - started), sum(errors)


def load_average():
    with open("/proc/loadavg") as handle:
        return " ".join(handle.read().split()[:3])


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--site", action="append", required=True, help="label=base URL; the last is bakerydemo"
    )
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--warm", type=int, default=6, help="requests per page and site before measuring")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument(
        "--duration", type=float, default=5, help="seconds per page and site; 0: no throughput"
    )
    parser.add_argument("--client", choices=["auto", "wrk", "requests"], default="auto")
    parser.add_argument("--only", help="regular expression: page types to run")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument(
        "--access-log",
        action="append",
        help="label=path of the site's gunicorn access log, written with --access-logformat "
        f"'{ACCESS_LOG_FORMAT}': server times too (give one for every site)",
    )
    args = parser.parse_args()
    sites = [tuple(item.split("=", 1)) for item in args.site]
    if len(sites) < 2:
        parser.error("give at least two --site")
    pages = [page for page in PAGES if not args.only or re.search(args.only, page[0])]
    baseline = sites[-1][0]
    client = args.client
    if client == "auto":
        client = "wrk" if shutil.which("wrk") else "requests"

    print(f"load average at start: {load_average()}")
    print(f"sites: {', '.join(f'{label} {base}' for label, base in sites)}; baseline {baseline}")
    warm(sites, pages, args.warm)

    logs = dict(item.split("=", 1) for item in args.access_log or ())
    log_start = {label: log_size(path) for label, path in logs.items()}
    times, errors = latency(sites, pages, args.rounds, args.seed)
    log_end = {label: log_size(path) for label, path in logs.items()}
    print(f"\nlatency: {args.rounds} rounds, one client, sites alternated; errors: {errors}")
    if len(logs) == len(sites):
        last = len(sites) - 1
        in_worker = {}
        for index, (label, _base) in enumerate(sites):
            by_path = server_times(logs[label], log_start[label], log_end[label])
            for page in pages:
                path = path_for(index, last, page)
                if path is not None and FRESH in path:
                    prefix = path.split(FRESH)[0]
                    in_worker[(page[0], label)] = [
                        seconds
                        for logged, values in by_path.items()
                        if logged.startswith(prefix)
                        for seconds in values
                    ]
                elif path is not None:
                    in_worker[(page[0], label)] = by_path.get(path, [])
        print_table(
            "\nserver time (gunicorn access log, %(D)s: from the request read to the response written)",
            sites,
            pages,
            in_worker,
            baseline,
        )
    print_table("\nclient wall time (requests, a new connection each time)", sites, pages, times, baseline)

    if args.duration > 0:
        run = throughput_wrk if client == "wrk" else throughput_requests
        print(
            f"\nthroughput: {args.concurrency} concurrent clients ({client}), {args.duration:g} s per page and site;"
            " requests per second"
        )
        header = "| page type |" + "".join(f" {label} req/s |" for label, _ in sites)
        header += "".join(f" {label} × |" for label, _ in sites[:-1])
        print(header)
        print("|---" * (header.count("|") - 1) + "|")
        last = len(sites) - 1
        total_errors = 0
        for number, page in enumerate(pages):
            rates = {}
            site_order = list(enumerate(sites))
            if number % 2:
                site_order.reverse()
            for index, (label, base) in site_order:
                path = path_for(index, last, page)
                if path is None or FRESH in path:  # wrk repeats one address: no new questions
                    continue
                rates[label], bad = run(base, path, args.concurrency, args.duration)
                total_errors += bad
            cells = [f" {rates[label]:.1f} |" if label in rates else " — |" for label, _ in sites]
            cells += ratio_cells(sites, rates, baseline, lower_is_faster=False)
            print(f"| {page[0]} |" + "".join(cells))
        print(f"errors (non-200 or socket): {total_errors}")
    print(f"\nload average at end: {load_average()}")


if __name__ == "__main__":
    main()
