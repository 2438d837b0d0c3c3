"""A headless QGIS application with Processing and the plugin's provider, for demo and bench."""

import sys
from contextlib import contextmanager

from qgis.core import QgsApplication

PROCESSING_PLUGINS = "/usr/share/qgis/python/plugins"


@contextmanager
def qgis_session():
    """Start QGIS without a GUI, initialise Processing and register the plugin's provider."""
    app = QgsApplication([], False)
    app.initQgis()
    if PROCESSING_PLUGINS not in sys.path:
        sys.path.append(PROCESSING_PLUGINS)
    from processing.core.Processing import Processing

    Processing.initialize()
    from liaocheng_plugin.processing import LiaochengProvider

    provider = LiaochengProvider()  # keep a reference: the registry does not own Python providers
    QgsApplication.processingRegistry().addProvider(provider)
    try:
        yield app
    finally:
        Processing.deinitialize()
        app.exitQgis()
