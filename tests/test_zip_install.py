"""`make zip` builds a plugin ZIP that installs into a QGIS profile and starts from there."""

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

START_FROM_PROFILE = r"""
import sys
plugins = sys.argv[1]
sys.path.insert(0, plugins)  # QGIS puts each profile's python/plugins on sys.path at start
from qgis.core import QgsApplication
app = QgsApplication([], True)
app.initQgis()
from qgis.gui import QgsMapCanvas
from qgis.PyQt.QtWidgets import QMainWindow
import qgis.utils

class MainWindowInterface:
    # The part of QgisInterface the plugin uses, on a real QMainWindow with a Help menu.
    def __init__(self):
        self.window = QMainWindow()
        self.canvas = QgsMapCanvas(self.window)
        self.help_menu = self.window.menuBar().addMenu("Help")
    def mainWindow(self):
        return self.window
    def mapCanvas(self):
        return self.canvas
    def firstRightStandardMenu(self):
        return self.help_menu
    def addToolBar(self, name):
        return self.window.addToolBar(name)

iface = MainWindowInterface()
window = iface.window
qgis.utils.iface = iface
qgis.utils.plugin_paths = [plugins]
qgis.utils.updateAvailablePlugins()
assert "liaocheng_plugin" in qgis.utils.available_plugins, qgis.utils.available_plugins
assert qgis.utils.loadPlugin("liaocheng_plugin")
assert qgis.utils.startPlugin("liaocheng_plugin")
import liaocheng_plugin
from liaocheng_plugin.core.paths import plugin_file, resource_path
print("package", liaocheng_plugin.__file__)
print("icon", resource_path("icons", "plugin.svg"), resource_path("icons", "plugin.svg").exists())
print("qm", plugin_file("i18n", "liaocheng_zh_CN.qm").exists())
print("provider", QgsApplication.processingRegistry().providerById("liaocheng") is not None)
print("menu", [a.text() for a in window.menuBar().actions()])
assert qgis.utils.unloadPlugin("liaocheng_plugin")
print("unloaded_provider", QgsApplication.processingRegistry().providerById("liaocheng") is None)
"""


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_zip_has_one_top_folder_and_starts_from_a_throwaway_profile(tmp_path):
    subprocess.run(["make", "-s", "zip"], cwd=ROOT, check=True, capture_output=True)
    archive = ROOT / "dist" / "liaocheng_plugin.zip"
    with zipfile.ZipFile(archive) as bundle:
        names = bundle.namelist()
        assert {name.split("/")[0] for name in names} == {"liaocheng_plugin"}
        for needed in (
            "metadata.txt",
            "__init__.py",
            "resources/icons/plugin.svg",
            "resources/styles/pbf.qml",
            "i18n/liaocheng_zh_CN.qm",
            "gui/profile_dialog.ui",
        ):
            assert f"liaocheng_plugin/{needed}" in names, needed
        assert not [name for name in names if "__pycache__" in name or name.startswith("liaocheng_plugin/tests")]
        plugins = tmp_path / "profiles" / "default" / "python" / "plugins"
        plugins.mkdir(parents=True)
        bundle.extractall(plugins)
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    environment["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run(
        [sys.executable, "-c", START_FROM_PROFILE, str(plugins)],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
    assert lines["package"].startswith(str(plugins))
    assert lines["icon"].startswith(str(plugins)) and lines["icon"].endswith("True")
    assert lines["qm"] == "True" and lines["provider"] == "True" and lines["unloaded_provider"] == "True"
    assert "Liaocheng Land Check" in lines["menu"] or "聊城国土空间核查" in lines["menu"]
