"""The protected-layer parameters every check algorithm takes, under the same names."""

from typing import Dict, List, Tuple

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
    QgsVectorLayer,
)

from liaocheng_plugin.core.compat import PARAMETER_ADVANCED, SOURCE_VECTOR_POINT, SOURCE_VECTOR_POLYGON
from liaocheng_plugin.core.definitions import (
    CULTIVATED_CODES_PARAMETER,
    DEDUCTION_FIELD_PARAMETER,
    DEFAULT_CULTIVATED_CODES,
    LAND_CODE_FIELD_PARAMETER,
    OTHER_LAYERS_PARAMETER,
    ROLE_PARAMETERS,
    VILLAGE_NAME_FIELD_PARAMETER,
    AreaMode,
    Role,
)
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.protected_index import RoleSpec
from liaocheng_plugin.core.role_guess import (
    guess_deduction_field,
    guess_label_field,
    guess_land_code_field,
    guess_name_field,
)

AREA_MODE = "AREA_MODE"


def role_parameter_labels() -> Dict[Role, str]:
    """Parameter descriptions of the role layers, translated."""
    return {
        Role.PERMANENT_FARMLAND: tr("Permanent basic farmland (永久基本农田)"),
        Role.ECOLOGICAL_REDLINE: tr("Ecological red line (生态保护红线)"),
        Role.DEVELOPMENT_BOUNDARY: tr("Urban development boundary (城镇开发边界)"),
        Role.LAND_SURVEY: tr("Land-use survey patches (三调 DLTB)"),
        Role.VILLAGES: tr("Villages"),
        Role.MINERALS: tr("Mineral resources"),
    }


def add_protected_parameters(algorithm: QgsProcessingAlgorithm) -> None:
    """Add the optional role layers, their fields, further overlays and the area mode."""
    for role, label in role_parameter_labels().items():
        types = [SOURCE_VECTOR_POLYGON]
        if role == Role.VILLAGES:
            types.append(SOURCE_VECTOR_POINT)
        algorithm.addParameter(QgsProcessingParameterFeatureSource(ROLE_PARAMETERS[role], label, types, optional=True))
        if role == Role.LAND_SURVEY:
            algorithm.addParameter(
                QgsProcessingParameterField(
                    LAND_CODE_FIELD_PARAMETER, tr("Land-use code field"), "DLBM", ROLE_PARAMETERS[role], optional=True
                )
            )
    advanced = [
        QgsProcessingParameterField(
            DEDUCTION_FIELD_PARAMETER,
            tr("Field-ridge deduction coefficient field (KCXS; found automatically when empty)"),
            None,
            ROLE_PARAMETERS[Role.LAND_SURVEY],
            optional=True,
        ),
        QgsProcessingParameterString(
            CULTIVATED_CODES_PARAMETER,
            tr("Cultivated land codes (comma separated)"),
            ",".join(DEFAULT_CULTIVATED_CODES),
        ),
        QgsProcessingParameterField(
            VILLAGE_NAME_FIELD_PARAMETER,
            tr("Village name field (found automatically when empty)"),
            None,
            ROLE_PARAMETERS[Role.VILLAGES],
            optional=True,
        ),
    ]
    for parameter in advanced:
        parameter.setFlags(parameter.flags() | PARAMETER_ADVANCED)
        algorithm.addParameter(parameter)
    algorithm.addParameter(
        QgsProcessingParameterMultipleLayers(
            OTHER_LAYERS_PARAMETER, tr("Further overlay layers"), SOURCE_VECTOR_POLYGON, optional=True
        )
    )
    algorithm.addParameter(
        QgsProcessingParameterEnum(
            AREA_MODE,
            tr("Area measurement"),
            [tr("Ellipsoidal (CGCS2000, as official survey areas)"), tr("Planar (working CRS)")],
            defaultValue=AreaMode.ELLIPSOIDAL.value,
        )
    )


def read_role_specs(
    algorithm: QgsProcessingAlgorithm, parameters: dict, context: QgsProcessingContext
) -> Tuple[List[RoleSpec], Dict[str, str]]:
    """Role specs for the given protected layers, and the display names of further overlays."""
    specs: List[RoleSpec] = []
    for role in role_parameter_labels():
        source = algorithm.parameterAsSource(parameters, ROLE_PARAMETERS[role], context)
        if source is None:
            continue
        fields = source.fields()
        if role == Role.LAND_SURVEY:
            code_field = algorithm.parameterAsString(
                parameters, LAND_CODE_FIELD_PARAMETER, context
            ) or guess_land_code_field(fields)
            if not code_field or fields.lookupField(code_field) < 0:
                raise QgsProcessingException(
                    tr("Layer “{}” has no land-use code field “{}”.").format(source.sourceName(), code_field or "DLBM")
                )
            deduction = algorithm.parameterAsString(
                parameters, DEDUCTION_FIELD_PARAMETER, context
            ) or guess_deduction_field(fields)
            specs.append(RoleSpec(role.value, source, code_field=code_field, deduction_field=deduction, coverage=True))
        elif role == Role.VILLAGES:
            name_field = algorithm.parameterAsString(
                parameters, VILLAGE_NAME_FIELD_PARAMETER, context
            ) or guess_name_field(fields)
            specs.append(RoleSpec(role.value, source, label_field=name_field))
        else:
            specs.append(RoleSpec(role.value, source, label_field=guess_label_field(fields)))
    other_names: Dict[str, str] = {}
    for position, layer in enumerate(algorithm.parameterAsLayerList(parameters, OTHER_LAYERS_PARAMETER, context)):
        if not isinstance(layer, QgsVectorLayer):
            continue
        key = f"other{position + 1}"
        other_names[key] = layer.name()
        source = QgsProcessingFeatureSource(layer, context)
        specs.append(RoleSpec(key, source, label_field=guess_label_field(layer.fields()), name=layer.name()))
    return specs, other_names


def read_cultivated_codes(
    algorithm: QgsProcessingAlgorithm, parameters: dict, context: QgsProcessingContext
) -> List[str]:
    """The cultivated codes parameter as a list of stripped codes."""
    text = algorithm.parameterAsString(parameters, CULTIVATED_CODES_PARAMETER, context)
    codes = [code.strip() for code in text.replace("，", ",").split(",") if code.strip()]
    return codes or list(DEFAULT_CULTIVATED_CODES)


def read_area_mode(algorithm: QgsProcessingAlgorithm, parameters: dict, context: QgsProcessingContext) -> AreaMode:
    """The chosen area measurement."""
    return AreaMode(algorithm.parameterAsEnum(parameters, AREA_MODE, context))
