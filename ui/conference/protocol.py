"""The protocol panel – the "Abschluss" section: "Speichern & Protokoll" records the conference
with its goal reviews in one transaction (``store.conferences.record``) and writes the PDF
protocol, all on the task runner's database lane; a retry after a failure never records
twice. The protocol goes into the case's folder, a file dialog only when that folder cannot be
made (and then behind the curtain)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QPushButton, QWidget

from sro_case.domain import models as m
from sro_case.errors import Conflict, ValidationError
from ui.conference.context import ConferenceContext
from ui.conference.panel import Panel
from ui.document_names import document_name, file_number_part
from ui.i18n import core_problems
from ui.ops import failure_text, make_document
from ui.refcounts import emit

#: everything captured, checked: the conference and the goal reviews (raises ValidationError)
Drafts = Callable[[], tuple[m.ConferenceDraft, list[m.ReviewDraft]]]


@dataclass
class _SaveState:
    """Survives a failed attempt: once the conference (with its reviews, in one transaction)
    is recorded, a retry only writes the protocol again."""

    conference_id: int | None = None


class ProtocolPanel(Panel):
    """Saving and the protocol file. ``drafts`` gathers what the other panels captured;
    ``ask_protocol_path`` chooses the file (tests replace it); ``dialog_parent`` is where a
    file dialog may appear (the facilitator's screen). Once recorded, the context is marked
    saved (``ConferenceContext.set_saved``).

    Signals: ``conference_saved(int)`` with the id of the recorded conference (also when only
    the protocol failed), ``message(str, bool, str)`` – text, error, detail – for the
    facilitator only.
    """

    conference_saved = Signal(int)
    message = Signal(str, bool, str)
    capture_discarded = Signal()  # after a conflict, the facilitator let the other stand

    def __init__(
        self,
        context: ConferenceContext,
        drafts: Drafts,
        parent: QObject | None = None,
        *,
        dialog_parent: Callable[[], QWidget | None] = lambda: None,
    ) -> None:
        super().__init__(context, parent)
        self._drafts = drafts
        self._dialog_parent = dialog_parent
        self._saving = False
        self._save_state = _SaveState()
        self.ask_protocol_path: Callable[[str], Path | None] = self._ask_protocol_path
        s = self.section = self._section(self.tr("Abschluss"))
        self.save_button = QPushButton(self.tr("S&peichern && Protokoll (Strg+S)"))
        self.save_button.clicked.connect(self.save_and_protocol)
        s.body.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)

    def suggested_protocol_name(self) -> str:
        """Only file number and date: a file dialog on the projector shows file names."""
        return document_name("Protokoll", self._file_number(), self.context.held_on())

    def _file_number(self) -> str:
        detail = self.context.detail
        return detail.summary.file_number if detail else str(self.context.case_id)

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
        return base / file_number_part(self._file_number())

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
        projection = self.context.projection
        curtain_was_on = projection.curtain_on
        projection.set_curtain(True)  # the folder's other files are nobody's business in the room
        try:
            path, _filter = QFileDialog.getSaveFileName(
                self._dialog_parent(),
                self.tr("Protokoll speichern"),
                str(Path(folder) / suggested),
                self.tr("PDF-Dokument (*.pdf)"),
            )
        finally:
            projection.set_curtain(curtain_was_on)
        if not path:
            return None
        return Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")

    def save_and_protocol(self, path: Path | None = None) -> None:
        """Record the conference with its goal reviews (all or nothing), write the PDF (to
        ``path``, or where the facilitator chooses)."""
        context = self.context
        if self._saving or context.detail is None or context.projection.curtain_on:
            return
        draft: m.ConferenceDraft | None = None
        reviews: list[m.ReviewDraft] = []
        if self._save_state.conference_id is None:
            try:
                draft, reviews = self._drafts()
            except ValidationError as exc:
                self._say(
                    self.tr("Nicht gespeichert:")
                    + "\n"
                    + "\n".join(
                        f"• {f}: {msg}" if f else f"• {msg}"
                        for f, msg in core_problems(exc.problems)
                    ),
                    error=True,
                )
                return
        path = path or self.ask_protocol_path(self.suggested_protocol_name())
        if path is None:
            return
        store, case_id, state = context.store, context.case_id, self._save_state
        use_initials = context.projection.use_initials
        version = context.base_version

        def failed(exc: BaseException) -> None:
            self._on_save_failed(exc, draft, path)

        def record() -> int:
            """The conference with its reviews, once (a retry only writes the protocol)."""
            if state.conference_id is None:
                assert draft is not None
                state.conference_id = store.conferences.record(
                    case_id, draft, reviews, expected_version=version
                ).id
            return state.conference_id

        def protocol(conference_id: int) -> None:
            make_document(
                store,
                context.runner,
                context.render_runner,
                lambda: store.documents.source(
                    case_id, "protocol", conference_id=conference_id, initials=use_initials
                ),
                path,
                lambda written: self._on_saved((conference_id, written)),
                failed,
            )

        self._saving = True
        self.save_button.setEnabled(False)
        self._say(self.tr("Wird gespeichert …"))
        # recorded on the database lane, the PDF rendered on the render lane, then written
        context.runner.submit(record, protocol, failed)

    def _on_saved(self, result: tuple[int, Path]) -> None:
        conference_id, path = result
        self._saving = False
        self._finish_capture()
        # the file's name on the shared screen, the whole path only in the tooltip
        self._say(
            self.tr("Gespeichert. Protokoll: %1 (im Protokollordner des Falls)").replace(
                "%1", path.name
            ),
            detail=str(path),
        )
        emit(self.conference_saved, conference_id)

    def _on_save_failed(
        self, exc: BaseException, draft: m.ConferenceDraft | None, path: Path
    ) -> None:
        """The save of ``draft`` (None: only the protocol was to be written) to ``path``
        failed."""
        if isinstance(exc, Conflict) and self._save_state.conference_id is None:
            # still saving until the facilitator has chosen: Strg+S meanwhile starts no second
            # save into the same refusal
            self._resolve_conflict(exc, draft, path)
            return
        self._ready_to_save()
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
        self._say(text, error=True)

    def _resolve_conflict(self, exc: Conflict, draft: m.ConferenceDraft | None, path: Path) -> None:
        """Someone changed the case while it was captured: both side by side, then the
        facilitator's choice (``ConferenceConflictDialog``)."""
        from ui.conference.conflict import MINE, ConferenceConflictDialog

        context = self.context
        store, case_id, before = context.store, context.case_id, context.detail
        self._say(self.tr("Nicht gespeichert: %1").replace("%1", failure_text(exc)), error=True)
        if draft is None or before is None:
            self._ready_to_save()
            return

        def decide(now: m.CaseDetail) -> None:
            self._ready_to_save()
            dialog = ConferenceConflictDialog(
                draft, before, now, failure_text(exc), self._dialog_parent()
            )
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return  # back to the capture: it stays, on screen and in the journal
            if dialog.choice == MINE:
                context.rebase(now)  # seen: saved on the case as it is now
                self.save_and_protocol(path)
            else:
                emit(self.capture_discarded)

        context.runner.submit(
            lambda: store.cases.get(case_id),
            decide,
            lambda error: self._on_save_failed(error, draft, path),
        )

    def _ready_to_save(self) -> None:
        self._saving = False
        self.save_button.setEnabled(True)

    def _finish_capture(self) -> None:
        """After recording, the captured content is fixed; Strg+S only rewrites the protocol."""
        self.context.set_saved()
        self.save_button.setText(self.tr("&Protokoll erneut schreiben (Strg+S)"))
        self.save_button.setEnabled(True)

    def _say(self, text: str, *, error: bool = False, detail: str = "") -> None:
        emit(self.message, text, error, detail)
