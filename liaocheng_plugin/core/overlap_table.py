"""Result-layer fields of an overlay: <role>_m2, <role>_mu, <role>_pct per role, conflicts and the subject id."""

from typing import Dict, List, Sequence

from qgis.core import QgsField, QgsFields

from liaocheng_plugin.core.compat import FIELD_DOUBLE, FIELD_LONGLONG, FIELD_STRING
from liaocheng_plugin.core.definitions import CULTIVATED_KEY, CULTIVATED_NET_KEY, Role
from liaocheng_plugin.core.engine.results import SubjectOverlap
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.roles import describe_conflicts, role_labels
from liaocheng_plugin.core.units import percent, round_ha, round_mu

AREA_DECIMALS_M2 = 2
PERCENT_DECIMALS = 2


def column_keys(role_keys: Sequence[str]) -> List[str]:
    """Field prefixes for the checked roles; the survey gives the cultivated totals gross and net."""
    keys = []
    for key in role_keys:
        if key == Role.LAND_SURVEY.value:
            keys += [CULTIVATED_KEY, CULTIVATED_NET_KEY]
        else:
            keys.append(key)
    return keys


def overlap_fields(role_keys: Sequence[str]) -> QgsFields:
    """The fields an overlap result adds to the subject's own."""
    fields = QgsFields()
    for name in ("area_m2", "area_mu", "area_ha"):
        fields.append(QgsField(name, FIELD_DOUBLE))
    fields.append(QgsField("area_basis", FIELD_STRING))
    for key in column_keys(role_keys):
        for suffix in ("m2", "mu", "pct"):
            fields.append(QgsField(f"{key}_{suffix}", FIELD_DOUBLE))
    fields.append(QgsField("conflicts", FIELD_STRING))
    fields.append(QgsField("subject_id", FIELD_LONGLONG))
    return fields


def _role_area_m2(result: SubjectOverlap, key: str) -> float:
    survey = result.roles.get(Role.LAND_SURVEY.value)
    if key == CULTIVATED_KEY:
        return survey.cultivated_m2 if survey else 0.0
    if key == CULTIVATED_NET_KEY:
        return survey.cultivated_net_m2 if survey else 0.0
    return result.area_m2_of(key)


def overlap_values(result: SubjectOverlap, role_keys: Sequence[str], other_names: Dict[str, str]) -> List:
    """Attribute values in the order of ``overlap_fields``."""
    values = [
        round(result.area_m2, AREA_DECIMALS_M2),
        round_mu(result.area_m2),
        round_ha(result.area_m2),
        result.area_mode.basis,
    ]
    for key in column_keys(role_keys):
        area = _role_area_m2(result, key)
        values += [
            round(area, AREA_DECIMALS_M2),
            round_mu(area),
            round(percent(area, result.area_m2), PERCENT_DECIMALS),
        ]
    values.append(describe_conflicts(result, other_names))
    values.append(result.subject_id)
    return values


def overlap_headers(role_keys: Sequence[str], other_names: Dict[str, str]) -> Dict[str, str]:
    """Aliases of the fields ``overlap_fields`` adds, translated: 永久基本农田（亩）, 耕地净面积（%）…"""
    labels = {**role_labels(), CULTIVATED_NET_KEY: tr("Cultivated land net"), **other_names}
    units = {"m2": "m²", "mu": tr("mu"), "ha": tr("ha"), "pct": "%"}
    headers = {f"area_{suffix}": tr("{} ({})").format(tr("Area"), units[suffix]) for suffix in ("m2", "mu", "ha")}
    headers.update(area_basis=tr("Area basis"), conflicts=tr("Conflicts"), subject_id=tr("Feature id"))
    for key in column_keys(role_keys):
        for suffix in ("m2", "mu", "pct"):
            headers[f"{key}_{suffix}"] = tr("{} ({})").format(labels.get(key, key), units[suffix])
    return headers
