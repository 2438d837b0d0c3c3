"""What a result layer is: which check wrote it, so its sheets and field packs get that check's title, style and
legend (a layer no check wrote is refused: its results box would be empty)."""

from enum import Enum
from typing import Dict, Optional, Tuple

from qgis.core import QgsFeatureRequest, QgsVectorLayer, QgsWkbTypes

from liaocheng_plugin.core.compat import GEOMETRY_LINE, REQUEST_NO_GEOMETRY
from liaocheng_plugin.core.exceptions import LiaochengError
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.values import is_null


class CheckKind(str, Enum):
    """The check whose result layer a sheet shows."""

    RESERVE = "reserve"
    BALANCE = "balance"
    SITE = "site"
    ROUTE = "route"
    OVERLAP = "overlap"


# Fields only that check's OUTPUT has (each check appends its own columns to the subject's fields).
SIGNATURES = (
    (CheckKind.RESERVE, ("status", "overlap_parcels", "inspection_days")),
    (CheckKind.BALANCE, ("status", "direction", "patch_id")),
    (CheckKind.SITE, ("rank", "score", "clear_mu")),
    (CheckKind.OVERLAP, ("area_basis", "conflicts", "subject_id")),
)


def route_count(layer: QgsVectorLayer) -> Tuple[int, int]:
    """(routes, subjects) of a site check's result: every feature of a line layer (the site check's OUTPUT keeps
    the input's lines) is a route, of corridor polygons (the 项目选址 panel's alternatives) those with a length."""
    total = layer.featureCount()
    if QgsWkbTypes.geometryType(layer.wkbType()) == GEOMETRY_LINE:
        return total, total
    if layer.fields().lookupField("length_m") < 0:
        return 0, total
    request = QgsFeatureRequest().setSubsetOfAttributes(["length_m"], layer.fields())
    request.setFlags(REQUEST_NO_GEOMETRY)
    return sum(1 for feature in layer.getFeatures(request) if not is_null(feature["length_m"])), total


def check_kind(layer: QgsVectorLayer) -> Optional[CheckKind]:
    """The check that wrote ``layer`` (by the fields it appends), None for any other layer. Site alternatives
    that are all routes are ROUTE; sites, or sites and routes together, SITE."""
    names = set(layer.fields().names())
    for kind, fields in SIGNATURES:
        if names.issuperset(fields):
            if kind == CheckKind.SITE:
                routes, total = route_count(layer)
                return CheckKind.ROUTE if total and routes == total else CheckKind.SITE
            return kind
    return None


def has_routes(layer: QgsVectorLayer) -> bool:
    """Whether a site check's result holds routes (among sites, for a SITE layer)."""
    return route_count(layer)[0] > 0


def require_check_result(layer: QgsVectorLayer) -> CheckKind:
    """The check of a result layer; a clear refusal for a layer no check wrote (a raw parcel layer, say)."""
    kind = check_kind(layer)
    if kind is None:
        raise LiaochengError(
            tr(
                "Layer “{}” is not the result of a check: run a check on it first (land-reserve parcels, "
                "cultivated-land balance, site selection or overlap check) and use the checked layer it writes."
            ).format(layer.name())
        )
    return kind


def sheet_titles() -> Dict[CheckKind, str]:
    """Title of each check's map sheet, translated."""
    return {
        CheckKind.RESERVE: tr("Land-reserve check map"),
        CheckKind.BALANCE: tr("Cultivated-land balance check map"),
        CheckKind.SITE: tr("Project site check map"),
        CheckKind.ROUTE: tr("Route selection check map"),
        CheckKind.OVERLAP: tr("Protected-layer overlap map"),
    }


def field_pack_titles() -> Dict[CheckKind, str]:
    """Title of each check's field pack (page title before " — <subject>"), translated."""
    return {
        CheckKind.RESERVE: tr("Land-reserve field check"),
        CheckKind.BALANCE: tr("Cultivated-land balance field check"),
        CheckKind.SITE: tr("Project site field check"),
        CheckKind.ROUTE: tr("Route field check"),
        CheckKind.OVERLAP: tr("Overlap field check"),
    }


def subject_titles() -> Dict[CheckKind, str]:
    """The subjects' legend entry of each check's sheet, translated."""
    return {
        CheckKind.RESERVE: tr("Reserve parcels"),
        CheckKind.BALANCE: tr("Outflow and inflow patches"),
        CheckKind.SITE: tr("Site alternative"),
        CheckKind.ROUTE: tr("Route alternative"),
        CheckKind.OVERLAP: tr("Checked subjects"),
    }


def subject_style(layer: QgsVectorLayer, kind: CheckKind) -> str:
    """The plugin's style (resources/styles/<name>.qml) of a check's subjects: status colours for the reserve check,
    violation/outflow/inflow for the balance check, the route's line or the sites' outline."""
    if kind == CheckKind.RESERVE:
        return "check_status"
    if kind == CheckKind.BALANCE:
        return "balance_patches"
    return "route" if QgsWkbTypes.geometryType(layer.wkbType()) == GEOMETRY_LINE else "subject"


def page_title(layer: QgsVectorLayer, kind: Optional[CheckKind], field_notes: bool = False) -> str:
    """The title text of each page (before " — <subject>"): the check's, and for sites and routes together the
    right one per page (an expression QGIS evaluates on each atlas page)."""
    if kind is None:
        return tr("Field check") if field_notes else tr("Land check map sheet")
    titles = field_pack_titles() if field_notes else sheet_titles()
    if kind != CheckKind.SITE or not has_routes(layer):
        return titles[kind]
    site, route = (titles[key].replace("'", "''") for key in (CheckKind.SITE, CheckKind.ROUTE))
    return f"[% CASE WHEN \"length_m\" IS NULL THEN '{site}' ELSE '{route}' END %]"


def subject_title(layer: QgsVectorLayer, kind: CheckKind) -> str:
    """The subjects' legend entry: 储备地块, 选址方案, 线路方案, or for sites and routes together 选址和线路方案."""
    if kind == CheckKind.SITE and has_routes(layer):
        return tr("Site and route alternatives")
    return subject_titles()[kind]
