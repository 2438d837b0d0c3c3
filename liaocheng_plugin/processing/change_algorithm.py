"""liaocheng:change_detection — 耕地流出/流入 from two survey years: the patches the balance check needs."""

import numpy as np
from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from liaocheng_plugin.core.change import (
    BASE,
    CURRENT,
    ChangeDirection,
    ChangeReport,
    ChangeRules,
    change_working_crs,
    detect_changes,
)
from liaocheng_plugin.core.change.rules import direction_labels
from liaocheng_plugin.core.change.table import (
    PATCH_COLUMNS,
    SUMMARY_COLUMNS,
    direction_totals_mu,
    patch_values,
    summary_rows,
    summary_values,
)
from liaocheng_plugin.core.compat import (
    NUMBER_DOUBLE,
    NUMBER_INTEGER,
    PARAMETER_ADVANCED,
    SOURCE_VECTOR,
    SOURCE_VECTOR_POLYGON,
    WKB_MULTIPOLYGON,
    WKB_NO_GEOMETRY,
)
from liaocheng_plugin.core.definitions import CULTIVATED_CODES_PARAMETER, DEFAULT_CULTIVATED_CODES, AreaMode
from liaocheng_plugin.core.engine.convert import qgis_from_wkb_many, to_wkb
from liaocheng_plugin.core.export import as_fields
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.settings import CHANGE_SLIVER_WIDTH_M
from liaocheng_plugin.core.units import SQUARE_METRES_PER_MU
from liaocheng_plugin.processing.change_inputs import (
    SurveyParameters,
    array_inspector,
    check_survey_sources,
    display_names,
    survey_spec,
)
from liaocheng_plugin.processing.check_algorithm import CheckAlgorithm, run_core
from liaocheng_plugin.processing.data_inputs import (
    DATA_CHECK,
    add_data_check_output,
    parameter_layer,
    report_findings,
    write_findings,
)
from liaocheng_plugin.processing.outputs import Sinks, optional_sink
from liaocheng_plugin.processing.protected_parameters import AREA_MODE, read_area_mode, read_cultivated_codes

OUTPUT_NUMBERS = ("OUTFLOW_MU", "INFLOW_MU", "OCCUPATION_MU", "PATCHES", "SLIVERS", "SLIVERS_M2", "SMALL", "SMALL_M2")
TOTAL_OUTPUT = {
    ChangeDirection.OUTFLOW: "OUTFLOW_MU",
    ChangeDirection.INFLOW: "INFLOW_MU",
    ChangeDirection.OCCUPATION: "OCCUPATION_MU",
}


class ChangeDetectionAlgorithm(CheckAlgorithm):
    """Compare two land-use surveys and extract the outflow, inflow and occupation patches."""

    BASE_SURVEY = "BASE_SURVEY"
    CURRENT_SURVEY = "CURRENT_SURVEY"
    BASE_CODE_FIELD = "BASE_CODE_FIELD"
    CURRENT_CODE_FIELD = "CURRENT_CODE_FIELD"
    DEDUCTION_FIELD = "DEDUCTION_FIELD"
    QUALITY_FIELD = "QUALITY_FIELD"
    LOCATION_FIELD = "LOCATION_FIELD"
    YEAR = "YEAR"
    MIN_AREA_M2 = "MIN_AREA_M2"
    SLIVER_WIDTH_M = "SLIVER_WIDTH_M"
    OUTPUT = "OUTPUT"
    SUMMARY = "SUMMARY"

    def name(self) -> str:
        return "change_detection"

    def displayName(self) -> str:
        return tr("Cultivated-land outflow and inflow from two survey years")

    def shortHelpString(self) -> str:
        return tr(
            "Compares the base-year land-use survey (三调 or last year's 年度变更调查) with the current year's and "
            "extracts every change patch: cultivated land (0101/0102/0103) turned into orchard, forest, grass, "
            "ponds or farm facilities is an outflow (流出), the reverse an inflow (流入), cultivated land turned "
            "into construction or other land an occupation (建设占用); a change within cultivated land is none. "
            "Connected pieces of the same change inside one township form one patch. Pieces thinner than the "
            "sliver width (a moved boundary, not a changed use) and patches below the survey's minimum mapping "
            "unit (200 m² construction and facility land, 400 m² farmland, 600 m² other land, or the minimum "
            "area given) are left out and counted. Areas are ellipsoidal on CGCS2000 by default; net_mu is net "
            "of the cultivated side's KCXS, quality its GDDB; county and township come from the current "
            "survey's ZLDWDM. Both surveys get the input check of every check. The patches feed "
            "liaocheng:balance_check as they are (its INPUT, direction field found by itself)."
        )

    def initAlgorithm(self, config=None):
        polygons = [SOURCE_VECTOR_POLYGON]
        for layer, code, label, code_label in (
            (
                self.BASE_SURVEY,
                self.BASE_CODE_FIELD,
                tr("Base-year survey (三调 / last year)"),
                tr("Base land-use code field"),
            ),
            (
                self.CURRENT_SURVEY,
                self.CURRENT_CODE_FIELD,
                tr("Current-year survey"),
                tr("Current land-use code field"),
            ),
        ):
            self.addParameter(QgsProcessingParameterFeatureSource(layer, label, polygons))
            self.addParameter(QgsProcessingParameterField(code, code_label, "DLBM", layer, optional=True))
        for name, label, parent, default in (
            (self.DEDUCTION_FIELD, tr("Deduction coefficient field (KCXS; found when empty)"), self.BASE_SURVEY, None),
            (self.QUALITY_FIELD, tr("Quality grade field (GDDB; found when empty)"), self.BASE_SURVEY, None),
            (
                self.LOCATION_FIELD,
                tr("Location code field (ZLDWDM: county and township)"),
                self.CURRENT_SURVEY,
                "ZLDWDM",
            ),
        ):
            self.addParameter(QgsProcessingParameterField(name, label, default, parent, optional=True))
        self.addParameter(
            QgsProcessingParameterNumber(
                self.YEAR,
                tr("Year of the current survey (read from SJNF or the layer name when empty)"),
                NUMBER_INTEGER,
                None,
                optional=True,
                minValue=1990,
                maxValue=2100,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MIN_AREA_M2,
                tr("Minimum patch area (m²; empty: the survey's minimum mapping unit by land class)"),
                NUMBER_DOUBLE,
                None,
                optional=True,
                minValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.SLIVER_WIDTH_M,
                tr("Sliver width (m): thinner pieces are moved boundaries"),
                NUMBER_DOUBLE,
                CHANGE_SLIVER_WIDTH_M.value(),
                minValue=0,
            )
        )
        codes = QgsProcessingParameterString(
            CULTIVATED_CODES_PARAMETER,
            tr("Cultivated land codes (comma separated)"),
            ",".join(DEFAULT_CULTIVATED_CODES),
        )
        codes.setFlags(codes.flags() | PARAMETER_ADVANCED)
        self.addParameter(codes)
        self.addParameter(
            QgsProcessingParameterEnum(
                AREA_MODE,
                tr("Area measurement"),
                [tr("Ellipsoidal (CGCS2000, as official survey areas)"), tr("Planar (working CRS)")],
                defaultValue=AreaMode.ELLIPSOIDAL.value,
            )
        )
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Change patches"), SOURCE_VECTOR_POLYGON))
        self.addParameter(optional_sink(self.SUMMARY, tr("Change summary"), SOURCE_VECTOR))
        add_data_check_output(self)
        for name, label in output_number_labels().items():
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def _optional_number(self, parameters, name, context, integer=False):
        if parameters.get(name) in (None, ""):
            return None
        return (
            self.parameterAsInt(parameters, name, context)
            if integer
            else self.parameterAsDouble(parameters, name, context)
        )

    def processAlgorithm(self, parameters, context, feedback):
        findings, replacements = check_survey_sources(
            parameters, context, feedback, (self.BASE_SURVEY, self.CURRENT_SURVEY)
        )
        layers = [parameter_layer(parameters, name, context) for name in (self.BASE_SURVEY, self.CURRENT_SURVEY)]
        names = display_names(*layers)
        shared = (self.DEDUCTION_FIELD, self.QUALITY_FIELD, self.LOCATION_FIELD)
        base, current = (
            survey_spec(
                self, parameters, context, SurveyParameters(key, layer, code, *shared), name, replacements.get(layer)
            )
            for key, layer, code, name in (  # layer: the survey's parameter name
                (BASE, self.BASE_SURVEY, self.BASE_CODE_FIELD, names[0]),
                (CURRENT, self.CURRENT_SURVEY, self.CURRENT_CODE_FIELD, names[1]),
            )
        )
        codes = read_cultivated_codes(self, parameters, context)
        rules = ChangeRules.from_settings(
            codes,
            self.parameterAsDouble(parameters, self.SLIVER_WIDTH_M, context),
            self._optional_number(parameters, self.MIN_AREA_M2, context),
        )
        transform_context = context.transformContext()
        working_crs = change_working_crs(current, transform_context)
        report = run_core(
            lambda: detect_changes(
                base,
                current,
                transform_context,
                rules,
                read_area_mode(self, parameters, context),
                self._optional_number(parameters, self.YEAR, context, integer=True),
                feedback,
                array_inspector([base, current], working_crs, context, codes),
                working_crs=working_crs,
            )
        )
        if report is None:
            return {}
        report_findings(report.findings, feedback)
        tell(report, feedback)
        sinks = Sinks(self, parameters, context)
        write_patches(sinks.create(self.OUTPUT, as_fields(PATCH_COLUMNS), WKB_MULTIPOLYGON, report.working_crs), report)
        summary = sinks.create(self.SUMMARY, as_fields(SUMMARY_COLUMNS), WKB_NO_GEOMETRY)
        if summary is not None:
            fields = as_fields(SUMMARY_COLUMNS)
            for row in summary_rows(report.patches):
                feature = QgsFeature(fields)
                feature.setAttributes(summary_values(row, report.year))
                summary.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        results = {**sinks.results, **write_findings(self, parameters, context, DATA_CHECK, findings + report.findings)}
        return {**results, **output_numbers(report)}


def output_number_labels():
    """Descriptions of the algorithm's number outputs, translated."""
    return {
        "OUTFLOW_MU": tr("Outflow (mu)"),
        "INFLOW_MU": tr("Inflow (mu)"),
        "OCCUPATION_MU": tr("Occupation (mu)"),
        "PATCHES": tr("Change patches"),
        "SLIVERS": tr("Slivers left out"),
        "SLIVERS_M2": tr("Slivers left out (m²)"),
        "SMALL": tr("Patches below the minimum area left out"),
        "SMALL_M2": tr("Patches below the minimum area left out (m²)"),
    }


def output_numbers(report: ChangeReport) -> dict:
    """The number outputs: 亩 per direction (2 decimals), patches, and what was left out."""
    totals = direction_totals_mu(report.patches)
    small = report.small_total()
    numbers = {TOTAL_OUTPUT[direction]: round(area, 2) for direction, (_count, area) in totals.items()}
    numbers.update(
        PATCHES=len(report.patches),
        SLIVERS=report.slivers.count,
        SLIVERS_M2=round(report.slivers.area_m2, 2),
        SMALL=small.count,
        SMALL_M2=round(small.area_m2, 2),
    )
    return numbers


def tell(report: ChangeReport, feedback) -> None:
    """Say in the log what was found and what was left out, in 亩 and m²."""
    labels = direction_labels()
    for direction, (count, area) in direction_totals_mu(report.patches).items():
        feedback.pushInfo(tr("{}: {} patches, {:.2f} mu.").format(labels[direction], count, area))
    small = report.small_total()
    feedback.pushInfo(
        tr(
            "Left out: {} slivers thinner than the sliver width ({:.1f} m²), {} patches below the minimum area "
            "({:.1f} m², {:.2f} mu)."
        ).format(
            report.slivers.count,
            report.slivers.area_m2,
            small.count,
            small.area_m2,
            small.area_m2 / SQUARE_METRES_PER_MU,
        )
    )
    feedback.pushInfo(
        tr("Areas are {}; working CRS {}; year {}.").format(report.area_note, report.working_crs.authid(), report.year)
    )
    if report.no_location:
        feedback.pushWarning(
            tr("{} change patches have no location code (ZLDWDM) in the current survey: no county or township.").format(
                report.no_location
            )
        )


def write_patches(sink, report: ChangeReport) -> None:
    """The change patches, geometries made from WKB in one pass."""
    fields = as_fields(PATCH_COLUMNS)
    shapes = np.empty(len(report.patches), dtype=object)
    shapes[:] = [patch.shape for patch in report.patches]
    geometries = qgis_from_wkb_many(to_wkb(shapes).tolist(), multi=True)
    features = []
    for patch, geometry in zip(report.patches, geometries):
        feature = QgsFeature(fields)
        feature.setGeometry(geometry)
        feature.setAttributes(patch_values(patch, report.year, report.area_mode))
        features.append(feature)
    sink.addFeatures(features, QgsFeatureSink.Flag.FastInsert)
