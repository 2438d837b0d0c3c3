"""The texts of a map sheet (出图): results table, findings, CRS note, sign-off — in the UI language.

Every text is a plain-text layout label whose ``[% … %]`` expressions QGIS evaluates on each atlas page, so
one layout serves every subject. Figures follow the official tables: 亩 with 2 decimals, 公顷 with 4, % with 1,
right-aligned in their own column.
"""

from typing import Callable, Dict, List, Sequence, Tuple

from qgis.core import QgsVectorLayer

from liaocheng_plugin.core.crs_names import crs_name
from liaocheng_plugin.core.findings import status_labels
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.units import HECTARE_DECIMALS, MU_DECIMALS

PERCENT_DECIMALS = 1
FINDINGS_CHARACTERS = 150  # the ledger has them all; the sheet's box has room for about this many


def measured_rows() -> List[Tuple[str, str, str]]:
    """Measured rows of the results table, in the order reviewers read them: (label, 亩 field, % field)."""
    return [
        (tr("Area"), "area_mu", ""),
        (tr("Permanent basic farmland"), "pbf_mu", "pbf_pct"),
        (tr("Ecological red line"), "erl_mu", "erl_pct"),
        (tr("Cultivated land"), "cult_mu", "cult_pct"),
        (tr("Outside development boundary"), "outside_udb_mu", "outside_udb_pct"),
        (tr("Inside development boundary"), "udb_mu", "inside_udb_pct"),
    ]


def text_rows() -> List[Tuple[str, str]]:
    """Rows of text under the table: (label, field). Villages met are among a site's findings; the input
    check's warnings (数据体检) follow them."""
    return [(tr("Findings"), "findings"), (tr("Data check"), "data_warnings")]


def number(expression: str, decimals: int) -> str:
    """A figure with fixed decimals (and thousands separators) on each page; "—" when the value is NULL (its
    layer was not given: not checked, never 0)."""
    return f"[% coalesce(format_number({expression}, {decimals}), '—') %]"


def percent_expression(mu_field: str, pct_field: str, names: Sequence[str]) -> str:
    """The expression of a row's %: its own field, else its 亩 over the subject's 亩; "" when neither."""
    if pct_field in names:
        return f'"{pct_field}"'
    if mu_field in names and "area_mu" in names:
        return f'100.0 * "{mu_field}" / nullif("area_mu", 0)'
    return ""


def status_expression() -> str:
    """The page subject's status in words."""
    labels = status_labels().items()
    cases = " ".join(f"WHEN \"status\" = '{severity.value}' THEN '{text}'" for severity, text in labels)
    return f"[% CASE {cases} END %]"


def table_rows(layer: QgsVectorLayer) -> List[Tuple[str, str, str]]:
    """(label, 亩 text, % text) of each measured row the layer has."""
    names = layer.fields().names()
    rows = []
    for label, mu_field, pct_field in measured_rows():
        if mu_field not in names and pct_field not in names:
            continue
        mu = number(f'"{mu_field}"', MU_DECIMALS) if mu_field in names else ""
        pct = percent_expression(mu_field, pct_field, names)
        rows.append((label, mu, number(pct, PERCENT_DECIMALS) if pct else ""))
    return rows


def heading_text(layer: QgsVectorLayer) -> str:
    """First lines of the results box: its title, the status and the subject's area in m² and 公顷."""
    names = layer.fields().names()
    lines = [tr("Results")]
    if "status" in names:
        lines[0] += "    " + tr("Status: {}").format(status_expression())
    if "area_m2" in names:
        area = number('"area_m2"', 2)
        hectares = number('"area_m2" / 10000.0', HECTARE_DECIMALS)
        lines.append(tr("Area {} m² = {} ha").format(area, hectares))
    return "\n".join(lines)


def findings_text(layer: QgsVectorLayer) -> str:
    """Villages and findings of the page's subject; long findings shortened (the ledger has them whole)."""
    names = layer.fields().names()
    lines = []
    for label, field in text_rows():
        if field in names:
            shortened = (
                f'CASE WHEN length("{field}") > {FINDINGS_CHARACTERS} '
                f'THEN left("{field}", {FINDINGS_CHARACTERS}) || \'…\' ELSE "{field}" END'
            )
            if field == "data_warnings":  # most subjects have none: no empty 数据体检 line then
                shortened = shortened.replace(f'"{field}"', f"replace(\"{field}\", char(10), '；')")  # one a line
                prefix = tr("{}: {}").format(label, "").replace("'", "''")
                lines.append(
                    f"[% CASE WHEN coalesce(\"{field}\", '') = '' THEN '' ELSE '{prefix}' || {shortened} END %]"
                )
            else:
                lines.append(tr("{}: {}").format(label, f"[% {shortened} %]"))
    return "\n".join(lines)


def table_columns(layer: QgsVectorLayer, wrap: Callable[[str], List[str]] = lambda label: [label]) -> Dict[str, str]:
    """Texts of the results box's label items: heading, row names, 亩 and % columns, findings.

    ``wrap`` splits a row name into the lines it takes in its column; the figure columns get as many lines, so a
    figure always stands on the first line of its own row.
    """
    names, mus, pcts = [tr("Item")], [tr("mu")], ["%"]
    for label, mu, pct in table_rows(layer):
        lines = wrap(label) or [label]
        names += lines
        mus += [mu] + [""] * (len(lines) - 1)
        pcts += [pct] + [""] * (len(lines) - 1)
    return {
        "table": heading_text(layer),
        "table_rows": "\n".join(names),
        "table_mu": "\n".join(mus),
        "table_pct": "\n".join(pcts),
        "findings": findings_text(layer),
    }


def table_text(layer: QgsVectorLayer) -> str:
    """The whole results box as one text, for a template of one's own with a single "table" label."""
    lines = [heading_text(layer)]
    for label, mu, pct in table_rows(layer):
        figures = [tr("{} mu").format(mu)] if mu else []
        figures += [f"{pct} %"] if pct else []
        lines.append(f"{label}  {'  '.join(figures)}")
    findings = findings_text(layer)
    return "\n".join(lines + ([findings] if findings else []))


def crs_note(layer: QgsVectorLayer) -> str:
    """The sheet's CRS note; with the area basis of each page's subject when the layer has ``area_basis``."""
    note = tr("Coordinate system: {} ({})").format(crs_name(layer.crs()), layer.crs().authid())
    if "area_basis" not in layer.fields().names():
        return note
    planar = tr("areas planar in this coordinate system").replace("'", "''")
    ellipsoidal = tr("areas ellipsoidal on CGCS2000").replace("'", "''")
    basis = f"[% CASE WHEN \"area_basis\" = 'planar' THEN '{planar}' ELSE '{ellipsoidal}' END %]"
    return tr("{}; {}").format(note, basis)


def centroid_expressions() -> List[str]:
    """Expressions of a subject's centroid: WGS 84 latitude and longitude, then GK northing (X) and easting (Y)."""
    wgs84 = "transform(centroid($geometry), @layer_crs, 'EPSG:4326')"
    return [
        f"format_number(y({wgs84}), 6)",
        f"format_number(x({wgs84}), 6)",
        "format_number(y(centroid($geometry)), 1)",
        "format_number(x(centroid($geometry)), 1)",
    ]


def field_notes_text() -> str:
    """The field pack's line of coordinates (phone navigation and survey instruments)."""
    return tr("Centre: WGS 84 [% {} %] N, [% {} %] E; GK X [% {} %], Y [% {} %]").format(*centroid_expressions())


def signoff_text(field_notes: bool) -> str:
    """The sign-off block (制图/审核/日期), or the empty form of a field pack."""
    if field_notes:
        return tr("Conclusion: ____________  Photo nos.: ________  Checked by: ________")
    return tr("Drawn by: ________  Checked by: ________  Date: [% format_date(now(), 'yyyy-MM-dd') %]")
