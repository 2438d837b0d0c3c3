"""Columns of the site check's outputs: sites/routes, crossings (桩号) and clear parts."""

from typing import Dict, List, Sequence, Tuple

from qgis.core import QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

from liaocheng_plugin.core.definitions import Role
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.siting import Crossing, SiteResult, chainage
from liaocheng_plugin.core.units import m2_to_mu, percent, round_ha, round_mu
from liaocheng_plugin.core.xlsx import Sheet

SITE_COLUMNS: Sequence[Tuple[str, int]] = (
    ("name", QVariant.String),
    ("rank", QVariant.Int),
    ("score", QVariant.Double),
    ("area_m2", QVariant.Double),
    ("area_mu", QVariant.Double),
    ("area_ha", QVariant.Double),
    ("area_basis", QVariant.String),
    ("length_m", QVariant.Double),
    ("pbf_m2", QVariant.Double),
    ("pbf_mu", QVariant.Double),
    ("pbf_ha", QVariant.Double),
    ("pbf_pct", QVariant.Double),
    ("erl_m2", QVariant.Double),
    ("erl_mu", QVariant.Double),
    ("erl_ha", QVariant.Double),
    ("erl_pct", QVariant.Double),
    ("cult_m2", QVariant.Double),
    ("cult_mu", QVariant.Double),
    ("cult_ha", QVariant.Double),
    ("cult_pct", QVariant.Double),
    ("cult_by_code", QVariant.String),
    ("inside_udb_pct", QVariant.Double),
    ("separate_siting", QVariant.Bool),
    ("villages", QVariant.String),
    ("villages_near", QVariant.String),
    ("clear_mu", QVariant.Double),
    ("findings", QVariant.String),
)
CROSSING_COLUMNS: Sequence[Tuple[str, int]] = (
    ("name", QVariant.String),
    ("role", QVariant.String),
    ("from_m", QVariant.Double),
    ("to_m", QVariant.Double),
    ("from_chainage", QVariant.String),
    ("to_chainage", QVariant.String),
    ("length_m", QVariant.Double),
    ("area_mu", QVariant.Double),
)
CLEAR_COLUMNS: Sequence[Tuple[str, int]] = (
    ("name", QVariant.String),
    ("clear_m2", QVariant.Double),
    ("clear_mu", QVariant.Double),
)


def areas(area_m2: float, whole_m2: float) -> List[float]:
    """One area as m², 亩, 公顷 and percent of the site, rounded as official tables give them."""
    return [
        round(area_m2, 2),
        round_mu(area_m2),
        round_ha(area_m2),
        round(percent(area_m2, whole_m2), 2),
    ]


def site_values(site: SiteResult) -> List:
    """Values in the order of SITE_COLUMNS."""
    overlap = site.overlap
    survey = overlap.roles.get(Role.LAND_SURVEY.value)
    codes = sorted(survey.area_by_code_m2.items()) if survey else []
    by_code = ", ".join(f"{code} {m2_to_mu(area):.2f}" for code, area in codes)
    inside = site.inside_boundary_pct
    return [
        site.name,
        site.rank,
        round(site.score, 2),
        round(overlap.area_m2, 2),
        round_mu(overlap.area_m2),
        round_ha(overlap.area_m2),
        overlap.area_mode.basis,
        round(site.length_m, 1) if site.centerline is not None else None,
        *areas(overlap.area_m2_of(Role.PERMANENT_FARMLAND.value), overlap.area_m2),
        *areas(overlap.area_m2_of(Role.ECOLOGICAL_REDLINE.value), overlap.area_m2),
        *areas(site.cultivated_m2, overlap.area_m2),
        by_code,
        None if inside is None else round(inside, 2),
        None if inside is None else inside < 99.99,
        "、".join(site.villages_inside),
        "、".join(site.villages_near),
        round_mu(site.clear_m2),
        "；".join(site.findings()),
    ]


def clear_values(site: SiteResult) -> List:
    """Values in the order of CLEAR_COLUMNS."""
    return [site.name, round(site.clear_m2, 2), round_mu(site.clear_m2)]


def crossing_values(site: SiteResult, crossing: Crossing) -> List:
    """Values in the order of CROSSING_COLUMNS."""
    return [
        site.name,
        crossing.role,
        round(crossing.from_m, 1),
        round(crossing.to_m, 1),
        chainage(crossing.from_m),
        chainage(crossing.to_m),
        round(crossing.length_m, 1),
        round_mu(crossing.area_m2),
    ]


def comparison_rows() -> Dict[str, str]:
    """The rows of the side-by-side comparison (one column per alternative), translated."""
    return {
        "rank": tr("Rank"),
        "area_mu": tr("Area (mu)"),
        "length_m": tr("Length (m)"),
        "pbf_mu": tr("Permanent farmland (mu)"),
        "erl_mu": tr("Red line (mu)"),
        "cult_mu": tr("Cultivated land (mu)"),
        "inside_udb_pct": tr("Inside boundary (%)"),
        "villages": tr("Villages inside"),
        "villages_near": tr("Villages nearby"),
        "clear_mu": tr("Clear part (mu)"),
        "findings": tr("Findings"),
    }


def comparison_sheet(sites: QgsVectorLayer, title: str) -> Sheet:
    """The alternatives side by side: one row per criterion, one column per alternative, best (rank 1) first."""
    features = sorted(sites.getFeatures(), key=lambda feature: feature["rank"] or 0)
    rows = comparison_rows()
    headers = [tr("Criterion")] + [str(feature["name"]) for feature in features]
    body = [[label] + [feature[key] for feature in features] for key, label in rows.items()]
    return title, headers, body
