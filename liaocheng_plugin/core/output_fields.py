"""How a check's outputs read in QGIS: every field of the check under an alias in the UI language (面积（亩）), coded
values shown in words (fail → 不通过, county → 县级), the plugin's style. Field names stay stable codes (area_mu,
status …): scripts, models and ledgers read them by name.
"""

from dataclasses import dataclass, field
from typing import Dict, Mapping

from qgis.core import QgsEditorWidgetSetup, QgsVectorLayer

from liaocheng_plugin.core.datacheck.report import DATA_WARNINGS_FIELD, data_warnings_header, severity_labels
from liaocheng_plugin.core.definitions import PARCEL_OVERLAP_KEY, Role
from liaocheng_plugin.core.export import area_basis_labels, status_value_labels
from liaocheng_plugin.core.field_names import field_code_names
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.roles import role_labels
from liaocheng_plugin.core.styles import apply_style


@dataclass
class OutputDescription:
    """The aliases, value maps (field → {stored value: shown text}) and plugin style of one output."""

    aliases: Dict[str, str]
    value_maps: Dict[str, Dict[object, str]] = field(default_factory=dict)
    style: str = ""


def yes_no() -> Dict[object, str]:
    """A boolean field in words."""
    return {True: tr("yes"), False: tr("no")}


def piece_role_labels() -> Dict[str, str]:
    """What each conflict piece or crossing is (the ``role`` of OVERLAPS and CROSSINGS), translated."""
    return {
        **role_labels(),
        Role.LAND_SURVEY.value: tr("Cultivated land"),
        "outside_udb": tr("Outside the development boundary"),
        PARCEL_OVERLAP_KEY: tr("Overlapping another parcel"),
    }


def value_maps() -> Dict[str, Dict[object, str]]:
    """The coded values of every check's outputs in words, by field name."""
    return {
        "status": status_value_labels(),
        "area_basis": area_basis_labels(),
        "role": piece_role_labels(),
        "direction": {"out": tr("outflow"), "in": tr("inflow")},
        "level": {"county": tr("county"), "township": tr("township")},
        "group": {"total": tr("Total"), "status": tr("Status"), "grid": tr("Grid")},
        "quality_ok": yes_no(),
        "balanced": yes_no(),
        "separate_siting": yes_no(),
        "severity": severity_labels(),
    }


def pieces_headers() -> Dict[str, str]:
    """Aliases of the conflict pieces (OVERLAPS), translated."""
    return {
        "subject_id": tr("Feature id"),
        "role": tr("Conflict"),
        "feature_id": tr("Protected feature id"),
        "label": tr("Protected feature"),
        "land_code": tr("Land-use code"),
        "area_m2": tr("Area (m²)"),
        "area_mu": tr("Area (mu)"),
    }


def data_check_headers() -> Dict[str, str]:
    """Aliases of the input check's findings (DATA_CHECK), translated."""
    return {
        "layer": tr("Layer"),
        "feature_id": tr("Feature id"),
        "kind": tr("Rule"),
        "severity": tr("Severity"),
        "message": tr("Finding"),
        "hint": tr("What to do"),
    }


def describe(headers: Mapping[str, str], style: str = "") -> OutputDescription:
    """An output's description from its headers (the check's fields) and the shared value maps."""
    aliases = {DATA_WARNINGS_FIELD: data_warnings_header(), **headers}
    maps = {name: labels for name, labels in value_maps().items() if name in aliases}
    return OutputDescription(aliases, maps, style)


def describe_layer(layer: QgsVectorLayer, description: OutputDescription) -> None:
    """Give a result layer (never an input) its style, its fields their aliases and coded values their words; the
    subject's own fields with a known code get their name too (坐落 for ZL)."""
    if description.style:
        apply_style(layer, description.style)
    names = field_code_names()
    for index, layer_field in enumerate(layer.fields()):
        alias = description.aliases.get(layer_field.name()) or names.get(layer_field.name().upper())
        if alias and not layer_field.alias():
            layer.setFieldAlias(index, alias)
        labels = description.value_maps.get(layer_field.name())
        if labels:
            entries = [{text: stored_text(value)} for value, text in labels.items()]
            layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("ValueMap", {"map": entries}))


def stored_text(value) -> str:
    """A stored value as QGIS's value map compares it (booleans as "true"/"false")."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
