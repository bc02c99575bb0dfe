"""gunicorn settings for an app node (`make stack`, and the README's production example):
`gunicorn unionsite.wsgi:application --config deploy/gunicorn.conf.py --bind 127.0.0.1:8000`."""

import gc
import os

workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# Sync workers: pages are CPU-bound rendering behind the caching proxy, which absorbs slow clients.
worker_class = "sync"
timeout = 30
graceful_timeout = 20
# A worker is replaced after this many requests (with jitter, so they do not all restart together),
# which bounds what slow growth of a long-lived process can cost.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = 500
# The application, loaded once in the master and shared copy-on-write by the workers.
preload_app = True
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", None)
errorlog = "-"
# The reverse proxy on the same host or network is the only client.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def pre_fork(server, worker):
    """Move everything the preloaded application created into the collector's permanent generation
    before a worker is forked: the workers' garbage collections then never write to those objects'
    headers, so the pages stay shared with the master instead of being copied into every worker."""
    gc.freeze()
