"""Server time and query count of one request, on demand (bench settings only).

A request carrying ``X-Bench-Timing: 1`` gets ``Server-Timing: app;dur=<ms>`` and
``X-Bench-Queries: <n>`` back. Outermost middleware, so the time covers every middleware, the
view, template rendering and the session save. Other requests pass straight through.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from django.db import connection
from django.http import HttpRequest, HttpResponse


class ServerTimingMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.META.get("HTTP_X_BENCH_TIMING") != "1":
            return self.get_response(request)
        queries = 0

        def count(execute, sql, params, many, context):
            nonlocal queries
            queries += 1
            return execute(sql, params, many, context)

        started = time.perf_counter()
        with connection.execute_wrapper(count):
            response = self.get_response(request)
        elapsed = (time.perf_counter() - started) * 1000
        response["Server-Timing"] = f"app;dur={elapsed:.2f}"
        response["X-Bench-Queries"] = str(queries)
        # Which gunicorn worker answered: each has its own first-request caches to warm.
        response["X-Bench-Worker"] = str(os.getpid())
        return response
