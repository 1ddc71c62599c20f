"""The whole client in one language (#15): the tour of ``make screenshots`` (``tools/tour.py``)
runs in English and in German on a demo database, and every text a user can see on each of its
screens – window titles, labels, buttons, tabs, menus, column headers, list entries, field
hints – is read. In English no German word is left, in German no English one. What the user
or the demo typed (names, notes, goals: anything stored in the database or typed by the tour)
stays as typed and is taken out before the check, as are the Sozialraum names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QTabBar,
    QTableView,
    QWidget,
)
from sqlalchemy import text

from sro_case.domain.catalogues import catalogue
from tests.test_translations import _english_words
from tools.tour import Demo, demo_database, tour
from ui.i18n import install_language

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("gui_settings")]

# Words of the German UI that are no English words (umlauts and ß are caught on their own).
GERMAN_WORDS = {
    "und",
    "oder",
    "nicht",
    "der",
    "die",
    "das",
    "den",
    "dem",
    "des",
    "ein",
    "eine",
    "einen",
    "mit",
    "für",
    "von",
    "bis",
    "ist",
    "sind",
    "wird",
    "werden",
    "kein",
    "keine",
    "alle",
    "neu",
    "neue",
    "neuer",
    "speichern",
    "abbrechen",
    "schließen",
    "bearbeiten",
    "öffnen",
    "suchen",
    "suche",
    "fall",
    "familie",
    "hilfe",
    "hilfen",
    "ziel",
    "ziele",
    "datum",
    "beginn",
    "ende",
    "grund",
    "einwilligung",
    "einwilligungen",
    "konferenz",
    "moderation",
    "teilnehmende",
    "verlauf",
    "fristen",
    "sozialraum",
    "vorname",
    "nachname",
    "aktenzeichen",
    "benutzer",
    "sicherung",
    "protokoll",
    "zeitraum",
    "insgesamt",
    "jahr",
    "monat",
    "quartal",
    "halbjahr",
    "gesperrt",
    "entsperren",
    "datei",
    "ansicht",
    "bitte",
    "zurück",
    "weiter",
    "jetzt",
    "heute",
    "tage",
    "woche",
    "wochen",
    "seit",
    "am",
    "im",
    "zum",
    "zur",
    "auf",
    "aus",
    "bei",
    "nach",
    "noch",
    "nur",
    "oben",
    "unten",
    "anlegen",
    "ändern",
    "beenden",
    "übernehmen",
    "festhalten",
    "ressourcen",
    "vereinbarungen",
    "tagesordnung",
    "abschluss",
    "vorhang",
    "vollbild",
    "kleiner",
    "größer",
    "kontrast",
    "initialen",
    "punkt",
    "zeit",
    "starten",
    "nächster",
    "wer",
    "wann",
    "verwaltung",
    "löschfristen",
    "datensicherung",
    "rolle",
    "anmeldename",
    "statistik",
    "vorschau",
    "angaben",
    "grundgesamtheit",
    "kennzahl",
    "wille",
}
_UMLAUT = re.compile(r"[äöüÄÖÜß]")
# Letters of names and places of other languages that the demo uses are not German words.
_WORD = re.compile(r"[\wäöüÄÖÜß]+")


def _visible_texts(root: QWidget) -> list[str]:
    """Every text on the screen of ``root`` (visible widgets only; typed values excluded
    except in read-only fields, which show stored data and are masked as such)."""
    texts = [root.windowTitle()]
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        if not w.isVisible():
            continue
        if isinstance(w, QLabel | QAbstractButton):
            texts.append(w.text())
        if isinstance(w, QGroupBox):
            texts.append(w.title())
        if isinstance(w, QTabBar):
            texts += [w.tabText(i) for i in range(w.count())]
        if isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        if isinstance(w, QComboBox):
            texts.append(w.currentText())
        if isinstance(w, QListWidget):
            texts += [w.item(i).text() for i in range(w.count())]
        if isinstance(w, QTableView) and w.model() is not None:
            model = w.model()
            texts += [
                str(model.headerData(c, Qt.Horizontal, Qt.DisplayRole) or "")
                for c in range(model.columnCount())
                if not w.isColumnHidden(c)
            ]
            if w.verticalHeader().isVisible():  # row labels (the statistics preview)
                texts += [
                    str(model.headerData(r, Qt.Vertical, Qt.DisplayRole) or "")
                    for r in range(model.rowCount())
                ]
        if isinstance(w, QMainWindow):
            for action in w.menuBar().actions():
                texts.append(action.text())
                menu = action.menu()
                if menu is not None:
                    texts += [a.text() for a in menu.actions()]
    return [t for t in texts if t]


def _data_strings(demo: Demo) -> list[str]:
    """Everything stored (names, notes, goals …), the Sozialraum names and what the tour types:
    shown as stored in every language."""
    found: set[str] = set()
    with demo.store.read() as s:
        tables = [
            r[0] for r in s.execute(text("SELECT name FROM sqlite_master WHERE type='table'"))
        ]
        for table in tables:
            if table.startswith(("sqlite_", "alembic", "search")) or "fts" in table:
                continue
            columns = [r[1] for r in s.execute(text(f'PRAGMA table_info("{table}")'))]
            for column in columns:
                rows = s.execute(
                    text(
                        f'SELECT DISTINCT "{column}" FROM "{table}" '
                        f"WHERE typeof(\"{column}\") = 'text'"
                    )
                )
                found |= {str(r[0]) for r in rows if r[0] and len(str(r[0])) > 1}
    found |= {item.name for item in catalogue("social_spaces")}
    found.add(str(demo.folder))  # paths are shown as they are
    source = (Path(__file__).resolve().parent.parent / "tools" / "tour.py").read_text("utf-8")
    found |= set(re.findall(r'(?<!tr\()"([^"\n]{3,})"', source))  # typed, not translated
    return sorted(found, key=len, reverse=True)


def _mask(texts: list[str], data: list[str]) -> list[str]:
    # whole words only; the longest first, so "Familie Yılmaz" goes before "Yılmaz"
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(d) for d in data) + r")(?!\w)")
    return [pattern.sub(" ", t) for t in texts]


def _german(text_: str) -> set[str]:
    words = set()
    for word in _WORD.findall(text_.replace("&", "")):
        if _UMLAUT.search(word) or word.lower() in GERMAN_WORDS:
            words.add(word)
    return words


def _english(text_: str) -> set[str]:
    return _english_words([text_])  # the German UI's own test, on the tour's texts


@pytest.fixture(scope="module")
def demo(tmp_path_factory):  # type: ignore[no-untyped-def]
    demo = demo_database(tmp_path_factory.mktemp("tour"), 40)
    yield demo
    demo.store.close()


def _run(qapp, demo: Demo, language: str, find) -> dict[str, set[str]]:  # type: ignore[no-untyped-def]
    install_language(language)
    data = _data_strings(demo)
    problems: dict[str, set[str]] = {}
    seen = []
    for name, widget in tour(qapp, demo, (1366, 768)):
        seen.append(name)
        shown_data = data
        projection = getattr(widget, "projection", None)  # the conference's view state
        if projection is not None and projection.use_initials:  # stored text shown scrubbed
            scrubbed = {projection.text_out(d) for d in data} | {
                projection.name_out(d) for d in data
            }
            shown_data = sorted(set(data) | scrubbed, key=len, reverse=True)
        for shown in _mask(_visible_texts(widget), shown_data):
            words = find(shown)
            if words:
                problems.setdefault(name, set()).update(f"{w} in {shown!r}" for w in words)
    assert {"start", "fristen", "statistik-vorschau", "konferenzmodus-zoom300"} <= set(seen)
    return problems


def test_english_tour_shows_no_german_word(qapp, demo) -> None:  # type: ignore[no-untyped-def]
    try:
        assert _run(qapp, demo, "en", _german) == {}
    finally:
        install_language("de")


def test_german_tour_shows_no_english_word(qapp, demo) -> None:  # type: ignore[no-untyped-def]
    assert _run(qapp, demo, "de", _english) == {}
