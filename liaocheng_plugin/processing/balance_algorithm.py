"""liaocheng:balance_check — 耕地进出平衡: outflow and inflow patches and each county's yearly balance."""

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from liaocheng_plugin.core.balance import IN, OUT, BalanceRules, PatchSet, check_balance
from liaocheng_plugin.core.balance_fields import PatchFields
from liaocheng_plugin.core.balance_table import PATCH_COLUMNS, SUMMARY_COLUMNS, patch_values, summary_values
from liaocheng_plugin.core.compat import (
    NUMBER_DOUBLE,
    PARAMETER_ADVANCED,
    SOURCE_VECTOR,
    SOURCE_VECTOR_POLYGON,
    WKB_MULTIPOLYGON,
    WKB_NO_GEOMETRY,
)
from liaocheng_plugin.core.export import as_fields
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.processing.check_algorithm import CheckAlgorithm, run_core
from liaocheng_plugin.processing.outputs import pieces_fields, report_issues, write_pieces
from liaocheng_plugin.processing.protected_parameters import (
    add_protected_parameters,
    read_area_mode,
    read_cultivated_codes,
    read_role_specs,
)


def detect_fields(source, given) -> PatchFields:
    """Detected fields, with the given names used where the layer has them."""
    present = {key: value for key, value in given.items() if value and source.fields().lookupField(value) >= 0}
    return PatchFields.detect(source.fields(), **present)


# Field-name parameters (advanced): empty means "detect from common names" in each patch layer.
FIELD_PARAMETERS = {
    "PATCH_ID_FIELD": "patch_id",
    "COUNTY_FIELD": "county",
    "TOWNSHIP_FIELD": "township",
    "YEAR_FIELD": "year",
    "QUALITY_FIELD": "quality",
    "METHOD_FIELD": "method",
    "EXEMPTION_FIELD": "exemption",
    "PAIRED_FIELD": "paired",
}


def field_parameter_labels():
    """Descriptions of the field-name parameters, translated (literal strings for pylupdate)."""
    return {
        "PATCH_ID_FIELD": tr("Patch number field (TBBH; detected when empty)"),
        "COUNTY_FIELD": tr("County code field (XZQDM; detected when empty)"),
        "TOWNSHIP_FIELD": tr("Township code field (XZDM; detected when empty)"),
        "YEAR_FIELD": tr("Year field (NF; detected when empty)"),
        "QUALITY_FIELD": tr("Quality grade field (GDDB, 1 best; detected when empty)"),
        "METHOD_FIELD": tr("Rectification method field (ZGFS; detected when empty)"),
        "EXEMPTION_FIELD": tr("Exemption reason field (detected when empty)"),
        "PAIRED_FIELD": tr("Paired outflow patches field (PDLCTBBH; detected when empty)"),
    }


class BalanceCheckAlgorithm(CheckAlgorithm):
    """Check outflow/inflow patches against the protected layers and balance each county and year."""

    OUTFLOW = "OUTFLOW"
    INFLOW = "INFLOW"
    INPUT = "INPUT"
    DIRECTION_FIELD = "DIRECTION_FIELD"
    BASELINE_TOLERANCE = "BASELINE_TOLERANCE"
    MIN_INFLOW_MU = "MIN_INFLOW_MU"
    OUTPUT = "OUTPUT"
    SUMMARY = "SUMMARY"
    OVERLAPS = "OVERLAPS"

    def name(self) -> str:
        return "balance_check"

    def displayName(self) -> str:
        return tr("Cultivated-land outflow and inflow balance")

    def shortHelpString(self) -> str:
        return tr(
            "Checks cultivated-land outflow patches (fail on permanent basic farmland, warn where the baseline "
            "survey shows no cultivated land) and inflow patches (fail on land already cultivated, in the "
            "ecological red line, or overlapping another patch; warn inside the development boundary or below "
            "the minimum area), checks explicit pairings, and balances each county and year: outflow, restored, "
            "to balance, valid inflow, surplus or deficit in mu, area-weighted quality grade (1 best) and "
            "rectification progress. Give an outflow and an inflow layer, or one layer with a direction field."
        )

    def initAlgorithm(self, config=None):
        polygons = [SOURCE_VECTOR_POLYGON]
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.OUTFLOW, tr("Outflow patches"), polygons, optional=True)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.INFLOW, tr("Inflow patches"), polygons, optional=True)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, tr("Outflow and inflow patches in one layer"), polygons, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.DIRECTION_FIELD, tr("Direction field (流出/流入)"), None, self.INPUT, optional=True
            )
        )
        rules = BalanceRules()
        self.addParameter(
            QgsProcessingParameterNumber(
                self.BASELINE_TOLERANCE,
                tr("Cultivated share that counts as cultivated in the baseline (%)"),
                NUMBER_DOUBLE,
                rules.baseline_cultivated_pct,
                minValue=0,
                maxValue=100,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MIN_INFLOW_MU,
                tr("Minimum inflow patch (mu)"),
                NUMBER_DOUBLE,
                rules.min_inflow_mu,
                minValue=0,
            )
        )
        for name, label in field_parameter_labels().items():
            parameter = QgsProcessingParameterString(name, label, "", optional=True)
            parameter.setFlags(parameter.flags() | PARAMETER_ADVANCED)
            self.addParameter(parameter)
        add_protected_parameters(self)
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Checked patches")))
        self.addParameter(QgsProcessingParameterFeatureSink(self.SUMMARY, tr("Balance ledger"), SOURCE_VECTOR))
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OVERLAPS, tr("Conflict pieces"), SOURCE_VECTOR_POLYGON)
        )

    def checkParameterValues(self, parameters, context):  # noqa: N802 - QGIS API
        """Refuse to start without patches, before anything runs (and say so in the dialog)."""
        given = [name for name in (self.OUTFLOW, self.INFLOW, self.INPUT) if parameters.get(name)]
        if not given:
            return False, tr("Give an outflow layer, an inflow layer, or one layer with a direction field.")
        return super().checkParameterValues(parameters, context)

    def _sets(self, parameters, context):
        given = {field: self.parameterAsString(parameters, name, context) for name, field in FIELD_PARAMETERS.items()}
        sets = []
        for name, direction in ((self.OUTFLOW, OUT), (self.INFLOW, IN)):
            source = self.parameterAsSource(parameters, name, context)
            if source is not None:
                sets.append(PatchSet(source, detect_fields(source, given), direction))
        mixed = self.parameterAsSource(parameters, self.INPUT, context)
        if mixed is not None:
            direction_field = self.parameterAsString(parameters, self.DIRECTION_FIELD, context)
            fields = detect_fields(mixed, dict(given, direction=direction_field))
            if not fields.direction:
                raise QgsProcessingException(
                    tr("Layer “{}” needs a direction field (流出/流入) to tell outflow from inflow.").format(
                        mixed.sourceName()
                    )
                )
            sets.append(PatchSet(mixed, fields))
        if not sets:
            raise QgsProcessingException(
                tr("Give an outflow layer, an inflow layer, or one layer with a direction field.")
            )
        return sets

    def processAlgorithm(self, parameters, context, feedback):
        sets = self._sets(parameters, context)
        specs, _others = read_role_specs(self, parameters, context)
        rules = BalanceRules(
            baseline_cultivated_pct=self.parameterAsDouble(parameters, self.BASELINE_TOLERANCE, context),
            min_inflow_mu=self.parameterAsDouble(parameters, self.MIN_INFLOW_MU, context),
        )
        report = run_core(
            lambda: check_balance(
                sets,
                specs,
                context.transformContext(),
                rules,
                read_area_mode(self, parameters, context),
                read_cultivated_codes(self, parameters, context),
                feedback,
            )
        )
        if report is None:
            return {}
        for overlay in report.overlays:
            report_issues(overlay, feedback)
        crs = report.overlays[0].working_crs
        fields = as_fields(PATCH_COLUMNS)
        sink, output_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WKB_MULTIPOLYGON, crs)
        for patch in report.patches:
            feature = QgsFeature(fields)
            geometry = patch.overlap.geometry
            geometry.convertToMultiType()
            feature.setGeometry(geometry)
            feature.setAttributes(patch_values(patch))
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        summary_fields = as_fields(SUMMARY_COLUMNS)
        summary_sink, summary_id = self.parameterAsSink(
            parameters, self.SUMMARY, context, summary_fields, WKB_NO_GEOMETRY
        )
        for row in report.rows:
            feature = QgsFeature(summary_fields)
            feature.setAttributes(summary_values(row))
            summary_sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        pieces_sink, pieces_id = self.parameterAsSink(
            parameters, self.OVERLAPS, context, pieces_fields(), WKB_MULTIPOLYGON, crs
        )
        for overlay in report.overlays:
            write_pieces(pieces_sink, overlay, lambda piece: piece.role in ("pbf", "erl"))
        return {self.OUTPUT: output_id, self.SUMMARY: summary_id, self.OVERLAPS: pieces_id}
