"""The side-by-side comparison of site and route alternatives as a docked panel shows it: short criteria, the
best alternative (★) first, one narrow column each; the long texts (findings, village names) go to the
details area under it."""

from typing import Dict, List, NamedTuple, Sequence, Tuple

from liaocheng_plugin.core.cards import NO_VALUE, number_text
from liaocheng_plugin.core.definitions import Role
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.siting import SiteResult
from liaocheng_plugin.core.units import m2_to_mu


class ComparisonColumn(NamedTuple):
    """One alternative: its position in the dock's list, header, tooltip and one text per criterion."""

    index: int
    header: str
    tooltip: str
    cells: List[str]


def comparison_criteria(with_routes: bool) -> Dict[str, Tuple[str, str]]:
    """Criterion key → (short row label, tooltip); areas in 亩, said once above the table."""
    criteria = {
        "rank": (
            tr("Rank"),
            tr("1 is best: least farmland and red line, then cultivated land, villages, length or area"),
        ),
        "area": (tr("Area"), tr("Area of the site or route corridor (mu)")),
        "length": (tr("Length (m)"), tr("Length of the route's centre line (m)")),
        "pbf": (tr("Farmland"), tr("Permanent basic farmland occupied (mu)")),
        "erl": (tr("Red line"), tr("Ecological red line entered (mu)")),
        "cult": (tr("Cultivated"), tr("Cultivated land occupied (mu): needs compensation (占补平衡)")),
        "inside_udb": (tr("Boundary %"), tr("Share inside the urban development boundary (%)")),
        "villages": (tr("Villages"), tr("Villages inside / villages within the village distance")),
        "clear": (tr("Clear part"), tr("Part clear of farmland and red line (mu)")),
    }
    if not with_routes:
        del criteria["length"]
    return criteria


def given_text(site: SiteResult, role: str, mu: float) -> str:
    """亩 of a role, "—" (not checked, never 0) when the role's layer was not given."""
    return number_text(mu) if role in site.overlap.roles else NO_VALUE


def site_cells(site: SiteResult, keys: Sequence[str]) -> List[str]:
    """The texts of one alternative for ``keys`` of comparison_criteria."""
    inside = site.inside_boundary_pct
    values = {
        "rank": str(site.rank),
        "area": number_text(m2_to_mu(site.overlap.area_m2)),
        "length": number_text(site.length_m, 0) if site.centerline is not None else NO_VALUE,
        "pbf": given_text(site, Role.PERMANENT_FARMLAND.value, site.role_mu(Role.PERMANENT_FARMLAND.value)),
        "erl": given_text(site, Role.ECOLOGICAL_REDLINE.value, site.role_mu(Role.ECOLOGICAL_REDLINE.value)),
        "cult": given_text(site, Role.LAND_SURVEY.value, m2_to_mu(site.cultivated_m2)),
        "inside_udb": number_text(inside, 1),
        "villages": f"{len(site.villages_inside)} / {len(site.villages_near)}",
        "clear": number_text(m2_to_mu(site.clear_m2)),
    }
    return [values[key] for key in keys]


def comparison_columns(sites: Sequence[SiteResult]) -> List[ComparisonColumn]:
    """One column per alternative, best rank first (ties keep the order they were added)."""
    keys = list(comparison_criteria(any(site.centerline is not None for site in sites)))
    order = sorted(range(len(sites)), key=lambda index: (sites[index].rank or len(sites) + 1, index))
    columns = []
    for index in order:
        site = sites[index]
        best = site.rank == 1
        header = ("★ " if best else "") + site.name
        tooltip = site.name + (" — " + tr("best alternative") if best else "")
        columns.append(ComparisonColumn(index, header, tooltip, site_cells(site, keys)))
    return columns
