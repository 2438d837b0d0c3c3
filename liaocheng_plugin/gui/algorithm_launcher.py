"""Open a check algorithm's Processing dialog with the protected layers taken from the profile."""

from qgis.core import QgsProject

from liaocheng_plugin.core.exceptions import LiaochengError
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.profile import ProtectedProfile, missing_layers_message


def open_algorithm_dialog(iface, algorithm_id: str) -> None:
    """Show the standard Processing dialog, prefilled from the project's protected-layer profile; a profile naming
    layers no longer in the project is said first (a run that keeps that start is refused, naming them)."""
    import processing

    project = QgsProject.instance()
    parameters = {}
    try:
        profile = ProtectedProfile.load(project)
    except LiaochengError as error:
        iface.messageBar().pushCritical(tr("Liaocheng Land Check"), error.message)
    else:
        missing = profile.missing_layers(project)
        if missing:
            remedy = tr("Choose the layer in the dialog, or change the protected-layer profile (保护图层配置).")
            iface.messageBar().pushWarning(tr("Liaocheng Land Check"), missing_layers_message(missing, remedy))
        parameters = profile.processing_parameters(project)
    processing.execAlgorithmDialog(algorithm_id, parameters)
