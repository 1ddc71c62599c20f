"""Entry dialogs of the case file: new case (search before create), person, note, consent, help,
resource, close/reopen, settings.

Dialogs collect, callers save (STYLE.md habit 5): each ``ask()`` classmethod returns a checked
draft (or a small tuple) or ``None``; the caller hands it to a service. Nothing here touches the
database — ``NewCaseDialog`` gets the duplicate search as a plain callable.
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
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sro_case.domain import rules
from sro_case.domain.catalogues import age_in_years, catalogue
from sro_case.domain.enums import NoteKind, PersonRole, ResourceKind, Role, Sex
from sro_case.domain.models import (
    CaseDraft,
    ConsentDraft,
    Family,
    FamilyDraft,
    HelpDraft,
    NoteDraft,
    Person,
    PersonDraft,
    ResourceDraft,
    User,
)
from sro_case.domain.sorting import german_key
from sro_case.domain.validation import Checker
from sro_case.errors import SroCaseError
from ui.forms import (
    CheckList,
    DateField,
    FormDialog,
    MoneyField,
    combine_problems,
    combo_value,
    fill_from_catalogue,
    fill_from_enum,
    format_date,
    select_value,
    tab_order,
)
from ui.i18n import DEFAULT_LANGUAGE, LANGUAGES, core_label, error_text
from ui.tables import HeaderedTableModel

if TYPE_CHECKING:
    from sro_case.services.cases import DuplicateCandidate

ID_ROLE = Qt.UserRole + 1  # same value as ui.case_table_model.ID_ROLE

Index = QModelIndex | QPersistentModelIndex
FindDuplicates = Callable[[str, str, date | None], Sequence["DuplicateCandidate"]]


@dataclass(frozen=True)
class OpenExisting:
    """The answer of ``NewCaseDialog`` when the user picks an existing case instead of a new one."""

    case_id: int


def _person_text(person: Person | PersonDraft) -> str:
    name = f"{person.first_name} {person.last_name}".strip()
    return f"{name} ({format_date(person.birth_date)})" if person.birth_date else name


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


def _fill_persons(combo: QComboBox, persons: Sequence[Person], placeholder: str) -> None:
    combo.clear()
    combo.addItem(placeholder, None)
    for p in persons:
        combo.addItem(_person_text(p), p.id)


def _multiline(min_height: int = 90) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)  # Tab moves on; the text itself rarely needs tabs
    edit.setMinimumHeight(min_height)
    return edit


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

    def data(self, index: Index, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        d = self._rows[index.row()]
        if role == ID_ROLE:
            return d.case.id
        if role == Qt.DisplayRole:
            return (
                d.case.file_number,
                d.case.family_name,
                core_label(self._statuses.label(d.case.status)),
                d.person,
                format_date(d.birth_date),
                d.reason,
            )[index.column()]
        if role == Qt.ToolTipRole:
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
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()

    def data(self, index: Index, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        p = self._rows[index.row()]
        if role == Qt.DisplayRole:
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
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setSelectionMode(QAbstractItemView.SingleSelection)
    view.setEditTriggers(QAbstractItemView.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setTabKeyNavigation(False)  # Tab leaves the table, arrow keys move inside
    view.setWordWrap(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)  # wrapped reasons
    view.horizontalHeader().setStretchLastSection(True)


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
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Neuer Fall"))
        self.preferred_width = 900
        self._find_duplicates = find_duplicates
        self._today = today
        self._searched_for: tuple[str, str, date | None] | None = None
        self._auto_display_name = ""

        self.stack = QStackedWidget()
        self.body.addWidget(self.stack)
        self.stack.addWidget(self._build_search_page())
        self.stack.addWidget(self._build_details_page(workers, file_number, lead_worker))

        self.back_button = self.buttons.addButton(self.tr("&Zurück"), QDialogButtonBox.ResetRole)
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
        try:
            hits = list(self._find_duplicates(last, first, birth))
        except SroCaseError as exc:
            hits = []
            self.hits_label.setText(
                self.tr("Die Suche ist fehlgeschlagen: %1").replace("%1", error_text(exc))
            )
        else:
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
        _fill_social_spaces(
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
        self.reason_edit = _multiline(110)
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
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and not (
            event.modifiers() & ~Qt.KeypadModifier
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
    ) -> CaseDraft | OpenExisting | None:
        dlg = cls(
            parent,
            find_duplicates=find_duplicates,
            workers=workers,
            today=today,
            file_number=file_number,
            lead_worker=lead_worker,
        )
        try:
            return dlg.result_draft() if dlg.exec() == QDialog.Accepted else None
        finally:
            dlg.deleteLater()


# --------------------------------------------------------------------------- person


class PersonDialog(FormDialog):
    """A person of the household (new, or an existing one to edit)."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        today: date,
        person: Person | PersonDraft | None = None,
        last_name: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Person bearbeiten") if person is not None else self.tr("Person hinzufügen")
        )
        self.preferred_width = 440
        self._today = today
        form = QFormLayout()
        self.first_name_edit = QLineEdit()
        self.last_name_edit = QLineEdit(last_name)
        self.birth_date_edit = DateField(optional=True, default=today)
        self.sex_combo = QComboBox()
        fill_from_enum(self.sex_combo, Sex)
        select_value(self.sex_combo, Sex.UNSPECIFIED.value)
        self.role_combo = QComboBox()
        fill_from_enum(self.role_combo, PersonRole)
        self.add_row(form, self.tr("&Vorname:"), self.first_name_edit)
        self.add_row(form, self.tr("&Familienname:"), self.last_name_edit)
        self.add_row(form, self.tr("Geburts&datum:"), self.birth_date_edit)
        self.add_row(form, self.tr("&Geschlecht:"), self.sex_combo)
        self.add_row(form, self.tr("&Rolle:"), self.role_combo)
        self.body.addLayout(form)
        if person is not None:
            self.first_name_edit.setText(person.first_name)
            self.last_name_edit.setText(person.last_name)
            self.birth_date_edit.set_value(person.birth_date)
            select_value(self.sex_combo, person.sex)
            select_value(self.role_combo, person.role)
        self.finish(
            self.first_name_edit,
            self.last_name_edit,
            self.birth_date_edit,
            self.sex_combo,
            self.role_combo,
        )

    def draft(self) -> PersonDraft:
        d = PersonDraft(
            first_name=self.first_name_edit.text(),
            last_name=self.last_name_edit.text(),
            birth_date=self.birth_date_edit.value(),
            sex=combo_value(self.sex_combo) or "",
            role=combo_value(self.role_combo) or "",
        )
        return rules.check_person(d, self._today)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        *,
        today: date,
        person: Person | PersonDraft | None = None,
        last_name: str = "",
    ) -> PersonDraft | None:
        dlg = cls(parent, today=today, person=person, last_name=last_name)
        try:
            return dlg.result_draft() if dlg.exec() == QDialog.Accepted else None
        finally:
            dlg.deleteLater()


# --------------------------------------------------------------------------- family


def _fill_social_spaces(combo: QComboBox, placeholder: str, model_region: str) -> None:
    """The Sozialräume of the catalogue; model regions marked (``model_region`` holds %1)."""
    fill_from_catalogue(
        combo,
        "social_spaces",
        placeholder=placeholder,
        text=lambda item: (
            model_region.replace("%1", item.name) if item.get("is_model_region") else item.name
        ),
    )


class FamilyDialog(FormDialog):
    """The household of a case: its name, address and Sozialraum (to correct or after a move)."""

    def __init__(self, parent: QWidget | None = None, *, family: Family | FamilyDraft) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Familie bearbeiten"))
        self.preferred_width = 480
        form = QFormLayout()
        self.display_name_edit = QLineEdit(family.display_name)
        self.street_edit = QLineEdit(family.street)
        self.postal_code_edit = QLineEdit(family.postal_code)
        self.postal_code_edit.setMaxLength(10)
        self.city_edit = QLineEdit(family.city)
        self.social_space_combo = QComboBox()
        _fill_social_spaces(
            self.social_space_combo,
            self.tr("— bitte wählen —"),
            self.tr("%1 (Modellregion)"),
        )
        select_value(self.social_space_combo, family.social_space or None)
        self.add_row(form, self.tr("&Familie:"), self.display_name_edit)
        self.add_row(form, self.tr("S&traße:"), self.street_edit)
        self.add_row(form, self.tr("&PLZ:"), self.postal_code_edit)
        self.add_row(form, self.tr("&Ort:"), self.city_edit)
        self.add_row(form, self.tr("S&ozialraum:"), self.social_space_combo)
        self.body.addLayout(form)
        hint = QLabel(
            self.tr(
                "Ein neuer Sozialraum gilt für die offenen Fälle der Familie; abgeschlossene "
                "Fälle behalten ihren Sozialraum."
            )
        )
        hint.setWordWrap(True)
        self.body.addWidget(hint)
        self.finish(
            self.display_name_edit,
            self.street_edit,
            self.postal_code_edit,
            self.city_edit,
            self.social_space_combo,
        )

    def draft(self) -> FamilyDraft:
        d = FamilyDraft(
            display_name=self.display_name_edit.text(),
            social_space=combo_value(self.social_space_combo) or "",
            street=self.street_edit.text(),
            postal_code=self.postal_code_edit.text(),
            city=self.city_edit.text(),
        )
        c = Checker()
        checked = rules.check_family(d, c)
        c.done()
        return checked

    @classmethod
    def ask(cls, parent: QWidget | None, *, family: Family | FamilyDraft) -> FamilyDraft | None:
        dlg = cls(parent, family=family)
        try:
            return dlg.result_draft() if dlg.exec() == QDialog.Accepted else None
        finally:
            dlg.deleteLater()


# --------------------------------------------------------------------------- note


class NoteDialog(FormDialog):
    """A Verlauf entry, made for the keyboard: Art by first letter, Tab, text, Strg+Eingabe."""

    def __init__(self, parent: QWidget | None = None, *, today: date) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Verlaufseintrag"))
        self.preferred_width = 560
        self._today = today
        form = QFormLayout()
        self.kind_combo = QComboBox()
        fill_from_enum(self.kind_combo, NoteKind)
        self.kind_combo.setToolTip(
            self.tr("Anfangsbuchstabe wählt die Art, z. B. T für Telefonat.")
        )
        self.date_edit = DateField(today, default=today)
        self.participants_edit = QLineEdit()
        self.participants_edit.setPlaceholderText(self.tr("z. B. Mutter, Lena, Schulsozialarbeit"))
        self.text_edit = _multiline(180)
        self.entrusted_check = QCheckBox(self.tr("an&vertraut (§ 65 SGB VIII)"))
        self.entrusted_check.setAccessibleName(self.tr("anvertraut (§ 65 SGB VIII)"))
        self.entrusted_check.setToolTip(
            self.tr(
                "Der Inhalt wurde Ihnen persönlich anvertraut. Er erscheint nicht in Konferenzen, "
                "Berichten und Exporten, solange die Person nicht eingewilligt hat."
            )
        )
        self.add_row(form, self.tr("&Art:"), self.kind_combo)
        self.add_row(form, self.tr("&Datum:"), self.date_edit)
        self.add_row(form, self.tr("&Beteiligte:"), self.participants_edit)
        self.add_row(form, self.tr("&Text:"), self.text_edit)
        form.addRow("", self.entrusted_check)
        self.body.addLayout(form)
        hint = QLabel(self.tr("Strg+Eingabe speichert."))
        hint.setEnabled(False)
        self.body.addWidget(hint)
        self.watch(
            self.kind_combo,
            self.date_edit,
            self.participants_edit,
            self.text_edit,
            self.entrusted_check,
        )
        self.kind_combo.setFocus()
        self.start()

    def draft(self) -> NoteDraft:
        d = NoteDraft(
            occurred_on=self.date_edit.value(),  # type: ignore[arg-type]  # required field
            kind=combo_value(self.kind_combo) or "",
            text=self.text_edit.toPlainText(),
            participants=self.participants_edit.text(),
            entrusted=self.entrusted_check.isChecked(),
        )
        return rules.check_note(d, self._today)

    @classmethod
    def ask(cls, parent: QWidget | None, *, today: date) -> NoteDraft | None:
        dlg = cls(parent, today=today)
        try:
            return dlg.result_draft() if dlg.exec() == QDialog.Accepted else None
        finally:
            dlg.deleteLater()


# --------------------------------------------------------------------------- consent


class ConsentDialog(FormDialog):
    """A consent (Schweigepflichtentbindung) of one person for some disciplines."""

    def __init__(
        self, parent: QWidget | None = None, *, persons: Sequence[Person], today: date
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Einwilligung erfassen"))
        self.preferred_width = 560
        self._today = today
        form = QFormLayout()
        self.person_combo = QComboBox()
        _fill_persons(self.person_combo, persons, self.tr("— bitte wählen —"))
        if len(persons) == 1:
            self.person_combo.setCurrentIndex(1)
        self.disciplines_list = CheckList(
            ((i.code, core_label(i.name)) for i in catalogue("disciplines")), columns=2
        )
        self.scope_edit = _multiline(70)
        self.scope_edit.setPlaceholderText(
            self.tr("Welche Angaben dürfen weitergegeben werden? An wen genau?")
        )
        self.given_on_edit = DateField(today, default=today)
        self.expires_on_edit = DateField(optional=True, default=today)
        self.entrusted_check = QCheckBox(self.tr("gibt an&vertraute Daten (§ 65 SGB VIII) frei"))
        self.entrusted_check.setAccessibleName(
            self.tr("gibt anvertraute Daten (§ 65 SGB VIII) frei")
        )
        self.add_row(form, self.tr("&Person:"), self.person_combo)
        self.add_row(form, self.tr("&Empfänger:"), self.disciplines_list)
        self.add_row(form, self.tr("&Umfang:"), self.scope_edit)
        self.add_row(form, self.tr("Erteilt &am:"), self.given_on_edit)
        self.add_row(form, self.tr("&Gültig bis:"), self.expires_on_edit)
        form.addRow("", self.entrusted_check)
        self.body.addLayout(form)
        self.watch(
            self.person_combo,
            self.disciplines_list,
            self.scope_edit,
            self.given_on_edit,
            self.expires_on_edit,
            self.entrusted_check,
        )
        self.person_combo.setFocus()
        self.start()

    def draft(self) -> ConsentDraft:
        person_id = combo_value(self.person_combo)
        problems = []
        if person_id is None:
            problems.append((self.tr("Person"), self.tr("muss ausgewählt werden.")))
        d = ConsentDraft(
            person_id=person_id or 0,
            disciplines=self.disciplines_list.checked(),
            given_on=self.given_on_edit.value(),  # type: ignore[arg-type]  # required field
            expires_on=self.expires_on_edit.value(),
            data_scope=self.scope_edit.toPlainText(),
            releases_entrusted=self.entrusted_check.isChecked(),
        )
        return combine_problems(problems, lambda: rules.check_consent(d, self._today))

    @classmethod
    def ask(
        cls, parent: QWidget | None, *, persons: Sequence[Person], today: date
    ) -> ConsentDraft | None:
        dlg = cls(parent, persons=persons, today=today)
        try:
            return dlg.result_draft() if dlg.exec() == QDialog.Accepted else None
        finally:
            dlg.deleteLater()


# --------------------------------------------------------------------------- help


class HelpDialog(FormDialog):
    """A help or offer from the catalogue (HzE and SRO offers), with hours and monthly cost."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        persons: Sequence[Person],
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hilfe erfassen"))
        self.preferred_width = 600
        today = today or date.today()
        form = QFormLayout()
        self.help_type_combo = QComboBox()
        fill_from_catalogue(
            self.help_type_combo,
            "help_types",
            placeholder=self.tr("— bitte wählen —"),
            text=lambda item: f"{item.get('paragraph', '')} {core_label(item.name)}".strip(),
        )
        self._separate_categories()
        self.person_combo = QComboBox()
        _fill_persons(self.person_combo, persons, self.tr("— keine bestimmte Person —"))
        self.provider_edit = QLineEdit()
        self.provider_edit.setPlaceholderText(self.tr("Träger oder Einrichtung"))
        self.start_edit = DateField(today, default=today)
        self.end_edit = DateField(optional=True, default=today)
        self.end_reason_combo = QComboBox()
        fill_from_catalogue(
            self.end_reason_combo, "end_reasons", placeholder=self.tr("— bitte wählen —")
        )
        self.hours_spin = QSpinBox()
        self.hours_spin.setRange(0, 168)
        self.hours_spin.setSpecialValueText("—")
        self.hours_spin.setSuffix(self.tr(" Std."))
        self.cost_edit = MoneyField()
        self.cost_edit.setAccessibleName(self.tr("Monatliche Kosten in Euro"))
        cost_row = QHBoxLayout()
        cost_row.addWidget(self.cost_edit, 1)
        cost_row.addWidget(QLabel("€"))
        self.add_row(form, self.tr("&Hilfeart:"), self.help_type_combo)
        self.add_row(form, self.tr("&Person:"), self.person_combo)
        self.add_row(form, self.tr("&Träger:"), self.provider_edit)
        self.add_row(form, self.tr("&Beginn:"), self.start_edit)
        self.add_row(form, self.tr("&Ende:"), self.end_edit)
        self.end_reason_label = self.add_row(
            form, self.tr("Beendigungs&grund:"), self.end_reason_combo
        )
        self.add_row(form, self.tr("&Wochenstunden:"), self.hours_spin)
        cost_label = QLabel(self.tr("Monatliche &Kosten:"))
        cost_label.setBuddy(self.cost_edit)
        form.addRow(cost_label, cost_row)
        self.body.addLayout(form)
        self.end_edit.changed.connect(self._update_end_reason)
        self._update_end_reason()
        self.watch(
            self.help_type_combo,
            self.person_combo,
            self.provider_edit,
            self.start_edit,
            self.end_edit,
            self.end_reason_combo,
            self.hours_spin,
            self.cost_edit,
        )
        self.help_type_combo.setFocus()
        self.start()

    def _separate_categories(self) -> None:
        """A separator between HzE, Eingliederungshilfe, … and the SRO offers."""
        combo = self.help_type_combo
        cat = catalogue("help_types")
        previous = None
        for i in range(combo.count() - 1, 0, -1):
            code = combo.itemData(i)
            category = cat.by_code(code).get("category") if code else None
            if previous is not None and category != previous:
                combo.insertSeparator(i + 1)
            previous = category

    def _update_end_reason(self) -> None:
        ended = not self.end_edit.is_empty()
        self.end_reason_combo.setEnabled(ended)
        self.end_reason_label.setEnabled(ended)

    def draft(self) -> HelpDraft:
        problems = []
        try:
            cents = self.cost_edit.cents()
        except ValueError:
            cents = None
            problems.append(
                (
                    self.tr("Monatliche Kosten"),
                    self.tr("bitte als Betrag in Euro eingeben, z. B. 1.234,56."),
                )
            )
        end = self.end_edit.value()
        d = HelpDraft(
            help_type=combo_value(self.help_type_combo) or "",
            start_on=self.start_edit.value(),  # type: ignore[arg-type]  # required field
            person_id=combo_value(self.person_combo),
            provider=self.provider_edit.text(),
            end_on=end,
            hours_per_week=self.hours_spin.value() or None,
            monthly_cost_cents=cents,
            end_reason=combo_value(self.end_reason_combo) if end else None,
        )
        return combine_problems(problems, lambda: rules.check_help(d))

    @classmethod
    def ask(
        cls, parent: QWidget | None, *, persons: Sequence[Person], today: date | None = None
    ) -> HelpDraft | None:
        dlg = cls(parent, persons=persons, today=today)
        try:
            return dlg.result_draft() if dlg.exec() == QDialog.Accepted else None
        finally:
            dlg.deleteLater()


# --------------------------------------------------------------------------- resource


class ResourceDialog(FormDialog):
    """A resource of the person, the family network, the Sozialraum or an institution."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ressource erfassen"))
        self.preferred_width = 500
        form = QFormLayout()
        self.kind_combo = QComboBox()
        fill_from_enum(self.kind_combo, ResourceKind, placeholder=self.tr("— bitte wählen —"))
        self.description_edit = _multiline(100)
        self.description_edit.setPlaceholderText(
            self.tr("z. B. Oma wohnt nebenan und holt die Kinder dienstags ab")
        )
        self.add_row(form, self.tr("&Art:"), self.kind_combo)
        self.add_row(form, self.tr("&Beschreibung:"), self.description_edit)
        self.body.addLayout(form)
        self.watch(self.kind_combo, self.description_edit)
        self.kind_combo.setFocus()
        self.start()

    def draft(self) -> ResourceDraft:
        d = ResourceDraft(
            kind=combo_value(self.kind_combo) or "", description=self.description_edit.toPlainText()
        )
        return rules.check_resource(d)

    @classmethod
    def ask(cls, parent: QWidget | None) -> ResourceDraft | None:
        dlg = cls(parent)
        try:
            return dlg.result_draft() if dlg.exec() == QDialog.Accepted else None
        finally:
            dlg.deleteLater()


# --------------------------------------------------------------------------- close / reopen


class CloseCaseDialog(FormDialog):
    """Close a case: an end reason is required (official statistics), the date not in future."""

    def __init__(self, parent: QWidget | None = None, *, today: date, opened_on: date) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fall abschließen"))
        self.preferred_width = 520
        self.save_button.setText(self.tr("Fall &abschließen"))
        self._today = today
        self._opened_on = opened_on
        intro = QLabel(
            self.tr(
                "Ein abgeschlossener Fall kann mit Begründung wieder aufgenommen werden. "
                "Mit dem Abschluss beginnt die Löschfrist."
            )
        )
        intro.setWordWrap(True)
        self.body.addWidget(intro)
        form = QFormLayout()
        self.reason_combo = QComboBox()
        fill_from_catalogue(
            self.reason_combo, "end_reasons", placeholder=self.tr("— bitte wählen —")
        )
        self.closed_on_edit = DateField(today, default=today)
        self.add_row(form, self.tr("&Beendigungsgrund:"), self.reason_combo)
        self.add_row(form, self.tr("Abschluss&datum:"), self.closed_on_edit)
        self.body.addLayout(form)
        self.watch(self.reason_combo, self.closed_on_edit)
        self.reason_combo.setFocus()
        self.start()

    def draft(self) -> tuple[str, date]:
        c = Checker()
        reason = c.choice(
            self.tr("Beendigungsgrund"),
            combo_value(self.reason_combo),
            set(catalogue("end_reasons").codes()),
        )
        closed = c.date(
            self.tr("Abschlussdatum"),
            self.closed_on_edit.value(),
            required=True,
            not_future=self._today,
        )
        c.order(self.tr("Abschlussdatum"), self._opened_on, closed, self.tr("dem Fallbeginn"))
        c.done()
        return reason, closed  # type: ignore[return-value]  # done() raised otherwise

    @classmethod
    def ask(
        cls, parent: QWidget | None, *, today: date, opened_on: date
    ) -> tuple[str, date] | None:
        dlg = cls(parent, today=today, opened_on=opened_on)
        try:
            return dlg.result_draft() if dlg.exec() == QDialog.Accepted else None
        finally:
            dlg.deleteLater()


class ReopenDialog(FormDialog):
    """Reopen a closed case; the reason is required and goes into the status history."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fall wieder aufnehmen"))
        self.preferred_width = 460
        self.save_button.setText(self.tr("&Wieder aufnehmen"))
        intro = QLabel(
            self.tr("Der Fall wird wieder geöffnet; der Grund steht danach in der Statushistorie.")
        )
        intro.setWordWrap(True)
        self.body.addWidget(intro)
        form = QFormLayout()
        self.reason_combo = QComboBox()
        fill_from_catalogue(
            self.reason_combo, "reopen_reasons", placeholder=self.tr("— bitte wählen —")
        )
        self.add_row(form, self.tr("&Grund:"), self.reason_combo)
        self.body.addLayout(form)
        self.watch(self.reason_combo)
        self.reason_combo.setFocus()
        self.start()

    def draft(self) -> str:
        c = Checker()
        reason = c.choice(
            self.tr("Grund"),
            combo_value(self.reason_combo),
            set(catalogue("reopen_reasons").codes()),
        )
        c.done()
        return reason  # type: ignore[return-value]  # done() raised otherwise

    @classmethod
    def ask(cls, parent: QWidget | None) -> str | None:
        dlg = cls(parent)
        try:
            return dlg.result_draft() if dlg.exec() == QDialog.Accepted else None
        finally:
            dlg.deleteLater()


# --------------------------------------------------------------------------- settings


class SettingsDialog(FormDialog):
    """Language and automatic lock. Language names are shown in their own language."""

    DEFAULT_IDLE_MINUTES = 10

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        language: str = DEFAULT_LANGUAGE,
        idle_minutes: int = 10,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Einstellungen"))
        self.preferred_width = 440
        self.save_button.setText(self.tr("Ü&bernehmen"))
        grid = QGridLayout()
        self.language_combo = QComboBox()
        for code, name in LANGUAGES.items():  # each in its own language, never translated
            self.language_combo.addItem(name, code)
        select_value(self.language_combo, language if language in LANGUAGES else DEFAULT_LANGUAGE)
        self.idle_spin = QSpinBox()
        self.idle_spin.setRange(1, 120)
        self.idle_spin.setSuffix(self.tr(" min"))
        self.idle_spin.setValue(
            idle_minutes if 1 <= idle_minutes <= 120 else self.DEFAULT_IDLE_MINUTES
        )
        language_label = QLabel(self.tr("&Sprache:"))
        language_label.setBuddy(self.language_combo)
        self.language_combo.setAccessibleName(self.tr("Sprache"))
        idle_label = QLabel(self.tr("Automatische Sperre &nach:"))
        idle_label.setBuddy(self.idle_spin)
        self.idle_spin.setAccessibleName(self.tr("Automatische Sperre nach Minuten ohne Eingabe"))
        grid.addWidget(language_label, 0, 0)
        grid.addWidget(self.language_combo, 0, 1)
        grid.addWidget(idle_label, 1, 0)
        grid.addWidget(self.idle_spin, 1, 1)
        grid.setColumnStretch(1, 1)
        self.body.addLayout(grid)
        hint = QLabel(
            self.tr(
                "Ohne Eingabe sperrt sich das Programm nach der eingestellten Zeit; zum "
                "Entsperren ist die Passphrase nötig."
            )
        )
        hint.setWordWrap(True)
        self.body.addWidget(hint)
        self.watch(self.language_combo, self.idle_spin)
        self.language_combo.setFocus()
        self.start()

    def draft(self) -> tuple[str, int]:
        return combo_value(self.language_combo) or DEFAULT_LANGUAGE, self.idle_spin.value()

    @classmethod
    def ask(
        cls, parent: QWidget | None, *, language: str, idle_minutes: int = DEFAULT_IDLE_MINUTES
    ) -> tuple[str, int] | None:
        dlg = cls(parent, language=language, idle_minutes=idle_minutes)
        try:
            return dlg.result_draft() if dlg.exec() == QDialog.Accepted else None
        finally:
            dlg.deleteLater()
