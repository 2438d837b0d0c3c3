"""储备土地核查: each reserve parcel against the protected layers, its ledger, grid and inspection state."""

from dataclasses import dataclass, field
from datetime import date
from typing import Dict, List, Optional, Sequence

import numpy as np
from qgis.core import (
    QgsCoordinateTransformContext,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsFeedback,
)

from liaocheng_plugin.core.compat import REQUEST_NO_GEOMETRY
from liaocheng_plugin.core.datacheck.figures import format_area, format_areas
from liaocheng_plugin.core.definitions import DEFAULT_CULTIVATED_CODES, PARCEL_OVERLAP_KEY, AreaMode, Role
from liaocheng_plugin.core.engine import (
    AreaMeasurer,
    OverlapPiece,
    OverlayReport,
    RoleSpec,
    SubjectOverlap,
    is_cultivated,
    iterate_features,
    run_overlay,
)
from liaocheng_plugin.core.engine.dependency import shapely
from liaocheng_plugin.core.engine.overlay import Inspect
from liaocheng_plugin.core.engine.pairs import overlapping_pairs
from liaocheng_plugin.core.engine.repair import polygonal_parts
from liaocheng_plugin.core.engine.shapes import outside_parts
from liaocheng_plugin.core.findings import Finding, Severity, status_labels, status_of
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.ledger_fields import LedgerFields, is_in_place
from liaocheng_plugin.core.settings import OVERLAP_TOLERANCE_M2
from liaocheng_plugin.core.units import SQUARE_METRES_PER_MU, m2_to_mu
from liaocheng_plugin.core.values import as_date, as_float, as_text, is_null

GRID_KEY = "grid"
TOWNSHIP_KEY = "township"
OUTSIDE_BOUNDARY_KEY = "outside_udb"
DEFAULT_BARE_LAND_CODES = ("1201", "1206", "1207")


@dataclass
class ReserveRules:
    """Tolerances of the reserve check; the defaults are the bureau's (see DOMAIN.md)."""

    outside_boundary_pct: float = 1.0
    area_tolerance_pct: float = 0.5
    area_tolerance_mu: float = 0.1
    inspection_days: int = 30
    sliver_m2: float = field(default_factory=OVERLAP_TOLERANCE_M2.value)
    bare_land_codes: Sequence[str] = DEFAULT_BARE_LAND_CODES
    reference_date: date = field(default_factory=date.today)


@dataclass
class ParcelResult:
    """The verdict on one reserve parcel."""

    subject_id: int
    code: str
    overlap: SubjectOverlap
    findings: List[Finding] = field(default_factory=list)
    recorded_mu: Optional[float] = None
    grid: str = ""
    township: str = ""
    overlapping_parcels: List[str] = field(default_factory=list)
    days_since_inspection: Optional[int] = None
    outside_piece: Optional[OverlapPiece] = None
    overlap_pieces: List[OverlapPiece] = field(default_factory=list)  # shared with other reserve parcels

    @property
    def status(self) -> Severity:
        return status_of(self.findings)

    @property
    def area_mu(self) -> float:
        return m2_to_mu(self.overlap.area_m2)

    def role_mu(self, role: str) -> float:
        return m2_to_mu(self.overlap.area_m2_of(role))

    @property
    def cultivated_mu(self) -> float:
        survey = self.overlap.roles.get(Role.LAND_SURVEY.value)
        return m2_to_mu(survey.cultivated_m2) if survey else 0.0

    @property
    def outside_boundary_m2(self) -> Optional[float]:
        """Area outside the development boundary, None when no boundary layer was given."""
        boundary = self.overlap.roles.get(Role.DEVELOPMENT_BOUNDARY.value)
        return None if boundary is None else max(self.overlap.area_m2 - boundary.area_m2, 0.0)

    @property
    def outside_boundary_pct(self) -> Optional[float]:
        """Share outside the development boundary, None when no boundary layer was given."""
        if Role.DEVELOPMENT_BOUNDARY.value not in self.overlap.roles:
            return None
        return max(0.0, 100.0 - self.overlap.percent_of(Role.DEVELOPMENT_BOUNDARY.value))  # inside: 100.0000001 %


@dataclass
class ReserveReport:
    """All parcel verdicts with the overlay they rest on."""

    parcels: List[ParcelResult]
    overlay: OverlayReport


def is_conflict_piece(piece: OverlapPiece, cultivated_codes: Sequence[str]) -> bool:
    """Pieces a reviewer looks at: farmland, red line and cultivated land."""
    if piece.role in (Role.PERMANENT_FARMLAND.value, Role.ECOLOGICAL_REDLINE.value):
        return True
    return piece.role == Role.LAND_SURVEY.value and is_cultivated(piece.code, cultivated_codes)


def largest_zone(overlap: SubjectOverlap, key: str) -> str:
    """The label of the zone (grid cell, township) holding most of the subject."""
    zone = overlap.roles.get(key)
    if zone is None or not zone.pieces:
        return ""
    return max(zone.pieces, key=lambda piece: piece.area_m2).label


def check_reserve_parcels(
    source: QgsFeatureSource,
    specs: Sequence[RoleSpec],
    context: QgsCoordinateTransformContext,
    ledger: LedgerFields,
    rules: ReserveRules,
    grid: Optional[RoleSpec] = None,
    township: Optional[RoleSpec] = None,
    area_mode: AreaMode = AreaMode.ELLIPSOIDAL,
    cultivated_codes: Sequence[str] = DEFAULT_CULTIVATED_CODES,
    feedback: Optional[QgsFeedback] = None,
    inspect: Optional[Inspect] = None,
) -> ReserveReport:
    """Check every reserve parcel; raises CheckCanceledError when cancelled.

    ``inspect`` (the input check) sees every layer's arrays before figures are computed (see run_overlay).
    """
    zones = [RoleSpec(GRID_KEY, grid.source, grid.label_field, layer=grid.layer)] if grid else []
    zones += [RoleSpec(TOWNSHIP_KEY, township.source, township.label_field, layer=township.layer)] if township else []
    report = run_overlay(
        source, list(specs) + zones, context, area_mode, 0.0, cultivated_codes, feedback, inspect=inspect
    )
    attributes = read_ledger(source, ledger)
    measurer = AreaMeasurer(report.working_crs, context, area_mode)
    parcels = []
    for overlap in report.subjects:
        values = attributes.get(overlap.subject_id, {})
        parcel = ParcelResult(overlap.subject_id, parcel_code(values.get("code"), overlap.subject_id), overlap)
        parcel.grid = largest_zone(overlap, GRID_KEY)
        parcel.township = largest_zone(overlap, TOWNSHIP_KEY)
        parcel.findings = protected_findings(overlap, rules, cultivated_codes)
        parcel.findings += ledger_findings(parcel, values, ledger, rules)
        parcels.append(parcel)
    add_outside_pieces(parcels, measurer, rules.sliver_m2)
    add_parcel_overlaps(parcels, measurer, rules.sliver_m2)
    return ReserveReport(parcels, report)


def parcel_code(code, feature_id: int) -> str:
    """A parcel's code as findings name it; a parcel without one by its feature: "(no code, feature 17)"."""
    return as_text(code) or tr("(no code, feature {})").format(feature_id)


def add_outside_pieces(parcels: List[ParcelResult], measurer: AreaMeasurer, sliver_m2: float) -> None:
    """The part of each parcel outside the development boundary, as a piece to draw (one bulk difference)."""
    outside = []
    for parcel in parcels:
        boundary = parcel.overlap.roles.get(Role.DEVELOPMENT_BOUNDARY.value)
        if boundary is not None and parcel.overlap.area_m2 - boundary.area_m2 > sliver_m2:
            outside.append((parcel, boundary.shape))
    shapes = outside_parts([parcel.overlap.shape for parcel, _ in outside], [cover for _, cover in outside])
    for (parcel, _), shape, area in zip(outside, shapes, measurer.areas(shapes)):
        if shape is not None:
            parcel.outside_piece = OverlapPiece(OUTSIDE_BOUNDARY_KEY, -1, "", "", shape, float(area))


def read_ledger(source: QgsFeatureSource, ledger: LedgerFields) -> Dict[int, Dict[str, object]]:
    """Ledger values per feature id, keyed by ledger attribute name."""
    indexes = {name: source.fields().lookupField(field_name) for name, field_name in vars(ledger).items() if field_name}
    request = QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY)
    request.setSubsetOfAttributes([i for i in indexes.values() if i >= 0])
    values = {}
    for feature in iterate_features(source, request):
        row = feature.attributes()
        values[feature.id()] = {name: row[i] for name, i in indexes.items() if i >= 0}
    return values


def protected_findings(overlap: SubjectOverlap, rules: ReserveRules, cultivated_codes: Sequence[str]) -> List[Finding]:
    """Farmland and red line (fail), outside the boundary and cultivated land (warn)."""
    findings = []
    for role, kind, text in (
        (Role.PERMANENT_FARMLAND.value, "pbf", tr("on permanent basic farmland {} ({:.1f}%){}")),
        (Role.ECOLOGICAL_REDLINE.value, "erl", tr("in the ecological red line {} ({:.1f}%){}")),
    ):
        role_overlap = overlap.roles.get(role)
        if role_overlap and role_overlap.area_m2 > rules.sliver_m2:
            labels = role_overlap.labels
            which = (
                tr(", features {}").format(", ".join(labels[:5]) + ("…" if len(labels) > 5 else "")) if labels else ""
            )
            findings.append(
                Finding(
                    kind, Severity.FAIL, text.format(format_area(role_overlap.area_m2), overlap.percent_of(role), which)
                )
            )
    boundary = overlap.roles.get(Role.DEVELOPMENT_BOUNDARY.value)
    if boundary is not None:
        outside_pct = 100.0 - overlap.percent_of(Role.DEVELOPMENT_BOUNDARY.value)
        if outside_pct > rules.outside_boundary_pct:
            outside = format_area(overlap.area_m2 - boundary.area_m2)
            text = tr("outside the urban development boundary {} ({:.1f}%)").format(outside, outside_pct)
            findings.append(Finding("outside_udb", Severity.WARN, text))
    survey = overlap.roles.get(Role.LAND_SURVEY.value)
    if survey is not None and survey.cultivated_m2 > rules.sliver_m2:
        codes = [
            (code, area)
            for code, area in sorted(survey.area_by_code_m2.items())
            if is_cultivated(code, cultivated_codes)
        ]
        total, *parts = format_areas(survey.cultivated_m2, *(area for _, area in codes))
        by_code = ", ".join(f"{code} {text}" for (code, _), text in zip(codes, parts))
        text = tr("cultivated land {} ({})").format(total, by_code)
        findings.append(Finding("cultivated", Severity.WARN, text))
    return findings


def ledger_findings(
    parcel: ParcelResult, values: Dict[str, object], ledger: LedgerFields, rules: ReserveRules
) -> List[Finding]:
    """Recorded area, registration, inspection and dust control, from the ledger attributes."""
    findings = []
    if ledger.recorded_mu:
        parcel.recorded_mu = as_float(values.get("recorded_mu"))
        if parcel.recorded_mu is None:
            findings.append(Finding("area_mismatch", Severity.WARN, tr("no recorded area in the ledger")))
        else:
            difference = abs(parcel.area_mu - parcel.recorded_mu)
            tolerance = max(parcel.recorded_mu * rules.area_tolerance_pct / 100.0, rules.area_tolerance_mu)
            if difference > tolerance:
                recorded, mapped, off = format_areas(
                    parcel.recorded_mu * SQUARE_METRES_PER_MU, parcel.overlap.area_m2, difference * SQUARE_METRES_PER_MU
                )
                text = tr("recorded area {} differs from the mapped {} by {}").format(recorded, mapped, off)
                findings.append(Finding("area_mismatch", Severity.WARN, text))
    if ledger.certificate:
        unregistered = is_null(values.get("certificate"))
    else:
        registration = values.get("registration")
        unregistered = bool(ledger.registration) and (is_null(registration) or "未" in str(registration))
    if unregistered:
        findings.append(Finding("unregistered", Severity.WARN, tr("not registered (no certificate number)")))
    if ledger.last_inspection:
        inspected = as_date(values.get("last_inspection"))
        if inspected is None:
            findings.append(Finding("inspection_overdue", Severity.WARN, tr("no inspection recorded")))
        else:
            parcel.days_since_inspection = (rules.reference_date - inspected).days
            if parcel.days_since_inspection > rules.inspection_days:
                text = tr("last inspected {} days ago (more than {})").format(
                    parcel.days_since_inspection, rules.inspection_days
                )
                findings.append(Finding("inspection_overdue", Severity.WARN, text))
    findings += dust_findings(parcel, values, ledger, rules)
    return findings


def dust_findings(
    parcel: ParcelResult, values: Dict[str, object], ledger: LedgerFields, rules: ReserveRules
) -> List[Finding]:
    """Bare land in the survey must be fenced and covered against dust."""
    survey = parcel.overlap.roles.get(Role.LAND_SURVEY.value)
    if survey is None or not (ledger.fence or ledger.dust_net):
        return []
    bare_m2 = sum(area for code, area in survey.area_by_code_m2.items() if code[:4] in rules.bare_land_codes)
    if bare_m2 <= rules.sliver_m2:
        return []
    missing, unrecorded = [], []
    for attribute, name in (("fence", tr("fence")), ("dust_net", tr("dust net"))):
        value = values.get(attribute)
        if not getattr(ledger, attribute):
            continue
        if is_null(value):
            unrecorded.append(name)  # nothing written in the ledger: not known to be incomplete
        elif not is_in_place(value):
            missing.append(name)
    findings = []
    if missing:
        text = tr("bare land {} without complete {}").format(format_area(bare_m2), tr(" and ").join(missing))
        findings.append(Finding("no_dust_cover", Severity.WARN, text))
    if unrecorded:
        text = tr("bare land {}: {} not filled in the ledger").format(
            format_area(bare_m2), tr(" and ").join(unrecorded)
        )
        findings.append(Finding("no_dust_cover", Severity.WARN, text))
    return findings


def add_parcel_overlaps(parcels: List[ParcelResult], measurer: AreaMeasurer, sliver_m2: float) -> None:
    """Reserve parcels overlapping each other are counted twice in the ledger: a fail on both, and the shared
    part a conflict piece of each (role PARCEL_OVERLAP_KEY, labelled with the other parcel's code) so the sheet
    draws what the finding names."""
    by_id = {parcel.subject_id: parcel for parcel in parcels}
    geometries = {parcel.subject_id: parcel.overlap.shape for parcel in parcels}
    for first, second, area in overlapping_pairs(geometries, measurer, sliver_m2):
        shared = polygonal_parts(np.array([shapely.intersection(geometries[first], geometries[second])]))[0]
        for one, two in ((by_id[first], by_id[second]), (by_id[second], by_id[first])):
            one.overlapping_parcels.append(two.code)
            text = tr("overlaps reserve parcel {} by {}").format(two.code, format_area(area))
            one.findings.append(Finding("parcel_overlap", Severity.FAIL, text))
            if shared is not None:
                one.overlap_pieces.append(OverlapPiece(PARCEL_OVERLAP_KEY, two.subject_id, two.code, "", shared, area))


def summarize(parcels: Sequence[ParcelResult]) -> List[Dict[str, object]]:
    """Rows of the summary table: totals, then counts and 亩 by status, then by grid."""
    rows = []

    def row(group: str, name: str, members: Sequence[ParcelResult]) -> Dict[str, object]:
        return {
            "group": group,
            "name": name,
            "parcels": len(members),
            "area_mu": round(sum(p.area_mu for p in members), 2),
            "fail": sum(1 for p in members if p.status == Severity.FAIL),
            "warn": sum(1 for p in members if p.status == Severity.WARN),
            "pass": sum(1 for p in members if p.status == Severity.PASS),
        }

    rows.append(row("total", tr("All parcels"), parcels))
    statuses = status_labels()
    for status in Severity:
        rows.append(row("status", statuses[status], [p for p in parcels if p.status == status]))
    for grid in sorted({p.grid for p in parcels}):
        rows.append(row("grid", grid or tr("(no grid)"), [p for p in parcels if p.grid == grid]))
    return rows
