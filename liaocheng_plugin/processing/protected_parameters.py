"""The protected-layer parameters every check algorithm takes, under the same names.

In the Processing dialog they open filled from the project's protected-layer profile (保护图层配置); a
run from a script or model uses exactly the layers it is given, and one with none at all is refused.
"""

from typing import Dict, List, Mapping, Optional, Tuple

from qgis.core import (
    QgsMapLayer,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
    QgsProject,
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
from liaocheng_plugin.core.engine import RoleSpec
from liaocheng_plugin.core.exceptions import LiaochengError
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.log import logger
from liaocheng_plugin.core.profile import ProtectedProfile, missing_layers_message
from liaocheng_plugin.core.role_guess import (
    guess_deduction_field,
    guess_label_field,
    guess_land_code_field,
    guess_name_field,
    recorded_area_columns,
)
from liaocheng_plugin.processing.data_inputs import add_frame_parameter

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


def profile_defaults(project: QgsProject) -> Dict[str, object]:
    """The protected-layer parameters from the project's saved profile, layers by id; empty when there is none."""
    try:
        parameters = ProtectedProfile.load(project).processing_parameters(project)
    except LiaochengError as error:
        logger.warning(tr("The project's protected-layer profile cannot be read: {}").format(error))
        return {}
    ids = {key: value.id() if isinstance(value, QgsVectorLayer) else value for key, value in parameters.items()}
    if OTHER_LAYERS_PARAMETER in ids:
        ids[OTHER_LAYERS_PARAMETER] = [layer.id() for layer in parameters[OTHER_LAYERS_PARAMETER]]
    return ids


def protected_parameter_names() -> List[str]:
    """Names of the parameters that give protected layers."""
    return [ROLE_PARAMETERS[role] for role in role_parameter_labels()] + [OTHER_LAYERS_PARAMETER]


def has_protected_layer(parameters: Mapping[str, object]) -> bool:
    """Whether any protected layer is given (a value that is not None, empty or an empty list)."""
    return any(parameters.get(name) not in (None, "", []) for name in protected_parameter_names())


def no_protected_layer_message() -> str:
    """Why a check without protected layers is refused, and what to do."""
    return tr(
        "No protected layer is given: a check against nothing would report no conflict. Give at least one "
        "(permanent basic farmland, ecological red line, development boundary, land-use survey, villages, "
        "mineral resources or further layers), or save the project's protected-layer profile (保护图层配置) "
        "and open this dialog again: it then starts from the profile."
    )


def layer_ids(value) -> Tuple[str, ...]:
    """The layer ids (or sources) a parameter value names: a layer, an id, a feature source definition or a list."""
    if value in (None, ""):
        return ()
    if isinstance(value, (list, tuple)):
        return tuple(name for item in value for name in layer_ids(item))
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        return (value.source.staticValue(),)
    if isinstance(value, QgsMapLayer):
        return (value.id(),)
    return (str(value),)


def profile_gap_refusal(parameters: Mapping[str, object], project: QgsProject) -> str:
    """Why a run that kept the dialog's start from the profile is refused while the profile names layers no longer
    in the project ("" to run).

    The Processing dialog opens with the profile's protected layers (``profile_defaults``); one that left the
    project is simply empty there, and the check would report no conflict with it. A run that gives every
    missing role's parameter, empty (the dialog gives every parameter), and otherwise exactly the profile's
    layers is refused with the missing roles and layers named. A user who chooses the layer, or a script that
    leaves the parameter out or gives other layers, runs.
    """
    try:
        profile = ProtectedProfile.load(project)
    except LiaochengError:
        return ""
    missing = profile.missing_layers(project)
    if not missing:
        return ""
    gaps = [ROLE_PARAMETERS[role] for role, assignment in profile.roles.items() if not assignment.find_layer(project)]
    if any(assignment.find_layer(project) is None for assignment in profile.others):
        gaps.append(OTHER_LAYERS_PARAMETER)
    defaults = profile_defaults(project)
    if any(name not in parameters for name in gaps) or any(
        layer_ids(parameters.get(name)) != layer_ids(defaults.get(name)) for name in protected_parameter_names()
    ):
        return ""
    return missing_layers_message(
        missing, tr("Choose the layer in this dialog, or change the protected-layer profile (保护图层配置).")
    )


def protected_help() -> str:
    """The sentence every check's help adds about its protected layers and outputs."""
    return tr(
        "The protected layers start from the project's protected-layer profile (保护图层配置); at least one is "
        "needed. The checked layer keeps every field of the input and adds the check's own; the further outputs "
        "are optional."
    )


def add_protected_parameters(algorithm: QgsProcessingAlgorithm) -> None:
    """Add the optional role layers, their fields, further overlays and the area mode.

    The dialog starts from the project's profile (GUI defaults only: a script's run uses what it gives).
    """
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
    add_frame_parameter(algorithm)
    algorithm.addParameter(
        QgsProcessingParameterEnum(
            AREA_MODE,
            tr("Area measurement"),
            [tr("Ellipsoidal (CGCS2000, as official survey areas)"), tr("Planar (working CRS)")],
            defaultValue=AreaMode.ELLIPSOIDAL.value,
        )
    )
    for name, value in profile_defaults(QgsProject.instance()).items():
        definition = algorithm.parameterDefinition(name)
        if definition is not None:
            definition.setGuiDefaultValueOverride(value)


def read_role_specs(
    algorithm: QgsProcessingAlgorithm, parameters: dict, context: QgsProcessingContext
) -> Tuple[List[RoleSpec], Dict[str, str]]:
    """Role specs for the given protected layers, and the display names of further overlays."""
    specs: List[RoleSpec] = []
    for role in role_parameter_labels():
        source = algorithm.parameterAsSource(parameters, ROLE_PARAMETERS[role], context)
        if source is None:
            continue
        layer = whole_layer(algorithm, parameters, ROLE_PARAMETERS[role], context)
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
            specs.append(
                RoleSpec(
                    role.value,
                    source,
                    code_field=code_field,
                    deduction_field=deduction,
                    coverage=True,
                    columns=recorded_area_columns(fields),
                    layer=layer,
                )
            )
        elif role == Role.VILLAGES:
            name_field = algorithm.parameterAsString(
                parameters, VILLAGE_NAME_FIELD_PARAMETER, context
            ) or guess_name_field(fields)
            specs.append(RoleSpec(role.value, source, label_field=name_field, layer=layer))
        else:
            specs.append(RoleSpec(role.value, source, label_field=guess_label_field(fields), layer=layer))
    other_names: Dict[str, str] = {}
    for position, layer in enumerate(algorithm.parameterAsLayerList(parameters, OTHER_LAYERS_PARAMETER, context)):
        if not isinstance(layer, QgsVectorLayer):
            continue
        key = f"other{position + 1}"
        other_names[key] = layer.name()
        source = QgsProcessingFeatureSource(layer, context)
        specs.append(
            RoleSpec(key, source, label_field=guess_label_field(layer.fields()), name=layer.name(), layer=layer)
        )
    if not specs:
        raise QgsProcessingException(no_protected_layer_message())
    return specs, other_names


def whole_layer(
    algorithm: QgsProcessingAlgorithm, parameters: dict, name: str, context: QgsProcessingContext
) -> Optional[QgsVectorLayer]:
    """The layer behind a source parameter when the whole layer is meant (no selection, limit or filter), else None.

    The engine then reads a saved GeoPackage/FileGDB/shapefile in bulk through GDAL, or overlays a PostGIS
    layer in its database.
    """
    value = parameters.get(name)
    if isinstance(value, QgsProcessingFeatureSourceDefinition) and (
        value.selectedFeaturesOnly or value.featureLimit not in (-1, None) or getattr(value, "filterExpression", "")
    ):
        return None
    return algorithm.parameterAsVectorLayer(parameters, name, context)


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
