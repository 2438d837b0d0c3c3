"""Readable figures for finding texts: never "0.00 亩" — small areas in m², the rest in 亩 with 2 decimals."""

from typing import List

from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.settings import OVERLAP_TOLERANCE_M2
from liaocheng_plugin.core.units import m2_to_mu

SMALLEST_MU_SHOWN = 0.01  # below this an area in 亩 would read 0.00: it is shown in m²


def format_area(area_m2: float) -> str:
    """An area for a finding text: "7.50 mu" (亩 in Chinese), or "3.2 m²" below 0.01 亩 (6.67 m²).

    Every finding text of the checks and of the input check writes its areas with this function (several areas
    of one finding with ``format_areas``, in one unit).
    """
    if abs(m2_to_mu(area_m2)) < SMALLEST_MU_SHOWN:
        decimals = 1 if abs(area_m2) >= 0.05 else 2
        return tr("{} m²").format(f"{area_m2:.{decimals}f}")
    return tr("{} mu").format(f"{m2_to_mu(area_m2):.2f}")


def format_areas(*areas_m2: float) -> List[str]:
    """Several areas of one finding in one unit, never "0.00 平方米 … 11.69 亩": in m² when every one is below
    0.01 亩, else in 亩 with 2 decimals, where a part below 0.01 亩 reads "<0.01 mu" and nothing "0 mu"."""
    if all(abs(m2_to_mu(area)) < SMALLEST_MU_SHOWN for area in areas_m2):
        return [format_area(area) for area in areas_m2]
    texts = []
    for area in areas_m2:
        mu = m2_to_mu(area)
        if mu == 0:
            texts.append(tr("{} mu").format("0"))
        elif abs(mu) < SMALLEST_MU_SHOWN:
            texts.append(tr("{} mu").format(f"<{SMALLEST_MU_SHOWN:.2f}"))
        else:
            texts.append(tr("{} mu").format(f"{mu:.2f}"))
    return texts


def format_area_m2_mu(area_m2: float) -> str:
    """An area in m² and 亩, for a finding that compares two shapes of one feature: "64,087.47 m² (96.13 mu)";
    the 亩 of an area below 0.01 亩 read "<0.01", of none "0" (never "0.00")."""
    mu = m2_to_mu(area_m2)
    if mu == 0:
        mu_text = "0"
    elif abs(mu) < SMALLEST_MU_SHOWN:
        mu_text = f"<{SMALLEST_MU_SHOWN:.2f}"
    else:
        mu_text = f"{mu:,.2f}"
    return tr("{} m² ({} mu)").format(f"{area_m2:,.2f}", mu_text)


def is_finding(area_m2: float) -> bool:
    """Whether an overlap or difference is large enough to be a finding (above the tolerance setting, 1 m²)."""
    return area_m2 > OVERLAP_TOLERANCE_M2.value()
