"""What every panel of the conference window has: the shared ``ConferenceContext``, its own
titled sections (the window places them in its columns), and the helpers for the lists of
captured entries. A panel is a ``QObject`` that owns its state and widgets; it talks to the
others through signals and the context, never through their attributes."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.conference.context import ConferenceContext
from ui.conference.widgets import ItemRow, Section


class Panel(QObject):
    """Base of the panels: ``sections`` in the order the panel built them. Once the conference
    is saved, their inputs are hidden (``Section.entry``) and their problems cleared."""

    def __init__(self, context: ConferenceContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.sections: list[Section] = []
        self._discarded: list[QWidget] = []
        context.saved_changed.connect(self._close_entries)

    def _section(self, title: str) -> Section:
        section = Section(title)
        self.sections.append(section)
        return section

    def _close_entries(self, saved: bool) -> None:
        if saved:
            for section in self.sections:
                section.entry.hide()
                section.show_problems([])

    def _clear_layout(self, layout: QVBoxLayout, keep: Sequence[QWidget] = ()) -> None:
        for i in reversed(range(layout.count())):
            item = layout.itemAt(i)
            widget = item.widget() if item is not None else None
            if widget is not None and widget not in keep:
                layout.removeWidget(widget)
                widget.hide()
                # Out of the window at once (no old text lingers among its children), but
                # alive until the event loop: an "Entfernen" button may be emitting right now.
                widget.setParent(None)
                widget.deleteLater()
                self._discarded.append(widget)
        if self._discarded:
            QTimer.singleShot(0, self._discarded.clear)

    def _add_item_row(
        self, layout: QVBoxLayout, text: str, what: str, remove: Callable[[], None]
    ) -> ItemRow:
        row = ItemRow(text, what)
        row.removed.connect(remove)
        row.remove_button.setVisible(not self.context.saved)
        layout.addWidget(row)
        return row
