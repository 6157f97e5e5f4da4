"""`make bench`: intake throughput, acknowledgement latency, worklist scale, worker throughput.

Bench-only code: loaded by ``reengage.settings.bench`` (which production never loads) and by
the runner, ``python -m bench.run``. See bench/README.md.
"""
