"""Propose which layer plays which role, from common layer and field names, and say why."""

import re
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Sequence

from qgis.core import QgsFields, QgsVectorLayer

from liaocheng_plugin.core.definitions import DEFAULT_DEDUCTION_FIELD, DEFAULT_LAND_CODE_FIELD, Role
from liaocheng_plugin.core.engine.arrays import COLUMN_NET_AREA, COLUMN_RECORDED_AREA
from liaocheng_plugin.core.i18n import tr

# Layer-name patterns per role, most specific first (matched case-insensitively).
ROLE_NAME_PATTERNS: Dict[Role, Sequence[str]] = {
    Role.PERMANENT_FARMLAND: (r"^YJJBNT", r"^JBNT", r"永久基本农田", r"基本农田"),
    Role.ECOLOGICAL_REDLINE: (r"^STBHHX", r"生态保护红线", r"生态红线"),
    Role.DEVELOPMENT_BOUNDARY: (r"^CZKFBJ", r"^CSKFBJ", r"城镇开发边界"),
    Role.LAND_SURVEY: (r"^DLTB", r"地类图斑"),
    Role.VILLAGES: (r"^CZCDYD", r"^CZC", r"村庄", r"^CJ", r"village"),
    Role.MINERALS: (r"压覆", r"矿产", r"矿区", r"^KQ", r"^KCZY", r"mineral"),
}

LABEL_FIELD_CANDIDATES = ("BSM", "TBBH", "BH", "DKBH", "CODE", "ID")
NAME_FIELD_CANDIDATES = ("NAME", "MC", "CZMC", "CJMC", "ZLDWMC", "QSDWMC", "CUNMC")
RECORDED_AREA_FIELDS = ("TBMJ",)  # the survey's recorded patch area, m²
NET_AREA_FIELDS = ("TBDLMJ",)  # the survey's recorded net land-class area, m²


@dataclass
class RoleGuess:
    """A proposed layer for a role and the reason it was chosen."""

    role: Role
    layer: QgsVectorLayer
    reason: str


def find_field(fields: QgsFields, candidates: Iterable[str]) -> str:
    """The first candidate field name present (case-insensitive), as spelled in the layer; "" if none."""
    names = {field.name().upper(): field.name() for field in fields}
    for candidate in candidates:
        if candidate.upper() in names:
            return names[candidate.upper()]
    return ""


def recorded_area_columns(fields: QgsFields) -> Dict[str, str]:
    """A survey layer's recorded areas by meaning, those it has (TBMJ, TBDLMJ): the input check compares them
    with the computed ellipsoidal areas (``RoleSpec.columns`` of the survey)."""
    columns = {
        COLUMN_RECORDED_AREA: find_field(fields, RECORDED_AREA_FIELDS),
        COLUMN_NET_AREA: find_field(fields, NET_AREA_FIELDS),
    }
    return {column: name for column, name in columns.items() if name}


def detect_fields(fields: QgsFields, candidates: Dict[str, Sequence[str]], given: Dict[str, str]) -> Dict[str, str]:
    """For each attribute, the layer field found by its candidate names, unless a non-empty name is ``given``."""
    found = {name: find_field(fields, names) for name, names in candidates.items()}
    found.update({name: value for name, value in given.items() if value})
    return found


def guess_land_code_field(fields: QgsFields) -> str:
    """The land-use code field of a survey layer (DLBM by default)."""
    return find_field(fields, (DEFAULT_LAND_CODE_FIELD, "DLDM", "DLBH"))


def guess_deduction_field(fields: QgsFields) -> str:
    """The field-ridge deduction coefficient field (KCXS, older TKXS) when present."""
    return find_field(fields, (DEFAULT_DEDUCTION_FIELD, "TKXS"))


def guess_label_field(fields: QgsFields) -> str:
    """A field that identifies a protected feature to a person (BSM, TBBH …)."""
    return find_field(fields, LABEL_FIELD_CANDIDATES + NAME_FIELD_CANDIDATES)


def guess_name_field(fields: QgsFields) -> str:
    """A field holding a readable name: NAME, MC, CZMC …, else any …MC (名称 in pinyin schemas) or 名称 field."""
    found = find_field(fields, NAME_FIELD_CANDIDATES)
    if found:
        return found
    for field in fields:
        name = field.name()
        if name.upper().endswith("MC") or "名称" in name or "NAME" in name.upper():
            return name
    return find_field(fields, LABEL_FIELD_CANDIDATES)


def _name_match(role: Role, layer_name: str) -> Optional[str]:
    for pattern in ROLE_NAME_PATTERNS[role]:
        if re.search(pattern, layer_name, re.IGNORECASE):
            return pattern
    return None


def guess_roles(layers: Iterable[QgsVectorLayer]) -> List[RoleGuess]:
    """One proposal per role at most, from layer names first and then from telling fields (DLBM)."""
    layers = [layer for layer in layers if isinstance(layer, QgsVectorLayer) and layer.isValid()]
    guesses: List[RoleGuess] = []
    taken = set()
    for role in ROLE_NAME_PATTERNS:
        for layer in layers:
            if layer.id() in taken:
                continue
            pattern = _name_match(role, layer.name())
            if pattern:
                reason = tr("layer name “{}” matches “{}”").format(layer.name(), pattern.lstrip("^"))
                guesses.append(RoleGuess(role, layer, reason))
                taken.add(layer.id())
                break
    if not any(guess.role == Role.LAND_SURVEY for guess in guesses):
        for layer in layers:
            code_field = guess_land_code_field(layer.fields())
            if layer.id() not in taken and code_field:
                reason = tr("layer has the land-use code field “{}”").format(code_field)
                guesses.append(RoleGuess(Role.LAND_SURVEY, layer, reason))
                break
    return guesses
