"""Columns of the change detection's outputs: the change patches (named so liaocheng:balance_check reads them
without any field parameter) and the summary per county and township by code pair; their ledger sheets."""

import csv
from dataclasses import dataclass
from functools import lru_cache
from typing import Dict, List, Sequence, Tuple

from qgis.core import QgsVectorLayer

from liaocheng_plugin.core.change.patches import ChangePatch
from liaocheng_plugin.core.change.rules import ChangeDirection, direction_labels
from liaocheng_plugin.core.compat import FIELD_DOUBLE, FIELD_INT, FIELD_STRING
from liaocheng_plugin.core.definitions import AreaMode
from liaocheng_plugin.core.divisions import division_name
from liaocheng_plugin.core.export import area_basis_labels, layer_sheet
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.paths import resource_path
from liaocheng_plugin.core.units import m2_to_mu, round_mu
from liaocheng_plugin.core.xlsx import Sheet

PATCH_COLUMNS: Sequence[Tuple[str, int]] = (
    ("direction", FIELD_STRING),
    ("patch_id", FIELD_STRING),
    ("base_code", FIELD_STRING),
    ("base_name", FIELD_STRING),
    ("current_code", FIELD_STRING),
    ("current_name", FIELD_STRING),
    ("county", FIELD_STRING),
    ("county_name", FIELD_STRING),
    ("township", FIELD_STRING),
    ("township_name", FIELD_STRING),
    ("year", FIELD_INT),
    ("area_m2", FIELD_DOUBLE),
    ("area_mu", FIELD_DOUBLE),
    ("net_mu", FIELD_DOUBLE),
    ("kcxs", FIELD_DOUBLE),
    ("quality", FIELD_DOUBLE),
    ("base_bsm", FIELD_STRING),
    ("current_bsm", FIELD_STRING),
    ("area_basis", FIELD_STRING),
)
SUMMARY_COLUMNS: Sequence[Tuple[str, int]] = (
    ("level", FIELD_STRING),
    ("county", FIELD_STRING),
    ("county_name", FIELD_STRING),
    ("township", FIELD_STRING),
    ("township_name", FIELD_STRING),
    ("year", FIELD_INT),
    ("direction", FIELD_STRING),
    ("base_code", FIELD_STRING),
    ("base_name", FIELD_STRING),
    ("current_code", FIELD_STRING),
    ("current_name", FIELD_STRING),
    ("patches", FIELD_INT),
    ("area_mu", FIELD_DOUBLE),
    ("net_mu", FIELD_DOUBLE),
)
DIRECTION_ORDER = {direction: position for position, direction in enumerate(ChangeDirection)}


@lru_cache(maxsize=1)
def land_code_names() -> Dict[str, str]:
    """三调 code → its Chinese name (地类名称, as DLMC holds it), from the bundled code list."""
    with open(resource_path("data", "landuse_codes.csv"), encoding="utf-8", newline="") as handle:
        return {row["code"].strip(): row["name_zh"].strip() for row in csv.DictReader(handle)}


def land_code_name(code: str) -> str:
    """The name of a code; an unknown suffixed code is named by its first 4 characters; "" when unknown."""
    names = land_code_names()
    return names.get(code) or names.get(code[:4], "")


def patch_values(patch: ChangePatch, year: int, area_mode: AreaMode) -> List[object]:
    """Values in the order of PATCH_COLUMNS; areas in m² with 2 decimals, 亩 with 2, KCXS with 4."""
    return [
        patch.direction.value,
        patch.patch_id,
        patch.base_code,
        land_code_name(patch.base_code),
        patch.current_code,
        land_code_name(patch.current_code),
        patch.county,
        division_name(patch.county),
        patch.township,
        division_name(patch.township),
        year,
        round(patch.area_m2, 2),
        round_mu(patch.area_m2),
        round_mu(patch.net_m2),
        round(patch.deduction, 4),
        None if patch.quality is None else round(patch.quality, 2),
        ",".join(patch.base_labels),
        ",".join(patch.current_labels),
        area_mode.basis,
    ]


@dataclass
class SummaryRow:
    """One row of the summary: a county (township "") or a township, one change by code pair."""

    level: str
    county: str
    township: str
    direction: ChangeDirection
    base_code: str
    current_code: str
    patches: int = 0
    area_m2: float = 0.0
    net_m2: float = 0.0


def summary_rows(patches: Sequence[ChangePatch]) -> List[SummaryRow]:
    """Per county, then per township: patches, 亩 and net 亩 of each change (direction, base → current code)."""
    rows: Dict[Tuple, SummaryRow] = {}
    for patch in patches:
        change = (patch.direction, patch.base_code, patch.current_code)
        for level, township in (("county", ""), ("township", patch.township)):
            key = (patch.county, level == "township", township, DIRECTION_ORDER[patch.direction], *change[1:])
            row = rows.setdefault(key, SummaryRow(level, patch.county, township, *change))
            row.patches += 1
            row.area_m2 += patch.area_m2
            row.net_m2 += patch.net_m2
    return [rows[key] for key in sorted(rows)]


def summary_values(row: SummaryRow, year: int) -> List[object]:
    """Values in the order of SUMMARY_COLUMNS."""
    return [
        row.level,
        row.county,
        division_name(row.county),
        row.township,
        division_name(row.township),
        year,
        row.direction.value,
        row.base_code,
        land_code_name(row.base_code),
        row.current_code,
        land_code_name(row.current_code),
        row.patches,
        round_mu(row.area_m2),
        round_mu(row.net_m2),
    ]


def direction_totals_mu(patches: Sequence[ChangePatch]) -> Dict[ChangeDirection, Tuple[int, float]]:
    """Per direction: how many patches and their 亩 (unrounded), for messages and cards."""
    totals = {direction: (0, 0.0) for direction in ChangeDirection}
    for patch in patches:
        count, area = totals[patch.direction]
        totals[patch.direction] = (count + 1, area + m2_to_mu(patch.area_m2))
    return totals


def change_headers() -> Dict[str, str]:
    """Readable column headers of both outputs, translated."""
    return {
        "direction": tr("Direction"),
        "patch_id": tr("Patch number"),
        "base_code": tr("Base land-use code"),
        "base_name": tr("Base land use"),
        "current_code": tr("Current land-use code"),
        "current_name": tr("Current land use"),
        "county": tr("County"),
        "county_name": tr("County name"),
        "township": tr("Township"),
        "township_name": tr("Township name"),
        "year": tr("Year"),
        "area_m2": tr("Area (m²)"),
        "area_mu": tr("Area (mu)"),
        "net_mu": tr("Net area (mu)"),
        "kcxs": tr("Deduction coefficient (KCXS)"),
        "quality": tr("Quality grade"),
        "base_bsm": tr("Base survey patches (BSM)"),
        "current_bsm": tr("Current survey patches (BSM)"),
        "area_basis": tr("Area basis"),
        "level": tr("Level"),
        "patches": tr("Patches"),
    }


def change_ledger_sheets(patches: QgsVectorLayer, summary: QgsVectorLayer) -> List[Sheet]:
    """The summary and the change patches as XLSX sheets, directions and levels in words."""
    headers = change_headers()
    directions = {direction.value: label for direction, label in direction_labels().items()}
    levels = {"county": tr("county"), "township": tr("township")}
    return [
        layer_sheet(tr("Change summary"), summary, headers, {"level": levels, "direction": directions}),
        layer_sheet(
            tr("Change patches"), patches, headers, {"direction": directions, "area_basis": area_basis_labels()}
        ),
    ]
