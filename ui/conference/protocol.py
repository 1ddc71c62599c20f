"""Saving and the protocol: "Speichern & Protokoll" checks everything captured, records the
conference with its goal reviews in one transaction (``store.conferences.record``) and writes
the PDF protocol, all on the task runner's database lane; a retry after a failure never
records twice. Also closing: unsaved input is only dropped after asking."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

from sro_case.domain import models as m
from sro_case.domain import rules
from sro_case.domain.catalogues import catalogue
from sro_case.errors import ValidationError
from ui.conference.base import ConferenceBase
from ui.document_names import document_name, file_number_part
from ui.forms import format_date
from ui.i18n import core_label, core_problems
from ui.ops import failure_text, make_document
from ui.refcounts import emit


class ProtocolPart(ConferenceBase):
    """The "Abschluss" section, saving, the protocol file, and closing the window."""

    def _build_save(self) -> None:
        s = self.save_section = self._section(self.tr("Abschluss"))
        self.save_button = QPushButton(self.tr("S&peichern && Protokoll (Strg+S)"))
        self.save_button.clicked.connect(self.save_and_protocol)
        s.body.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)

    def conference_draft(self) -> m.ConferenceDraft:
        """The checked draft of everything captured (raises ValidationError)."""
        if len(self.will_items) == 1:
            who, will = self.will_items[0]
        else:
            will = "\n".join(f"{w}: {t}" if w else t for w, t in self.will_items)
            who = ", ".join(dict.fromkeys(w for w, _t in self.will_items if w))
        draft = m.ConferenceDraft(
            held_on=self.date_field.checked(self.tr("Datum")) or self.store.clock.today(),
            kind=str(self.kind_combo.currentData()),
            facilitator=self.facilitator(),
            participants=tuple(self.participants),
            agenda=tuple(item.title for item in self.agenda),
            family_will=will,
            will_spoken_by=who,
            resources=tuple(self.resources),
            goals=tuple(self.goals),
            decisions=self.decisions_edit.toPlainText(),
            next_review=self.next_review_field.checked(self.tr("Nächste Überprüfung")),
        )
        return rules.check_conference(draft, self.store.clock.today())

    def review_drafts(self) -> list[m.ReviewDraft]:
        drafts = [d for row in self.review_rows if (d := row.draft(self.held_on())) is not None]
        problems: list[tuple[str, str]] = []
        for d in drafts:
            try:
                rules.check_review(d, self.store.clock.today())
            except ValidationError as exc:
                problems += exc.problems
        if problems:
            raise ValidationError(problems)
        return drafts

    def suggested_protocol_name(self) -> str:
        """Only file number and date: a file dialog on the projector shows file names."""
        number = self.detail.summary.file_number if self.detail else str(self.case_id)
        return document_name("Protokoll", number, self.held_on())

    def protocol_folder(self) -> Path:
        """Where Strg+S puts the protocol: ``Protokolle/<Aktenzeichen>`` in the documents
        folder, or the folder chosen in the settings (``protocol/folder``)."""
        chosen = QSettings().value("protocol/folder")
        base = (
            Path(str(chosen))
            if chosen
            else Path(
                QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            )
            / "SRO-Fallmanagement Protokolle"
        )
        number = self.detail.summary.file_number if self.detail else str(self.case_id)
        return base / file_number_part(number)

    def _ask_protocol_path(self, suggested: str) -> Path | None:
        """No file dialog on the projector (#15): the protocol goes into the case's folder,
        under a name that is not taken yet."""
        folder = self.protocol_folder()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return self._ask_protocol_path_by_dialog(suggested)
        target = folder / suggested
        stem, n = target.stem, 2
        while target.exists():
            target = folder / f"{stem}_{n}.pdf"
            n += 1
        return target

    def _ask_protocol_path_by_dialog(self, suggested: str) -> Path | None:
        """Only when the case's folder cannot be made: a file dialog, behind the curtain."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        curtain_was_on = self.curtain_on
        self.set_curtain(True)  # the folder's other files are nobody's business in the room
        try:
            path, _filter = QFileDialog.getSaveFileName(
                self.console.dialog_parent(),
                self.tr("Protokoll speichern"),
                str(Path(folder) / suggested),
                self.tr("PDF-Dokument (*.pdf)"),
            )
        finally:
            self.set_curtain(curtain_was_on)
        if not path:
            return None
        return Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")

    def save_and_protocol(self) -> None:
        """Record the conference with its goal reviews (all or nothing), write the PDF."""
        if self._saving or self.detail is None or self.curtain_on:
            return
        draft: m.ConferenceDraft | None = None
        reviews: list[m.ReviewDraft] = []
        if self._save_state.conference_id is None:
            try:
                draft = self.conference_draft()
                reviews = self.review_drafts()
            except ValidationError as exc:
                self._show_message(
                    self.tr("Nicht gespeichert:")
                    + "\n"
                    + "\n".join(
                        f"• {f}: {msg}" if f else f"• {msg}"
                        for f, msg in core_problems(exc.problems)
                    ),
                    error=True,
                )
                return
        path = self.ask_protocol_path(self.suggested_protocol_name())
        if path is None:
            return
        store, case_id, state = self.store, self.case_id, self._save_state
        use_initials = self.use_initials

        def record() -> int:
            """The conference with its reviews, once (a retry only writes the protocol)."""
            if state.conference_id is None:
                assert draft is not None
                state.conference_id = store.conferences.record(case_id, draft, reviews).id
            return state.conference_id

        def protocol(conference_id: int) -> None:
            make_document(
                store,
                self.runner,
                self.render_runner,
                lambda: store.documents.source(
                    case_id, "protocol", conference_id=conference_id, initials=use_initials
                ),
                path,
                lambda written: self._on_saved((conference_id, written)),
                self._on_save_failed,
            )

        self._saving = True
        self.save_button.setEnabled(False)
        self._show_message(self.tr("Wird gespeichert …"))
        # recorded on the database lane, the PDF rendered on the render lane, then written
        self.runner.submit(record, protocol, self._on_save_failed)

    def _on_saved(self, result: tuple[int, Path]) -> None:
        conference_id, path = result
        self._saving = False
        self._finish_capture()
        # the file's name on the shared screen, the whole path only in the tooltip
        self.console.say(
            self.tr("Gespeichert. Protokoll: %1 (im Protokollordner des Falls)").replace(
                "%1", path.name
            ),
            detail=str(path),
        )
        emit(self.conference_saved, conference_id)

    def _on_save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        text = failure_text(exc)
        if self._save_state.conference_id is not None:
            self._finish_capture()
            emit(self.conference_saved, self._save_state.conference_id)
            text = self.tr(
                "Die Konferenz ist gespeichert, aber das Protokoll fehlt noch: %1 – "
                "Strg+S versucht es erneut."
            ).replace("%1", text)
        else:
            text = self.tr("Nicht gespeichert: %1").replace("%1", text)
        self._show_message(text, error=True)

    def _finish_capture(self) -> None:
        """After recording, the captured content is fixed; Strg+S only rewrites the protocol."""
        self.saved = True
        self._dirty = False
        self.timer_running = False
        for section in self.sections:
            section.entry.hide()
            section.show_problems([])
        kind = core_label(catalogue("conference_kinds").label(self.kind_combo.currentData()))
        facilitator = self.name_out(self.facilitator())
        self.frame_summary.setText(
            self.tr("%1 am %2").replace("%1", kind).replace("%2", format_date(self.held_on()))
            + (self.tr(" · Moderation: %1").replace("%1", facilitator) if facilitator else "")
        )
        self.frame_summary.show()
        for row in self.review_rows:
            row.freeze()
        self.decisions_edit.setReadOnly(True)
        self.next_review_field.setReadOnly(True)
        self._refresh()
        self.save_button.setText(self.tr("&Protokoll erneut schreiben (Strg+S)"))
        self.save_button.setEnabled(True)

    def _show_message(self, text: str, *, error: bool = False) -> None:
        self.console.say(text, error=error)

    # ------------------------------------------------------------------ closing
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.dirty and not self._confirm_discard():
            event.ignore()
            return
        self.tick_timer.stop()
        self.console.close()
        emit(self.closed)
        event.accept()
        super().closeEvent(event)

    def _confirm_discard(self) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Konferenz nicht gespeichert"),
            self.tr("Die Konferenz ist noch nicht gespeichert. Eingaben verwerfen und schließen?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("&Verwerfen"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("&Weiter bearbeiten"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        answer = box.exec()
        box.deleteLater()
        return answer == QMessageBox.StandardButton.Yes

    def discard(self) -> None:
        """Close without asking (tests, or the application quits)."""
        self._dirty = False
        self.close()
