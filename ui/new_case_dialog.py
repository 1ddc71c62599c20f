"""The new-case dialog: search before create (a duplicate check over families and persons),
then the family, its Sozialraum, the first persons and the reason for contact.

Dialogs collect, callers save (STYLE.md habit 5): ``ask()`` returns a checked draft, an
``OpenExisting`` answer or ``None``; the caller hands it to a service. Nothing here touches the
database — the duplicate search comes in as a plain callable.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sro_case.domain import rules
from sro_case.domain.catalogues import age_in_years, catalogue
from sro_case.domain.enums import PersonRole, Role, Sex
from sro_case.domain.models import (
    CaseDraft,
    FamilyDraft,
    PersonDraft,
    User,
)
from sro_case.domain.sorting import german_key
from sro_case.errors import SroCaseError
from ui.forms import (
    CheckList,
    DateField,
    FormDialog,
    combine_problems,
    combo_value,
    fill_social_spaces,
    format_date,
    multiline,
    select_value,
    tab_order,
)
from ui.household_dialogs import PersonDialog
from ui.i18n import core_label, error_text
from ui.refcounts import emit
from ui.tables import HeaderedTableModel

if TYPE_CHECKING:
    from sro_case.domain.models import DuplicateCandidate
    from ui.tasks import Runner


ID_ROLE = Qt.ItemDataRole.UserRole + 1  # same value as ui.case_table_model.ID_ROLE

Index = QModelIndex | QPersistentModelIndex
FindDuplicates = Callable[[str, str, date | None], Sequence["DuplicateCandidate"]]


@dataclass(frozen=True)
class OpenExisting:
    """The answer of ``NewCaseDialog`` when the user picks an existing case instead of a new one."""

    case_id: int


def _role_for_age(birth: date | None, today: date) -> str:
    """The legal age groups of § 7 SGB VIII as a first guess for the main person's role."""
    if birth is None:
        return PersonRole.CHILD.value
    age = age_in_years(birth, today)
    if age < 14:
        return PersonRole.CHILD.value
    if age < 18:
        return PersonRole.ADOLESCENT.value
    if age < 27:
        return PersonRole.YOUNG_ADULT.value
    return PersonRole.PARENT.value


# --------------------------------------------------------------------------- table models


class DuplicateTableModel(HeaderedTableModel):
    """Possible duplicates of a new case (closed cases included), one row per matching person."""

    FILE_NUMBER, FAMILY, STATUS, PERSON, BIRTH_DATE, REASON = range(6)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[DuplicateCandidate] = []
        self._statuses = catalogue("case_statuses")
        self._headers = [
            self.tr("Aktenzeichen"),
            self.tr("Familie"),
            self.tr("Status"),
            self.tr("Person"),
            self.tr("Geburtsdatum"),
            self.tr("Grund"),
        ]

    def set_rows(self, rows: Sequence[DuplicateCandidate]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, row: int) -> DuplicateCandidate:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        d = self._rows[index.row()]
        if role == ID_ROLE:
            return d.case.id
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                d.case.file_number,
                d.case.family_name,
                core_label(self._statuses.label(d.case.status)),
                d.person,
                format_date(d.birth_date),
                d.reason,
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == self.REASON:
                return d.reason
            if d.case.closed_on is not None:
                return self.tr("Fall abgeschlossen am %1").replace(
                    "%1", format_date(d.case.closed_on)
                )
            return self.tr("Fall offen seit %1").replace("%1", format_date(d.case.opened_on))
        return None


class PersonDraftTableModel(HeaderedTableModel):
    """The persons of a new case before it is saved."""

    FIRST_NAME, LAST_NAME, ROLE, SEX, BIRTH_DATE = range(5)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[PersonDraft] = []
        self._headers = [
            self.tr("Vorname"),
            self.tr("Familienname"),
            self.tr("Rolle"),
            self.tr("Geschlecht"),
            self.tr("Geburtsdatum"),
        ]

    def rows(self) -> tuple[PersonDraft, ...]:
        return tuple(self._rows)

    def set_rows(self, rows: Sequence[PersonDraft]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def append(self, person: PersonDraft) -> None:
        n = len(self._rows)
        self.beginInsertRows(QModelIndex(), n, n)
        self._rows.append(person)
        self.endInsertRows()

    def replace_row(self, row: int, person: PersonDraft) -> None:
        self._rows[row] = person
        emit(self.dataChanged, self.index(row, 0), self.index(row, self.columnCount() - 1))

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        p = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                p.first_name,
                p.last_name,
                _enum_label(PersonRole, p.role),
                _enum_label(Sex, p.sex),
                format_date(p.birth_date),
            )[index.column()]
        return None


def _enum_label(enum: Any, value: str) -> str:
    try:
        return core_label(str(enum(value).label))
    except ValueError:
        return value


def _setup_table(view: QTableView, model: QAbstractTableModel) -> None:
    """Read-only rows; columns fit their contents whenever the rows change (the header does not
    do that by itself on inserts), the last column takes the rest and wraps."""
    view.setModel(model)

    def fit(*_args: object) -> None:
        for column in range(model.columnCount() - 1):  # resizing the last one ends its stretch
            view.resizeColumnToContents(column)

    for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.dataChanged):
        signal.connect(fit)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setTabKeyNavigation(False)  # Tab leaves the table, arrow keys move inside
    view.setWordWrap(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(
        QHeaderView.ResizeMode.ResizeToContents
    )  # wrapped reasons
    view.horizontalHeader().setStretchLastSection(True)
    fit()  # an empty table shows whole headers too ("ktenzeichen" was cut, #15)


def _selected_row(view: QTableView) -> int | None:
    rows = view.selectionModel().selectedRows()
    return rows[0].row() if rows else None


# --------------------------------------------------------------------------- new case


class NewCaseDialog(FormDialog):
    """A new case in two steps: search for duplicates first, then the case details.

    Page 1 asks for the main person and searches as the user types (``find_duplicates`` is a fast
    indexed query, called directly on the GUI thread). The user either opens an existing case
    (result ``OpenExisting``) or confirms a new one; only then page 2 asks for the details.
    """

    SEARCH_PAGE, DETAILS_PAGE = 0, 1
    SEARCH_DELAY_MS = 300

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        find_duplicates: FindDuplicates,
        workers: Sequence[User],
        today: date,
        file_number: str = "",
        lead_worker: str | None = None,
        runner: Runner | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Neuer Fall"))
        self.preferred_width = 900
        self._find_duplicates = find_duplicates
        self._runner = runner  # the search on the database lane (None: at once, in tests)
        self._today = today
        self._searched_for: tuple[str, str, date | None] | None = None
        self._auto_display_name = ""

        self.stack = QStackedWidget()
        self.body.addWidget(self.stack)
        self.stack.addWidget(self._build_search_page())
        self.stack.addWidget(self._build_details_page(workers, file_number, lead_worker))

        self.back_button = self.buttons.addButton(
            self.tr("&Zurück"), QDialogButtonBox.ButtonRole.ResetRole
        )
        self.back_button.clicked.connect(self.show_search_page)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(self.SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.search)
        for edit in (self.last_name_edit, self.first_name_edit):
            edit.textChanged.connect(self._on_search_input_changed)
        self.birth_date_edit.changed.connect(self._on_search_input_changed)

        self.watch(
            self.last_name_edit,
            self.first_name_edit,
            self.birth_date_edit,
            self.file_number_edit,
            self.opened_on_edit,
            self.display_name_edit,
            self.street_edit,
            self.postal_code_edit,
            self.social_space_combo,
            self.lead_worker_combo,
            self.next_review_edit,
            self.child_protection_check,
            self.reason_edit,
            self.focus_areas_list,
        )
        self.persons_model.rowsInserted.connect(self.mark_changed)
        self.persons_model.rowsRemoved.connect(self.mark_changed)
        self.persons_model.dataChanged.connect(self.mark_changed)
        self._show_page(self.SEARCH_PAGE)
        self._update_search_buttons()
        self.start()

    # -- page 1: search ------------------------------------------------------------------
    def _build_search_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(
            self.tr(
                "Bitte zuerst prüfen, ob es zu der Person schon einen Fall gibt – "
                "abgeschlossene Fälle werden mit angezeigt."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        form = QFormLayout()
        self.last_name_edit = QLineEdit()
        self.first_name_edit = QLineEdit()
        self.birth_date_edit = DateField(optional=True, default=self._today)
        self.add_row(form, self.tr("&Familienname:"), self.last_name_edit)
        self.add_row(form, self.tr("&Vorname:"), self.first_name_edit)
        self.search_button = QPushButton(self.tr("&Suchen"))
        self.search_button.setAutoDefault(False)
        self.search_button.clicked.connect(self.search)
        birth_row = QHBoxLayout()
        birth_row.addWidget(self.birth_date_edit)
        birth_row.addStretch(1)
        birth_row.addWidget(self.search_button)
        label = QLabel(self.tr("&Geburtsdatum:"))
        label.setBuddy(self.birth_date_edit)
        self.birth_date_edit.setAccessibleName(self.tr("Geburtsdatum"))
        form.addRow(label, birth_row)
        layout.addLayout(form)

        self.hits_label = QLabel(self.tr("Noch nicht gesucht."))
        self.hits_label.setWordWrap(True)
        layout.addWidget(self.hits_label)
        self.duplicates_model = DuplicateTableModel(self)
        self.duplicates_view = QTableView()
        self.duplicates_view.setAccessibleName(self.tr("Mögliche Doppelungen"))
        self.duplicates_view.setMinimumHeight(200)
        _setup_table(self.duplicates_view, self.duplicates_model)
        self.duplicates_view.selectionModel().selectionChanged.connect(self._update_search_buttons)
        self.duplicates_view.activated.connect(lambda _index: self.open_selected())
        layout.addWidget(self.duplicates_view, 1)

        row = QHBoxLayout()
        self.open_button = QPushButton(self.tr("Vorhandenen Fall &öffnen"))
        self.open_button.clicked.connect(self.open_selected)
        self.new_button = QPushButton(self.tr("Weiter: &neuen Fall anlegen"))
        self.new_button.clicked.connect(self.confirm_new_case)
        row.addWidget(self.open_button)
        row.addStretch(1)
        row.addWidget(self.new_button)
        layout.addLayout(row)
        QWidget.setTabOrder(self.last_name_edit, self.first_name_edit)
        QWidget.setTabOrder(self.first_name_edit, self.birth_date_edit)
        QWidget.setTabOrder(self.birth_date_edit, self.search_button)
        QWidget.setTabOrder(self.search_button, self.duplicates_view)
        QWidget.setTabOrder(self.duplicates_view, self.open_button)
        QWidget.setTabOrder(self.open_button, self.new_button)
        return page

    def _search_key(self) -> tuple[str, str, date | None]:
        return (
            self.last_name_edit.text().strip(),
            self.first_name_edit.text().strip(),
            self.birth_date_edit.value(),
        )

    def _on_search_input_changed(self, *_args: object) -> None:
        self._update_search_buttons()
        self._search_timer.start()

    def search(self) -> None:
        """Run the duplicate search for the current input now."""
        self._search_timer.stop()
        key = self._search_key()
        last, first, birth = key
        if not last and birth is None:
            self.duplicates_model.set_rows([])
            self._searched_for = None
            self.hits_label.setText(self.tr("Bitte den Familiennamen eingeben."))
            self._update_search_buttons()
            return
        if self._runner is None:
            try:
                found = list(self._find_duplicates(last, first, birth))
            except SroCaseError as exc:
                self._on_search_failed(key, exc)
            else:
                self._on_searched(key, found)
            return
        find = self._find_duplicates
        self.hits_label.setText(self.tr("Suche läuft …"))
        self._runner.submit(
            lambda: list(find(last, first, birth)),
            lambda found: self._on_searched(key, found),
            lambda exc: self._on_search_failed(key, exc),
        )

    def _on_search_failed(self, key: tuple[str, str, date | None], exc: BaseException) -> None:
        if key != self._search_key():
            return  # the user typed on: a newer search follows
        self.hits_label.setText(
            self.tr("Die Suche ist fehlgeschlagen: %1").replace("%1", error_text(exc))
        )
        self._searched_for = key
        self.duplicates_model.set_rows([])
        self._update_search_buttons()

    def _on_searched(
        self, key: tuple[str, str, date | None], hits: list[DuplicateCandidate]
    ) -> None:
        if key != self._search_key():
            return  # the user typed on: a newer search follows
        if not hits:
            self.hits_label.setText(self.tr("Keine ähnlichen Fälle gefunden."))
        elif len(hits) == 1:
            self.hits_label.setText(
                self.tr("Ein möglicher Treffer – bitte prüfen, ob es derselbe Fall ist:")
            )
        else:
            self.hits_label.setText(
                self.tr(
                    "%1 mögliche Treffer – bitte prüfen, ob einer davon derselbe Fall ist:"
                ).replace("%1", str(len(hits)))
            )
        self._searched_for = key
        self.duplicates_model.set_rows(hits)
        self._update_search_buttons()

    def _update_search_buttons(self, *_args: object) -> None:
        has_name = bool(self.last_name_edit.text().strip())
        self.new_button.setEnabled(has_name)
        self.open_button.setEnabled(_selected_row(self.duplicates_view) is not None)
        if self.duplicates_model.rowCount() and self._searched_for == self._search_key():
            self.new_button.setText(self.tr("&Trotzdem neuen Fall anlegen"))
        else:
            self.new_button.setText(self.tr("Weiter: &neuen Fall anlegen"))

    def open_selected(self) -> None:
        """Answer with the selected existing case instead of a new one."""
        row = _selected_row(self.duplicates_view)
        if row is None:
            return
        self.set_result(OpenExisting(self.duplicates_model.row(row).case.id))

    def confirm_new_case(self) -> None:
        """Go on to the details — but only once the user has seen the hits for this input."""
        if not self.last_name_edit.text().strip():
            return
        if self._searched_for != self._search_key():
            self.search()
            if self.duplicates_model.rowCount():
                self.duplicates_view.setFocus()
                return  # new hits: the user looks at them and confirms again
        self.show_details_page()

    # -- page 2: details -----------------------------------------------------------------
    def _build_details_page(
        self, workers: Sequence[User], file_number: str, lead_worker: str | None
    ) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.setContentsMargins(0, 0, 0, 0)
        columns = QHBoxLayout()
        outer.addLayout(columns, 1)

        form = QFormLayout()
        self.file_number_edit = QLineEdit(file_number)
        self.opened_on_edit = DateField(self._today, default=self._today)
        self.display_name_edit = QLineEdit()
        self.street_edit = QLineEdit()
        self.postal_code_edit = QLineEdit()
        self.postal_code_edit.setMaxLength(10)
        self.social_space_combo = QComboBox()
        fill_social_spaces(
            self.social_space_combo, self.tr("— bitte wählen —"), self.tr("%1 (Modellregion)")
        )
        self.lead_worker_combo = QComboBox()
        self.lead_worker_combo.addItem(self.tr("— noch offen —"), None)
        for user in sorted(
            (u for u in workers if u.active and u.role in (Role.CASEWORKER, Role.ADMIN)),
            key=lambda u: german_key(u.name),
        ):
            self.lead_worker_combo.addItem(user.name, user.login)
        select_value(self.lead_worker_combo, lead_worker)
        self.next_review_edit = DateField(optional=True, default=self._today)
        self.child_protection_check = QCheckBox(
            self.tr("Gefährdungseinschätzung nach § &8a SGB VIII")
        )
        self.child_protection_check.setAccessibleName(
            self.tr("Gefährdungseinschätzung nach § 8a SGB VIII")
        )
        self.add_row(form, self.tr("&Aktenzeichen:"), self.file_number_edit)
        self.add_row(form, self.tr("Fall&beginn:"), self.opened_on_edit)
        self.add_row(form, self.tr("Famil&ie:"), self.display_name_edit)
        self.add_row(form, self.tr("S&traße:"), self.street_edit)
        self.add_row(form, self.tr("&PLZ:"), self.postal_code_edit)
        self.add_row(form, self.tr("S&ozialraum:"), self.social_space_combo)
        self.add_row(form, self.tr("&Fallführende Fachkraft:"), self.lead_worker_combo)
        self.add_row(form, self.tr("&Nächste Überprüfung:"), self.next_review_edit)
        form.addRow("", self.child_protection_check)
        columns.addLayout(form, 1)

        right = QVBoxLayout()
        self.reason_edit = multiline(110)
        self.reason_edit.setPlaceholderText(self.tr("Worum geht es? Wer hat sich gemeldet?"))
        self.reason_edit.setAccessibleName(self.tr("Anlass"))
        reason_label = QLabel(self.tr("An&lass:"))
        reason_label.setBuddy(self.reason_edit)
        right.addWidget(reason_label)
        right.addWidget(self.reason_edit, 1)
        self.focus_areas_list = CheckList(
            ((i.code, core_label(i.name)) for i in catalogue("focus_areas")), columns=2
        )
        self.focus_areas_list.setAccessibleName(self.tr("Schwerpunkte"))
        areas_label = QLabel(self.tr("Sch&werpunkte:"))
        areas_label.setBuddy(self.focus_areas_list)
        right.addWidget(areas_label)
        right.addWidget(self.focus_areas_list)
        columns.addLayout(right, 1)

        persons_label = QLabel(self.tr("Pe&rsonen im Haushalt:"))
        outer.addWidget(persons_label)
        persons_row = QHBoxLayout()
        self.persons_model = PersonDraftTableModel(self)
        self.persons_view = QTableView()
        self.persons_view.setAccessibleName(self.tr("Personen im Haushalt"))
        self.persons_view.setMinimumHeight(100)
        self.persons_view.setMaximumHeight(150)
        _setup_table(self.persons_view, self.persons_model)
        self.persons_view.activated.connect(lambda _index: self.edit_person())
        persons_label.setBuddy(self.persons_view)
        persons_row.addWidget(self.persons_view, 1)
        person_buttons = QVBoxLayout()
        self.add_person_button = QPushButton(self.tr("Person &hinzufügen …"))
        self.add_person_button.clicked.connect(self.add_person)
        self.edit_person_button = QPushButton(self.tr("Än&dern …"))
        self.edit_person_button.clicked.connect(self.edit_person)
        self.remove_person_button = QPushButton(self.tr("&Entfernen"))
        self.remove_person_button.clicked.connect(self.remove_person)
        for b in (self.add_person_button, self.edit_person_button, self.remove_person_button):
            person_buttons.addWidget(b)
        person_buttons.addStretch(1)
        persons_row.addLayout(person_buttons)
        outer.addLayout(persons_row)

        chain = [
            self.file_number_edit,
            self.opened_on_edit,
            self.display_name_edit,
            self.street_edit,
            self.postal_code_edit,
            self.social_space_combo,
            self.lead_worker_combo,
            self.next_review_edit,
            self.child_protection_check,
            self.reason_edit,
            self.focus_areas_list,
            self.persons_view,
            self.add_person_button,
            self.edit_person_button,
            self.remove_person_button,
        ]
        tab_order(*chain)
        return page

    def _show_page(self, page: int) -> None:
        self.stack.setCurrentIndex(page)
        details = page == self.DETAILS_PAGE
        self.save_button.setVisible(details)
        self.back_button.setVisible(details)
        self.revalidate()

    def show_search_page(self) -> None:
        persons = self.persons_model.rows()
        if persons:  # page 1 shows the main person as it now is
            main = persons[0]
            self.last_name_edit.setText(main.last_name)
            self.first_name_edit.setText(main.first_name)
            self.birth_date_edit.set_value(main.birth_date)
        self._show_page(self.SEARCH_PAGE)
        self.last_name_edit.setFocus()

    def show_details_page(self) -> None:
        last, first, birth = self._search_key()
        persons = list(self.persons_model.rows())
        if persons:
            persons[0] = replace(persons[0], first_name=first, last_name=last, birth_date=birth)
            self.persons_model.replace_row(0, persons[0])
        else:
            self.persons_model.append(
                PersonDraft(first, last, birth, role=_role_for_age(birth, self._today))
            )
        family = self.tr("Familie %1").replace("%1", last)
        if self.display_name_edit.text().strip() in ("", self._auto_display_name):
            self.display_name_edit.setText(family)
            self._auto_display_name = family
        self._show_page(self.DETAILS_PAGE)
        (
            self.social_space_combo if self.file_number_edit.text() else self.file_number_edit
        ).setFocus()

    def add_person(self) -> None:
        last = self.persons_model.rows()[0].last_name if self.persons_model.rowCount() else ""
        person = PersonDialog.ask(self, today=self._today, last_name=last)
        if person is not None:
            self.persons_model.append(person)

    def edit_person(self) -> None:
        row = _selected_row(self.persons_view)
        if row is None:
            return
        person = PersonDialog.ask(self, today=self._today, person=self.persons_model.rows()[row])
        if person is not None:
            self.persons_model.replace_row(row, person)

    def remove_person(self) -> None:
        row = _selected_row(self.persons_view)
        if row is not None:
            self.persons_model.remove(row)

    # -- FormDialog ----------------------------------------------------------------------
    def validation_active(self) -> bool:
        return self.stack.currentIndex() == self.DETAILS_PAGE

    def draft(self) -> CaseDraft:
        problems = []
        if not self.persons_model.rowCount():
            problems.append((self.tr("Personen"), self.tr("Mindestens eine Person ist nötig.")))
        d = CaseDraft(
            file_number=self.file_number_edit.text(),
            family=FamilyDraft(
                display_name=self.display_name_edit.text(),
                social_space=combo_value(self.social_space_combo) or "",
                street=self.street_edit.text(),
                postal_code=self.postal_code_edit.text(),
            ),
            persons=self.persons_model.rows(),
            lead_worker=combo_value(self.lead_worker_combo),
            opened_on=self.opened_on_edit.value(),
            reason_for_contact=self.reason_edit.toPlainText(),
            focus_areas=self.focus_areas_list.checked(),
            child_protection=self.child_protection_check.isChecked(),
            next_review=self.next_review_edit.value(),
        )
        return combine_problems(problems, lambda: rules.check_case(d, self._today))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Eingabe searches on page 1 and moves to the next field on page 2 (no hasty save)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            if self.validation_active():
                self.focusNextChild()
            else:
                self.search()
            return
        super().keyPressEvent(event)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        *,
        find_duplicates: FindDuplicates,
        workers: Sequence[User],
        today: date,
        file_number: str = "",
        lead_worker: str | None = None,
        runner: Runner | None = None,
    ) -> CaseDraft | OpenExisting | None:
        dlg = cls(
            parent,
            find_duplicates=find_duplicates,
            workers=workers,
            today=today,
            file_number=file_number,
            lead_worker=lead_worker,
            runner=runner,
        )
        try:
            return dlg.result_draft() if dlg.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dlg.deleteLater()
