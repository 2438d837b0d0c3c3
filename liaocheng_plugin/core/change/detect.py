"""耕地流出/流入 from two survey years: read both surveys, cut the changed pieces, dissolve them into patches."""

from dataclasses import dataclass, field
from typing import Dict, List, Optional

import numpy as np
from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransformContext, QgsFeedback

from liaocheng_plugin.core.change.patches import ChangePatch, dissolve_patches
from liaocheng_plugin.core.change.pieces import Dropped, changed_pieces
from liaocheng_plugin.core.change.rules import ChangeDirection, ChangeRules
from liaocheng_plugin.core.change.surveys import Survey, SurveySpec, read_survey, survey_year
from liaocheng_plugin.core.crs import choose_working_crs, require_crs
from liaocheng_plugin.core.datacheck.findings import DataFinding
from liaocheng_plugin.core.datacheck.geometry_rules import self_overlap_findings
from liaocheng_plugin.core.definitions import AreaMode
from liaocheng_plugin.core.engine import AreaMeasurer, require_shapely
from liaocheng_plugin.core.engine.overlay import Inspect
from liaocheng_plugin.core.engine.pool import thread_count
from liaocheng_plugin.core.exceptions import LiaochengError
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.progress import StepFeedback
from liaocheng_plugin.core.settings import OVERLAP_TOLERANCE_M2


@dataclass
class ChangeReport:
    """What a change detection found: the patches, the year they belong to, what was left out and why."""

    patches: List[ChangePatch]
    year: int
    working_crs: QgsCoordinateReferenceSystem
    area_mode: AreaMode
    area_note: str
    slivers: Dropped = field(default_factory=Dropped)
    small: Dict[ChangeDirection, Dropped] = field(default_factory=dict)
    findings: List[DataFinding] = field(default_factory=list)
    no_location: int = 0  # patches whose current survey patch had no location code (ZLDWDM)

    def small_total(self) -> Dropped:
        """Every patch below the minimum mapping unit, all directions together."""
        total = Dropped()
        for dropped in self.small.values():
            total.count += dropped.count
            total.area_m2 += dropped.area_m2
        return total


def _overlaps_among_used(survey: Survey, positions: np.ndarray, area) -> List[DataFinding]:
    """Features of one survey that overlap each other among those the patches come from (a survey should tile;
    overlapping patches would count one piece of land twice)."""
    return self_overlap_findings(survey.arrays, OVERLAP_TOLERANCE_M2.value(), area, np.unique(positions))


def change_working_crs(current: SurveySpec, context: QgsCoordinateTransformContext) -> QgsCoordinateReferenceSystem:
    """The CRS a change detection computes in: the current survey's own when metric, else its GK zone."""
    source = current.source
    return choose_working_crs(source.sourceCrs(), source.sourceExtent(), context)


def detect_changes(
    base: SurveySpec,
    current: SurveySpec,
    context: QgsCoordinateTransformContext,
    rules: ChangeRules,
    area_mode: AreaMode = AreaMode.ELLIPSOIDAL,
    year: Optional[int] = None,
    feedback: Optional[QgsFeedback] = None,
    inspect: Optional[Inspect] = None,
    threads: Optional[int] = None,
    working_crs: Optional[QgsCoordinateReferenceSystem] = None,
) -> ChangeReport:
    """Outflow, inflow and occupation patches from ``base`` (三调 or last year's 年度变更调查) to ``current``.

    Both surveys are read into ``working_crs`` (by default the current survey's own when metric, else its
    Gauss–Krüger zone: ``change_working_crs``); ``inspect`` (the input check) sees each survey's arrays
    (key ``"base"`` or ``"current"``) before anything is cut.
    ``year`` is the current survey's year; None reads it from its year field (SJNF) or name. Areas are
    ellipsoidal on CGCS2000 unless ``area_mode`` is planar. Raises LiaochengError when the year cannot be
    found or a layer has no CRS, CheckCanceledError when cancelled (nothing is returned then).
    """
    require_shapely()
    for spec in (base, current):
        require_crs(spec.source.sourceCrs(), spec.name)
    working_crs = working_crs or change_working_crs(current, context)
    threads = thread_count(threads)
    steps = StepFeedback(4, feedback)
    read = []
    findings: List[DataFinding] = []
    for step, spec in enumerate((base, current)):
        steps.set_step(step)
        survey, found = read_survey(spec, working_crs, context, rules, steps, inspect, threads)
        read.append(survey)
        findings += found
    base_survey, current_survey = read
    year = year or survey_year(current_survey)
    if year is None:
        raise LiaochengError(
            tr(
                "The year of “{}” is unknown: it has no year field (SJNF) and no year in its name. Give the year."
            ).format(current.name)
        )
    measurer = AreaMeasurer(working_crs, context, area_mode)
    steps.set_step(2)
    pieces, slivers = changed_pieces(base_survey, current_survey, rules.sliver_width_m, measurer.areas, threads, steps)
    steps.set_step(3)
    steps.raise_if_canceled()
    patches, small, alone = dissolve_patches(pieces, base_survey, current_survey, rules, measurer.areas)
    slivers.count, slivers.area_m2 = slivers.count + alone.count, slivers.area_m2 + alone.area_m2
    steps.raise_if_canceled()
    findings += _overlap_findings(base_survey, current_survey, patches, measurer.areas)
    return ChangeReport(
        patches,
        int(year),
        working_crs,
        area_mode,
        measurer.describe(),
        slivers,
        small,
        findings,
        sum(1 for patch in patches if not patch.township),
    )


def _overlap_findings(base: Survey, current: Survey, patches: List[ChangePatch], area) -> List[DataFinding]:
    if not patches:
        return []
    used_base = np.concatenate([patch.base_rows for patch in patches])
    used_current = np.concatenate([patch.current_rows for patch in patches])
    return _overlaps_among_used(base, used_base, area) + _overlaps_among_used(current, used_current, area)
