"""The rules of DESIGN.md §3 that code can check."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BLOCK_QT = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6."):
            raise ImportError("PySide6 is blocked in this test")
        return None
sys.meta_path.insert(0, Block())
import pkgutil, importlib, sro_case
for mod in pkgutil.walk_packages(sro_case.__path__, "sro_case."):
    if mod.name.endswith("__main__"):
        continue
    importlib.import_module(mod.name)
assert not any(m.startswith("PySide6") for m in sys.modules), "PySide6 was imported"
print("ok")
"""


def test_core_imports_no_qt() -> None:
    """Every module of sro_case imports with PySide6 made unimportable."""
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_QT], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_ui_talks_only_to_services() -> None:
    """No SQLAlchemy, no storage layer, no SQL driver in the UI."""
    forbidden = ("sqlalchemy", "sqlcipher3", "sqlite3", "sro_case.storage", "alembic")
    offenders = {
        str(p.relative_to(ROOT)): sorted(i for i in _imports(p) if i.startswith(forbidden))
        for p in (ROOT / "ui").rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


# the packages that may hold ORM records: storage, the kernel, the features and their
# composition root; never the domain, the facade, the documents' machinery or the engine
PURE = ("domain", "export", "reports", "app.py", "local.py", "documents.py", "errors.py")


def test_orm_records_stay_below_the_facade() -> None:
    for p in (ROOT / "sro_case").rglob("*.py"):
        rel = p.relative_to(ROOT / "sro_case").parts
        if rel[0] in PURE:
            assert not any(i.startswith("sro_case.storage") for i in _imports(p)), p


def test_database_connections_are_opened_in_one_place() -> None:
    """DESIGN §4: the encrypted file is opened only by storage/engine.py (keying, probing and
    pragmas in one place); everything else asks it for a connection or an engine."""
    offenders = []
    for path in (ROOT / "sro_case").rglob("*.py"):
        if path == ROOT / "sro_case" / "storage" / "engine.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "connect"
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id in ("sqlcipher3", "sqlite3")
            ):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def test_the_core_never_reaches_up_into_the_gui() -> None:
    """The GUI starts from ui/ (``ui.launcher``, the ``sro-case`` command) and hands the core
    what only it can do; no module of sro_case imports ui, not even lazily."""
    offenders = {
        str(p.relative_to(ROOT)): sorted(i for i in _imports(p) if i == "ui" or i.startswith("ui."))
        for p in (ROOT / "sro_case").rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_core_command_line_says_where_the_desktop_client_is(capsys) -> None:  # type: ignore[no-untyped-def]
    from sro_case import cli

    assert cli.main(["gui"]) == cli.EXIT_USAGE
    assert "sro-case" in capsys.readouterr().err
    started: list[object] = []
    desktop = cli.Desktop(run=lambda db: started.append(db) or 0, check_window=lambda t, s: None)
    assert cli.main(["gui", "--db", "akten.db"], desktop=desktop) == 0
    assert started == [Path("akten.db")]


def test_migrations_do_not_import_the_live_program() -> None:
    """#16: a revision computes what it meant when it was written; its helpers are frozen in
    db/migration_helpers.py instead of imported from sro_case (whose code moves on)."""
    offenders = []
    for path in sorted((ROOT / "db" / "versions").glob("*.py")):
        for name in _imports(path):
            if name == "sro_case" or name.startswith("sro_case."):
                offenders.append(f"{path.name}: {name}")
    assert offenders == []
