"""Open a check algorithm's Processing dialog with the protected layers taken from the profile."""

from qgis.core import QgsProject

from liaocheng_plugin.core.profile import ProtectedProfile


def open_algorithm_dialog(algorithm_id: str) -> None:
    """Show the standard Processing dialog, prefilled from the project's protected-layer profile."""
    import processing

    parameters = ProtectedProfile.load(QgsProject.instance()).processing_parameters(QgsProject.instance())
    processing.execAlgorithmDialog(algorithm_id, parameters)
