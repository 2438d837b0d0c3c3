"""Texts other libraries write (QGIS's geometry type names, GEOS's validity reasons, Python's JSON errors), said in
the UI language inside the plugin's messages."""

import json
import re
from typing import Dict

from liaocheng_plugin.core.compat import GEOMETRY_LINE, GEOMETRY_NULL, GEOMETRY_POINT, GEOMETRY_POLYGON
from liaocheng_plugin.core.i18n import tr

# GEOS's reason, then the place it found it: "Self-intersection[39500050 4050050]".
GEOS_REASON = re.compile(r"^\s*(?P<reason>[^\[]+?)\s*(?:\[(?P<x>[-\d.eE+]+)\s+(?P<y>[-\d.eE+]+)[^\]]*\])?\s*$")


def geometry_type_name(geometry_type) -> str:
    """A QgsWkbTypes geometry type (point, line, polygon) in words of the UI language."""
    names = {
        GEOMETRY_POINT: tr("point"),
        GEOMETRY_LINE: tr("line"),
        GEOMETRY_POLYGON: tr("polygon"),
        GEOMETRY_NULL: tr("no geometry"),
    }
    return names.get(geometry_type, tr("unknown geometry"))


def geos_reasons() -> Dict[str, str]:
    """GEOS's validity reasons (lower case) in words of the UI language."""
    return {
        "self-intersection": tr("self-intersection"),
        "ring self-intersection": tr("ring self-intersection"),
        "too few points in geometry component": tr("too few points"),
        "hole lies outside shell": tr("hole outside its polygon"),
        "holes are nested": tr("holes inside holes"),
        "interior is disconnected": tr("interior split in two"),
        "nested shells": tr("polygon inside another part"),
        "duplicate rings": tr("duplicate rings"),
        "invalid coordinate": tr("invalid coordinate"),
        "ring is not closed": tr("ring not closed"),
    }


def validity_reason(text: str) -> str:
    """GEOS's "Self-intersection[39500050 4050050]" as "自相交（39500050, 4050050）"; an unknown reason as it is."""
    match = GEOS_REASON.match(text or "")
    if match is None:
        return text
    reason = geos_reasons().get(match.group("reason").lower(), match.group("reason"))
    if match.group("x") is None:
        return reason
    place = tr("at {}, {}").format(round(float(match.group("x")), 2), round(float(match.group("y")), 2))
    return tr("{} ({})").format(reason, place)


def json_error(error: Exception) -> str:
    """Why a text is not a profile, in words of the UI language: where its JSON breaks, or that it holds none."""
    if isinstance(error, json.JSONDecodeError):
        return tr("It is not valid JSON: line {}, column {}.").format(error.lineno, error.colno)
    return tr("It holds JSON, but not the object a profile export writes (with “roles” and “others”).")
