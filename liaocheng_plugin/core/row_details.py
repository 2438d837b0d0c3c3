"""What the details area under a panel's table shows for one row: every finding, the areas in m², 亩 and 公顷,
and the protected features in conflict with their ids.

The builders read result rows (``values.record`` dicts) and the row's conflict pieces (OVERLAPS rows:
role, feature_id, label, land_code, area_m2), or a site alternative held in memory; ``details_html`` renders
them for a QTextBrowser. No widgets here, so all of it is tested headless.
"""

from dataclasses import dataclass, field
from html import escape
from typing import Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

from liaocheng_plugin.core.cards import NO_VALUE, number_text
from liaocheng_plugin.core.definitions import PARCEL_OVERLAP_KEY, Role
from liaocheng_plugin.core.export import area_basis_labels
from liaocheng_plugin.core.findings import Severity, status_labels
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.roles import role_labels
from liaocheng_plugin.core.siting import SiteResult, chainage
from liaocheng_plugin.core.units import MU_DECIMALS, m2_to_ha, m2_to_mu
from liaocheng_plugin.core.values import as_float, as_text

FINDINGS_SEPARATOR = "；"  # findings_text joins a subject's findings with it
MAX_CONFLICTS_LISTED = 20
OUTSIDE_BOUNDARY_ROLE = "outside_udb"
# Conflict pieces from the most to the least severe: the order of the list and of the canvas highlight.
ROLE_SEVERITY = (Role.PERMANENT_FARMLAND.value, Role.ECOLOGICAL_REDLINE.value, Role.LAND_SURVEY.value)
STATUS_COLOURS = {Severity.FAIL.value: "#b00000", Severity.WARN.value: "#c06000", Severity.PASS.value: "#1e7b3a"}


@dataclass
class AreaFigure:
    """One area of a subject. ``area_m2`` only when known exactly; ``area_mu`` as the result states it."""

    label: str
    area_m2: Optional[float] = None
    area_mu: Optional[float] = None
    share_pct: Optional[float] = None

    @property
    def mu(self) -> Optional[float]:
        return self.area_mu if self.area_mu is not None or self.area_m2 is None else m2_to_mu(self.area_m2)

    @property
    def ha(self) -> Optional[float]:
        return None if self.area_m2 is None else m2_to_ha(self.area_m2)


@dataclass
class ConflictFeature:
    """One protected feature a subject lies on: its role, feature id, label or land code and the area."""

    role: str
    feature_id: Optional[int]
    label: str
    land_code: str
    area_m2: Optional[float]


@dataclass
class RowDetails:
    """Everything the details area shows for one row."""

    title: str
    status: str = ""
    findings: List[str] = field(default_factory=list)
    figures: List[AreaFigure] = field(default_factory=list)
    conflicts: List[ConflictFeature] = field(default_factory=list)
    notes: List[Tuple[str, str]] = field(default_factory=list)
    lists: List[Tuple[str, List[str]]] = field(default_factory=list)  # (heading, items), e.g. crossings


def split_findings(text) -> List[str]:
    """The findings of one result row, one per item (the layer holds them joined by "；")."""
    return [part.strip() for part in as_text(text).split(FINDINGS_SEPARATOR) if part.strip()]


def data_check_lists(warnings) -> List[Tuple[str, List[str]]]:
    """The 数据体检 warnings of one row (its ``data_warnings``, one a line) as a list of the details area."""
    items = [line.strip() for line in as_text(warnings).splitlines() if line.strip()]
    return [(tr("Data check"), items)] if items else []


def conflict_features(pieces: Iterable[Mapping]) -> List[ConflictFeature]:
    """OVERLAPS rows as conflicts, the most severe role first, then the largest first."""
    conflicts = []
    for piece in pieces:
        feature_id = as_float(piece.get("feature_id"))
        conflicts.append(
            ConflictFeature(
                as_text(piece.get("role")),
                None if feature_id is None or feature_id < 0 else int(feature_id),
                as_text(piece.get("label")),
                as_text(piece.get("land_code")),
                as_float(piece.get("area_m2")),
            )
        )
    return sorted(conflicts, key=lambda c: (role_rank(c.role), -(c.area_m2 or 0.0)))


def role_rank(role: str) -> int:
    """0 for the most severe role (permanent farmland); unknown roles after the known ones."""
    return ROLE_SEVERITY.index(role) if role in ROLE_SEVERITY else len(ROLE_SEVERITY)


def piece_figure(
    label: str,
    conflicts: Sequence[ConflictFeature],
    role: str,
    stated_mu=None,
    share_pct=None,
    subject_m2: Optional[float] = None,
) -> AreaFigure:
    """A role's area from its pieces, in m² only when their sum agrees with the figure the result states
    (pieces of protected features that overlap each other add up to more than the role's union)."""
    stated_mu, share_pct = as_float(stated_mu), as_float(share_pct)
    areas = [c.area_m2 for c in conflicts if c.role == role]
    if not areas:  # no piece: exactly nothing when the result says so, else unknown
        nothing = stated_mu == 0.0 or (stated_mu is None and share_pct == 0.0)
        return AreaFigure(label, 0.0 if nothing else None, stated_mu, share_pct)
    total = None if None in areas else sum(areas)
    if total is not None and stated_mu is not None and round(m2_to_mu(total), MU_DECIMALS) != round(stated_mu, 2):
        total = None
    if total is not None and stated_mu is None and share_pct is not None and subject_m2:
        if abs(100.0 * total / subject_m2 - share_pct) > 0.011:
            total = None
    return AreaFigure(label, total, stated_mu, share_pct)


def reserve_details(row: Mapping, pieces: Iterable[Mapping], code_field: str = "", name_field: str = "") -> RowDetails:
    """Details of a checked reserve parcel (a row of the reserve check's OUTPUT)."""
    labels = role_labels()
    conflicts = conflict_features(pieces)
    subject_m2 = as_float(row.get("area_m2"))
    title = " ".join(t for t in (as_text(row.get(code_field)), as_text(row.get(name_field))) if t)
    details = RowDetails(title or as_text(row.get("subject_id")), as_text(row.get("status")))
    details.findings = split_findings(row.get("findings"))
    details.figures = [
        AreaFigure(tr("Parcel (mapped)"), subject_m2, as_float(row.get("area_mu"))),
        AreaFigure(tr("Recorded in the ledger"), None, as_float(row.get("recorded_mu"))),
        piece_figure(labels["pbf"], conflicts, "pbf", row.get("pbf_mu"), row.get("pbf_pct")),
        piece_figure(labels["erl"], conflicts, "erl", row.get("erl_mu"), row.get("erl_pct")),
        piece_figure(labels["cult"], conflicts, Role.LAND_SURVEY.value, row.get("cult_mu")),
        AreaFigure(tr("Cultivated land net of ridges"), None, as_float(row.get("cult_net_mu"))),
        piece_figure(
            tr("Outside development boundary"),
            conflicts,
            OUTSIDE_BOUNDARY_ROLE,
            share_pct=row.get("outside_udb_pct"),
            subject_m2=subject_m2,
        ),
    ]
    details.figures = [f for f in details.figures if f.area_mu is not None or f.area_m2 is not None or f.share_pct]
    details.conflicts = [c for c in conflicts if c.role != OUTSIDE_BOUNDARY_ROLE]
    details.notes = [
        (tr("Grid"), as_text(row.get("grid"))),
        (tr("Township"), as_text(row.get("township"))),
        (tr("Overlapping parcels"), as_text(row.get("overlap_parcels"))),
        (tr("Days since inspection"), as_text(row.get("inspection_days"))),
        (tr("Area basis"), area_basis_labels().get(as_text(row.get("area_basis")), as_text(row.get("area_basis")))),
    ]
    details.lists = data_check_lists(row.get("data_warnings"))
    return details


def named_code(name, code) -> str:
    """ "郑家镇（371502105）": the name with its code in brackets; the one that is given alone; "" for neither."""
    name, code = as_text(name), as_text(code)
    if name and code and name != code:
        return tr("{} ({})").format(name, code)
    return name or code


def grade_text(value) -> str:
    """A quality grade: a whole grade as "6", an area-weighted mean with one decimal ("6.4"); "—" for NULL."""
    number = as_float(value)
    if number is not None and float(number).is_integer():
        return number_text(number, 0)
    return number_text(value, 1)


def balance_details(row: Mapping, pieces: Iterable[Mapping], direction_text: str = "") -> RowDetails:
    """Details of a checked outflow or inflow patch (a row of the balance check's OUTPUT)."""
    labels = role_labels()
    conflicts = conflict_features(pieces)
    details = RowDetails(" ".join(t for t in (direction_text, as_text(row.get("patch_id"))) if t))
    details.status = as_text(row.get("status"))
    details.findings = split_findings(row.get("findings"))
    details.figures = [
        AreaFigure(tr("Patch"), as_float(row.get("area_m2")), as_float(row.get("area_mu"))),
        piece_figure(labels["pbf"], conflicts, "pbf", row.get("pbf_mu")),
        piece_figure(labels["erl"], conflicts, "erl", row.get("erl_mu")),
        AreaFigure(tr("Inside development boundary"), None, as_float(row.get("udb_mu"))),
        AreaFigure(tr("Cultivated in baseline"), None, as_float(row.get("cult_mu"))),
    ]
    details.conflicts = conflicts
    details.notes = [
        (tr("County name"), named_code(row.get("county_name"), row.get("county"))),
        (tr("Township"), named_code(row.get("township_name"), row.get("township"))),
        (tr("Year"), as_text(row.get("year"))),
        (tr("Quality grade"), grade_text(row.get("quality"))),
        (tr("Rectification"), as_text(row.get("method"))),
        (tr("Paired patches"), as_text(row.get("paired"))),
        (tr("Area basis"), area_basis_labels().get(as_text(row.get("area_basis")), as_text(row.get("area_basis")))),
    ]
    details.lists = data_check_lists(row.get("data_warnings"))
    return details


def site_details(site: SiteResult, cultivated: Callable[[str], bool]) -> RowDetails:
    """Details of a site or route alternative of the site dock (exact m² from the overlay in memory);
    ``cultivated(land_code)`` tells the survey's cultivated pieces."""
    labels = role_labels()
    overlap = site.overlap
    whole = overlap.area_m2
    best = "★ " if site.rank == 1 else ""
    details = RowDetails(best + site.name + " · " + tr("rank {}").format(site.rank))
    details.findings = site.findings()

    def figure(label: str, area_m2: float) -> AreaFigure:
        return AreaFigure(label, area_m2, None, 100.0 * area_m2 / whole if whole else None)

    details.figures = [
        AreaFigure(tr("Site or corridor"), whole),
        figure(labels["pbf"], overlap.area_m2_of(Role.PERMANENT_FARMLAND.value)),
        figure(labels["erl"], overlap.area_m2_of(Role.ECOLOGICAL_REDLINE.value)),
        figure(labels["cult"], site.cultivated_m2),
        figure(tr("Clear part"), site.clear_m2),
    ]
    inside = site.inside_boundary_pct
    if inside is not None:
        details.figures.append(AreaFigure(tr("Inside development boundary"), None, None, inside))
    details.conflicts = conflict_features(
        {
            "role": piece.role,
            "feature_id": piece.protected_fid,
            "label": piece.label,
            "land_code": piece.code,
            "area_m2": piece.area_m2,
        }
        for role, role_overlap in overlap.roles.items()
        if role in (Role.PERMANENT_FARMLAND.value, Role.ECOLOGICAL_REDLINE.value, Role.LAND_SURVEY.value)
        for piece in role_overlap.pieces
        if role != Role.LAND_SURVEY.value or cultivated(piece.code)
    )
    if site.centerline is not None:
        details.notes.append((tr("Length (m)"), number_text(site.length_m, 1)))
        details.lists.append(
            (
                tr("Crossings by chainage"),
                [
                    f"{chainage(c.from_m)}–{chainage(c.to_m)} {labels.get(c.role, c.role)} "
                    + tr("{} m, {} mu").format(number_text(c.length_m, 0), number_text(m2_to_mu(c.area_m2)))
                    for c in site.crossings
                ],
            )
        )
    details.notes.append((tr("Villages inside"), "、".join(site.villages_inside)))
    details.notes.append((tr("Villages nearby"), "、".join(site.villages_near)))
    details.notes.append((tr("Area basis"), area_basis_labels().get(overlap.area_mode.basis, "")))
    return details


def area_text(figure: AreaFigure) -> str:
    """ "3,190.87 m² · 4.79 mu · 0.3191 ha (30.1%)": the units the result gives exactly, none invented."""
    amounts = []
    if figure.area_m2 is not None:
        amounts.append(tr("{} m²").format(number_text(figure.area_m2, 2)))
    if figure.mu is not None:
        amounts.append(tr("{} mu").format(number_text(figure.mu, 2)))
    if figure.ha is not None:
        amounts.append(tr("{} ha").format(number_text(figure.ha, 4)))
    share = None if figure.share_pct is None else number_text(figure.share_pct, 1) + "%"
    if not amounts:
        return share or NO_VALUE
    text = " · ".join(amounts)
    return text + tr(" ({})").format(share) if share else text


def conflict_line(conflict: ConflictFeature, names: Dict[str, str]) -> str:
    """ "永久基本农田 #123 「371502…」：1,234.56 平方米 · 1.85 亩 · 0.1235 公顷"."""
    which = "" if conflict.feature_id is None else f" #{conflict.feature_id}"
    label = " ".join(t for t in (conflict.label, conflict.land_code) if t)
    title = escape(names.get(conflict.role, conflict.role) + which + (f" 「{label}」" if label else ""))
    return labelled(title, area_text(AreaFigure("", conflict.area_m2)))


def labelled(label: str, text: str) -> str:
    """ "label: text", with the colon of the UI language."""
    return tr("{}: {}").format(label, text)


def section(heading: str, body: str) -> str:
    """A bold heading over ``body`` (both rich text)."""
    return f"<p><b>{heading}</b></p>{body}"


def bullet_list(items: Sequence[str]) -> str:
    """Items (rich text) as a compact bulleted list."""
    return "<ul style='margin-left:-20px'>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def conflict_role_names() -> Dict[str, str]:
    """The name of each role a conflict piece can have, reserve parcels overlapping each other included."""
    labels = role_labels()
    return dict(labels, survey=labels["cult"], **{PARCEL_OVERLAP_KEY: tr("Other reserve parcel")})


def details_html(details: RowDetails) -> str:
    """The details as rich text for a QTextBrowser in a narrow dock."""
    statuses = {severity.value: text for severity, text in status_labels().items()}
    colour = STATUS_COLOURS.get(details.status, "#333")
    parts = [f"<p><b>{escape(details.title)}</b>"]
    if details.status:
        parts.append(f" <span style='color:{colour};font-weight:bold'>{statuses.get(details.status, '')}</span>")
    parts.append("</p>")
    if details.findings:
        parts.append(section(tr("Findings"), bullet_list([escape(text) for text in details.findings])))
    elif details.status:
        parts.append("<p>" + tr("No finding.") + "</p>")
    if details.figures:
        lines = [labelled(escape(figure.label), area_text(figure)) for figure in details.figures]
        parts.append(section(tr("Areas"), bullet_list(lines)))
    for heading, items in details.lists:
        if items:
            parts.append(section(escape(heading), bullet_list([escape(item) for item in items])))
    if details.conflicts:
        names = conflict_role_names()
        listed = details.conflicts[:MAX_CONFLICTS_LISTED]
        lines = [conflict_line(conflict, names) for conflict in listed]
        if len(details.conflicts) > len(listed):
            lines.append(tr("… and {} more").format(len(details.conflicts) - len(listed)))
        parts.append(section(tr("Protected features in conflict"), bullet_list(lines)))
    notes = [(label, text) for label, text in details.notes if text and text != NO_VALUE]
    if notes:
        parts.append("<p>" + "<br/>".join(labelled(escape(label), escape(text)) for label, text in notes) + "</p>")
    return "".join(parts)
