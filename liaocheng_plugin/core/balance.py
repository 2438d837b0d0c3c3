"""耕地进出平衡: each outflow and inflow patch checked, and each county's yearly balance in area and quality."""

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

from qgis.core import QgsCoordinateTransformContext, QgsFeatureRequest, QgsFeatureSource, QgsFeedback, QgsRectangle

from liaocheng_plugin.core.balance_fields import (
    BALANCED_WORDS,
    EVIDENCE_WORDS,
    EXEMPT_WORDS,
    RESTORED_WORDS,
    PatchFields,
    contains_any,
    direction_of,
    split_ids,
)
from liaocheng_plugin.core.compat import REQUEST_NO_GEOMETRY
from liaocheng_plugin.core.crs import choose_working_crs, require_crs
from liaocheng_plugin.core.datacheck.figures import format_area, format_areas
from liaocheng_plugin.core.definitions import DEFAULT_CULTIVATED_CODES, AreaMode, Role
from liaocheng_plugin.core.engine import (
    OverlayEngine,
    OverlayReport,
    RoleSpec,
    SubjectOverlap,
    iterate_features,
    read_subjects,
    require_shapely,
    subjects_extent,
)
from liaocheng_plugin.core.engine.overlay import Inspect
from liaocheng_plugin.core.engine.pairs import overlapping_pairs
from liaocheng_plugin.core.engine.postgis import choose_engine
from liaocheng_plugin.core.findings import Finding, Severity, status_of
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.progress import StepFeedback
from liaocheng_plugin.core.settings import OVERLAP_TOLERANCE_M2
from liaocheng_plugin.core.units import SQUARE_METRES_PER_MU, m2_to_mu, percent
from liaocheng_plugin.core.values import as_float, as_text, as_year

OUT, IN = "out", "in"


@dataclass
class BalanceRules:
    """Tolerances of the balance check; defaults from the 2021 notice and bureau practice (see DOMAIN.md)."""

    baseline_cultivated_pct: float = 50.0
    min_inflow_mu: float = 1.0
    sliver_m2: float = field(default_factory=OVERLAP_TOLERANCE_M2.value)


@dataclass
class PatchSet:
    """A layer of patches: all outflow, all inflow, or mixed with a direction field (direction None)."""

    source: QgsFeatureSource
    fields: PatchFields
    direction: Optional[str] = None


@dataclass
class PatchResult:
    """The verdict on one outflow or inflow patch."""

    direction: str
    feature_id: int
    overlap: SubjectOverlap
    values: Dict[str, object]
    findings: List[Finding] = field(default_factory=list)
    set_index: int = 0  # which PatchSet (layer) of the check the patch comes from

    @property
    def key(self) -> Tuple[str, int]:
        return self.direction, self.feature_id

    def text(self, name: str) -> str:
        return as_text(self.values.get(name))

    @property
    def patch_id(self) -> str:
        return self.text("patch_id") or f"{self.direction}-{self.feature_id}"

    @property
    def county(self) -> str:
        return self.text("county") or self.text("township")[:6]

    @property
    def year(self) -> str:
        year = as_year(self.values.get("year"))
        return str(year) if year is not None else self.text("year")

    @property
    def quality(self) -> Optional[float]:
        return as_float(self.values.get("quality"))

    @property
    def status(self) -> Severity:
        return status_of(self.findings)

    @property
    def area_m2(self) -> float:
        return self.overlap.area_m2

    @property
    def cultivated_m2(self) -> float:
        survey = self.overlap.roles.get(Role.LAND_SURVEY.value)
        return survey.cultivated_m2 if survey else 0.0

    @property
    def restored(self) -> bool:
        return self.direction == OUT and contains_any(self.values.get("method"), RESTORED_WORDS)

    @property
    def exempt(self) -> bool:
        exemption = self.values.get("exemption")
        return self.direction == OUT and (
            contains_any(exemption, EXEMPT_WORDS) or contains_any(self.values.get("method"), EVIDENCE_WORDS)
        )

    @property
    def valid_inflow(self) -> bool:
        return self.direction == IN and self.status != Severity.FAIL


@dataclass
class BalanceRow:
    """One row of the balance ledger: a county (or township) in one year."""

    level: str
    county: str
    township: str
    year: str
    county_name: str = ""
    township_name: str = ""
    outflow_m2: float = 0.0
    restored_m2: float = 0.0
    exempt_m2: float = 0.0
    inflow_m2: float = 0.0
    quality_out: Optional[float] = None
    quality_in: Optional[float] = None

    @property
    def to_balance_m2(self) -> float:
        return max(self.outflow_m2 - self.restored_m2 - self.exempt_m2, 0.0)

    @property
    def balance_m2(self) -> float:
        """Valid inflow minus the outflow to balance; negative is a deficit."""
        return self.inflow_m2 - self.to_balance_m2

    @property
    def rectifiable_m2(self) -> float:
        """Outflow needing rectification (restoring or balancing): all of it but the exempt part."""
        return max(self.outflow_m2 - self.exempt_m2, 0.0)

    @property
    def progress_pct(self) -> Optional[float]:
        """(restored + balanced) ÷ outflow needing rectification, balanced being the part inflow covers; None
        when no outflow needs rectification (a township with inflow only: there is no progress to measure).

        Exempt outflow (举证, 生态退耕, 灾毁, 水面扩大) needs no rectification and leaves the base; with none
        exempt this is the bureau's (restored + balanced) ÷ outflow.
        """
        if self.rectifiable_m2 <= 0:
            return None
        balanced = min(self.inflow_m2, self.to_balance_m2)
        return percent(self.restored_m2 + balanced, self.rectifiable_m2)

    @property
    def quality_ok(self) -> Optional[bool]:
        """Inflow no worse than outflow (grade 1 is best); None when a grade is missing."""
        if self.quality_in is None or self.quality_out is None:
            return None
        return self.quality_in <= self.quality_out + 1e-9

    @property
    def balanced(self) -> Optional[bool]:
        """Inflow makes up the outflow to balance in area and quality; None when there is nothing to balance
        (no outflow needing rectification and no valid inflow)."""
        if self.rectifiable_m2 <= 0 and self.inflow_m2 <= 0:
            return None
        return self.balance_m2 >= -0.005 * (10000.0 / 15.0) and self.quality_ok is not False


@dataclass
class BalanceReport:
    patches: List[PatchResult]
    rows: List[BalanceRow]
    overlays: List[OverlayReport]


def read_values(source: QgsFeatureSource, fields: PatchFields) -> Dict[int, Dict[str, object]]:
    """Mapped attribute values per feature id."""
    indexes = {name: source.fields().lookupField(value) for name, value in vars(fields).items() if value}
    request = QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY)
    request.setSubsetOfAttributes([i for i in indexes.values() if i >= 0])
    result = {}
    for feature in iterate_features(source, request):
        row = feature.attributes()
        result[feature.id()] = {name: row[i] for name, i in indexes.items() if i >= 0}
    return result


def check_balance(
    sets: Sequence[PatchSet],
    specs: Sequence[RoleSpec],
    context: QgsCoordinateTransformContext,
    rules: BalanceRules,
    area_mode: AreaMode = AreaMode.ELLIPSOIDAL,
    cultivated_codes: Sequence[str] = DEFAULT_CULTIVATED_CODES,
    feedback: Optional[QgsFeedback] = None,
    inspect: Optional[Inspect] = None,
) -> BalanceReport:
    """Check every patch and balance each county and year; raises CheckCanceledError when cancelled.

    The protected layers are read once for all patch layers (or overlaid in their database, see
    run_overlay); ``inspect`` (the input check) sees every layer's arrays first (see run_overlay).
    """
    require_shapely()
    first = sets[0].source
    working_crs = choose_working_crs(first.sourceCrs(), first.sourceExtent(), context)
    steps = StepFeedback(len(sets) + 1, feedback)
    read = []
    extent = QgsRectangle()
    for patch_set in sets:
        require_crs(patch_set.source.sourceCrs(), patch_set.source.sourceName())
        arrays, issues = read_subjects(patch_set.source, working_crs, context, 0.0, steps, inspect)
        read.append((patch_set, arrays, issues))
        extent.combineExtentWith(subjects_extent(arrays, 1.0))
    engine, choice = choose_engine(specs, working_crs, context, area_mode, cultivated_codes, feedback=steps)
    engine.build_indexes(specs, extent, steps, inspect)
    patches: List[PatchResult] = []
    results_of_sets = []
    for step, (patch_set, arrays, _issues) in enumerate(read, start=1):
        steps.set_step(step)
        results = engine.overlay_arrays(arrays, steps)
        results_of_sets.append(results)
        values = read_values(patch_set.source, patch_set.fields)
        for overlap in results:
            row = values.get(overlap.subject_id, {})
            direction = patch_set.direction or direction_of(row.get("direction"))
            if direction:
                patches.append(PatchResult(direction, overlap.subject_id, overlap, row, set_index=step - 1))
    overlays = [
        OverlayReport(
            results,
            issues + (engine.issues if position == 0 else []),
            working_crs,
            area_mode,
            engine.measurer.describe(),
            choice.engine,
            choice.describe(),
        )
        for position, (results, (_, _, issues)) in enumerate(zip(results_of_sets, read))
    ]
    for patch in patches:
        patch.findings = (outflow_findings if patch.direction == OUT else inflow_findings)(patch, rules)
    add_double_counting(patches, engine, rules.sliver_m2)
    add_pairing_findings(patches)
    return BalanceReport(patches, balance_rows(patches), overlays)


def _share_text(patch: PatchResult) -> str:
    survey = patch.overlap.roles.get(Role.LAND_SURVEY.value)
    if survey is None:
        return ""
    top = sorted(survey.area_by_code_m2.items(), key=lambda item: -item[1])[:4]
    return ", ".join(f"{code} {text}" for (code, _), text in zip(top, format_areas(*(area for _, area in top))))


def outflow_findings(patch: PatchResult, rules: BalanceRules) -> List[Finding]:
    """Outflow on permanent farmland (fail), outflow where the baseline shows no cultivated land (warn)."""
    findings = []
    farmland = patch.overlap.area_m2_of(Role.PERMANENT_FARMLAND.value)
    if farmland > rules.sliver_m2:
        text = tr("outflow on permanent basic farmland {}: must be restored in place").format(format_area(farmland))
        findings.append(Finding("pbf_outflow", Severity.FAIL, text))
    if Role.LAND_SURVEY.value in patch.overlap.roles:
        share = percent(patch.cultivated_m2, patch.area_m2)
        if share < rules.baseline_cultivated_pct:
            text = tr("not cultivated in the baseline ({:.0f}% cultivated; {})").format(share, _share_text(patch))
            findings.append(Finding("not_cultivated_before", Severity.WARN, text))
    if not (patch.restored or patch.exempt or contains_any(patch.values.get("method"), BALANCED_WORDS)):
        findings.append(Finding("not_rectified", Severity.WARN, tr("not rectified yet")))
    return findings


def inflow_findings(patch: PatchResult, rules: BalanceRules) -> List[Finding]:
    """Inflow on land already cultivated or in the red line (fail), in the boundary or too small (warn)."""
    findings = []
    if (
        patch.cultivated_m2 > rules.sliver_m2
        and percent(patch.cultivated_m2, patch.area_m2) >= rules.baseline_cultivated_pct
    ):
        text = tr("not new cultivated land: {} already cultivated in the baseline").format(
            format_area(patch.cultivated_m2)
        )
        findings.append(Finding("already_cultivated", Severity.FAIL, text))
    redline = patch.overlap.area_m2_of(Role.ECOLOGICAL_REDLINE.value)
    if redline > rules.sliver_m2:
        text = tr("in the ecological red line {}").format(format_area(redline))
        findings.append(Finding("erl_inflow", Severity.FAIL, text))
    boundary = patch.overlap.area_m2_of(Role.DEVELOPMENT_BOUNDARY.value)
    if boundary > rules.sliver_m2:
        text = tr("inside the urban development boundary {}").format(format_area(boundary))
        findings.append(Finding("udb_inflow", Severity.WARN, text))
    if m2_to_mu(patch.area_m2) < rules.min_inflow_mu:
        least, area = format_areas(rules.min_inflow_mu * SQUARE_METRES_PER_MU, patch.area_m2)
        text = tr("{} is smaller than the minimum inflow patch of {}").format(area, least)
        findings.append(Finding("small_inflow", Severity.WARN, text))
    return findings


def add_double_counting(patches: List[PatchResult], engine: OverlayEngine, sliver_m2: float) -> None:
    """An inflow overlapping another inflow or an outflow is counted twice: a fail (bulk pairs, see pairs.py)."""
    by_key = {patch.key: patch for patch in patches}
    inflows = {p.key: p.overlap.shape for p in patches if p.direction == IN}
    outflows = {p.key: p.overlap.shape for p in patches if p.direction == OUT}
    measurer, threads = engine.measurer, engine.threads
    pairs = overlapping_pairs(inflows, measurer, sliver_m2, threads=threads)
    pairs += overlapping_pairs(inflows, measurer, sliver_m2, outflows, threads)
    for first, second, area in pairs:
        one, two = by_key[first], by_key[second]
        if two.direction == IN:
            text = tr("overlaps inflow patch {} by {} (double counting)")
            two.findings.append(Finding("double_counting", Severity.FAIL, text.format(one.patch_id, format_area(area))))
            one.findings.append(Finding("double_counting", Severity.FAIL, text.format(two.patch_id, format_area(area))))
        else:
            text = tr("overlaps outflow patch {} by {} (double counting)")
            one.findings.append(Finding("double_counting", Severity.FAIL, text.format(two.patch_id, format_area(area))))


def add_pairing_findings(patches: List[PatchResult]) -> None:
    """Explicit pairings: each paired inflow must be valid, and together they must cover their outflow."""
    outflows = {p.patch_id: p for p in patches if p.direction == OUT}
    covering: Dict[str, List[PatchResult]] = {}
    for inflow in (p for p in patches if p.direction == IN):
        for outflow_id in split_ids(inflow.values.get("paired")):
            if outflow_id not in outflows:
                text = tr("paired with unknown outflow patch {}").format(outflow_id)
                inflow.findings.append(Finding("pairing", Severity.WARN, text))
            else:
                covering.setdefault(outflow_id, []).append(inflow)
    for outflow_id, inflows in covering.items():
        outflow = outflows[outflow_id]
        invalid = [p.patch_id for p in inflows if not p.valid_inflow]
        if invalid:
            text = tr("paired inflow {} is not valid").format(", ".join(invalid))
            outflow.findings.append(Finding("pairing", Severity.FAIL, text))
        valid_m2 = sum(p.area_m2 for p in inflows if p.valid_inflow)
        if valid_m2 < outflow.area_m2 - 1e-6:
            text = tr("paired valid inflow {} does not cover the outflow {}").format(
                *format_areas(valid_m2, outflow.area_m2)
            )
            outflow.findings.append(Finding("pairing", Severity.FAIL, text))


def _weighted(patches: Sequence[PatchResult]) -> Optional[float]:
    graded = [(p.quality, p.area_m2) for p in patches if p.quality is not None]
    total = sum(area for _, area in graded)
    return sum(q * area for q, area in graded) / total if total > 0 else None


def balance_rows(patches: Sequence[PatchResult]) -> List[BalanceRow]:
    """One row per county and year, then one per township and year (level "township")."""
    rows = []
    for level, key in (
        ("county", lambda p: (p.county, "", p.year)),
        ("township", lambda p: (p.county, p.text("township"), p.year)),
    ):
        groups: Dict[Tuple[str, str, str], List[PatchResult]] = {}
        for patch in patches:
            groups.setdefault(key(patch), []).append(patch)
        for (county, township, year), members in sorted(groups.items()):
            outflow = [p for p in members if p.direction == OUT]
            to_balance = [p for p in outflow if not p.restored and not p.exempt]
            inflow = [p for p in members if p.valid_inflow]
            names = [p.text("county_name") for p in members if p.text("county_name")]
            townships = [p.text("township_name") for p in members if p.text("township_name")] if township else []
            rows.append(
                BalanceRow(
                    level,
                    county,
                    township,
                    year,
                    names[0] if names else "",
                    townships[0] if townships else "",
                    outflow_m2=sum(p.area_m2 for p in outflow),
                    restored_m2=sum(p.area_m2 for p in outflow if p.restored),
                    exempt_m2=sum(p.area_m2 for p in outflow if p.exempt and not p.restored),
                    inflow_m2=sum(p.area_m2 for p in inflow),
                    quality_out=_weighted(to_balance or outflow),
                    quality_in=_weighted(inflow),
                )
            )
    return rows
