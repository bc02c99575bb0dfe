"""One page's timing through Django's test client, shared by the page benchmarks that report
median and 90th-percentile wall time, median CPU time and the queries of one request.

Imported by scripts in this folder after they set up Django (the script's folder is on sys.path)."""

import statistics
import time

from django.db import connection
from django.test.utils import CaptureQueriesContext


def measure(client, url, repeat):
    """(median ms, 90th percentile ms, median CPU ms, queries of one request) over `repeat` requests."""
    response = client.get(url)  # warm up: renditions, template loading, site root cache
    assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    query_count = len(queries)  # now: later requests empty the query log
    timings, cpu = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        assert response.status_code == 200
    timings.sort()
    return (
        statistics.median(timings),
        timings[int(len(timings) * 0.9) - 1],
        statistics.median(cpu),
        query_count,
    )
