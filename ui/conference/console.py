"""Presenter and audience apart (#15): what only the facilitator should read – why an entry
was not taken, why saving failed, where the protocol went – goes to the facilitator's screen.

* Two screens (laptop and projector): a small window of its own, ``FacilitatorPanel``, on the
  screen the conference window is *not* on. The projector only shows that there is a note
  ("Hinweis auf dem Bildschirm der Moderation").
* One screen (or a mirrored one): a small overlay in the corner of the conference window. It
  lies on the window's frame, so the curtain (F9) hides it with everything else; Esc or its
  × button dismisses it, and a plain note fades after a few seconds.

The decision is taken again for every note, so plugging the projector in or out during the
conference is followed. While the application is locked the panel is hidden.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.conference.widgets import repolish

NOTE_MS = 8000  # a plain note in the overlay fades after this; an error stays


def facilitator_screen(window_screen: QScreen | None, screens: list[QScreen]) -> QScreen | None:
    """The screen for the facilitator's panel: one that does not show the conference window.
    None when there is only one screen (then the overlay is used)."""
    others = [s for s in screens if s is not window_screen]
    if window_screen is None or not others:
        return None
    primary = QGuiApplication.primaryScreen()
    return primary if primary in others else others[0]


class _Overlay(QFrame):
    """A note in the bottom right corner of the conference frame (one-screen mode)."""

    def __init__(self, frame: QWidget) -> None:
        super().__init__(frame)
        self.setObjectName("consoleOverlay")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        self.label = QLabel()
        self.label.setObjectName("saveMessage")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.label, 1)
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setAccessibleName(self.tr("Hinweis schließen"))
        self.close_button.setToolTip(self.tr("Hinweis schließen (Esc)"))
        self.close_button.clicked.connect(self.hide)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.fade = QTimer(self)
        self.fade.setSingleShot(True)
        self.fade.timeout.connect(self.hide)
        frame.installEventFilter(self)
        self.hide()

    def show_text(self, text: str, *, error: bool, tooltip: str = "") -> None:
        self.label.setText(text)
        self.label.setObjectName("errorMessage" if error else "saveMessage")
        repolish(self.label)
        self.setToolTip(tooltip)
        self.fade.stop()
        if not error:
            self.fade.start(NOTE_MS)
        self.show()
        self.place()
        self.raise_()

    def place(self) -> None:
        frame = self.parentWidget()
        if frame is None:
            return
        width = max(200, min(frame.width() - 24, self.fontMetrics().averageCharWidth() * 60))
        height = self.heightForWidth(width) if self.hasHeightForWidth() else -1
        height = max(height, self.sizeHint().height())
        # above the help line when the content area is known: the keys stay readable
        content = frame.findChild(QWidget, "confScroll")
        bottom = content.geometry().bottom() if content is not None else frame.height()
        self.setGeometry(frame.width() - width - 12, bottom - height - 8, width, height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self.place()
        return False


class FacilitatorPanel(QWidget):
    """The facilitator's own window on the laptop screen: the latest notes, newest first, with
    their time; the protocol's whole path. It never takes the focus from the conference."""

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.WindowStaysOnTopHint)
        self.setObjectName("facilitatorPanel")
        self.setWindowTitle(self.tr("Konferenzmodus – nur für die Moderation"))
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Hinweise, die nicht auf den Beamer gehören. Die Konferenz läuft im anderen Fenster."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.latest = QLabel()
        self.latest.setObjectName("saveMessage")
        self.latest.setWordWrap(True)
        self.latest.setTextFormat(Qt.TextFormat.PlainText)
        self.latest.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.latest)
        self.history = QPlainTextEdit()
        self.history.setReadOnly(True)
        self.history.setAccessibleName(self.tr("Frühere Hinweise"))
        layout.addWidget(self.history, 1)
        self.resize(520, 320)

    def add(self, text: str, *, error: bool) -> None:
        if self.latest.text():
            self.history.setPlainText(
                (self.latest.text() + "\n\n" + self.history.toPlainText()).strip()
            )
        stamp = time.strftime("%H:%M")
        self.latest.setText(f"{stamp}  {text}")
        self.latest.setObjectName("errorMessage" if error else "saveMessage")
        repolish(self.latest)


class FacilitatorConsole(QObject):
    """Where the conference window sends what is for the facilitator only (see module doc)."""

    def __init__(self, window: QWidget, frame: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.overlay = _Overlay(frame)
        self.panel: FacilitatorPanel | None = None
        self._text = ""
        self._hidden_for_lock = False

    def text(self) -> str:
        """The latest note in full (tests, and the panel's first line)."""
        return self._text

    def separate(self) -> bool:
        """True while the notes go to a window of their own on another screen."""
        return self._panel_screen() is not None

    def _panel_screen(self) -> QScreen | None:
        return facilitator_screen(self._window.screen(), QGuiApplication.screens())

    def say(self, text: str, *, error: bool = False, detail: str = "") -> None:
        """A note for the facilitator; ``detail`` (a path, a technical reason) is shown only on
        the facilitator's screen or in the overlay's tooltip, never as projected text."""
        self._text = text
        if not text:
            self.overlay.hide()
            return
        screen = self._panel_screen()
        if screen is None:
            self.overlay.show_text(text, error=error, tooltip=detail)
            return
        panel = self._ensure_panel(screen)
        panel.add(text + (f"\n{detail}" if detail else ""), error=error)
        if not self._hidden_for_lock:
            panel.show()
        if error:
            self.overlay.show_text(
                self.tr("Hinweis auf dem Bildschirm der Moderation."), error=True
            )
        else:
            self.overlay.hide()

    def take_problems(self, section_title: str, text: str) -> bool:
        """A section's problems: to the panel when there is one (True), else shown in place."""
        if not text or not self.separate():
            return False
        self.say(f"{section_title}: {text}", error=True)
        return True

    def dialog_parent(self) -> QWidget:
        """The parent for a file dialog: the panel on the facilitator's screen if there is one."""
        screen = self._panel_screen()
        return self._ensure_panel(screen) if screen is not None else self._window

    def dismiss(self) -> bool:
        """Esc: hide the overlay. True when there was one to hide."""
        if self.overlay.isVisible():
            self.overlay.hide()
            return True
        return False

    def set_locked(self, locked: bool) -> None:
        self._hidden_for_lock = locked
        if self.panel is None:
            return
        if locked:
            self.panel.hide()
        elif self.panel.latest.text():
            self.panel.show()

    def close(self) -> None:
        self._drop_panel()

    def _ensure_panel(self, screen: QScreen) -> FacilitatorPanel:
        if self.panel is None:
            self.panel = FacilitatorPanel()
        if self.panel.screen() is not screen:
            area = screen.availableGeometry()
            self.panel.move(area.right() - self.panel.width() - 24, area.top() + 24)
        return self.panel

    def _drop_panel(self) -> None:
        if self.panel is not None:
            self.panel.close()
            self.panel.deleteLater()
            self.panel = None
