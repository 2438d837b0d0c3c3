"""The protected-layer profile (保护图层配置): which project layer plays which role."""

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

from qgis.core import QgsProject, QgsVectorLayer, QgsWkbTypes

from liaocheng_plugin.core.compat import GEOMETRY_LINE, GEOMETRY_POINT, GEOMETRY_POLYGON
from liaocheng_plugin.core.definitions import (
    CULTIVATED_CODES_PARAMETER,
    DEDUCTION_FIELD_PARAMETER,
    DEFAULT_CULTIVATED_CODES,
    LAND_CODE_FIELD_PARAMETER,
    OTHER_LAYERS_PARAMETER,
    ROLE_PARAMETERS,
    VILLAGE_NAME_FIELD_PARAMETER,
    Role,
)
from liaocheng_plugin.core.engine import RoleSpec
from liaocheng_plugin.core.foreign_texts import json_error
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.role_guess import (
    guess_deduction_field,
    guess_label_field,
    guess_land_code_field,
    guess_name_field,
    guess_roles,
    recorded_area_columns,
)
from liaocheng_plugin.core.roles import role_labels

PROJECT_SCOPE = "liaocheng_plugin"
PROJECT_KEY = "protected_profile"
PROFILE_VERSION = 1
OTHER_KEY_PREFIX = "other"


@dataclass
class RoleAssignment:
    """One layer in the profile and the fields the checks read from it."""

    layer_id: str
    layer_name: str = ""
    layer_source: str = ""
    label_field: str = ""
    code_field: str = ""
    deduction_field: str = ""
    cultivated_codes: List[str] = field(default_factory=lambda: list(DEFAULT_CULTIVATED_CODES))
    name: str = ""
    reason: str = ""  # why it was guessed, in the UI language; shown, never saved

    def to_dict(self) -> dict:
        """Plain data to save; the guess reason is left out (it is re-made in the reader's language)."""
        data = asdict(self)
        data.pop("reason")
        return data

    @classmethod
    def for_layer(
        cls, layer: QgsVectorLayer, role: Optional[Role], name: str = "", reason: str = ""
    ) -> "RoleAssignment":
        """An assignment with the fields guessed from the layer's schema."""
        fields = layer.fields()
        assignment = cls(layer.id(), layer.name(), layer.source(), name=name, reason=reason)
        if role == Role.LAND_SURVEY:
            assignment.code_field = guess_land_code_field(fields)
            assignment.deduction_field = guess_deduction_field(fields)
        elif role == Role.VILLAGES:
            assignment.label_field = guess_name_field(fields)
        else:
            assignment.label_field = guess_label_field(fields)
        return assignment

    def find_layer(self, project: QgsProject) -> Optional[QgsVectorLayer]:
        """The project layer: by id, else by data source, else by name (after a JSON import)."""
        layer = project.mapLayer(self.layer_id)
        if isinstance(layer, QgsVectorLayer):
            return layer
        vector_layers = [lyr for lyr in project.mapLayers().values() if isinstance(lyr, QgsVectorLayer)]
        for matches in (
            lambda lyr: self.layer_source and lyr.source() == self.layer_source,
            lambda lyr: self.layer_name and lyr.name() == self.layer_name,
        ):
            found = [lyr for lyr in vector_layers if matches(lyr)]
            if len(found) == 1:
                return found[0]
        return None


@dataclass
class ProfileProblem:
    """Something wrong with a role layer, shown next to it in the dialog."""

    role_key: str
    layer_name: str
    message: str


@dataclass
class ProtectedProfile:
    """Role → layer assignments plus any number of further named overlay layers."""

    roles: Dict[Role, RoleAssignment] = field(default_factory=dict)
    others: List[RoleAssignment] = field(default_factory=list)

    @classmethod
    def guessed(cls, project: QgsProject) -> "ProtectedProfile":
        """A profile proposed from the project's layer and field names, each with its reason."""
        profile = cls()
        for guess in guess_roles(project.mapLayers().values()):
            profile.roles[guess.role] = RoleAssignment.for_layer(guess.layer, guess.role, reason=guess.reason)
        return profile

    def to_dict(self) -> dict:
        """Plain data for JSON."""
        return {
            "version": PROFILE_VERSION,
            "roles": {role.value: assignment.to_dict() for role, assignment in self.roles.items()},
            "others": [assignment.to_dict() for assignment in self.others],
        }

    @classmethod
    def from_dict(cls, data: dict) -> "ProtectedProfile":
        """Read plain data written by ``to_dict``; unknown roles are ignored."""
        known = {role.value: role for role in Role}
        roles = {known[key]: RoleAssignment(**value) for key, value in data.get("roles", {}).items() if key in known}
        others = [RoleAssignment(**value) for value in data.get("others", [])]
        return cls(roles, others)

    def to_json(self) -> str:
        """The profile as JSON text, for export."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, text: str) -> "ProtectedProfile":
        """A profile from JSON text; a clear error when the text is not a profile."""
        from liaocheng_plugin.core.exceptions import LiaochengError

        try:
            return cls.from_dict(json.loads(text))
        except (ValueError, TypeError, AttributeError) as error:
            raise LiaochengError(tr("This file is not a protected-layer profile."), json_error(error)) from error

    @classmethod
    def from_file(cls, path) -> "ProtectedProfile":
        """A profile from a JSON file (an export of 保护图层配置); a message naming the file when it cannot be
        read or is not a profile, with the reason in the UI language as details."""
        from liaocheng_plugin.core.exceptions import LiaochengError, os_error_details

        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            details = os_error_details(error) if isinstance(error, OSError) else tr("It is not UTF-8 text.")
            raise LiaochengError(tr("Could not read “{}”.").format(path.name), details) from error
        try:
            return cls.from_json(text)
        except LiaochengError as error:
            raise LiaochengError(
                tr("“{}” is not a protected-layer profile.").format(path.name), error.details
            ) from error

    def save(self, project: QgsProject) -> None:
        """Store the profile in the QGIS project (saved with the .qgs/.qgz)."""
        project.writeEntry(PROJECT_SCOPE, PROJECT_KEY, self.to_json())

    @classmethod
    def load(cls, project: QgsProject) -> "ProtectedProfile":
        """The profile stored in the project, or an empty one."""
        text, found = project.readEntry(PROJECT_SCOPE, PROJECT_KEY, "")
        return cls.from_json(text) if found and text else cls()

    def other_key(self, position: int) -> str:
        """Result-field key of the n-th further overlay layer (other1, other2 …)."""
        return f"{OTHER_KEY_PREFIX}{position + 1}"

    def missing_layers(self, project: QgsProject) -> List[Tuple[str, str]]:
        """(role name, layer name) of every entry whose layer is no longer in the project, in role order.

        A check run without such a layer would report no conflict with it: the panels and the Toolbox dialog
        refuse instead (``missing_layers_message``).
        """
        names = role_labels()
        missing = [
            (names[role.value], assignment.layer_name or assignment.layer_id)
            for role, assignment in sorted(self.roles.items(), key=lambda item: list(Role).index(item[0]))
            if assignment.find_layer(project) is None
        ]
        missing += [
            (assignment.name or tr("Further overlay layer"), assignment.layer_name or assignment.layer_id)
            for assignment in self.others
            if assignment.find_layer(project) is None
        ]
        return missing

    def role_specs(self, project: QgsProject) -> List[RoleSpec]:
        """The engine's role specs for the layers present in the project."""
        specs = []
        for role, assignment in self.roles.items():
            layer = assignment.find_layer(project)
            if layer is not None:
                specs.append(
                    RoleSpec(
                        role.value,
                        layer,
                        assignment.label_field,
                        assignment.code_field,
                        assignment.deduction_field,
                        coverage=role == Role.LAND_SURVEY,
                        columns=recorded_area_columns(layer.fields()) if role == Role.LAND_SURVEY else {},
                    )
                )
        for position, assignment in enumerate(self.others):
            layer = assignment.find_layer(project)
            if layer is not None:
                specs.append(RoleSpec(self.other_key(position), layer, assignment.label_field, name=assignment.name))
        return specs

    def processing_parameters(self, project: QgsProject) -> Dict[str, object]:
        """The protected-layer parameters of every check algorithm, filled from this profile."""
        parameters: Dict[str, object] = {}
        for role, assignment in self.roles.items():
            layer = assignment.find_layer(project)
            if layer is None:
                continue
            parameters[ROLE_PARAMETERS[role]] = layer
            if role == Role.LAND_SURVEY:
                parameters[LAND_CODE_FIELD_PARAMETER] = assignment.code_field
                parameters[DEDUCTION_FIELD_PARAMETER] = assignment.deduction_field
                parameters[CULTIVATED_CODES_PARAMETER] = ",".join(assignment.cultivated_codes)
            elif role == Role.VILLAGES:
                parameters[VILLAGE_NAME_FIELD_PARAMETER] = assignment.label_field
        others = [assignment.find_layer(project) for assignment in self.others]
        if any(others):
            parameters[OTHER_LAYERS_PARAMETER] = [layer for layer in others if layer is not None]
        return parameters

    def validate(self, project: QgsProject) -> List[ProfileProblem]:
        """Every problem with the assigned layers, each naming the role and the layer."""
        problems = []
        items = [(role.value, role, assignment) for role, assignment in self.roles.items()]
        items += [(self.other_key(i), None, assignment) for i, assignment in enumerate(self.others)]
        for key, role, assignment in items:
            layer = assignment.find_layer(project)
            if layer is None:
                problems.append(ProfileProblem(key, assignment.layer_name, tr("layer is not in the project")))
                continue
            problems += [
                ProfileProblem(key, layer.name(), message) for message in check_role_layer(layer, role, assignment)
            ]
        return problems


def missing_layers_message(missing: Sequence[Tuple[str, str]], remedy: str = "") -> str:
    """Why a check refuses to run while profile layers are missing: one sentence per layer, then what to do
    (``remedy``; by default: add the layer again or change the profile)."""
    sentence = tr(
        "The protected-layer profile (保护图层配置) gives “{}” as {}, but that layer is no longer in the project."
    )
    lines = [sentence.format(layer, role) for role, layer in missing]
    lines.append(remedy or tr("Add the layer to the project again, or change the protected-layer profile."))
    return "\n".join(lines)


def geometry_type_name(geometry_type) -> str:
    """ "point", "line", "polygon" in the UI language (QGIS's own display string stays English in zh-Hans)."""
    names = {GEOMETRY_POINT: tr("point"), GEOMETRY_LINE: tr("line"), GEOMETRY_POLYGON: tr("polygon")}
    return names.get(geometry_type, tr("unknown"))


def check_role_layer(layer: QgsVectorLayer, role: Optional[Role], assignment: RoleAssignment) -> List[str]:
    """Messages for a layer that cannot play its role: geometry type, CRS, emptiness, fields."""
    messages = []
    geometry_type = QgsWkbTypes.geometryType(layer.wkbType())
    allowed = (GEOMETRY_POLYGON, GEOMETRY_POINT) if role == Role.VILLAGES else (GEOMETRY_POLYGON,)
    if geometry_type not in allowed:
        messages.append(tr("holds {} geometries; polygons are needed").format(geometry_type_name(geometry_type)))
    if not layer.crs().isValid():
        messages.append(tr("has no coordinate reference system"))
    if layer.featureCount() == 0:
        messages.append(tr("is empty"))
    for field_name in (assignment.code_field, assignment.deduction_field, assignment.label_field):
        if field_name and layer.fields().lookupField(field_name) < 0:
            messages.append(tr("has no field “{}”").format(field_name))
    if role == Role.LAND_SURVEY and not assignment.code_field:
        messages.append(tr("needs a land-use code field (DLBM)"))
    return messages
