"""liaocheng:site_check — 项目选址: sites and route corridors, chainage of crossings, clear parts, ranking."""

from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingParameterDistance,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsWkbTypes,
)

from liaocheng_plugin.core.compat import (
    GEOMETRY_LINE,
    GEOMETRY_POLYGON,
    SOURCE_VECTOR_LINE,
    SOURCE_VECTOR_POLYGON,
    WKB_MULTIPOLYGON,
)
from liaocheng_plugin.core.engine import iterate_features
from liaocheng_plugin.core.export import as_fields
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.reserve import is_conflict_piece
from liaocheng_plugin.core.role_guess import find_field
from liaocheng_plugin.core.siting import DEFAULT_ROUTE_WIDTH_M, DEFAULT_VILLAGE_DISTANCE_M, check_sites
from liaocheng_plugin.core.siting_table import (
    CLEAR_COLUMNS,
    CROSSING_COLUMNS,
    SITE_COLUMNS,
    clear_values,
    crossing_values,
    site_values,
)
from liaocheng_plugin.processing.check_algorithm import CheckAlgorithm, run_core
from liaocheng_plugin.processing.data_inputs import add_data_check_output, inspect_inputs
from liaocheng_plugin.processing.output_layers import describe_outputs, site_outputs
from liaocheng_plugin.processing.outputs import (
    Sinks,
    optional_sink,
    pieces_fields,
    subject_fields,
    warn_renamed,
    write_pieces,
)
from liaocheng_plugin.processing.protected_parameters import (
    add_protected_parameters,
    protected_help,
    read_area_mode,
    read_cultivated_codes,
    read_role_specs,
)

NAME_CANDIDATES = ("FAMC", "XMMC", "NAME", "MC", "方案名称", "方案")


class SiteCheckAlgorithm(CheckAlgorithm):
    """Check site polygons or route lines against the protected layers and rank the alternatives."""

    INPUT = "INPUT"
    NAME_FIELD = "NAME_FIELD"
    WIDTH = "WIDTH"
    VILLAGE_DISTANCE = "VILLAGE_DISTANCE"
    OUTPUT = "OUTPUT"
    CROSSINGS = "CROSSINGS"
    CLEAR = "CLEAR"
    OVERLAPS = "OVERLAPS"
    NEEDS_PROTECTED_LAYERS = True

    def name(self) -> str:
        return "site_check"

    def displayName(self) -> str:
        return tr("Project site selection check")

    def shortHelpString(self) -> str:
        text = tr(
            "Checks project sites (polygons) or routes (lines, as corridors of the route corridor width) against "
            "permanent basic farmland, the ecological red line, cultivated land, the urban development boundary "
            "(outside it a project is separately sited), villages inside and within the village distance, and "
            "gives for routes the chainage intervals (K12+300–K12+480) crossing farmland or red line with their "
            "length and area (output “Route crossings (chainage)”), the clear part of each site (“Clear parts”), "
            "its conflict pieces (“Conflict pieces”), a score (mu of farmland + red line) and the rank of each "
            "alternative."
        )
        return f"{text} {protected_help()}"

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, tr("Sites or routes"), [SOURCE_VECTOR_POLYGON, SOURCE_VECTOR_LINE]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(self.NAME_FIELD, tr("Alternative name field"), None, self.INPUT, optional=True)
        )
        self.addParameter(
            QgsProcessingParameterDistance(
                self.WIDTH, tr("Route corridor width"), DEFAULT_ROUTE_WIDTH_M, self.INPUT, minValue=0.0
            )
        )
        self.addParameter(
            QgsProcessingParameterDistance(
                self.VILLAGE_DISTANCE, tr("Village distance"), DEFAULT_VILLAGE_DISTANCE_M, self.INPUT, minValue=0.0
            )
        )
        add_protected_parameters(self)
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Checked sites")))
        self.addParameter(optional_sink(self.CROSSINGS, tr("Route crossings (chainage)"), SOURCE_VECTOR_POLYGON))
        self.addParameter(optional_sink(self.CLEAR, tr("Clear parts"), SOURCE_VECTOR_POLYGON))
        self.addParameter(optional_sink(self.OVERLAPS, tr("Conflict pieces"), SOURCE_VECTOR_POLYGON))
        add_data_check_output(self)

    def processAlgorithm(self, parameters, context, feedback):
        subjects = {self.INPUT: (GEOMETRY_POLYGON, GEOMETRY_LINE)}
        inspected = inspect_inputs(self, parameters, context, feedback, subjects)
        parameters = inspected.parameters
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context) or find_field(
            source.fields(), NAME_CANDIDATES
        )
        specs, _others = read_role_specs(self, parameters, context)
        codes = read_cultivated_codes(self, parameters, context)
        report = run_core(
            lambda: check_sites(
                source,
                specs,
                context.transformContext(),
                name_field,
                self.parameterAsDouble(parameters, self.WIDTH, context),
                self.parameterAsDouble(parameters, self.VILLAGE_DISTANCE, context),
                read_area_mode(self, parameters, context),
                codes,
                feedback,
                inspect=inspected.inspector(specs, codes, context),
            )
        )
        if report is None:
            return {}
        inspected.add(report.issues, feedback)
        feedback.pushInfo(report.engine_note)
        sinks = Sinks(self, parameters, context)
        fields, renamed = subject_fields(source.fields(), inspected.output_fields(as_fields(SITE_COLUMNS)))
        warn_renamed(renamed, source.sourceName(), feedback)
        sink = sinks.create(self.OUTPUT, fields, source.wkbType(), source.sourceCrs())
        sites = {site.subject_id: site for site in report.sites}
        for feature in iterate_features(source, QgsFeatureRequest()):
            site = sites.get(feature.id())
            output = QgsFeature(fields)
            output.setGeometry(feature.geometry())
            values = site_values(site) if site else [None] * len(SITE_COLUMNS)
            warnings = inspected.warnings_text(source.sourceName(), feature.id(), site.overlap if site else None)
            output.setAttributes(feature.attributes() + values + [warnings])
            sink.addFeature(output, QgsFeatureSink.Flag.FastInsert)
        crs = report.working_crs
        crossing_fields, clear_fields = as_fields(CROSSING_COLUMNS), as_fields(CLEAR_COLUMNS)
        crossings_sink = sinks.create(self.CROSSINGS, crossing_fields, WKB_MULTIPOLYGON, crs)
        clear_sink = sinks.create(self.CLEAR, clear_fields, WKB_MULTIPOLYGON, crs)
        for site in report.sites:
            for crossing in site.crossings if crossings_sink is not None else []:
                crossings_sink.addFeature(
                    polygon_row(crossing_fields, crossing.geometry, crossing_values(site, crossing)),
                    QgsFeatureSink.Flag.FastInsert,
                )
            if clear_sink is not None and not site.clear.isEmpty():
                clear_sink.addFeature(
                    polygon_row(clear_fields, site.clear, clear_values(site)), QgsFeatureSink.Flag.FastInsert
                )
        write_pieces(
            sinks.create(self.OVERLAPS, pieces_fields(), WKB_MULTIPOLYGON, crs),
            [site.overlap for site in report.sites],
            lambda piece: is_conflict_piece(piece, codes),
        )
        results = {**sinks.results, **inspected.write_table(self, parameters, context)}
        routes = QgsWkbTypes.geometryType(source.wkbType()) == GEOMETRY_LINE
        describe_outputs(results, context, site_outputs(routes))
        return results


def polygon_row(fields, geometry: QgsGeometry, values) -> QgsFeature:
    """A feature of a multipolygon output."""
    row = QgsFeature(fields)
    multi = QgsGeometry(geometry)
    multi.convertToMultiType()
    row.setGeometry(multi)
    row.setAttributes(values)
    return row
