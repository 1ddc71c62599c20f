"""Konferenzmodus: one case on the projected screen, run by the facilitator from the keyboard.

The window shows only the case under discussion (no case list, no status bar, no pop-up
notifications, no validation message, file dialog or saved path on the projector; the main window pauses its idle lock while it is open) and captures what the
conference produces: participants, the agenda with a timer per item, the family's will in their
own words, resources, goals with indicator and five goal-attainment levels, the agreed steps
(who — the family first —, what, by when), decisions, the next review and the review of the
existing goals. "Speichern & Protokoll" records the conference in one transaction
(``store.conferences.record``), saves the goal reviews and writes the PDF protocol; all database
work runs on the task runner's database lane, and a retry after a failure never records twice.

What the shared screen may show is decided by ``sro_case.domain.consent_gate`` and recomputed on
every change of participants or date: a participant without a valid consent is flagged (⚠ and a
German reason) and the screen drops the case background and the details of existing goals (their
widgets are emptied, not just hidden). Case notes — and with them everything entrusted under
§ 65 SGB VIII — are never shown here.

Keys (also in the help line at the bottom):
    F9, or "." / "B" outside text fields (the "black screen" button of presentation remotes):
        privacy curtain on and off — a black overlay over the whole window, the case widgets are
        hidden underneath and the window title drops the file number
    Strg+Plus / Strg+Minus / Strg+0: zoom 100 … 300 % (fonts grow, the layout reflows)
    F7 high contrast, F8 initials instead of names, F11 / Esc full screen
    F5 start/stop the timer, F6 next agenda item, Umschalt+F6 previous item
    Strg+1 … Strg+9 jump to a section, Eingabe adds the entry of a section,
    Strg+Eingabe adds the goal, Strg+S saves and writes the protocol, Strg+W closes

The window is composed of panels, each a ``QObject`` with its own state, sections and signals,
built from one shared ``ConferenceContext`` (``context``: the application and runners, the
loaded case, the consent gate's ``ScreenPolicy``, the date, dirty and saved, and the
``Projection``). The panels do not read each other: they subscribe to the context's signals
(``case_loaded``, ``policy_changed``, ``changed``, ``saved_changed``) and the window wires their
own signals together. Modules:

``window``: ``ConferenceWindow`` – composes the panels, the frame, the "Konferenz" section
(kind, date, facilitator), the keys, loading the case, the columns, and draws the projection's
state (curtain, style, zoom); ``context``: ``ConferenceContext``; ``panel``: ``Panel``, what
every panel has; ``projection``: ``Projection``, the view state – curtain and lock, zoom,
contrast, initials (the ``NameScrubber``, the facilitator's field) and the style sheet;
``participants``: ``ParticipantsPanel`` – who takes part, what their consent allows, the
banner's text and the "Wer?" suggestions and role labels (``WhoInfo``); ``agenda``:
``AgendaPanel`` – the agenda and its timer; ``case_background``: ``CaseBackgroundPanel`` – the
case file's background and the review of its open goals; ``plan``: ``PlanPanel`` – will,
resources, goals, steps, decisions and the next review; ``protocol``: ``ProtocolPanel`` –
saving and the PDF protocol; ``widgets``: the small widgets the screen is built from;
``console``: the notes for the facilitator only (a window on the laptop's own screen when there
are two, else an overlay that the curtain hides).
"""

from ui.conference.window import ConferenceWindow

__all__ = ["ConferenceWindow"]
