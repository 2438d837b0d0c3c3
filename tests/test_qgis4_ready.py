"""Ready for QGIS 4 (Qt 6): the sources are scanned, on whichever QGIS runs the tests, for what QGIS 4 drops.

- unscoped enums (``Qt.AlignLeft``, ``QgsWkbTypes.Polygon``): Qt 6 and QGIS 4 only have ``Qt.AlignmentFlag.AlignLeft``;
- enums reached through the class they moved from (``QgsWkbTypes.GeometryType`` is ``Qgis.GeometryType`` from 3.30):
  found on QGIS versions that have moved them, so the 3.40/3.44 runs (make test-compat) catch them;
- ``QVariant`` type constants, APIs deprecated or removed (``exec_``, ``setMinimal``, ``saveStyleToDatabase``,
  ``QRegExp``, ``QDesktopWidget``, ``qApp``) and direct PyQt5/PyQt6 imports.
Only core/compat.py, the one place for version differences, may use them. A second test resolves every Qt name
the sources use in PyQt6 itself, when PyQt6 is installed (python3-pyqt6).
"""

import ast
import enum
import importlib
import json
import subprocess
from pathlib import Path
from typing import Dict, Iterator, List

import pytest

ROOT = Path(__file__).resolve().parent.parent
COMPAT = ROOT / "liaocheng_plugin" / "core" / "compat.py"
REMOVED_CALLS = {"exec_", "setMinimal", "saveStyleToDatabase"}
REMOVED_NAMES = {"QRegExp", "QDesktopWidget", "qApp"}
SYSTEM_PYTHON = "/usr/bin/python3"


def sources() -> Iterator[Path]:
    for folder in ("liaocheng_plugin", "tests"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path != COMPAT:
                yield path


def imported_names(tree: ast.AST) -> Dict[str, object]:
    """Names imported from qgis.core, qgis.gui and qgis.PyQt.* by a module, with their objects."""
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("qgis."):
            module = importlib.import_module(node.module)
            for alias in node.names:
                if hasattr(module, alias.name):
                    names[alias.asname or alias.name] = getattr(module, alias.name)
    return names


def is_enum_type(value) -> bool:
    return isinstance(value, type) and (issubclass(value, enum.Enum) or type(value).__name__ == "enumtype")


def is_enum_member(value) -> bool:
    return not isinstance(value, type) and is_enum_type(type(value))


def resolve(node: ast.AST, names: Dict[str, object]):
    """The object a Name/Attribute chain rooted in an imported name stands for, else None."""
    if isinstance(node, ast.Name):
        return names.get(node.id)
    if isinstance(node, ast.Attribute):
        owner = resolve(node.value, names)
        return getattr(owner, node.attr, None) if owner is not None else None
    return None


def problems_in(path: Path, root: Path = ROOT) -> List[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names = imported_names(tree)
    where = path.relative_to(root)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in ("PyQt5", "PyQt6"):
            found.append(f"{where}:{node.lineno}: import Qt through qgis.PyQt, not {node.module}")
        if isinstance(node, (ast.ImportFrom, ast.Import)):
            found += [f"{where}:{node.lineno}: {a.name} is gone in Qt 6" for a in node.names if a.name in REMOVED_NAMES]
        if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load):
            text = ast.unparse(node)
            if node.attr in REMOVED_CALLS:
                found.append(f"{where}:{node.lineno}: {text} is deprecated or gone in QGIS 4 / Qt 6")
            owner = resolve(node.value, names)
            if not isinstance(owner, type):
                continue
            if owner is names.get("QVariant"):
                found.append(f"{where}:{node.lineno}: {text}: QVariant type constants go through core/compat.py")
                continue
            value = getattr(owner, node.attr, None)
            if is_enum_member(value) and not is_enum_type(owner):
                found.append(f"{where}:{node.lineno}: unscoped enum {text} (write {type(value).__qualname__}.…)")
            elif is_enum_type(value):
                home = value.__qualname__.split(".")[0]
                if home not in {base.__name__ for base in owner.__mro__}:
                    found.append(f"{where}:{node.lineno}: {text} moved to {value.__qualname__} (use core/compat.py)")
    return found


def test_no_unscoped_moved_or_removed_api_outside_compat():
    problems = [problem for path in sources() for problem in problems_in(path)]
    assert problems == [], "\n".join(problems)


def test_the_scan_finds_what_qgis_4_drops(tmp_path):
    """The scan itself: each kind of problem in a sample module is reported."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from qgis.core import QgsWkbTypes, QgsRectangle\n"
        "from qgis.PyQt.QtCore import Qt, QVariant\n"
        "from PyQt5.QtWidgets import QDialog\n"
        "a = Qt.AlignLeft\n"
        "b = QgsWkbTypes.Polygon\n"
        "c = QVariant.String\n"
        "QgsRectangle().setMinimal()\n"
        "QDialog().exec_()\n"
        "d = Qt.AlignmentFlag.AlignLeft\n",
        encoding="utf-8",
    )
    problems = sorted(problems_in(sample, tmp_path), key=lambda problem: int(problem.split(":")[1]))
    assert [p.split(": ", 1)[0] for p in problems] == [f"sample.py:{line}" for line in (3, 4, 5, 6, 7, 8)]


PYQT6_CHECK = r"""
import ast, importlib, io, json, sys
from PyQt6 import uic

# QGIS 4's qgis.PyQt.QtWidgets re-exports the classes Qt 6 moved to QtGui.
MOVED_TO_QTGUI = {"QAction", "QActionGroup", "QShortcut", "QFileSystemModel", "QUndoCommand", "QUndoStack"}
problems = []


def qt_name(module_name, name):
    try:
        return importlib.import_module(f"{module_name}.{name}")  # a submodule (uic, sip)
    except ImportError:
        pass
    value = getattr(importlib.import_module(module_name), name, None)
    if value is None and module_name == "PyQt6.QtWidgets" and name in MOVED_TO_QTGUI:
        value = getattr(importlib.import_module("PyQt6.QtGui"), name)
    return value


def check(where, source, imports_only=False):
    tree = ast.parse(source)
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] in ("qgis", "PyQt6"):
            if not node.module.startswith(("qgis.PyQt", "PyQt6")):
                continue
            module_name = "PyQt6" + node.module[len("qgis.PyQt"):] if node.module.startswith("qgis") else node.module
            for alias in node.names:
                value = qt_name(module_name, alias.name)
                if value is None:
                    problems.append(f"{where}:{node.lineno}: {module_name} has no {alias.name}")
                names[alias.asname or alias.name] = value

    def resolve(node):
        if isinstance(node, ast.Name):
            return names.get(node.id)
        if isinstance(node, ast.Attribute):
            owner = resolve(node.value)
            if owner is None or not isinstance(owner, (type, type(sys))):
                return None
            if not hasattr(owner, node.attr):
                problems.append(f"{where}:{node.lineno}: PyQt6 has no {ast.unparse(node)}")
                return None
            return getattr(owner, node.attr)

    if not imports_only:
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute):
                resolve(node)


compat, *paths = sys.argv[1:]
check(compat, open(compat, encoding="utf-8").read(), imports_only=True)  # its Qt 5 branches never run on Qt 6
for path in paths:
    if path.endswith(".ui"):
        generated = io.StringIO()
        try:
            uic.compileUi(path, generated)
        except Exception as error:
            problems.append(f"{path}: PyQt6's uic cannot read it: {error}")
            continue
        check(path, generated.getvalue())
    else:
        check(path, open(path, encoding="utf-8").read())
print(json.dumps(sorted(set(problems))))
"""


def pyqt6_problems(files: List[Path]) -> List[str]:
    """Qt names of ``files`` (after compat.py) that PyQt6 lacks, checked by the system Python (PyQt6 and PyQt5
    do not share a process); skips the test when PyQt6 and its uic are not installed (pyqt6-dev-tools)."""
    if subprocess.run([SYSTEM_PYTHON, "-c", "import PyQt6.uic"], capture_output=True).returncode != 0:
        pytest.skip("PyQt6 with its uic is not installed (pyqt6-dev-tools)")
    arguments = [str(COMPAT), *map(str, files)]
    result = subprocess.run([SYSTEM_PYTHON, "-c", PYQT6_CHECK, *arguments], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_every_qt_name_the_sources_use_exists_in_pyqt6():
    """What can be checked of Qt 6 without QGIS 4: every class, enum and member the sources reach through
    qgis.PyQt resolves in PyQt6, and PyQt6's uic reads every .ui form (calls on instances are not checked)."""
    problems = pyqt6_problems([*sources(), *sorted((ROOT / "liaocheng_plugin").rglob("*.ui"))])
    assert problems == [], "\n".join(problems)


def test_the_pyqt6_check_finds_qt5_only_names(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from qgis.PyQt.QtCore import Qt, QEvent\n"
        "from qgis.PyQt.QtWidgets import QAction, QMessageBox\n"
        "a = Qt.AlignLeft\n"
        "b = QEvent.Type.DeferredDelete\n"
        "c = QMessageBox.Ok\n"
        "d = Qt.AlignmentFlag.AlignLeft\n",
        encoding="utf-8",
    )
    assert pyqt6_problems([sample]) == [
        f"{sample}:3: PyQt6 has no Qt.AlignLeft",
        f"{sample}:5: PyQt6 has no QMessageBox.Ok",
    ]
