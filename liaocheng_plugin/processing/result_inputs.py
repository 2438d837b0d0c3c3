"""The result layer the export algorithms (sheets, field packs) take: a check's OUTPUT, all of it or its selection."""

from typing import List, Optional, Tuple

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingParameterFeatureSource,
    QgsProcessingUtils,
    QgsVectorLayer,
)

from liaocheng_plugin.core.compat import SOURCE_VECTOR_LINE, SOURCE_VECTOR_POLYGON
from liaocheng_plugin.core.exceptions import LiaochengError
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.sheet_subjects import require_check_result


def result_layer_parameter(name: str) -> QgsProcessingParameterFeatureSource:
    """A check's result layer (polygons or route lines); the dialog offers "Selected features only"."""
    return QgsProcessingParameterFeatureSource(
        name, tr("Result layer of a check"), [SOURCE_VECTOR_POLYGON, SOURCE_VECTOR_LINE]
    )


def read_result_layer(
    algorithm: QgsProcessingAlgorithm, parameters: dict, name: str, context: QgsProcessingContext
) -> Tuple[QgsVectorLayer, Optional[List[int]]]:
    """The result layer and the ids of its chosen subjects: its selection when "Selected features only" is ticked,
    None (every subject) otherwise. A layer no check wrote, or an empty selection, is refused with a message."""
    value = parameters.get(name)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):  # QGIS 3.22 does not unwrap it into a layer
        source, _ = value.source.valueAsString(context.expressionContext(), "")
        found = QgsProcessingUtils.mapLayerFromString(source, context)
        layer = found if isinstance(found, QgsVectorLayer) else None
    else:
        layer = algorithm.parameterAsVectorLayer(parameters, name, context)
    if layer is None:
        raise QgsProcessingException(algorithm.invalidSourceError(parameters, name))
    try:
        require_check_result(layer)
    except LiaochengError as error:
        raise QgsProcessingException(str(error)) from error
    if not (isinstance(value, QgsProcessingFeatureSourceDefinition) and value.selectedFeaturesOnly):
        return layer, None
    chosen = layer.selectedFeatureIds()
    if not chosen:
        raise QgsProcessingException(
            tr("“Selected features only” is ticked but no feature of “{}” is selected.").format(layer.name())
        )
    return layer, sorted(chosen)
