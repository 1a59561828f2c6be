"""Prometheus metrics for operators (`GET /metrics`).

With several app workers (`lianxin-hq serve --workers N`) each process writes its
counters to PROMETHEUS_MULTIPROC_DIR and a scrape adds them up, whichever worker
answers it.
"""

from __future__ import annotations

import os

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.multiprocess import MultiProcessCollector

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
CONTENT_TYPE = CONTENT_TYPE_LATEST


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.requests = Counter(
            "lianxin_hq_requests", "Requests answered", ["endpoint", "status"], registry=r
        )
        self.latency = Histogram(
            "lianxin_hq_request_seconds",
            "Time to answer a request",
            ["endpoint"],
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10),
            registry=r,
        )
        self.accepted = Counter(
            "lianxin_hq_changes_accepted", "Field changes accepted from devices", registry=r
        )
        self.duplicates = Counter(
            "lianxin_hq_changes_duplicate", "Field changes received again (skipped)", registry=r
        )
        self.conflicts = Counter(
            "lianxin_hq_conflicts", "Conflict records created by the merge", registry=r
        )
        self.pull_rows = Counter("lianxin_hq_pull_rows", "Rows sent in pull pages", registry=r)
        self.errors = Counter(
            "lianxin_hq_errors",
            "Requests refused or failed, by reason code (as in the error body)",
            ["code"],
            registry=r,
        )

    def exposition(self) -> bytes:
        if os.environ.get(MULTIPROC_ENV):
            merged = CollectorRegistry()
            MultiProcessCollector(merged)  # type: ignore[no-untyped-call]
            return generate_latest(merged)
        return generate_latest(self.registry)
