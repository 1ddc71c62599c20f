<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>CaseFileWidget</name>
    <message>
        <location filename="../../ui/case_file.py" line="669"/>
        <source>Nächste Überprüfung: %1</source>
        <translation>Next review: %1</translation>
    </message>
    <message>
        <source>&amp;Bearbeiten …</source>
        <translation>&amp;Edit …</translation>
    </message>
    <message>
        <source>Ausgewählte Person bearbeiten</source>
        <translation>Edit the selected person</translation>
    </message>
    <message>
        <source>Ausgewählte Person bearbeiten (Doppelklick oder Eingabe)</source>
        <translation>Edit the selected person (double-click or Enter)</translation>
    </message>
    <message>
        <source>Famil&amp;ie bearbeiten …</source>
        <translation>Edit fam&amp;ily …</translation>
    </message>
    <message>
        <source>Familie und Anschrift bearbeiten</source>
        <translation>Edit family and address</translation>
    </message>
    <message>
        <source>Familienname, Anschrift und Sozialraum bearbeiten</source>
        <translation>Edit family name, address and social space</translation>
    </message>
    <message>
        <source>Familie gespeichert.</source>
        <translation>Family saved.</translation>
    </message>
    <message>
        <source>Sozialraum %1</source>
        <translation>Social space %1</translation>
    </message>
    <message>
        <source>Neuer Eintrag</source>
        <translation>New entry</translation>
    </message>
    <message>
        <source>Konferenz starten</source>
        <translation>Start conference</translation>
    </message>
    <message>
        <source>Speichern</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Fall abschließen</source>
        <translation>Close case</translation>
    </message>
    <message>
        <source>Wieder aufnehmen</source>
        <translation>Reopen</translation>
    </message>
</context>
<context>
    <name>FamilyDialog</name>
    <message>
        <source>Familie bearbeiten</source>
        <translation>Edit family</translation>
    </message>
    <message>
        <source>&amp;Familie:</source>
        <translation>&amp;Family:</translation>
    </message>
    <message>
        <source>S&amp;traße:</source>
        <translation>S&amp;treet:</translation>
    </message>
    <message>
        <source>&amp;PLZ:</source>
        <translation>&amp;Postcode:</translation>
    </message>
    <message>
        <source>&amp;Ort:</source>
        <translation>&amp;Town:</translation>
    </message>
    <message>
        <source>S&amp;ozialraum:</source>
        <translation>S&amp;ocial space:</translation>
    </message>
    <message>
        <source>— bitte wählen —</source>
        <translation>— please choose —</translation>
    </message>
    <message>
        <source>%1 (Modellregion)</source>
        <translation>%1 (model region)</translation>
    </message>
    <message>
        <source>Ein neuer Sozialraum gilt für die offenen Fälle der Familie; abgeschlossene Fälle behalten ihren Sozialraum.</source>
        <translation>A new social space applies to the family's open cases; closed cases keep their social space.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Werkzeugleiste</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>Neuer Fall</source>
        <translation>New case</translation>
    </message>
    <message>
        <source>Speichern</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Neuer Eintrag</source>
        <translation>New entry</translation>
    </message>
    <message>
        <source>Konferenz</source>
        <translation>Conference</translation>
    </message>
    <message>
        <source>Suchen</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Aktualisieren</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Statistik</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <source>Sperren</source>
        <translation>Lock</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Trotzdem fortfahren?</source>
        <translation>Continue anyway?</translation>
    </message>
    <message>
        <source>Demodaten werden erzeugt …</source>
        <translation>Generating demo data …</translation>
    </message>
    <message>
        <source>Die Datenbank wird gesichert und geprüft (einmal am Tag beim Beenden) …</source>
        <translation>Backing up and verifying the database (once a day on exit) …</translation>
    </message>
    <message>
        <source>Die automatische Sicherung ist fehlgeschlagen:</source>
        <translation>The automatic backup failed:</translation>
    </message>
</context>
<context>
    <name>AdminMenu</name>
    <message>
        <source>&amp;Verwaltung</source>
        <translation>&amp;Administration</translation>
    </message>
    <message>
        <source>&amp;Benutzer …</source>
        <translation>&amp;Users …</translation>
    </message>
    <message>
        <source>&amp;Protokollkette …</source>
        <translation>&amp;Audit chain …</translation>
    </message>
    <message>
        <source>&amp;Löschfristen …</source>
        <translation>&amp;Retention periods …</translation>
    </message>
    <message>
        <source>&amp;Datensicherung …</source>
        <translation>&amp;Backup …</translation>
    </message>
</context>
<context>
    <name>ConferenceWindow</name>
    <message>
        <source>bis</source>
        <translation>by</translation>
    </message>
    <message>
        <source>Die Erfassung wird nicht zwischengesichert: %1</source>
        <translation>The capture is not being journaled: %1</translation>
    </message>
</context>
<context>
    <name>PlanPanel</name>
    <message>
        <source>bis</source>
        <translation>by</translation>
    </message>
</context>
<context>
    <name>ConferenceConflictDialog</name>
    <message>
        <source>&amp;Meine zusätzlich speichern</source>
        <translation>&amp;Save mine as well</translation>
    </message>
    <message>
        <source>&amp;Weiter erfassen</source>
        <translation>&amp;Continue capturing</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ihre Erfassung&lt;/b&gt;</source>
        <translation>&lt;b&gt;Your capture&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Inzwischen gespeichert&lt;/b&gt;</source>
        <translation>&lt;b&gt;Saved meanwhile&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Außerdem geändert: %1.</source>
        <translation>Also changed: %1.</translation>
    </message>
    <message>
        <source>Meine &amp;verwerfen</source>
        <translation>&amp;Discard mine</translation>
    </message>
    <message>
        <source>Neue Ziele</source>
        <translation>New goals</translation>
    </message>
    <message>
        <source>Seitdem wurde keine Konferenz gespeichert.</source>
        <translation>No conference has been saved since.</translation>
    </message>
    <message>
        <source>Seitdem wurden %1 Konferenzen gespeichert; rechts die letzte.</source>
        <translation>%1 conferences have been saved since; the latest is on the right.</translation>
    </message>
    <message>
        <source>„Meine zusätzlich speichern“ legt Ihre Erfassung als eigene Konferenz an; nichts wird überschrieben.</source>
        <translation>“Save mine as well” records your capture as a conference of its own; nothing is overwritten.</translation>
    </message>
    <message>
        <source>Inzwischen geändert</source>
        <translation>Changed in the meantime</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Art</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Moderation</source>
        <translation>Facilitator</translation>
    </message>
    <message>
        <source>Teilnehmende</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Wille der Familie</source>
        <translation>Family's will</translation>
    </message>
    <message>
        <source>Vereinbarungen</source>
        <translation>Agreements</translation>
    </message>
</context>
</TS>
