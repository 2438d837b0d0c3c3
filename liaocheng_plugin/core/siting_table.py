"""Columns of the site check's outputs: sites/routes, crossings (桩号) and clear parts."""

from dataclasses import replace
from typing import Dict, List, Optional, Sequence, Tuple

from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

from liaocheng_plugin.core.compat import FIELD_BOOL, FIELD_DOUBLE, FIELD_INT, FIELD_LONGLONG, FIELD_STRING
from liaocheng_plugin.core.conflict_pieces import PIECE_COLUMNS, piece_values
from liaocheng_plugin.core.datacheck.report import DATA_WARNINGS_FIELD
from liaocheng_plugin.core.definitions import DEFAULT_CULTIVATED_CODES, Role
from liaocheng_plugin.core.engine.results import SubjectOverlap
from liaocheng_plugin.core.export import as_fields, columns_of, layer_sheet
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.reserve import is_conflict_piece
from liaocheng_plugin.core.roles import role_labels
from liaocheng_plugin.core.siting import Crossing, SiteResult, chainage
from liaocheng_plugin.core.units import m2_to_mu, percent, round_ha, round_mu
from liaocheng_plugin.core.xlsx import Sheet

SITE_COLUMNS: Sequence[Tuple[str, int]] = (
    ("name", FIELD_STRING),
    ("rank", FIELD_INT),
    ("score", FIELD_DOUBLE),
    ("area_m2", FIELD_DOUBLE),
    ("area_mu", FIELD_DOUBLE),
    ("area_ha", FIELD_DOUBLE),
    ("area_basis", FIELD_STRING),
    ("length_m", FIELD_DOUBLE),
    ("pbf_m2", FIELD_DOUBLE),
    ("pbf_mu", FIELD_DOUBLE),
    ("pbf_ha", FIELD_DOUBLE),
    ("pbf_pct", FIELD_DOUBLE),
    ("erl_m2", FIELD_DOUBLE),
    ("erl_mu", FIELD_DOUBLE),
    ("erl_ha", FIELD_DOUBLE),
    ("erl_pct", FIELD_DOUBLE),
    ("cult_m2", FIELD_DOUBLE),
    ("cult_mu", FIELD_DOUBLE),
    ("cult_ha", FIELD_DOUBLE),
    ("cult_pct", FIELD_DOUBLE),
    ("cult_by_code", FIELD_STRING),
    ("udb_mu", FIELD_DOUBLE),
    ("inside_udb_pct", FIELD_DOUBLE),
    ("separate_siting", FIELD_BOOL),
    ("villages", FIELD_STRING),
    ("villages_near", FIELD_STRING),
    ("clear_mu", FIELD_DOUBLE),
    ("findings", FIELD_STRING),
    ("subject_id", FIELD_LONGLONG),
)
CROSSING_COLUMNS: Sequence[Tuple[str, int]] = (
    ("name", FIELD_STRING),
    ("role", FIELD_STRING),
    ("from_chainage", FIELD_STRING),
    ("to_chainage", FIELD_STRING),
    ("from_m", FIELD_DOUBLE),
    ("to_m", FIELD_DOUBLE),
    ("length_m", FIELD_DOUBLE),
    ("area_m2", FIELD_DOUBLE),
    ("area_mu", FIELD_DOUBLE),
    ("subject_id", FIELD_LONGLONG),
)
CLEAR_COLUMNS: Sequence[Tuple[str, int]] = (
    ("name", FIELD_STRING),
    ("clear_m2", FIELD_DOUBLE),
    ("clear_mu", FIELD_DOUBLE),
    ("subject_id", FIELD_LONGLONG),
)


def areas(area_m2: float, whole_m2: float) -> List[float]:
    """One area as m², 亩, 公顷 and percent of the site, rounded as official tables give them."""
    return [
        round(area_m2, 2),
        round_mu(area_m2),
        round_ha(area_m2),
        round(percent(area_m2, whole_m2), 2),
    ]


def role_areas(overlap: SubjectOverlap, role: str, area_m2: float) -> List[Optional[float]]:
    """``areas`` of a role's overlap; four None (NULL: not checked, never 0) when the role's layer was not given."""
    return areas(area_m2, overlap.area_m2) if role in overlap.roles else [None] * 4


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
        *role_areas(overlap, Role.PERMANENT_FARMLAND.value, overlap.area_m2_of(Role.PERMANENT_FARMLAND.value)),
        *role_areas(overlap, Role.ECOLOGICAL_REDLINE.value, overlap.area_m2_of(Role.ECOLOGICAL_REDLINE.value)),
        *role_areas(overlap, Role.LAND_SURVEY.value, site.cultivated_m2),
        by_code,
        None if inside is None else round_mu(overlap.area_m2_of(Role.DEVELOPMENT_BOUNDARY.value)),
        None if inside is None else round(inside, 2),
        None if inside is None else inside < 99.99,
        "、".join(site.villages_inside),
        "、".join(site.villages_near),
        round_mu(site.clear_m2),
        "；".join(site.findings()),
        site.subject_id,
    ]


def clear_values(site: SiteResult) -> List:
    """Values in the order of CLEAR_COLUMNS."""
    return [site.name, round(site.clear_m2, 2), round_mu(site.clear_m2), site.subject_id]


def crossing_values(site: SiteResult, crossing: Crossing) -> List:
    """Values in the order of CROSSING_COLUMNS."""
    return [
        site.name,
        crossing.role,
        chainage(crossing.from_m),
        chainage(crossing.to_m),
        round(crossing.from_m, 1),
        round(crossing.to_m, 1),
        round(crossing.length_m, 1),
        round(crossing.area_m2, 2),
        round_mu(crossing.area_m2),
        site.subject_id,
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
    return Sheet(title, headers, body)


def site_headers() -> Dict[str, str]:
    """Aliases of the site check's fields (OUTPUT and CLEAR), translated."""
    units = {"m2": "m²", "mu": tr("mu"), "ha": tr("ha"), "pct": "%"}
    headers = {
        "name": tr("Alternative"),
        "rank": tr("Rank"),
        "score": tr("Score (mu of farmland and red line)"),
        "area_basis": tr("Area basis"),
        "length_m": tr("Length (m)"),
        "cult_by_code": tr("Cultivated land by code (mu)"),
        "udb_mu": tr("Inside boundary (mu)"),
        "inside_udb_pct": tr("Inside boundary (%)"),
        "separate_siting": tr("Separately sited"),
        "villages": tr("Villages inside"),
        "villages_near": tr("Villages nearby"),
        "clear_m2": tr("Clear part (m²)"),
        "clear_mu": tr("Clear part (mu)"),
        "findings": tr("Findings"),
        "subject_id": tr("Feature id"),
    }
    for prefix, label in (
        ("area", tr("Area")),
        ("pbf", tr("Permanent farmland")),
        ("erl", tr("Red line")),
        ("cult", tr("Cultivated land")),
    ):
        for suffix, unit in units.items():
            headers[f"{prefix}_{suffix}"] = tr("{} ({})").format(label, unit)
    return headers


def crossing_headers() -> Dict[str, str]:
    """Headers of the crossings (穿越桩号) table, translated."""
    return {
        "name": tr("Alternative"),
        "role": tr("Crossed"),
        "from_chainage": tr("From chainage"),
        "to_chainage": tr("To chainage"),
        "from_m": tr("From (m along the route)"),
        "to_m": tr("To (m along the route)"),
        "length_m": tr("Length (m)"),
        "area_m2": tr("Area (m²)"),
        "area_mu": tr("Area (mu)"),
        "subject_id": tr("Feature id"),
    }


def crossings_sheet(crossings: QgsVectorLayer) -> Sheet:
    """The route crossings of farmland and red line with their chainage (穿越桩号), as the design team needs them."""
    roles = role_labels()
    return layer_sheet(
        tr("Crossing chainage"),
        crossings,
        columns_of(crossing_headers(), CROSSING_COLUMNS),
        {"role": {key: roles[key] for key in (Role.PERMANENT_FARMLAND.value, Role.ECOLOGICAL_REDLINE.value)}},
    )


def site_ledger_sheets(sites: QgsVectorLayer, crossings: Optional[QgsVectorLayer], title: str) -> List[Sheet]:
    """The comparison of the alternatives and, for routes, the 穿越桩号 sheet of every crossing."""
    sheets = [comparison_sheet(sites, title)]
    if crossings is not None and crossings.featureCount() > 0:
        sheets.append(crossings_sheet(crossings))
    return sheets


def results_layer(title: str, crs, columns, rows) -> QgsVectorLayer:
    """A multipolygon memory layer of (geometry, values) rows with ``columns``."""
    layer = QgsVectorLayer(f"MultiPolygon?crs={crs.authid()}", title, "memory")
    layer.dataProvider().addAttributes(list(as_fields(columns)))
    layer.updateFields()
    features = []
    for geometry, values in rows:
        multi = QgsGeometry(geometry)
        multi.convertToMultiType()
        feature = QgsFeature(layer.fields())
        feature.setGeometry(multi)
        feature.setAttributes(values)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def alternative_layers(
    sites: Sequence[SiteResult],
    crs,
    cultivated_codes: Sequence[str] = DEFAULT_CULTIVATED_CODES,
    warnings: Optional[Sequence[Optional[str]]] = None,
) -> Dict[str, QgsVectorLayer]:
    """Alternatives checked one by one (the 项目选址 panel) as the site check's outputs OUTPUT, CROSSINGS, CLEAR and
    OVERLAPS (the conflict pieces: farmland, red line, cultivated land by ``cultivated_codes``), layers in the
    working CRS ``crs``; ``subject_id`` numbers the alternatives in order (1 …), as do the alternatives' feature
    ids. ``warnings`` (one text or None per site) fill OUTPUT's ``data_warnings``."""
    numbered = [replace(site, subject_id=position) for position, site in enumerate(sites, start=1)]
    crossings = [
        (crossing.geometry, crossing_values(site, crossing)) for site in numbered for crossing in site.crossings
    ]
    texts = list(warnings) if warnings is not None else [None] * len(numbered)
    pieces = [
        (piece.geometry, piece_values(site.subject_id, piece))
        for site in numbered
        for overlap in site.overlap.roles.values()
        for piece in overlap.pieces
        if piece.is_polygon and is_conflict_piece(piece, cultivated_codes)
    ]
    return {
        "OVERLAPS": results_layer(tr("Conflict pieces"), crs, PIECE_COLUMNS, pieces),
        "OUTPUT": results_layer(
            tr("Site alternatives"),
            crs,
            [*SITE_COLUMNS, (DATA_WARNINGS_FIELD, FIELD_STRING)],
            [(site.overlap.geometry, site_values(site) + [text]) for site, text in zip(numbered, texts)],
        ),
        "CROSSINGS": results_layer(tr("Route crossings"), crs, CROSSING_COLUMNS, crossings),
        "CLEAR": results_layer(
            tr("Clear parts of the alternatives"),
            crs,
            CLEAR_COLUMNS,
            [(site.clear, clear_values(site)) for site in numbered],
        ),
    }
