"""The summary cards over a panel's table, as rich text: counts before and after a run, a county's balance.

Rows come from ``values.record`` (plain Python values, None for NULL); every number is formatted by
``number_text``, so a NULL shows as "—" instead of stopping the panel.
"""

from typing import Iterable, List, Mapping, NamedTuple, Optional

from liaocheng_plugin.core.findings import Severity
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.values import as_float, as_text, plain

NO_VALUE = "—"
BLUE, RED, ORANGE, GREEN = "#1f4e8c", "#b00000", "#c06000", "#1e7b3a"


class Card(NamedTuple):
    """A big value over a caption."""

    value: str
    caption: str
    colour: str


def number_text(value, decimals: int = 2, signed: bool = False, grouped: bool = True) -> str:
    """A number with ``decimals`` (and thousands separators when ``grouped``); "—" for NULL or not a number.

    A value that rounds to zero shows as "0.0", never "-0.0" (a percent of 1e-13 below zero reads as a loss).
    """
    number = as_float(value)
    if number is None:
        return NO_VALUE
    number = round(number, decimals) + 0.0  # adding 0.0 turns -0.0 into 0.0
    return f"{number:{'+' if signed else ''}{',' if grouped else ''}.{decimals}f}"


def card_html(card: Card) -> str:
    """A card as rich text for a QLabel."""
    return (
        f"<div style='text-align:center'><span style='font-size:16pt;font-weight:bold;color:{card.colour}'>"
        f"{card.value}</span><br/><span style='color:#555'>{card.caption}</span></div>"
    )


def reserve_cards(rows: Optional[Iterable[Mapping]]) -> List[Card]:
    """Parcels, their 亩, parcels failing and parcels with warnings; "—" before any run (``rows`` None)."""
    captions = (tr("parcels"), tr("mu in total"), tr("parcels failing"), tr("parcels with warnings"))
    colours = (BLUE, BLUE, RED, ORANGE)
    if rows is None:
        return [Card(NO_VALUE, caption, colour) for caption, colour in zip(captions, colours)]
    rows = list(rows)
    total_mu = sum(as_float(row.get("area_mu")) or 0.0 for row in rows)
    fails = sum(1 for row in rows if as_text(row.get("status")) == Severity.FAIL.value)
    warns = sum(1 for row in rows if as_text(row.get("status")) == Severity.WARN.value)
    values = (str(len(rows)), number_text(total_mu), str(fails), str(warns))
    return [Card(value, caption, colour) for value, caption, colour in zip(values, captions, colours)]


def county_card(row: Mapping) -> str:
    """A county's balance (a SUMMARY row of level "county") as a coloured card: 流出 / 待平衡 / 流入 亩, the
    difference, quality grades out → in and progress; a missing figure (no inflow yet) shows as "—"."""
    nothing = plain(row.get("balanced")) is None and not (
        as_float(row.get("to_balance_mu")) or as_float(row.get("inflow_mu"))
    )
    balanced = nothing or bool(plain(row.get("balanced")))
    balance_mu = as_float(row.get("balance_mu"))
    colour, background = (GREEN, "#e3f4e8") if balanced else (RED, "#fbe3e3")
    if nothing:  # no outflow needing rectification and no valid inflow: the check writes NULL
        verdict = tr("nothing to balance")
    elif balanced:
        verdict = tr("balanced")
    elif balance_mu is not None and balance_mu >= 0:
        verdict = tr("unbalanced: inflow quality is worse")
    else:
        verdict = tr("unbalanced: area deficit")
    amounts = tr("outflow {} · to balance {} · inflow {} mu").format(
        number_text(row.get("outflow_mu")), number_text(row.get("to_balance_mu")), number_text(row.get("inflow_mu"))
    )
    balance = tr("balance {} mu").format(number_text(balance_mu, signed=True))
    quality = tr("quality {} → {}").format(
        number_text(row.get("quality_out"), 1), number_text(row.get("quality_in"), 1)
    )
    progress = tr("progress {}%").format(number_text(row.get("progress_pct")))
    title = f"{as_text(row.get('county_name')) or as_text(row.get('county'))} {as_text(row.get('year'))}"
    strong = f"color:{colour};font-weight:bold"
    return (
        f"<div style='background:{background};padding:4px'><b>{title}</b> <span style='{strong}'>{verdict}</span>"
        f"<br/>{amounts}<br/><span style='{strong}'>{balance}</span> · {quality} · {progress}</div>"
    )
