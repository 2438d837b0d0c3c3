"""The 耕地进出平衡 dock: check outflow and inflow patches and see each county's balance."""

from typing import Dict, List, Optional

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt import uic
from qgis.PyQt.QtWidgets import QLabel, QWidget

from liaocheng_plugin.core.balance_table import balance_ledger_sheets
from liaocheng_plugin.core.compat import LAYER_FILTER_POLYGON
from liaocheng_plugin.core.exceptions import LiaochengError
from liaocheng_plugin.core.findings import status_labels
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.paths import plugin_file
from liaocheng_plugin.gui.check_dock import CheckDock, preselect_layers, profile_parameters
from liaocheng_plugin.gui.results_model import result_item

FORM_CLASS, _ = uic.loadUiType(str(plugin_file("liaocheng_plugin", "gui", "balance_dock.ui")))

DIRECTION_COLUMN = 1
FINDINGS_COLUMN = 11


def direction_labels() -> Dict[str, str]:
    return {"out": tr("outflow"), "in": tr("inflow")}


def county_card(row) -> str:
    """A county's balance as a coloured card: 流出 / 流入 / 差额 亩, quality, progress."""
    colour, background = ("#1e7b3a", "#e3f4e8") if row["balanced"] else ("#b00000", "#fbe3e3")
    if row["balanced"]:
        verdict = tr("balanced")
    elif row["balance_mu"] >= 0:
        verdict = tr("unbalanced: inflow quality is worse")
    else:
        verdict = tr("unbalanced: area deficit")
    grades = ["—" if row[name] is None else f"{row[name]:.1f}" for name in ("quality_out", "quality_in")]
    amounts = tr("outflow {:.2f} · to balance {:.2f} · inflow {:.2f} mu").format(
        row["outflow_mu"], row["to_balance_mu"], row["inflow_mu"]
    )
    balance = tr("balance {:+.2f} mu").format(row["balance_mu"])
    details = tr("quality {} → {}").format(*grades) + " · " + tr("progress {:.2f}%").format(row["progress_pct"])
    title = f"{row['county_name'] or row['county']} {row['year']}"
    strong = f"color:{colour};font-weight:bold"
    return (
        f"<div style='background:{background};padding:4px'><b>{title}</b> <span style='{strong}'>{verdict}</span>"
        f"<br/>{amounts}<br/><span style='{strong}'>{balance}</span> · {details}</div>"
    )


class BalanceDockForm(QWidget, FORM_CLASS):
    """The widgets of the dock, from balance_dock.ui."""

    def __init__(self, parent: Optional[QWidget] = None):
        super().__init__(parent)
        self.setupUi(self)


class BalanceDock(CheckDock):
    """耕地进出平衡: pick the outflow and inflow layers, run, read the county cards and the patch table."""

    ALGORITHM_ID = "liaocheng:balance_check"
    OUTPUT_STYLES = (("OVERLAPS", "conflict_pieces"), ("OUTPUT", "balance_patches"), ("SUMMARY", ""))

    def __init__(self, iface, parent: Optional[QWidget] = None):
        form = BalanceDockForm()
        title = tr("Cultivated-land balance")
        super().__init__(title, "LiaochengBalanceDock", form, iface, DIRECTION_COLUMN, FINDINGS_COLUMN, parent)
        self.cards: List[QLabel] = []
        for combo in (form.outflowCombo, form.inflowCombo):
            combo.setFilters(LAYER_FILTER_POLYGON)
            combo.setAllowEmptyLayer(True)
            combo.setLayer(None)
        preselect_layers({form.outflowCombo: ("GDLC", "流出"), form.inflowCombo: ("GDLR", "流入")})
        form.directionFilter.addItem(tr("All directions"), "")
        for label in direction_labels().values():
            form.directionFilter.addItem(label, label)
        form.statusFilter.addItem(tr("All statuses"), "")
        for severity, label in status_labels().items():
            form.statusFilter.addItem(label, severity.value)
        form.findingFilter.setPlaceholderText(tr("Filter findings…"))
        for widget in (form.directionFilter, form.statusFilter):
            widget.currentIndexChanged.connect(self._apply_filters)
        form.findingFilter.textChanged.connect(self._apply_filters)
        self.refresh_profile_summary()

    def result_group_name(self) -> str:
        return tr("Cultivated-land balance results")

    def output_names(self) -> Dict[str, str]:
        return {"OUTPUT": tr("Checked patches"), "OVERLAPS": tr("Conflict pieces"), "SUMMARY": tr("Balance ledger")}

    def parameters(self) -> Dict[str, object]:
        outflow, inflow = self.form.outflowCombo.currentLayer(), self.form.inflowCombo.currentLayer()
        if not isinstance(outflow, QgsVectorLayer) and not isinstance(inflow, QgsVectorLayer):
            raise LiaochengError(tr("Choose the outflow and the inflow patch layers."))
        parameters = profile_parameters(QgsProject.instance())
        if isinstance(outflow, QgsVectorLayer):
            parameters["OUTFLOW"] = outflow.id()
        if isinstance(inflow, QgsVectorLayer):
            parameters["INFLOW"] = inflow.id()
        parameters.update(OUTPUT="memory:", SUMMARY="memory:", OVERLAPS="memory:")
        return parameters

    def fill_results(self) -> None:
        patches = self.layers["OUTPUT"]
        statuses = {severity.value: text for severity, text in status_labels().items()}
        directions = direction_labels()
        self.model.clear()
        self.model.setHorizontalHeaderLabels(
            [
                tr("Status"),
                tr("Direction"),
                tr("Patch number"),
                tr("County"),
                tr("Township"),
                tr("Area (mu)"),
                tr("Farmland (mu)"),
                tr("Red line (mu)"),
                tr("Cultivated in baseline (mu)"),
                tr("Quality grade"),
                tr("Rectification"),
                tr("Findings"),
            ]
        )
        for feature in patches.getFeatures():
            cells = [
                result_item(directions.get(feature["direction"], feature["direction"])),
                result_item(feature["patch_id"]),
                result_item(feature["county"]),
                result_item(feature["township"]),
                result_item(feature["area_mu"], 2),
                result_item(feature["pbf_mu"], 2),
                result_item(feature["erl_mu"], 2),
                result_item(feature["cult_mu"], 2),
                result_item(feature["quality"], 1),
                result_item(feature["method"]),
                result_item(feature["findings"]),
            ]
            self.model.add_row(feature.id(), feature["status"], statuses.get(feature["status"], ""), cells)
        self._show_county_cards()

    def _show_county_cards(self) -> None:
        for card in self.cards:
            self.form.countyCardsLayout.removeWidget(card)
            card.deleteLater()
        self.cards = []
        for row in self.layers["SUMMARY"].getFeatures():
            if row["level"] != "county":
                continue
            card = QLabel(county_card(row), self.form)
            card.setWordWrap(True)
            self.form.countyCardsLayout.addWidget(card)
            self.cards.append(card)

    def _apply_filters(self) -> None:
        self.proxy.set_filters(
            self.form.statusFilter.currentData() or "",
            self.form.directionFilter.currentData() or "",
            self.form.findingFilter.text(),
        )

    def ledger_sheets(self):
        return balance_ledger_sheets(self.layers["OUTPUT"], self.layers["SUMMARY"])

    def gpkg_tables(self) -> Dict[str, QgsVectorLayer]:
        return {
            "patches": self.layers["OUTPUT"],
            "balance": self.layers["SUMMARY"],
            "conflict_pieces": self.layers["OVERLAPS"],
        }
