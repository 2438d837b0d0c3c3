"""The 耕地进出平衡 dock: check outflow and inflow patches and see each county's balance."""

from typing import Dict, List, Optional, Tuple

from qgis.core import QgsProject, QgsVectorLayer
from qgis.gui import QgsMapLayerComboBox
from qgis.PyQt import uic
from qgis.PyQt.QtWidgets import QLabel, QWidget

from liaocheng_plugin.core.balance_table import balance_ledger_sheets
from liaocheng_plugin.core.cards import county_card
from liaocheng_plugin.core.compat import LAYER_FILTER_POLYGON
from liaocheng_plugin.core.conflict_pieces import Piece, pieces_of_subject
from liaocheng_plugin.core.exceptions import LiaochengError
from liaocheng_plugin.core.findings import status_labels
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.paths import plugin_file
from liaocheng_plugin.core.row_details import RowDetails, balance_details
from liaocheng_plugin.core.values import as_text, record
from liaocheng_plugin.gui.change_step import ChangeStep
from liaocheng_plugin.gui.check_dock import CheckDock
from liaocheng_plugin.gui.dock_profile import profile_parameters
from liaocheng_plugin.gui.results_model import figure_header, result_item

FORM_CLASS, _ = uic.loadUiType(str(plugin_file("liaocheng_plugin", "gui", "balance_dock.ui")))

DIRECTION_COLUMN = 2
FINDINGS_COLUMN = 4  # after status, number, direction and area: what a narrow dock shows without scrolling
MAX_CARDS_SHOWN = 1  # more counties scroll (a third of the next shows): the patch table needs the room


def direction_labels() -> Dict[str, str]:
    return {"out": tr("outflow"), "in": tr("inflow")}


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
        for combo in (form.outflowCombo, form.inflowCombo):
            combo.setFilters(LAYER_FILTER_POLYGON)
            combo.setAllowEmptyLayer(True)
            combo.setLayer(None)
        form.sameLayerNote = QLabel(
            tr("Outflow and inflow come from the same layer: its direction field tells them apart.")
        )
        form.sameLayerNote.setWordWrap(True)
        form.sameLayerNote.setStyleSheet("color:#555")
        form.sameLayerNote.setVisible(False)
        form.inputLayout.insertRow(2, form.sameLayerNote)
        form.changeStep = ChangeStep(iface, form)  # in the form before the base class guards its layer choices
        form.mainLayout.insertWidget(0, form.changeStep)
        title = tr("Cultivated-land balance")
        super().__init__(title, "LiaochengBalanceDock", form, iface, DIRECTION_COLUMN, FINDINGS_COLUMN, parent)
        self.changeStep = form.changeStep
        self.cards: List[QLabel] = []
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
        form.countyCardsArea.setVisible(False)
        for combo in (form.outflowCombo, form.inflowCombo):
            combo.layerChanged.connect(self._show_same_layer_note)
        self.changeStep.patchesReady.connect(self.use_change_patches)
        self.runner.finished.connect(self._fold_change_step)
        self.refresh_profile_summary()

    def _fold_change_step(self, succeeded: bool, *_results) -> None:
        """Once balanced, the first step folds away: the cards and the patch table need the room."""
        if succeeded:
            self.changeStep.stepGroup.setCollapsed(True)

    def use_change_patches(self, layer: QgsVectorLayer) -> None:
        """Take the extracted change patches as both the outflow and the inflow input (one layer, its direction
        field tells them apart): the balance follows with one click."""
        self.form.outflowCombo.setLayer(layer)
        self.form.inflowCombo.setLayer(layer)
        self.form.inputGroup.setCollapsed(False)

    def _show_same_layer_note(self, *_layer) -> None:
        """One layer in both combos (the extracted change patches) is checked by its direction field: say so."""
        outflow, inflow = self.form.outflowCombo.currentLayer(), self.form.inflowCombo.currentLayer()
        self.form.sameLayerNote.setVisible(outflow is not None and inflow is not None and outflow.id() == inflow.id())

    def layer_choices(self) -> List[Tuple[QgsMapLayerComboBox, str]]:
        step = self.form.changeStep
        return [
            (self.form.outflowCombo, tr("outflow patches")),
            (self.form.inflowCombo, tr("inflow patches")),
            (step.baseCombo, tr("base-year survey")),
            (step.currentCombo, tr("current-year survey")),
        ]

    def project_read(self) -> None:
        super().project_read()
        self.changeStep.choose_surveys()

    def _project_replaced(self) -> None:
        self.changeStep.runner.cancel()  # its patches belong to the project closed
        super()._project_replaced()

    def layer_hints(self) -> Dict[QgsMapLayerComboBox, Tuple[str, ...]]:
        return {self.form.outflowCombo: ("GDLC", "流出"), self.form.inflowCombo: ("GDLR", "流入")}

    def frame_tooltip(self) -> str:
        return tr(
            "Outflow and inflow patches in longitude/latitude that were drawn on a Chinese web map (AMap, "
            "Tencent: GCJ-02; Baidu: BD-09) are converted to WGS 84 before the check."
        )

    def result_group_name(self) -> str:
        return tr("Cultivated-land balance results")

    def output_names(self) -> Dict[str, str]:
        return {"OUTPUT": tr("Checked patches"), "OVERLAPS": tr("Conflict pieces"), "SUMMARY": tr("Balance ledger")}

    def parameters(self) -> Dict[str, object]:
        outflow, inflow = self.form.outflowCombo.currentLayer(), self.form.inflowCombo.currentLayer()
        if not isinstance(outflow, QgsVectorLayer) and not isinstance(inflow, QgsVectorLayer):
            raise LiaochengError(tr("Choose the outflow and the inflow patch layers."))
        parameters = profile_parameters(QgsProject.instance())
        if isinstance(outflow, QgsVectorLayer) and isinstance(inflow, QgsVectorLayer) and outflow.id() == inflow.id():
            parameters["INPUT"] = outflow.id()  # one layer of both (change patches): its direction field decides
        else:
            if isinstance(outflow, QgsVectorLayer):
                parameters["OUTFLOW"] = outflow.id()
            if isinstance(inflow, QgsVectorLayer):
                parameters["INFLOW"] = inflow.id()
        parameters.update(OUTPUT="memory:", SUMMARY="memory:", OVERLAPS="memory:")
        return parameters

    def fill_results(self) -> None:
        statuses = {severity.value: text for severity, text in status_labels().items()}
        directions = direction_labels()
        self.model.clear()
        self.model.setHorizontalHeaderLabels(
            [
                tr("Status"),
                tr("Patch number"),
                tr("Direction"),
                figure_header(tr("Area (mu)")),
                tr("Findings"),
                tr("County"),
                tr("Township"),
                figure_header(tr("Farmland (mu)")),
                figure_header(tr("Red line (mu)")),
                figure_header(tr("Cultivated in baseline (mu)")),
                tr("Quality grade"),
                tr("Rectification"),
            ]
        )
        for feature_id, row in self.rows.items():
            direction = as_text(row.get("direction"))
            cells = [
                result_item(row.get("patch_id")),
                result_item(directions.get(direction, direction)),
                result_item(row.get("area_mu"), 2),
                result_item(row.get("findings")),
                result_item(row.get("county")),
                result_item(row.get("township_name") or row.get("township")),  # the name where the patches give it
                result_item(row.get("pbf_mu"), 2),
                result_item(row.get("erl_mu"), 2),
                result_item(row.get("cult_mu"), 2),
                result_item(row.get("quality"), 1),
                result_item(row.get("method")),
            ]
            status = as_text(row.get("status"))
            self.model.add_row(feature_id, status, statuses.get(status, ""), cells)
        self._show_county_cards()

    def fill_empty(self) -> None:
        self._remove_cards()
        self.form.countyCardsArea.setVisible(False)

    def _remove_cards(self) -> None:
        for card in self.cards:
            self.form.countyCardsLayout.removeWidget(card)
            card.deleteLater()
        self.cards = []

    def _show_county_cards(self) -> None:
        """One card per county and year of the balance ledger; the area scrolls beyond about three."""
        self._remove_cards()
        for summary in self.layers["SUMMARY"].getFeatures():
            row = record(summary)
            if row.get("level") != "county":
                continue
            card = QLabel(county_card(row), self.form.countyCardsWidget)
            card.setWordWrap(True)
            self.form.countyCardsLayout.addWidget(card)
            self.cards.append(card)
        area = self.form.countyCardsArea
        area.setVisible(bool(self.cards))
        width = self.form.resultsView.width() - area.verticalScrollBar().sizeHint().width()
        spacing = self.form.countyCardsLayout.spacing()
        height = sum(card.heightForWidth(width) + spacing for card in self.cards[:MAX_CARDS_SHOWN])
        if len(self.cards) > MAX_CARDS_SHOWN:
            height += self.cards[MAX_CARDS_SHOWN].heightForWidth(width) // 3  # a part of the next card says "scroll"
        area.setFixedHeight(height)

    def _apply_filters(self) -> None:
        self.proxy.set_filters(
            self.form.statusFilter.currentData() or "",
            self.form.directionFilter.currentData() or "",
            self.form.findingFilter.text(),
        )

    def subject_pieces(self, feature_id: int) -> List[Piece]:
        return pieces_of_subject(self.layers["OVERLAPS"], self.rows[feature_id].get("subject_id"))

    def row_details(self, feature_id: int) -> RowDetails:
        row = self.rows[feature_id]
        direction = direction_labels().get(as_text(row.get("direction")), "")
        pieces = [values for values, _geometry in self.subject_pieces(feature_id)]
        return balance_details(row, pieces, direction)

    def cleanup(self) -> None:
        self.changeStep.cleanup()
        super().cleanup()

    def ledger_sheets(self):
        return balance_ledger_sheets(self.layers["OUTPUT"], self.layers["SUMMARY"])

    def gpkg_tables(self) -> Dict[str, QgsVectorLayer]:
        return {
            "patches": self.layers["OUTPUT"],
            "balance": self.layers["SUMMARY"],
            "conflict_pieces": self.layers["OVERLAPS"],
        }
