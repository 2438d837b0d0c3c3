"""liaocheng:export_field_pack — 外业核查包: subjects, conflicts and clipped protected layers to take offline."""

from pathlib import Path

from qgis.core import (
    QgsProcessingParameterDistance,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)

from liaocheng_plugin.core.compat import SOURCE_VECTOR_POLYGON
from liaocheng_plugin.core.field_pack import DEFAULT_MARGIN_M, export_field_pack
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.sheets import layer_sets, overview_layers
from liaocheng_plugin.processing.check_algorithm import CheckAlgorithm, run_core
from liaocheng_plugin.processing.result_inputs import read_result_layer, result_layer_parameter


class ExportFieldPackAlgorithm(CheckAlgorithm):
    """Write a field pack for the (selected) subjects of a check's result layer."""

    INPUT = "INPUT"
    CONFLICTS = "CONFLICTS"
    MARGIN = "MARGIN"
    TITLE = "TITLE"
    OUTPUT = "OUTPUT"

    def name(self) -> str:
        return "export_field_pack"

    def displayName(self) -> str:
        return tr("Export field pack")

    def shortHelpString(self) -> str:
        return tr(
            "Writes a folder for field teams from a check's result layer: a GeoPackage with the subjects (all of "
            "them, or the selected ones with “Selected features only”), their conflict pieces and the protected "
            "layers of the project's profile clipped to the margin around them, with their styles; a QGIS project "
            "that opens it offline (also in QField); and an atlas PDF giving each subject's centre in WGS 84 and "
            "Gauss-Krüger coordinates with an empty field-notes form, its overview map showing the project's "
            "county boundaries."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(result_layer_parameter(self.INPUT))
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                self.CONFLICTS, tr("Conflict pieces (optional)"), [SOURCE_VECTOR_POLYGON], optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterDistance(
                self.MARGIN, tr("Margin around the subjects"), DEFAULT_MARGIN_M, self.INPUT, minValue=0.0
            )
        )
        self.addParameter(
            QgsProcessingParameterString(self.TITLE, tr("Title (empty: named after the check)"), "", optional=True)
        )
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT, tr("Field pack folder")))

    def flags(self):
        # The atlas renders the project's layers: main thread, as QGIS's own layout exports.
        return super().flags() | CheckAlgorithm.FlagNoThreading

    def processAlgorithm(self, parameters, context, feedback):
        layer, chosen = read_result_layer(self, parameters, self.INPUT, context)
        folder = Path(self.parameterAsString(parameters, self.OUTPUT, context))
        project = context.project()
        pack = run_core(
            lambda: export_field_pack(
                layer,
                layer_sets(project) if project is not None else [],
                folder,
                self.parameterAsString(parameters, self.TITLE, context),
                chosen,
                self.parameterAsVectorLayer(parameters, self.CONFLICTS, context),
                self.parameterAsDouble(parameters, self.MARGIN, context),
                feedback=feedback,
                overview=overview_layers(project) if project is not None else [],
            )
        )
        if pack is None:
            return {}
        feedback.pushInfo(
            tr("Field pack written: {}, {}, {} ({} pages)").format(pack.project, pack.gpkg, pack.atlas, pack.pages)
        )
        return {self.OUTPUT: str(folder)}
