"""Readable names of the roles and the conflict text written into result layers."""

from typing import Dict, List

from liaocheng_plugin.core.definitions import CULTIVATED_KEY, Role
from liaocheng_plugin.core.engine.results import SubjectOverlap
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.units import m2_to_mu, percent


def role_labels() -> Dict[str, str]:
    """Display name of each role key, translated."""
    return {
        Role.PERMANENT_FARMLAND.value: tr("Permanent basic farmland"),
        Role.ECOLOGICAL_REDLINE.value: tr("Ecological red line"),
        Role.DEVELOPMENT_BOUNDARY.value: tr("Urban development boundary"),
        Role.LAND_SURVEY.value: tr("Land-use survey"),
        Role.VILLAGES.value: tr("Villages"),
        Role.MINERALS.value: tr("Mineral resources"),
        CULTIVATED_KEY: tr("Cultivated land"),
    }


def describe_conflicts(result: SubjectOverlap, other_names: Dict[str, str]) -> str:
    """One readable line listing every conflict of a subject, e.g. "永久基本农田 7.50 亩 (50.0%)"."""
    labels = role_labels()
    parts: List[str] = []
    for key, overlap in result.roles.items():
        if key == Role.DEVELOPMENT_BOUNDARY.value:
            outside = max(result.area_m2 - overlap.area_m2, 0.0)
            if outside > 0.005:
                parts.append(
                    tr("outside development boundary {:.2f} mu ({:.1f}%)").format(
                        m2_to_mu(outside), percent(outside, result.area_m2)
                    )
                )
        elif key == Role.LAND_SURVEY.value:
            if overlap.cultivated_m2 > 0:
                parts.append(
                    tr("{} {:.2f} mu (net {:.2f} mu)").format(
                        labels[CULTIVATED_KEY], m2_to_mu(overlap.cultivated_m2), m2_to_mu(overlap.cultivated_net_m2)
                    )
                )
        elif key == Role.VILLAGES.value:
            if overlap.pieces:
                parts.append(tr("villages: {}").format(", ".join(overlap.labels) or len(overlap.pieces)))
        elif overlap.area_m2 > 0:
            name = labels.get(key) or other_names.get(key, key)
            parts.append(tr("{} {:.2f} mu ({:.1f}%)").format(name, m2_to_mu(overlap.area_m2), result.percent_of(key)))
    return "; ".join(parts)
