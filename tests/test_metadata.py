"""metadata.txt as QGIS's Plugin Manager reads it: Chinese name, description and about in a Chinese QGIS, no
placeholder contact or links."""

import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
INSTALLER = Path("/usr/share/qgis/python")
READ = """
import sys
from qgis.core import QgsApplication, QgsSettings
app = QgsApplication([], False)
app.initQgis()
sys.path.append({installer!r})
if len(sys.argv) > 2:
    QgsSettings().setValue("locale/overrideFlag", True)
    QgsSettings().setValue("locale/userLocale", sys.argv[2])
from pyplugin_installer.installer_data import plugins
plugin = plugins.getInstalledPlugin("liaocheng_plugin", path=sys.argv[1], readOnly=True)
print(plugin["name"]); print(plugin["description"]); print(plugin["about"][:40]); print(plugin["error"] or "ok")
"""


def plugin_manager(tmp_path, language: str, ui_locale: str = ""):
    """Name, description, start of about and error as QGIS's Plugin Manager reads our metadata.txt, on a system
    in ``language`` (and QGIS's own language override ``ui_locale``), in a fresh QGIS with its own profile."""
    folder = tmp_path / "liaocheng_plugin"
    folder.mkdir(exist_ok=True)
    shutil.copy(ROOT / "metadata.txt", folder)
    (folder / "__init__.py").touch()
    script = tmp_path / "read.py"
    script.write_text(READ.format(installer=str(INSTALLER)), encoding="utf-8")
    environment = dict(os.environ, LANG=language, LC_ALL=language, QT_QPA_PLATFORM="offscreen")
    environment["QGIS_CUSTOM_CONFIG_PATH"] = str(tmp_path / "profile")
    arguments = [sys.executable, str(script), str(folder)] + ([ui_locale] if ui_locale else [])
    output = subprocess.run(arguments, capture_output=True, text=True, env=environment, timeout=120, check=True)
    return output.stdout.strip().splitlines()[-4:]


@pytest.mark.skipif(not (INSTALLER / "pyplugin_installer").is_dir(), reason="QGIS's plugin installer not found")
def test_plugin_manager_shows_the_plugin_in_chinese_on_a_chinese_system(tmp_path):
    name, description, about, error = plugin_manager(tmp_path, "zh_CN.UTF-8")
    assert (name, error) == ("聊城国土空间核查", "ok")
    assert description.startswith("储备土地、耕地进出平衡和项目选址核查") and about.startswith(
        "面向聊城市自然资源和规划局"
    )
    name, description, _, _ = plugin_manager(tmp_path, "en_US.UTF-8")
    assert name == "Liaocheng Land Check (聊城国土空间核查)" and description.startswith("Checks land-reserve")


@pytest.mark.skipif(not (INSTALLER / "pyplugin_installer").is_dir(), reason="QGIS's plugin installer not found")
def test_plugin_manager_follows_qgis_set_to_simplified_chinese_where_it_reads_that_setting(tmp_path):
    """QGIS 3.40+ reads QGIS's own language (zh-Hans); 3.22 the system's (the test above)."""
    source = (INSTALLER / "pyplugin_installer" / "installer_data.py").read_text(encoding="utf-8")
    if "locale/userLocale" not in source:
        pytest.skip("this QGIS's Plugin Manager reads the system locale only")
    name, description, _, _ = plugin_manager(tmp_path, "en_US.UTF-8", "zh-Hans")
    assert name == "聊城国土空间核查" and description.startswith("储备土地")


def test_metadata_has_no_placeholders_and_every_translated_key_in_every_chinese_form():
    metadata = configparser.ConfigParser()
    metadata.read(ROOT / "metadata.txt", encoding="utf-8")
    general = metadata["general"]
    text = (ROOT / "metadata.txt").read_text(encoding="utf-8")
    assert "TODO" not in text and "example.invalid" not in text
    for key in ("name", "description", "about", "tags"):
        for language in ("zh", "zh-Hans", "zh-Hant"):
            assert general.get(f"{key}[{language}]"), (key, language)
    assert all(general.get(key) for key in ("name", "qgisMinimumVersion", "description", "about", "version", "author"))
