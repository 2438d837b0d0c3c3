"""liaocheng:reserve_check — 储备土地核查: reserve parcels against protected layers, ledger and grids."""

from datetime import date

from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from liaocheng_plugin.core.compat import (
    GEOMETRY_POLYGON,
    NUMBER_DOUBLE,
    NUMBER_INTEGER,
    PARAMETER_ADVANCED,
    SOURCE_VECTOR,
    SOURCE_VECTOR_POLYGON,
    WKB_MULTIPOLYGON,
    WKB_NO_GEOMETRY,
)
from liaocheng_plugin.core.engine import RoleSpec, iterate_features
from liaocheng_plugin.core.export import as_fields
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.ledger_fields import LedgerFields
from liaocheng_plugin.core.reserve import ReserveRules, check_reserve_parcels, is_conflict_piece, summarize
from liaocheng_plugin.core.reserve_table import RESULT_COLUMNS, SUMMARY_COLUMNS, result_values
from liaocheng_plugin.core.role_guess import guess_name_field
from liaocheng_plugin.processing.check_algorithm import CheckAlgorithm, run_core
from liaocheng_plugin.processing.data_inputs import add_data_check_output, inspect_inputs
from liaocheng_plugin.processing.output_layers import describe_outputs, reserve_outputs
from liaocheng_plugin.processing.outputs import (
    Sinks,
    optional_sink,
    pieces_fields,
    report_measurement,
    subject_fields,
    warn_renamed,
    write_piece,
    write_pieces,
)
from liaocheng_plugin.processing.protected_parameters import (
    add_protected_parameters,
    protected_help,
    read_area_mode,
    read_cultivated_codes,
    read_role_specs,
    whole_layer,
)

# Ledger field parameters and the ledger attribute each maps.
LEDGER_PARAMETERS = {
    "CODE_FIELD": "code",
    "NAME_FIELD": "name",
    "RECORDED_AREA_FIELD": "recorded_mu",
    "REGISTRATION_FIELD": "registration",
    "CERTIFICATE_FIELD": "certificate",
    "FENCE_FIELD": "fence",
    "DUST_NET_FIELD": "dust_net",
    "INSPECTION_DATE_FIELD": "last_inspection",
}


def ledger_parameter_labels():
    """The ledger field parameter descriptions, translated (literal strings for pylupdate)."""
    return {
        "CODE_FIELD": tr("Parcel code field"),
        "NAME_FIELD": tr("Parcel name field"),
        "RECORDED_AREA_FIELD": tr("Recorded area field (mu)"),
        "REGISTRATION_FIELD": tr("Registration state field"),
        "CERTIFICATE_FIELD": tr("Certificate number field"),
        "FENCE_FIELD": tr("Fence state field"),
        "DUST_NET_FIELD": tr("Dust net state field"),
        "INSPECTION_DATE_FIELD": tr("Last inspection date field"),
    }


class ReserveCheckAlgorithm(CheckAlgorithm):
    """Check reserve parcels: farmland, red line, boundary, cultivated land, ledger, grid, inspection."""

    NEEDS_PROTECTED_LAYERS = True

    INPUT = "INPUT"
    GRID = "GRID"
    GRID_NAME_FIELD = "GRID_NAME_FIELD"
    TOWNSHIP = "TOWNSHIP"
    TOWNSHIP_NAME_FIELD = "TOWNSHIP_NAME_FIELD"
    OUTSIDE_TOLERANCE = "OUTSIDE_TOLERANCE"
    AREA_TOLERANCE_PCT = "AREA_TOLERANCE_PCT"
    AREA_TOLERANCE_MU = "AREA_TOLERANCE_MU"
    INSPECTION_DAYS = "INSPECTION_DAYS"
    REFERENCE_DATE = "REFERENCE_DATE"
    OUTPUT = "OUTPUT"
    SUMMARY = "SUMMARY"
    OVERLAPS = "OVERLAPS"

    def name(self) -> str:
        return "reserve_check"

    def displayName(self) -> str:
        return tr("Land-reserve parcel check")

    def shortHelpString(self) -> str:
        text = tr(
            "Checks each land-reserve parcel: on permanent basic farmland or in the ecological red line (fail), "
            "outside the urban development boundary beyond a tolerance, on cultivated land, recorded area differing "
            "from the mapped area, not registered, inspection overdue, bare land without fence or dust net (warn), "
            "and parcels overlapping each other (fail). Assigns each parcel the grid cell and township holding most "
            "of it. Ledger fields are found automatically when not given."
        )
        return f"{text} {protected_help()}"

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFeatureSource(self.INPUT, tr("Reserve parcels"), [SOURCE_VECTOR_POLYGON])
        )
        for layer, field_name, label in (
            (self.GRID, self.GRID_NAME_FIELD, tr("Inspection grid")),
            (self.TOWNSHIP, self.TOWNSHIP_NAME_FIELD, tr("Townships")),
        ):
            self.addParameter(QgsProcessingParameterFeatureSource(layer, label, [SOURCE_VECTOR_POLYGON], optional=True))
            self.addParameter(
                QgsProcessingParameterField(
                    field_name, tr("Name field of {}").format(label), None, layer, optional=True
                )
            )
        labels = ledger_parameter_labels()
        for parameter_name in LEDGER_PARAMETERS:
            parameter = QgsProcessingParameterField(
                parameter_name, labels[parameter_name], None, self.INPUT, optional=True
            )
            parameter.setFlags(parameter.flags() | PARAMETER_ADVANCED)
            self.addParameter(parameter)
        rules = ReserveRules()
        for name, label, kind, default in (
            (
                self.OUTSIDE_TOLERANCE,
                tr("Tolerated share outside the boundary (%)"),
                NUMBER_DOUBLE,
                rules.outside_boundary_pct,
            ),
            (
                self.AREA_TOLERANCE_PCT,
                tr("Area tolerance (%)"),
                NUMBER_DOUBLE,
                rules.area_tolerance_pct,
            ),
            (
                self.AREA_TOLERANCE_MU,
                tr("Area tolerance (mu)"),
                NUMBER_DOUBLE,
                rules.area_tolerance_mu,
            ),
            (
                self.INSPECTION_DAYS,
                tr("Inspection interval (days)"),
                NUMBER_INTEGER,
                rules.inspection_days,
            ),
        ):
            self.addParameter(QgsProcessingParameterNumber(name, label, kind, default, minValue=0))
        reference = QgsProcessingParameterString(
            self.REFERENCE_DATE, tr("Check date (YYYY-MM-DD; today when empty)"), "", optional=True
        )
        reference.setFlags(reference.flags() | PARAMETER_ADVANCED)
        self.addParameter(reference)
        add_protected_parameters(self)
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Checked reserve parcels")))
        self.addParameter(optional_sink(self.SUMMARY, tr("Reserve summary"), SOURCE_VECTOR))
        self.addParameter(optional_sink(self.OVERLAPS, tr("Conflict pieces"), SOURCE_VECTOR_POLYGON))
        add_data_check_output(self)

    def _zone(self, parameters, context, layer_name: str, field_name: str):
        source = self.parameterAsSource(parameters, layer_name, context)
        if source is None:
            return None
        label = self.parameterAsString(parameters, field_name, context) or guess_name_field(source.fields())
        return RoleSpec(
            layer_name.lower(), source, label_field=label, layer=whole_layer(self, parameters, layer_name, context)
        )

    def _rules(self, parameters, context) -> ReserveRules:
        text = self.parameterAsString(parameters, self.REFERENCE_DATE, context).strip()
        try:
            reference = date.fromisoformat(text) if text else date.today()
        except ValueError as error:
            raise QgsProcessingException(tr("Check date “{}” is not a date like 2024-06-30.").format(text)) from error
        return ReserveRules(
            outside_boundary_pct=self.parameterAsDouble(parameters, self.OUTSIDE_TOLERANCE, context),
            area_tolerance_pct=self.parameterAsDouble(parameters, self.AREA_TOLERANCE_PCT, context),
            area_tolerance_mu=self.parameterAsDouble(parameters, self.AREA_TOLERANCE_MU, context),
            inspection_days=self.parameterAsInt(parameters, self.INSPECTION_DAYS, context),
            reference_date=reference,
        )

    def processAlgorithm(self, parameters, context, feedback):
        subjects = {self.INPUT: (GEOMETRY_POLYGON,)}
        inspected = inspect_inputs(self, parameters, context, feedback, subjects, (self.GRID, self.TOWNSHIP))
        parameters = inspected.parameters
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        given = {attr: self.parameterAsString(parameters, name, context) for name, attr in LEDGER_PARAMETERS.items()}
        ledger = LedgerFields.detect(source.fields(), **given)
        specs, _others = read_role_specs(self, parameters, context)
        area_mode = read_area_mode(self, parameters, context)
        codes = read_cultivated_codes(self, parameters, context)
        grid = self._zone(parameters, context, self.GRID, self.GRID_NAME_FIELD)
        township = self._zone(parameters, context, self.TOWNSHIP, self.TOWNSHIP_NAME_FIELD)
        zones = [zone for zone in (grid, township) if zone is not None]
        report = run_core(
            lambda: check_reserve_parcels(
                source,
                specs,
                context.transformContext(),
                ledger,
                self._rules(parameters, context),
                grid,
                township,
                area_mode,
                codes,
                feedback,
                inspected.inspector(list(specs) + zones, codes, context),
            )
        )
        if report is None:
            return {}
        inspected.add(report.overlay.issues, feedback)
        report_measurement(report.overlay, feedback)
        sinks = Sinks(self, parameters, context)
        fields, renamed = subject_fields(source.fields(), inspected.output_fields(as_fields(RESULT_COLUMNS)))
        warn_renamed(renamed, source.sourceName(), feedback)
        sink = sinks.create(self.OUTPUT, fields, source.wkbType(), source.sourceCrs())
        parcels = {parcel.subject_id: parcel for parcel in report.parcels}
        for feature in iterate_features(source, QgsFeatureRequest()):
            parcel = parcels.get(feature.id())
            output = QgsFeature(fields)
            output.setGeometry(feature.geometry())
            values = result_values(parcel) if parcel else [None] * len(RESULT_COLUMNS)
            warnings = inspected.warnings_text(source.sourceName(), feature.id(), parcel.overlap if parcel else None)
            output.setAttributes(feature.attributes() + values + [warnings])
            sink.addFeature(output, QgsFeatureSink.Flag.FastInsert)
        summary_fields = as_fields(SUMMARY_COLUMNS)
        summary_sink = sinks.create(self.SUMMARY, summary_fields, WKB_NO_GEOMETRY)
        for row in summarize(report.parcels) if summary_sink is not None else []:
            feature = QgsFeature(summary_fields)
            feature.setAttributes([row[name] for name, _ in SUMMARY_COLUMNS])
            summary_sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        pieces_sink = sinks.create(self.OVERLAPS, pieces_fields(), WKB_MULTIPOLYGON, report.overlay.working_crs)
        write_pieces(pieces_sink, report.overlay.subjects, lambda piece: is_conflict_piece(piece, codes))
        piece_fields = pieces_fields()
        for parcel in report.parcels if pieces_sink is not None else []:
            for piece in [parcel.outside_piece, *parcel.overlap_pieces]:
                if piece is not None:
                    write_piece(pieces_sink, piece_fields, parcel.subject_id, piece)
        results = {**sinks.results, **inspected.write_table(self, parameters, context)}
        describe_outputs(results, context, reserve_outputs())
        return results
