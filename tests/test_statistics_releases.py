"""Repeated releases through the service: every written export keeps what it published, and a
later export of an overlapping period is audited together with it."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sro_case.export import Release, release_of
from sro_case.services import demo
from sro_case.services.store import Store
from sro_case.storage.orm import StatisticsReleaseRecord

Q1 = (date(2026, 1, 1), date(2026, 3, 31))
Q2 = (date(2026, 4, 1), date(2026, 6, 30))
H1 = (date(2026, 1, 1), date(2026, 6, 30))


def _releases(store: Store) -> list[StatisticsReleaseRecord]:
    with store.read() as s:
        return list(s.scalars(select(StatisticsReleaseRecord).order_by(StatisticsReleaseRecord.id)))


def test_written_exports_are_kept_and_audited_together(store: Store, tmp_path: Path) -> None:
    store.clock.current = datetime(2026, 7, 15, 9, 0)  # type: ignore[attr-defined]
    demo.generate(store, 250, seed=4)
    alone = store.statistics.build(*H1)
    assert alone.joint_periods == () and alone.coarsened_cells == 0
    assert _releases(store) == []  # building (the preview) keeps nothing

    first = store.statistics.build(*Q1)
    store.statistics.write(first, tmp_path / "q1.csv")
    second = store.statistics.build(*Q2)
    assert second.joint_periods == ()  # Q1 and Q2 do not overlap: nothing to combine
    store.statistics.write(second, tmp_path / "q2.csv")

    kept = _releases(store)
    assert [(r.date_from, r.date_to) for r in kept] == [Q1, Q2]
    assert Release.from_json(kept[0].content) == release_of(first)
    assert kept[0].threshold == 3 and len(kept[0].sha256) == 64

    half = store.statistics.build(*H1)
    assert half.joint_periods == (Q1, Q2)
    assert (
        "Gemeinsam geprüft mit",
        "früheren Exporten für 01.01.2026–31.03.2026, 01.04.2026–30.06.2026",
    ) in half.provenance()
    # nothing is taken back: whatever the half year hides more, it never publishes a cell
    # that it would hide alone
    for t_alone, t_joint in zip(alone.tables, half.tables, strict=True):
        for r_alone, r_joint in zip(t_alone.cells, t_joint.cells, strict=True):
            for c_alone, c_joint in zip(r_alone, r_joint, strict=True):
                assert not (c_alone.suppressed and not c_joint.suppressed)
    hidden_more = half.suppressed_cells - alone.suppressed_cells
    assert hidden_more >= 0
    if half.coarsened_cells:
        assert any("früherer Exporte" in note for note in half.notes)
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(StatisticsReleaseRecord)) == 2


def test_a_failed_write_keeps_no_release(store: Store, tmp_path: Path) -> None:
    store.clock.current = datetime(2026, 7, 15, 9, 0)  # type: ignore[attr-defined]
    demo.generate(store, 40, seed=2)
    export = store.statistics.build(*Q1)
    folder = tmp_path / "gone"
    folder.write_text("a file where the folder belongs")
    with pytest.raises(OSError):
        store.statistics.write(export, folder / "q1.csv")
    assert _releases(store) == []
