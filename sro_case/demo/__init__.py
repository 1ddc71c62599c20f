"""Synthetic demo data (``sro-case demo``): families, cases, helps, conferences, goals, reviews.

Used to try the application out, for training and for benchmarks. Everything is invented: names
are drawn at random from ``resources/demo/names.json``, texts are assembled from the templates
in ``texts``.

Why the services are not used: a case through the services costs its own transaction and a
dozen audit events, and a benchmark needs 100,000 cases in two minutes. So the rows are built as
tuples with ids computed here (children reference their parents without a flush) and written with
the driver's ``executemany``, ``BATCH_CASES`` cases per transaction and one audit event per batch.

Deterministic: every case draws from its own ``random.Random`` seeded with (seed, case id), and
all dates are relative to ``store.clock.today()``. The same seed on the same starting database
gives the same content, whatever the batch size.

The parts, each importing only those listed before it:

- ``draws``: weighted choice, ints in a range, dates as ISO text
- ``city``: the demo staff, and how cases, statuses, helps and costs spread over Rostock
- ``texts``: the German texts and the goal templates
- ``batch``: one transaction's rows, column order per table, ids, the bulk insert
- ``names``: the name lists of ``resources/demo/names.json``
- ``context``: what every case of a run shares (today, spaces, staff, catalogue weights)
- ``households``: families, persons, how a worker addresses them
- ``history``: a case over time: status path, helps and cost, consents, notes, resources
- ``conferences``: conferences, participants, goals, steps and reviews
- ``case``: one case file with everything in it, its search row and file number
- ``generator``: ``generate`` and its ``DemoReport``
"""

from sro_case.demo.city import DEMO_USERS
from sro_case.demo.generator import BATCH_CASES, DemoReport, Progress, generate

__all__ = ["BATCH_CASES", "DEMO_USERS", "DemoReport", "Progress", "generate"]
