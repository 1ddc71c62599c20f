"""Repeated releases through the service: every written export keeps what it published, and a
later export of an overlapping period is audited together with it."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sro_case import demo
from sro_case.export import Release, build_export, joint_releases, release_of
from sro_case.export.tables import Facts, HelpFact, ProtectionFact, Space
from sro_case.storage.orm import StatisticsReleaseRecord
from sro_case.store import Store

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


def _release(first: date, last: date, cells: dict) -> Release:  # type: ignore[type-arg]
    return Release(first, last, 3, cells)


def test_every_overlapping_release_is_audited_however_many_others_came_between() -> None:
    """Two years of monthly reports in between must not push Q1 out of the joint audit."""
    q1 = _release(*Q1, {})
    others = [_release(date(2024, m, 1), date(2024, m, 28), {}) for m in range(1, 13)]
    others += [_release(date(2025, m, 1), date(2025, m, 28), {}) for m in range(1, 13)]
    assert joint_releases([q1, *others], date(2026, 1, 1), date(2026, 1, 31)) == [q1]


def test_sex_is_merged_when_an_overlapping_earlier_export_merged_it() -> None:
    """Q1 has one 'divers' help (merged with 'ohne Angabe'); the half year has three and would
    show them apart – which would bound Q1's merged figure. It merges too."""
    space = Space("stadtmitte", "Stadtmitte", False)

    def help_(i: int, day: date, sex: str) -> HelpFact:
        return HelpFact(i, space.code, "31", day, None, None, None, "9-12", sex)

    helps = [help_(i, date(2026, 2, 1), "female") for i in range(6)]
    helps += [help_(10, date(2026, 2, 1), "diverse")]
    helps += [help_(11 + i, date(2026, 5, 1), "diverse") for i in range(2)]
    helps += [help_(20 + i, date(2026, 5, 1), "male") for i in range(6)]
    facts = Facts((space,), tuple(helps))
    kw = {"threshold": 3, "generated_at": datetime(2026, 7, 1), "software": "test"}
    first = build_export(facts, *Q1, **kw)
    merged = "divers / ohne Angabe"
    assert [c.label for c in first.table("hilfen_modellregion_geschlecht").cols][-2] == merged
    alone = build_export(facts, *H1, **kw)
    assert "divers" in [c.label for c in alone.table("hilfen_modellregion_geschlecht").cols]
    half = build_export(facts, *H1, earlier=[first], **kw)
    assert [c.label for c in half.table("hilfen_modellregion_geschlecht").cols][-2] == merged


def test_earlier_exports_without_their_figures_are_refused() -> None:
    from sro_case.export import export_from
    from sro_case.export.tables import aggregate

    facts = Facts((Space("stadtmitte", "Stadtmitte", False),))
    raw = aggregate(facts, *H1, threshold=3)
    with pytest.raises(ValueError, match="raw_for"):
        export_from(
            raw,
            threshold=3,
            generated_at=datetime(2026, 7, 1),
            software="test",
            earlier=[_release(*Q1, {})],
        )


def test_an_export_saved_after_the_preview_makes_it_stale(store: Store, tmp_path: Path) -> None:
    """Preview H1, meanwhile (another window, another session) Q1 is saved: the H1 preview was
    not audited with Q1, so saving it is refused and nothing is written or recorded."""
    from sro_case.errors import StaleExport

    store.clock.current = datetime(2026, 7, 15, 9, 0)  # type: ignore[attr-defined]
    demo.generate(store, 40, seed=2)
    half = store.statistics.build(*H1)
    store.statistics.write(store.statistics.build(*Q1), tmp_path / "q1.csv")
    with pytest.raises(StaleExport, match="neu"):
        store.statistics.write(half, tmp_path / "h1.csv")
    assert not (tmp_path / "h1.csv").exists() and len(_releases(store)) == 1
    again = store.statistics.build(*H1)
    assert again.joint_periods == (Q1,)
    store.statistics.write(again, tmp_path / "h1.csv")


def test_facts_without_their_day_are_refused_for_a_joint_audit() -> None:
    """A § 8a case without its opening day counts in every period; the joint audit would rest
    on figures that do not add up, so it refuses instead of skipping the table."""
    space = Space("stadtmitte", "Stadtmitte", False)
    facts = Facts((space,), protections=(ProtectionFact(1, space.code, "latent"),))
    kw = {"threshold": 3, "generated_at": datetime(2026, 7, 1), "software": "test"}
    first = build_export(facts, *Q1, **kw)
    with pytest.raises(ValueError, match="without their day"):
        build_export(facts, *H1, earlier=[first], **kw)
    dated = Facts((space,), protections=(ProtectionFact(1, space.code, "latent", Q1[0]),))
    build_export(dated, *H1, earlier=[build_export(dated, *Q1, **kw)], **kw)
