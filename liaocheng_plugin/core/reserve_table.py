"""Result columns of the reserve check: layer fields, values and the ledger's Chinese headers."""

from typing import Dict, List, Optional, Sequence, Tuple

from qgis.core import QgsFields, QgsVectorLayer

from liaocheng_plugin.core.compat import FIELD_DOUBLE, FIELD_INT, FIELD_LONGLONG, FIELD_STRING
from liaocheng_plugin.core.definitions import Role
from liaocheng_plugin.core.export import area_basis_labels, columns_of, layer_sheet, status_value_labels
from liaocheng_plugin.core.findings import findings_text
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.ledger_fields import LedgerFields
from liaocheng_plugin.core.reserve import ParcelResult
from liaocheng_plugin.core.units import MU_DECIMALS, m2_to_mu, round_mu
from liaocheng_plugin.core.xlsx import Sheet

RESULT_COLUMNS: Sequence[Tuple[str, int]] = (
    ("status", FIELD_STRING),
    ("findings", FIELD_STRING),
    ("area_m2", FIELD_DOUBLE),
    ("area_mu", FIELD_DOUBLE),
    ("area_basis", FIELD_STRING),
    ("recorded_mu", FIELD_DOUBLE),
    ("pbf_mu", FIELD_DOUBLE),
    ("pbf_pct", FIELD_DOUBLE),
    ("erl_mu", FIELD_DOUBLE),
    ("erl_pct", FIELD_DOUBLE),
    ("cult_mu", FIELD_DOUBLE),
    ("cult_net_mu", FIELD_DOUBLE),
    ("outside_udb_mu", FIELD_DOUBLE),
    ("outside_udb_pct", FIELD_DOUBLE),
    ("grid", FIELD_STRING),
    ("township", FIELD_STRING),
    ("overlap_parcels", FIELD_STRING),
    ("inspection_days", FIELD_INT),
    ("subject_id", FIELD_LONGLONG),
)
SUMMARY_COLUMNS: Sequence[Tuple[str, int]] = (
    ("group", FIELD_STRING),
    ("name", FIELD_STRING),
    ("parcels", FIELD_INT),
    ("area_mu", FIELD_DOUBLE),
    ("fail", FIELD_INT),
    ("warn", FIELD_INT),
    ("pass", FIELD_INT),
)


def result_headers() -> Dict[str, str]:
    """Ledger column headers, translated (Chinese in a zh_CN QGIS)."""
    return {
        "status": tr("Status"),
        "findings": tr("Findings"),
        "area_m2": tr("Mapped area (m²)"),
        "area_mu": tr("Mapped area (mu)"),
        "area_basis": tr("Area basis"),
        "recorded_mu": tr("Recorded area (mu)"),
        "pbf_mu": tr("Permanent farmland (mu)"),
        "pbf_pct": tr("Permanent farmland (%)"),
        "erl_mu": tr("Red line (mu)"),
        "erl_pct": tr("Red line (%)"),
        "cult_mu": tr("Cultivated land (mu)"),
        "cult_net_mu": tr("Cultivated land net (mu)"),
        "outside_udb_mu": tr("Outside development boundary (mu)"),
        "outside_udb_pct": tr("Outside development boundary (%)"),
        "grid": tr("Grid"),
        "township": tr("Township"),
        "overlap_parcels": tr("Overlapping parcels"),
        "inspection_days": tr("Days since inspection"),
        "subject_id": tr("Feature id"),
        "group": tr("Group"),
        "name": tr("Name"),
        "parcels": tr("Parcels"),
        "fail": tr("Fail"),
        "warn": tr("Warning"),
        "pass": tr("Pass"),
    }


def reserve_ledger_sheets(parcels: QgsVectorLayer, summary: QgsVectorLayer) -> List[Sheet]:
    """The reserve ledger (台账) and its summary as XLSX sheets: status and findings first, the parcels' own
    fields under readable names (地块编号（DKBH）), each figure once."""
    statuses = status_value_labels()
    groups = {"total": tr("Total"), "status": tr("Status"), "grid": tr("Grid")}
    checked = {name for name, _ in RESULT_COLUMNS}
    own = QgsFields()
    for field in parcels.fields():
        if field.name() not in checked:
            own.append(field)
    copies = ["recorded_mu"] if LedgerFields.detect(own).recorded_mu else []  # the check's copy of the ledger's
    return [
        layer_sheet(
            tr("Reserve ledger"),
            parcels,
            columns_of(result_headers(), RESULT_COLUMNS),
            {"status": statuses, "area_basis": area_basis_labels()},
            copies,
        ),
        layer_sheet(
            tr("Summary"), summary, columns_of(result_headers(), SUMMARY_COLUMNS), {"group": groups, "name": statuses}
        ),
    ]


def _rounded(value, decimals: int = MU_DECIMALS):
    return None if value is None else round(value, decimals)


def result_values(parcel: ParcelResult) -> List:
    """Values in the order of RESULT_COLUMNS; the figures of a role whose layer was not given are None (NULL: not
    checked), never 0."""
    overlap = parcel.overlap
    survey = overlap.roles.get(Role.LAND_SURVEY.value)
    farmland, redline = Role.PERMANENT_FARMLAND.value, Role.ECOLOGICAL_REDLINE.value
    return [
        parcel.status.value,
        findings_text(parcel.findings),
        round(overlap.area_m2, 2),
        _rounded(parcel.area_mu),
        overlap.area_mode.basis,
        _rounded(parcel.recorded_mu),
        _given(overlap, farmland, parcel.role_mu(farmland)),
        _given(overlap, farmland, overlap.percent_of(farmland), 2),
        _given(overlap, redline, parcel.role_mu(redline)),
        _given(overlap, redline, overlap.percent_of(redline), 2),
        None if survey is None else _rounded(parcel.cultivated_mu),
        None if survey is None else _rounded(m2_to_mu(survey.cultivated_net_m2)),
        None if parcel.outside_boundary_m2 is None else round_mu(parcel.outside_boundary_m2),
        _rounded(parcel.outside_boundary_pct),
        parcel.grid,
        parcel.township,
        ", ".join(parcel.overlapping_parcels),
        parcel.days_since_inspection,
        parcel.subject_id,
    ]


def _given(overlap, role: str, value: float, decimals: int = MU_DECIMALS) -> Optional[float]:
    """The rounded figure of a role, None (not checked) when its layer was not given."""
    return round(value, decimals) if role in overlap.roles else None
