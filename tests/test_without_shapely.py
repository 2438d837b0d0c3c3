"""Without shapely 2 the plugin still loads and every check names what to install (issues 12 and 16)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHILD = ROOT / "tests" / "without_shapely" / "plugin_without_shapely.py"


def test_plugin_loads_without_shapely_and_checks_name_it():
    """A child pytest hides shapely before the plugin loads (as QGIS's own Python may lack it) and checks
    that the plugin, its provider and docks load, and that a check fails with the install instructions."""
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(CHILD)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "5 passed" in result.stdout
