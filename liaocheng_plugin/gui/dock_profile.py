"""What the panels take from the project's protected-layer profile: the layers a check will use, said in a line,
and the check's parameters, refused while the profile names a layer that left the project."""

import html
from typing import Dict

from qgis.core import QgsProject, QgsVectorLayer

from liaocheng_plugin.core.definitions import Role
from liaocheng_plugin.core.exceptions import LiaochengError
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.profile import ProtectedProfile, missing_layers_message

MISSING_COLOUR = "#b00000"


def short_role_names() -> Dict[Role, str]:
    return {
        Role.PERMANENT_FARMLAND: tr("farmland"),
        Role.ECOLOGICAL_REDLINE: tr("red line"),
        Role.DEVELOPMENT_BOUNDARY: tr("boundary"),
        Role.LAND_SURVEY: tr("survey"),
    }


def protected_summary(project: QgsProject) -> str:
    """Rich text: short names of the protected layers the profile provides, then in red every layer it names
    that is no longer in the project (the check refuses to run then)."""
    try:
        profile = ProtectedProfile.load(project)
    except LiaochengError as error:
        return f"<span style='color:{MISSING_COLOUR}'>{html.escape(error.message)}</span>"
    present = [
        text
        for role, text in short_role_names().items()
        if role in profile.roles and profile.roles[role].find_layer(project) is not None
    ]
    summary = html.escape("、".join(present) if present else tr("none — set the profile first"))
    missing = profile.missing_layers(project)
    if missing:
        lines = [tr("{} “{}” is not in the project").format(role, layer) for role, layer in missing]
        summary += "<br/>" + "<br/>".join(
            f"<span style='color:{MISSING_COLOUR}'>{html.escape(line)}</span>" for line in lines
        )
    return summary


def profile_parameters(project: QgsProject) -> Dict[str, object]:
    """The protected-layer parameters from the profile, layers given by id (safe for a background task).

    Raises LiaochengError when no protected layer is set, or when the profile names a layer that is no longer
    in the project (the check would report no conflict with it).
    """
    profile = ProtectedProfile.load(project)
    missing = profile.missing_layers(project)
    if missing:
        raise LiaochengError(missing_layers_message(missing))
    parameters = profile.processing_parameters(project)
    if not parameters:
        raise LiaochengError(tr("No protected layer is set: open the protected-layer profile first."))
    return {key: layer_ids(value) for key, value in parameters.items()}


def layer_ids(value):
    """Layers (alone or in a list) replaced by their ids; other values as they are."""
    if isinstance(value, list):
        return [layer_ids(item) for item in value]
    return value.id() if isinstance(value, QgsVectorLayer) else value
