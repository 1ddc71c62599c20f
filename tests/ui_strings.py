"""Finds every user-facing literal of the desktop client, by reading ``ui/**/*.py`` (no import):
``self.tr("…")`` / ``<object>.tr("…")`` and ``QCoreApplication.translate("Context", "…")``."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "ui"


def scan_ui(root: Path = UI) -> dict[str, list[str]]:
    """source text → where it is used (``ui/file.py:line``)."""
    found: dict[str, list[str]] = {}
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        rel = path.relative_to(ROOT).as_posix()
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            args = node.args
            if isinstance(node.func, ast.Name):  # tr = QCoreApplication.translate; tr("Ctx", "…")
                if node.func.id in ("tr", "translate") and len(args) >= 2:
                    literal = args[1]
                else:
                    continue
            elif not isinstance(node.func, ast.Attribute):
                continue
            elif node.func.attr == "tr" and args:
                literal = args[0]
            elif (
                node.func.attr == "translate"
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id in ("QCoreApplication", "QApplication")
                and len(args) >= 2
            ):  # not QTranslator.translate(), which looks a text up rather than offering one
                literal = args[1]
            else:
                continue
            if isinstance(literal, ast.Constant) and isinstance(literal.value, str):
                found.setdefault(literal.value, []).append(f"{rel}:{node.lineno}")
    return found


def ts_translations(paths: list[Path]) -> dict[tuple[str, str], str]:
    """(context, source) → finished translation, from Qt Linguist files."""
    table: dict[tuple[str, str], str] = {}
    for path in paths:
        for context in ET.parse(path).getroot().iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                source = message.findtext("source")
                translation = message.find("translation")
                if source is None or translation is None or not (translation.text or "").strip():
                    continue
                if translation.get("type") in ("unfinished", "obsolete", "vanished"):
                    continue
                table[(name, source)] = translation.text or ""
    return table


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(ROOT))
    from ui.i18n import translation_files

    known = {source for _, source in ts_translations(translation_files("en"))}
    strings = scan_ui()
    missing = {s: w for s, w in strings.items() if s not in known}
    for s, w in sorted(missing.items()):
        print(repr(s), w[0])
    print(len(strings), "strings,", len(missing), "without English")
