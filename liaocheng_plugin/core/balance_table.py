"""Columns of the balance check's outputs: the checked patches and the balance ledger (进出平衡台账)."""

from typing import Dict, List, Optional, Sequence, Tuple

from qgis.core import QgsVectorLayer

from liaocheng_plugin.core.balance import BalanceRow, PatchResult
from liaocheng_plugin.core.balance_fields import PatchFields
from liaocheng_plugin.core.compat import FIELD_BOOL, FIELD_DOUBLE, FIELD_LONGLONG, FIELD_STRING
from liaocheng_plugin.core.definitions import Role
from liaocheng_plugin.core.export import area_basis_labels, columns_of, layer_sheet, status_value_labels
from liaocheng_plugin.core.findings import findings_text
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.units import round_mu
from liaocheng_plugin.core.xlsx import Sheet

PATCH_COLUMNS: Sequence[Tuple[str, int]] = (
    ("direction", FIELD_STRING),
    ("patch_id", FIELD_STRING),
    ("county", FIELD_STRING),
    ("township", FIELD_STRING),
    ("township_name", FIELD_STRING),
    ("year", FIELD_STRING),
    ("status", FIELD_STRING),
    ("findings", FIELD_STRING),
    ("area_mu", FIELD_DOUBLE),
    ("area_basis", FIELD_STRING),
    ("pbf_mu", FIELD_DOUBLE),
    ("erl_mu", FIELD_DOUBLE),
    ("udb_mu", FIELD_DOUBLE),
    ("cult_mu", FIELD_DOUBLE),
    ("quality", FIELD_DOUBLE),
    ("method", FIELD_STRING),
    ("paired", FIELD_STRING),
    ("subject_id", FIELD_LONGLONG),
)
SUMMARY_COLUMNS: Sequence[Tuple[str, int]] = (
    ("level", FIELD_STRING),
    ("county", FIELD_STRING),
    ("county_name", FIELD_STRING),
    ("township", FIELD_STRING),
    ("township_name", FIELD_STRING),
    ("year", FIELD_STRING),
    ("outflow_mu", FIELD_DOUBLE),
    ("restored_mu", FIELD_DOUBLE),
    ("exempt_mu", FIELD_DOUBLE),
    ("to_balance_mu", FIELD_DOUBLE),
    ("inflow_mu", FIELD_DOUBLE),
    ("balance_mu", FIELD_DOUBLE),
    ("quality_out", FIELD_DOUBLE),
    ("quality_in", FIELD_DOUBLE),
    ("quality_ok", FIELD_BOOL),
    ("progress_pct", FIELD_DOUBLE),
    ("balanced", FIELD_BOOL),
)


def _grade(value):
    return None if value is None else round(value, 2)


def _role_mu(overlap, role: str, area_m2: float) -> Optional[float]:
    """亩 of a role's overlap; None (NULL: not checked, never 0) when the role's layer was not given."""
    return round_mu(area_m2) if role in overlap.roles else None


def patch_values(patch: PatchResult, subject_id: int) -> List:
    """Values in the order of PATCH_COLUMNS; ``subject_id`` links the patch to its conflict pieces."""
    overlap = patch.overlap
    return [
        patch.direction,
        patch.patch_id,
        patch.county,
        patch.text("township"),
        patch.text("township_name"),
        patch.year,
        patch.status.value,
        findings_text(patch.findings),
        round_mu(patch.area_m2),
        overlap.area_mode.basis,
        _role_mu(overlap, Role.PERMANENT_FARMLAND.value, overlap.area_m2_of(Role.PERMANENT_FARMLAND.value)),
        _role_mu(overlap, Role.ECOLOGICAL_REDLINE.value, overlap.area_m2_of(Role.ECOLOGICAL_REDLINE.value)),
        _role_mu(overlap, Role.DEVELOPMENT_BOUNDARY.value, overlap.area_m2_of(Role.DEVELOPMENT_BOUNDARY.value)),
        _role_mu(overlap, Role.LAND_SURVEY.value, patch.cultivated_m2),
        patch.quality,
        patch.text("method"),
        patch.text("paired"),
        subject_id,
    ]


def summary_values(row: BalanceRow) -> List:
    """Values in the order of SUMMARY_COLUMNS."""
    return [
        row.level,
        row.county,
        row.county_name,
        row.township,
        row.township_name,
        row.year,
        round_mu(row.outflow_m2),
        round_mu(row.restored_m2),
        round_mu(row.exempt_m2),
        round_mu(row.to_balance_m2),
        round_mu(row.inflow_m2),
        round_mu(row.balance_m2),
        _grade(row.quality_out),
        _grade(row.quality_in),
        row.quality_ok,
        None if row.progress_pct is None else round(row.progress_pct, 2),
        row.balanced,
    ]


def balance_headers() -> Dict[str, str]:
    """Readable column headers of both outputs, translated."""
    return {
        "direction": tr("Direction"),
        "patch_id": tr("Patch number"),
        "county": tr("County"),
        "county_name": tr("County name"),
        "township": tr("Township code"),
        "township_name": tr("Township"),
        "year": tr("Year"),
        "status": tr("Status"),
        "findings": tr("Findings"),
        "area_mu": tr("Area (mu)"),
        "area_basis": tr("Area basis"),
        "pbf_mu": tr("Permanent farmland (mu)"),
        "erl_mu": tr("Red line (mu)"),
        "udb_mu": tr("Inside boundary (mu)"),
        "cult_mu": tr("Cultivated in baseline (mu)"),
        "quality": tr("Quality grade"),
        "method": tr("Rectification"),
        "paired": tr("Paired outflow"),
        "level": tr("Level"),
        "outflow_mu": tr("Outflow (mu)"),
        "restored_mu": tr("Restored in place (mu)"),
        "exempt_mu": tr("Exempt (mu)"),
        "to_balance_mu": tr("To balance (mu)"),
        "inflow_mu": tr("Valid inflow (mu)"),
        "balance_mu": tr("Surplus / deficit (mu)"),
        "quality_out": tr("Outflow quality grade"),
        "quality_in": tr("Inflow quality grade"),
        "quality_ok": tr("Quality not worse"),
        "progress_pct": tr("Progress (%)"),
        "balanced": tr("Balanced"),
        "subject_id": tr("Feature id"),
    }


def balance_ledger_sheets(patches: QgsVectorLayer, summary: QgsVectorLayer) -> List[Sheet]:
    """The balance ledger and the checked patches as XLSX sheets."""
    headers = balance_headers()
    directions = {"out": tr("outflow"), "in": tr("inflow")}
    levels = {"county": tr("county"), "township": tr("township")}
    yes_no = {True: tr("yes"), False: tr("no")}
    return [
        layer_sheet(
            tr("Balance ledger"),
            summary,
            columns_of(headers, SUMMARY_COLUMNS),
            {"level": levels, "quality_ok": yes_no, "balanced": yes_no},
        ),
        layer_sheet(
            tr("Checked patches"),
            patches,
            columns_of(headers, PATCH_COLUMNS),
            {"direction": directions, "status": status_value_labels(), "area_basis": area_basis_labels()},
            copied_fields(patches),
        ),
    ]


def copied_fields(patches: QgsVectorLayer) -> List[str]:
    """The patch layer's own fields the check copied into its columns (TBBH → patch_id, XZQDM → county …):
    left out of the ledger, which lists each figure once."""
    detected = vars(PatchFields.detect(patches.fields()))
    copied = ("patch_id", "county", "township", "township_name", "year", "quality", "method", "paired", "direction")
    columns = {name for name, _ in PATCH_COLUMNS}
    names = set(patches.fields().names())
    # A patch layer's own field named like the check's column (change patches: patch_id, county …) was read as
    # that column and kept renamed (patch_id_1): the same figure again.
    renamed = [f"{key}_1" for key in copied if f"{key}_1" in names]
    return [detected[key] for key in copied if detected[key] and detected[key] not in columns] + renamed
