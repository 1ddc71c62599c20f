"""Languages: German is the source language of every string; English comes from
``resources/translations/sro_case_en*.ts``, read at run time (no compiled .qm to ship or forget).
Qt's own dialogs use qtbase_<lang> from PySide6 (``qt_de`` needs modules Essentials lacks)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from sro_case.domain.messages import CONTEXT, Text
from sro_case.errors import ValidationError
from sro_case.paths import resources_dir

LANGUAGES = {"de": "Deutsch", "en": "English"}
DEFAULT_LANGUAGE = "de"


class TsTranslator(QTranslator):
    """A QTranslator over Qt Linguist .ts files (all parts of one language, one look-up);
    unfinished entries are ignored.

    PySide6 (seen with 6.12) hands a null ``disambiguation`` to a Python ``translate()``
    override as a borrowed None and releases it afterwards: every ``tr()`` call then costs None
    one reference, and after enough calls the interpreter aborts ("deallocating None"). The
    override gives that reference back. Should PySide fix this, None merely keeps a few extra
    references, which is harmless.
    """

    def __init__(self, paths: Path | list[Path], parent: QCoreApplication | None = None) -> None:
        super().__init__(parent)
        self._table: dict[tuple[str, str], str] = {}
        self._plain: dict[str, str] = {}
        for path in [paths] if isinstance(paths, Path) else paths:
            self._load(path)

    def _load(self, path: Path) -> None:
        import xml.etree.ElementTree as ET  # only for English: not on the German start path

        root = ET.parse(path).getroot()
        for context in root.iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source")
                translation = message.find("translation")
                if source is None or translation is None or not (translation.text or ""):
                    continue
                if translation.get("type") in ("unfinished", "obsolete", "vanished"):
                    continue
                self._table[(name, source)] = translation.text or ""
                self._plain.setdefault(source, translation.text or "")

    def translate(self, context, source, disambiguation=None, n=-1):
        if disambiguation is None:
            _give_back_none()
        return self._table.get((context, source)) or self._plain.get(source)

    def isEmpty(self) -> bool:
        return not self._table

    def __len__(self) -> int:
        return len(self._table)


def _give_back_none() -> None:
    # only translations into English get here; ctypes stays off the German start path
    from ui.refcounts import give_back

    give_back(None)


_installed: list[QTranslator] = []


def translation_files(language: str) -> list[Path]:
    """``sro_case_<lang>.ts`` plus any ``sro_case_<lang>_<part>.ts`` (one file per area of the UI)."""
    folder = resources_dir() / "translations"
    main = folder / f"sro_case_{language}.ts"
    parts = sorted(folder.glob(f"sro_case_{language}_*.ts"))
    return [p for p in [main, *parts] if p.is_file()]


def install_language(language: str) -> str:
    """Switch the running application's language; returns the language actually installed."""
    app = QCoreApplication.instance()
    assert app is not None
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    if language != "de":
        ours = TsTranslator(translation_files(language), app)
        app.installTranslator(ours)
        _installed.append(ours)
    locale = (
        QLocale(QLocale.Language.German, QLocale.Country.Germany)
        if language == "de"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    )
    QLocale.setDefault(locale)
    return language


# --------------------------------------------------------------------------- core messages


def core_text(text: str) -> str:
    """A message of the core in the current language.

    The core's messages are German ``Text`` with a template and named parameters
    (``sro_case.domain.messages``). The template is translated through Qt (context ``core``,
    English in ``sro_case_en_core.ts``), then filled with the parameters, which are translated
    the same way where they are core texts themselves (field names, "dem Beginn"). Plain strings
    (already translated by the UI, or typed by the user) come back unchanged.
    """
    if not isinstance(text, Text):
        return text
    template = QCoreApplication.translate(CONTEXT, text.template)
    if not text.params:
        return template
    params = {k: core_text(v) if isinstance(v, str) else str(v) for k, v in text.params.items()}
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):  # a broken translation: better German than nothing
        return str(text)


def core_label(text: str) -> str:
    """A label that the core keeps in German (an enum's ``label``, a catalogue entry's name) in
    the current language. Catalogue entries an office added itself stay as they are."""
    return QCoreApplication.translate(CONTEXT, text) if text else text


def core_problems(problems: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The (field, message) pairs of a ValidationError in the current language."""
    return [(core_text(field), core_text(message)) for field, message in problems]


def problems_text(problems: list[tuple[str, str]], separator: str = "\n") -> str:
    return separator.join(
        f"{field}: {message}" if field else message for field, message in core_problems(problems)
    )


def error_text(exc: BaseException) -> str:
    """What to tell the user about an error of the core, in the current language."""
    if isinstance(exc, ValidationError):
        return problems_text(exc.problems)
    if exc.args and isinstance(exc.args[0], Text):
        return core_text(exc.args[0])
    return str(exc)
