"""The protected-layer profile dialog (保护图层配置): assign project layers to roles."""

from typing import Dict, List, Optional

from qgis.core import QgsProject, QgsVectorLayer
from qgis.gui import QgsFieldComboBox, QgsMapLayerComboBox
from qgis.PyQt import uic
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTableWidgetItem,
    QWidget,
)

from liaocheng_plugin.core.compat import LAYER_FILTER_HAS_GEOMETRY, LAYER_FILTER_POLYGON
from liaocheng_plugin.core.definitions import DEFAULT_CULTIVATED_CODES, Role
from liaocheng_plugin.core.exceptions import LiaochengError
from liaocheng_plugin.core.i18n import tr
from liaocheng_plugin.core.paths import plugin_file
from liaocheng_plugin.core.profile import ProtectedProfile, RoleAssignment, check_role_layer
from liaocheng_plugin.core.role_guess import (
    guess_deduction_field,
    guess_label_field,
    guess_land_code_field,
    guess_name_field,
)
from liaocheng_plugin.gui.dialogs import warn
from liaocheng_plugin.gui.export_report import failure_text
from liaocheng_plugin.gui.project_watch import profile_events

FORM_CLASS, _ = uic.loadUiType(str(plugin_file("liaocheng_plugin", "gui", "profile_dialog.ui")))

OPTIONAL_ROLES = (Role.VILLAGES, Role.MINERALS)
LAYER_COMBO_WIDTH = 200


def role_titles() -> Dict[Role, str]:
    """Role names as the dialog shows them."""
    return {
        Role.PERMANENT_FARMLAND: tr("Permanent basic farmland"),
        Role.ECOLOGICAL_REDLINE: tr("Ecological red line"),
        Role.DEVELOPMENT_BOUNDARY: tr("Urban development boundary"),
        Role.LAND_SURVEY: tr("Land-use survey (DLTB)"),
        Role.VILLAGES: tr("Villages (optional)"),
        Role.MINERALS: tr("Mineral resources (optional)"),
    }


class RoleRow:
    """The widgets of one role: layer, its key field, survey extras, the guess reason and problems."""

    def __init__(self, role: Role, parent: QWidget):
        self.role = role
        self.layer_combo = QgsMapLayerComboBox(parent)
        self.layer_combo.setFilters(LAYER_FILTER_HAS_GEOMETRY)
        self.layer_combo.setAllowEmptyLayer(True)
        self.layer_combo.setObjectName(f"layer_{role.value}")
        self.layer_combo.setMinimumWidth(LAYER_COMBO_WIDTH)
        self.field_combo = QgsFieldComboBox(parent)
        self.field_combo.setAllowEmptyFieldName(True)
        self.field_combo.setObjectName(f"field_{role.value}")
        self.field_combo.setMinimumWidth(120)
        self.deduction_combo: Optional[QgsFieldComboBox] = None
        self.codes_edit: Optional[QLineEdit] = None
        self.extras = QWidget(parent)
        extras_layout = QHBoxLayout(self.extras)
        extras_layout.setContentsMargins(0, 0, 0, 0)
        if role == Role.LAND_SURVEY:
            self.deduction_combo = QgsFieldComboBox(parent)
            self.deduction_combo.setAllowEmptyFieldName(True)
            self.codes_edit = QLineEdit(",".join(DEFAULT_CULTIVATED_CODES), parent)
            self.codes_edit.setMinimumWidth(120)
            self.codes_edit.setToolTip(tr("Land-use codes counted as cultivated land, comma separated"))
            extras_layout.addWidget(QLabel(tr("Deduction (KCXS):"), parent))
            extras_layout.addWidget(self.deduction_combo)
            extras_layout.addWidget(QLabel(tr("Cultivated codes:"), parent))
            extras_layout.addWidget(self.codes_edit)
        self.reason_label = QLabel(parent)
        self.reason_label.setStyleSheet("color: #555; font-style: italic")
        self.reason_label.setWordWrap(True)
        self.problem_label = QLabel(parent)
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #b00000")
        self.problem_label.setObjectName(f"problem_{role.value}")
        self.layer_combo.layerChanged.connect(self._layer_changed)

    def field_hint(self) -> str:
        """What the key field means for this role."""
        if self.role == Role.LAND_SURVEY:
            return tr("Land-use code field:")
        if self.role == Role.VILLAGES:
            return tr("Name field:")
        return tr("Label field:")

    def _bind_fields(self, layer) -> None:
        self.field_combo.setLayer(layer)
        if self.deduction_combo is not None:
            self.deduction_combo.setLayer(layer)

    def _layer_changed(self, layer) -> None:
        self._bind_fields(layer)
        if isinstance(layer, QgsVectorLayer):
            fields = layer.fields()
            if self.role == Role.LAND_SURVEY:
                self.field_combo.setField(guess_land_code_field(fields))
                self.deduction_combo.setField(guess_deduction_field(fields))
            elif self.role == Role.VILLAGES:
                self.field_combo.setField(guess_name_field(fields))
            else:
                self.field_combo.setField(guess_label_field(fields))
        self.reason_label.clear()
        self.show_problems()

    def assignment(self) -> Optional[RoleAssignment]:
        """The row as a profile assignment, None when no layer is chosen."""
        layer = self.layer_combo.currentLayer()
        if not isinstance(layer, QgsVectorLayer):
            return None
        assignment = RoleAssignment(layer.id(), layer.name(), layer.source(), reason=self.reason_label.text())
        if self.role == Role.LAND_SURVEY:
            assignment.code_field = self.field_combo.currentField()
            assignment.deduction_field = self.deduction_combo.currentField()
            codes = [code.strip() for code in self.codes_edit.text().replace("，", ",").split(",") if code.strip()]
            assignment.cultivated_codes = codes or list(DEFAULT_CULTIVATED_CODES)
        else:
            assignment.label_field = self.field_combo.currentField()
        return assignment

    def show_assignment(self, assignment: Optional[RoleAssignment], project: QgsProject) -> None:
        """Fill the row from a profile assignment."""
        layer = assignment.find_layer(project) if assignment else None
        self.layer_combo.setLayer(layer)
        self._bind_fields(layer)  # setLayer emits nothing when the combo already shows this layer
        if assignment is None or layer is None:
            return
        if self.role == Role.LAND_SURVEY:
            self.field_combo.setField(assignment.code_field)
            self.deduction_combo.setField(assignment.deduction_field)
            self.codes_edit.setText(",".join(assignment.cultivated_codes))
        else:
            self.field_combo.setField(assignment.label_field)
        self.reason_label.setText(tr("Guessed: {}").format(assignment.reason) if assignment.reason else "")
        self.show_problems()

    def show_problems(self) -> None:
        """Show what is wrong with the chosen layer for this role, or nothing."""
        assignment = self.assignment()
        if assignment is None:
            required = self.role not in OPTIONAL_ROLES
            self.problem_label.setText(tr("No layer assigned.") if required else "")
            return
        problems = check_role_layer(self.layer_combo.currentLayer(), self.role, assignment)
        self.problem_label.setText("; ".join(problems))


class ProfileDialog(QDialog, FORM_CLASS):
    """Edit the project's protected-layer profile; saved into the project on Save."""

    def __init__(self, parent: Optional[QWidget] = None, project: Optional[QgsProject] = None):
        super().__init__(parent)
        self.setupUi(self)
        self.project = project or QgsProject.instance()
        self.rows: Dict[Role, RoleRow] = {}
        titles = role_titles()
        grid_row = 0
        for role in Role:  # a role's layer and key field on one line; the survey's extras, reason, problems below
            row = RoleRow(role, self)
            self.rows[role] = row
            self.roleGrid.addWidget(QLabel(f"<b>{titles[role]}</b>", self), grid_row, 0)
            self.roleGrid.addWidget(row.layer_combo, grid_row, 1)
            self.roleGrid.addWidget(QLabel(row.field_hint(), self), grid_row, 2)
            self.roleGrid.addWidget(row.field_combo, grid_row, 3)
            if row.deduction_combo is not None:
                grid_row += 1
                self.roleGrid.addWidget(row.extras, grid_row, 1, 1, 3)
            self.roleGrid.addWidget(row.reason_label, grid_row + 1, 1)
            self.roleGrid.addWidget(row.problem_label, grid_row + 1, 2, 1, 2)
            grid_row += 2
        self.roleGrid.setColumnStretch(1, 2)
        self.roleGrid.setColumnStretch(3, 1)
        self.othersTable.horizontalHeader().setStretchLastSection(True)
        self.othersTable.setColumnWidth(0, 220)
        self.addOtherButton.clicked.connect(lambda: self._add_other_row(None))
        self.removeOtherButton.clicked.connect(self._remove_other_row)
        self.guessButton.clicked.connect(self.apply_guess)
        self.importButton.clicked.connect(self.import_json)
        self.exportButton.clicked.connect(self.export_json)
        save_button = self.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        save_button.setText(tr("Save"))  # named by the plugin too: a QGIS may ship no Qt translation (gui/dialogs)
        save_button.clicked.connect(self.save)
        self.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self.buttonBox.rejected.connect(self.reject)

    def reload(self) -> None:
        """Show the profile stored in the project, or a guess when there is none yet."""
        profile = ProtectedProfile.load(self.project)
        if not profile.roles and not profile.others:
            profile = ProtectedProfile.guessed(self.project)
        self.show_profile(profile)

    def show_profile(self, profile: ProtectedProfile) -> None:
        """Fill every widget from a profile."""
        for role, row in self.rows.items():
            row.show_assignment(profile.roles.get(role), self.project)
            row.show_problems()
        self.othersTable.setRowCount(0)
        for assignment in profile.others:
            self._add_other_row(assignment)

    def profile(self) -> ProtectedProfile:
        """The profile as currently edited."""
        profile = ProtectedProfile()
        for role, row in self.rows.items():
            assignment = row.assignment()
            if assignment is not None:
                profile.roles[role] = assignment
        for table_row in range(self.othersTable.rowCount()):
            combo = self.othersTable.cellWidget(table_row, 1)
            layer = combo.currentLayer() if combo else None
            if isinstance(layer, QgsVectorLayer):
                name_item = self.othersTable.item(table_row, 0)
                name = name_item.text().strip() if name_item and name_item.text().strip() else layer.name()
                profile.others.append(RoleAssignment.for_layer(layer, None, name=name))
        return profile

    def apply_guess(self) -> None:
        """Replace the roles by proposals from layer and field names, keeping further layers."""
        guessed = ProtectedProfile.guessed(self.project)
        guessed.others = self.profile().others
        self.show_profile(guessed)

    def problems(self) -> List[str]:
        """ "Role: problem" for every role whose row shows a problem in red."""
        titles = role_titles()
        return [
            tr("{}: {}").format(titles[role], row.problem_label.text())
            for role, row in self.rows.items()
            if row.problem_label.text()
        ]

    def confirm_problems(self, problems: List[str]) -> bool:
        """Ask whether to save a profile that shows problems; True to save anyway."""
        box = QMessageBox(QMessageBox.Icon.Warning, tr("Save the profile?"), "", parent=self)
        box.setText(tr("The profile shows problems. A check may then refuse to run, or miss conflicts:"))
        box.setInformativeText("\n".join(problems))
        save = box.addButton(tr("Save anyway"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.exec()
        return box.clickedButton() is save

    def save(self) -> None:
        """Write the profile into the project and close; a profile showing problems only when the user agrees."""
        problems = self.problems()
        if problems and not self.confirm_problems(problems):
            return
        self.profile().save(self.project)
        profile_events().saved.emit()
        self.accept()

    def export_json(self) -> None:
        """Save the profile to a JSON file, to share it with colleagues or other projects; a folder that cannot be
        written is said in a message box."""
        path, _ = QFileDialog.getSaveFileName(self, tr("Export profile"), "", tr("Profile (*.json)"))
        if not path:
            return
        try:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(self.profile().to_json())
        except OSError as error:
            warn(self, tr("Export profile"), failure_text(error, path))

    def import_json(self) -> None:
        """Load a profile from a JSON file; layers are matched by id, source or name."""
        path, _ = QFileDialog.getOpenFileName(self, tr("Import profile"), "", tr("Profile (*.json)"))
        if not path:
            return
        try:
            self.show_profile(ProtectedProfile.from_file(path))
        except LiaochengError as error:
            warn(self, tr("Import profile"), str(error))  # the file and why, the reason below

    def _add_other_row(self, assignment: Optional[RoleAssignment]) -> None:
        table_row = self.othersTable.rowCount()
        self.othersTable.insertRow(table_row)
        self.othersTable.setItem(table_row, 0, QTableWidgetItem(assignment.name if assignment else ""))
        combo = QgsMapLayerComboBox(self)
        combo.setFilters(LAYER_FILTER_POLYGON)
        combo.setLayer(assignment.find_layer(self.project) if assignment else None)
        self.othersTable.setCellWidget(table_row, 1, combo)

    def _remove_other_row(self) -> None:
        self.othersTable.removeRow(self.othersTable.currentRow())
