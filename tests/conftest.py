"""Shared fixtures: data folders, memory-layer factory, Processing with our provider."""

import logging
import os
import sys
from pathlib import Path
from typing import Dict, Iterable, Optional, Sequence

import pytest
from qgis.core import (
    Qgis,
    QgsApplication,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsVectorLayer,
)

from liaocheng_plugin.core.compat import FIELD_DOUBLE, FIELD_INT, FIELD_STRING
from liaocheng_plugin.core.values import as_text

# The Processing framework is itself a plugin: Debian installs it here.
PROCESSING_PLUGINS = "/usr/share/qgis/python/plugins"
if os.path.isdir(PROCESSING_PLUGINS) and PROCESSING_PLUGINS not in sys.path:
    sys.path.append(PROCESSING_PLUGINS)

DATA_DIR = Path(__file__).parent / "data"


def pytest_report_header(config):
    return f"QGIS {Qgis.version()}"


@pytest.fixture(scope="session", autouse=True)
def log_qgis_messages(qgis_app):
    """Forward QgsMessageLog to Python logging, so failing tests show QGIS's complaints."""
    logger = logging.getLogger("qgis")

    def forward(message, tag, level):
        logger.info("%s: %s", tag, message)

    QgsApplication.messageLog().messageReceived.connect(forward)
    yield
    QgsApplication.messageLog().messageReceived.disconnect(forward)


@pytest.fixture
def data_dir() -> Path:
    return DATA_DIR


@pytest.fixture
def output_dir(tmp_path) -> Path:
    return tmp_path


FIELD_TYPES = {str: FIELD_STRING, int: FIELD_INT, float: FIELD_DOUBLE}


def memory_layer(
    geometry_type: str,
    crs: str,
    rows: Iterable[Sequence],
    fields: Optional[Dict[str, type]] = None,
    name: str = "layer",
) -> QgsVectorLayer:
    """A memory layer from rows of (wkt, *attributes)."""
    fields = fields or {}
    layer = QgsVectorLayer(f"{geometry_type}?crs={crs}", name, "memory")
    provider = layer.dataProvider()
    provider.addAttributes([QgsField(n, FIELD_TYPES[t]) for n, t in fields.items()])
    layer.updateFields()
    features = []
    for row in rows:
        feature = QgsFeature(layer.fields())
        wkt, *attributes = row
        if wkt is not None:
            feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes(list(attributes))
        features.append(feature)
    provider.addFeatures(features)
    layer.updateExtents()
    assert layer.isValid()
    return layer


def item_text(layout, item_id: str) -> str:
    """What a layout's label or table ``item_id`` shows on the current atlas page (a table: a line per row, cells
    separated by tabs)."""
    item = layout.itemById(item_id)
    if isinstance(item, QgsLayoutItemLabel):
        return item.currentText()
    assert isinstance(item, QgsLayoutFrame), f"no label or table “{item_id}”"
    table = item.multiFrame()
    table.refreshAttributes()
    return "\n".join("\t".join(as_text(value) for value in row) for row in table.contents())


def square(x: float, y: float, size: float) -> str:
    """WKT of an axis-aligned square with lower-left corner (x, y)."""
    return f"POLYGON(({x} {y},{x + size} {y},{x + size} {y + size},{x} {y + size},{x} {y}))"


@pytest.fixture(scope="session")
def processing_with_provider(qgis_app, qgis_processing):
    """Processing initialised with QGIS's native algorithms and our provider."""
    from liaocheng_plugin.processing import LiaochengProvider

    registry = QgsApplication.processingRegistry()
    if registry.providerById(LiaochengProvider.ID) is None:
        assert registry.addProvider(LiaochengProvider())
    yield registry.providerById(LiaochengProvider.ID)


@pytest.fixture(scope="session")
def sample_data(qgis_app, tmp_path_factory):
    """The Liaocheng sample GeoPackage and project, generated once per test session."""
    from tests.tools.sample.build import generate

    return generate(tmp_path_factory.mktemp("sample"))
