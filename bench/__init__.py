"""``make bench``: the city-scale benchmark (issue #7).

Builds (and caches in ``.bench-cache/``) a synthetic database through the product's own demo
generator, measures the services and the client, and writes ``bench-results.json`` at the
repository root. Timings are medians of several runs; ratios are measured in the same run
against plain SQLite (an unencrypted copy of the same data) and against a bare Qt window.
Never used by the test suite: timings do not belong in assertions.
"""
