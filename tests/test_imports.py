"""Every module of the plugin imports on its own, whatever was imported before (QGIS loads them in any order)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import importlib, pkgutil, sys, traceback
import liaocheng_plugin
names = sorted(info.name for info in pkgutil.walk_packages(liaocheng_plugin.__path__, "liaocheng_plugin."))
for name in names:
    for loaded in [module for module in sys.modules if module.startswith("liaocheng_plugin")]:
        del sys.modules[loaded]
    try:
        importlib.import_module(name)
    except Exception:
        print("FAILED", name, traceback.format_exc().splitlines()[-1])
print("IMPORTED", len(names))
"""


def test_every_module_imports_first():
    """Each module in a fresh set of the plugin's modules: an import cycle fails here whichever module closes it."""
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-c", CHILD], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "FAILED" not in result.stdout, result.stdout
    assert int(result.stdout.split("IMPORTED")[-1]) > 100
