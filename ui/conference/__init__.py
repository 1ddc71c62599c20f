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

One module per part of the window, each a mixin of ``ConferenceWindow`` over ``ConferenceBase``:
``window``: the window, its frame, keys, loading and redrawing; ``base``: the shared state and
helpers; ``widgets``: the small widgets the screen is built from; ``agenda``: the agenda and its
timer; ``projection``: curtain, lock, full screen, zoom, contrast, initials and layout;
``participants``: who takes part and what their consent allows; ``case_background``: the case
file's background and the review of its open goals; ``plan``: will, resources, goals, steps and
decisions; ``protocol``: saving, the PDF protocol and closing; ``console``: the notes for the
facilitator only (a window on the laptop's own screen when there are two, else an overlay that
the curtain hides).
"""

from ui.conference.window import ConferenceWindow

__all__ = ["ConferenceWindow"]
