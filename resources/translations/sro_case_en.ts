<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>CaseFileWidget</name>
    <message>
        <source>&amp;Protokoll als PDF …</source>
        <translation>&amp;Protocol as PDF …</translation>
    </message>
    <message>
        <source>Hilfepla&amp;n als PDF …</source>
        <translation>Help pla&amp;n as PDF …</translation>
    </message>
    <message>
        <source>Namen im Dokument ausschreiben oder als Initialen (z. B. „A. Y.“)?</source>
        <translation>Write names in full in the document, or as initials (e.g. “A. Y.”)?</translation>
    </message>
    <message>
        <source>&amp;Volle Namen</source>
        <translation>&amp;Full names</translation>
    </message>
    <message>
        <source>&amp;Initialen</source>
        <translation>&amp;Initials</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>PDF-Dokument (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Bitte zuerst eine Konferenz in der Liste auswählen.</source>
        <translation>Please select a conference in the list first.</translation>
    </message>
    <message>
        <source>Konferenzprotokoll speichern</source>
        <translation>Save the conference protocol</translation>
    </message>
    <message>
        <source>Protokoll gespeichert: %1</source>
        <translation>Protocol saved: %1</translation>
    </message>
    <message>
        <source>Hilfeplan speichern</source>
        <translation>Save the help plan</translation>
    </message>
    <message>
        <source>Hilfeplan gespeichert: %1</source>
        <translation>Help plan saved: %1</translation>
    </message>
    <message>
        <source>überschritten</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>Umfang</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>gibt anvertraute Einträge frei</source>
        <translation>releases entrusted entries</translation>
    </message>
    <message>
        <source>Hilfe &amp;ändern …</source>
        <translation>&amp;Edit support …</translation>
    </message>
    <message>
        <source>Hilfe &amp;beenden …</source>
        <translation>E&amp;nd support …</translation>
    </message>
    <message>
        <source>Bitte zuerst eine Hilfe in der Liste auswählen.</source>
        <translation>Please select a support service in the list first.</translation>
    </message>
    <message>
        <source>Hilfe beendet.</source>
        <translation>Support service ended.</translation>
    </message>
    <message>
        <source>Diese Hilfe ist schon zum %1 beendet; ändern Sie sie über „Hilfe ändern“.</source>
        <translation>This support service already ended on %1; change it with “Edit support”.</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="112"/>
        <source>Fallakte</source>
        <translation>Case file</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="117"/>
        <source>Vorname</source>
        <translation>First name</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="118"/>
        <source>Familienname</source>
        <translation>Surname</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="119"/>
        <source>Geburtsdatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="120"/>
        <source>Geschlecht</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="121"/>
        <source>Rolle</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="123"/>
        <source>Personen</source>
        <translation>People</translation>
    </message>
    <message>
        <source>&amp;Person hinzufügen …</source>
        <translation>&amp;Add person …</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="125"/>
        <source>Person &amp;hinzufügen …</source>
        <translation>&amp;Add person …</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="128"/>
        <source>Familie &amp;&amp; Personen</source>
        <translation>Family &amp;&amp; people</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="132"/>
        <location filename="../../ui/case_file.py" line="185"/>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="133"/>
        <location filename="../../ui/case_file.py" line="179"/>
        <location filename="../../ui/case_file.py" line="186"/>
        <source>Art</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="134"/>
        <source>Beteiligte</source>
        <translation>Involved</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="136"/>
        <source>Eintrag</source>
        <translation>Entry</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="135"/>
        <source>von</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="138"/>
        <location filename="../../ui/case_file.py" line="148"/>
        <source>Verlauf</source>
        <translation>Case history</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="140"/>
        <source>&amp;Neuer Eintrag … (Strg+N)</source>
        <translation>&amp;New entry … (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="142"/>
        <source>Verlauf nach Art filtern</source>
        <translation>Filter case history by type</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="143"/>
        <source>alle Arten</source>
        <translation>all types</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="152"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="153"/>
        <source>Empfänger</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="154"/>
        <source>erteilt</source>
        <translation>Given</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="155"/>
        <source>gültig bis</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="156"/>
        <source>Stand</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="158"/>
        <location filename="../../ui/case_file.py" line="162"/>
        <source>Einwilligungen</source>
        <translation>Consents</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="160"/>
        <source>Einwilligung &amp;erfassen …</source>
        <translation>&amp;Record consent …</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="161"/>
        <source>&amp;Widerrufen</source>
        <translation>Re&amp;voke</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="166"/>
        <source>Hilfeart</source>
        <translation>Type of help</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="167"/>
        <source>Träger</source>
        <translation>Provider</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="168"/>
        <source>Beginn</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="169"/>
        <source>Ende</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="170"/>
        <source>Std./Woche</source>
        <translation>Hrs/week</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="171"/>
        <source>Kosten/Monat</source>
        <translation>Cost/month</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="172"/>
        <source>Beendigungsgrund</source>
        <translation>End reason</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="174"/>
        <location filename="../../ui/case_file.py" line="177"/>
        <source>Hilfen</source>
        <translation>Support services</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="176"/>
        <source>Hilfe &amp;erfassen …</source>
        <translation>&amp;Record support …</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="179"/>
        <source>Beschreibung</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="179"/>
        <location filename="../../ui/case_file.py" line="181"/>
        <source>Ressourcen</source>
        <translation>Resources</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="180"/>
        <source>Ressource &amp;erfassen …</source>
        <translation>&amp;Record resource …</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="187"/>
        <source>Moderation</source>
        <translation>Facilitator</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="188"/>
        <source>Teilnehmende</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="189"/>
        <location filename="../../ui/case_file.py" line="244"/>
        <source>nächste Überprüfung</source>
        <translation>Next review</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="191"/>
        <location filename="../../ui/case_file.py" line="196"/>
        <source>Konferenzen</source>
        <translation>Conferences</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="194"/>
        <source>&amp;Konferenz starten … (Strg+K)</source>
        <translation>Start &amp;conference … (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="200"/>
        <source>Ziel</source>
        <translation>Goal</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="201"/>
        <source>Indikator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="202"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="203"/>
        <source>letzte Bewertung</source>
        <translation>Last assessment</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="204"/>
        <source>Zieldatum</source>
        <translation>Target date</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="206"/>
        <location filename="../../ui/case_file.py" line="209"/>
        <source>Ziele</source>
        <translation>Goals</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="212"/>
        <source>Zeitpunkt</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="212"/>
        <source>Wer</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="212"/>
        <source>Aktion</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="212"/>
        <source>Datensatz</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="213"/>
        <location filename="../../ui/case_file.py" line="215"/>
        <source>Zugriffe</source>
        <translation>Access log</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="224"/>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="226"/>
        <source>Fallbeginn:</source>
        <translation>Case start:</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="228"/>
        <source>Fachkraft:</source>
        <translation>Caseworker:</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="230"/>
        <source>Anlass</source>
        <translation>Reason for contact</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="233"/>
        <source>An&amp;lass:</source>
        <translation>&amp;Reason for contact:</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="234"/>
        <source>Gefährdungseinschätzung nach § 8a SGB VIII</source>
        <translation>Child-protection risk assessment under § 8a SGB VIII</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="235"/>
        <source>§ 8a</source>
        <translation>§ 8a</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="236"/>
        <source>Kinderschutz:</source>
        <translation>Child protection:</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="238"/>
        <source>Ergebnis § 8a</source>
        <translation>§ 8a outcome</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="239"/>
        <source>— noch offen —</source>
        <translation>— pending —</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="242"/>
        <source>Ergebnis § 8a:</source>
        <translation>§ 8a outcome:</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="245"/>
        <source>Nächste Überprüfun&amp;g:</source>
        <translation>Next re&amp;view:</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="249"/>
        <source>Nächste Schritte:</source>
        <translation>Next steps:</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="252"/>
        <source>S&amp;peichern (Strg+S)</source>
        <translation>&amp;Save (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="256"/>
        <source>Status wechseln zu</source>
        <translation>Change status to</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="257"/>
        <source>Status &amp;wechseln</source>
        <translation>C&amp;hange status</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="259"/>
        <source>Fall a&amp;bschließen …</source>
        <translation>C&amp;lose case …</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="261"/>
        <source>Wieder auf&amp;nehmen …</source>
        <translation>Re&amp;open …</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="278"/>
        <source>Überblick</source>
        <translation>Overview</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="284"/>
        <source>Verlauf des ausgewählten Ziels (−2 … +2):</source>
        <translation>Progress of the selected goal (−2 … +2):</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="290"/>
        <source>Alle &amp;Ziele auf einen Blick:</source>
        <translation>All &amp;goals at a glance:</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="351"/>
        <source>Konferenz gespeichert.</source>
        <translation>Conference saved.</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="383"/>
        <source>  ⚠ § 8a</source>
        <translation>  ⚠ § 8a</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="388"/>
        <source>— keine —</source>
        <translation>— none —</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="399"/>
        <source>keine offenen Schritte</source>
        <translation>no open steps</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="439"/>
        <source>widerrufen am %1</source>
        <translation>revoked on %1</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="441"/>
        <source>abgelaufen</source>
        <translation>expired</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="443"/>
        <source>gültig</source>
        <translation>valid</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="538"/>
        <source>geöffnet</source>
        <translation>opened</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="539"/>
        <source>angelegt</source>
        <translation>created</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="540"/>
        <source>geändert</source>
        <translation>changed</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="541"/>
        <source>Status geändert</source>
        <translation>status changed</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="542"/>
        <source>abgeschlossen</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="543"/>
        <source>wieder aufgenommen</source>
        <translation>reopened</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="544"/>
        <source>widerrufen</source>
        <translation>revoked</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="545"/>
        <source>beendet</source>
        <translation>ended</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="546"/>
        <source>bewertet</source>
        <translation>assessed</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="547"/>
        <source>exportiert</source>
        <translation>exported</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="548"/>
        <source>importiert</source>
        <translation>imported</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="559"/>
        <source>anvertraut (§ 65) · </source>
        <translation>entrusted (§ 65) · </translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="590"/>
        <source>Unerwarteter Fehler: %1</source>
        <translation>Unexpected error: %1</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="592"/>
        <source>Nicht gespeichert</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="606"/>
        <source>Fall gespeichert.</source>
        <translation>Case saved.</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="614"/>
        <source>Ungespeicherte Änderungen</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="615"/>
        <source>Die Änderungen am Fall sind noch nicht gespeichert. Jetzt speichern?</source>
        <translation>The changes to the case have not been saved yet. Save now?</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="630"/>
        <source>Eintrag gespeichert.</source>
        <translation>Entry saved.</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="639"/>
        <source>Person gespeichert.</source>
        <translation>Person saved.</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="654"/>
        <source>Einwilligung gespeichert.</source>
        <translation>Consent saved.</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="664"/>
        <source>Einwilligung widerrufen</source>
        <translation>Revoke consent</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="665"/>
        <source>Die ausgewählte Einwilligung ab heute als widerrufen eintragen?</source>
        <translation>Record the selected consent as revoked from today?</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="671"/>
        <source>Widerruf gespeichert.</source>
        <translation>Revocation saved.</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="683"/>
        <source>Hilfe gespeichert.</source>
        <translation>Help saved.</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="692"/>
        <source>Ressource gespeichert.</source>
        <translation>Resource saved.</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="699"/>
        <source>Status geändert.</source>
        <translation>Status changed.</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="714"/>
        <source>Fall abgeschlossen.</source>
        <translation>Case closed.</translation>
    </message>
    <message>
        <location filename="../../ui/case_file.py" line="724"/>
        <source>Fall wieder aufgenommen.</source>
        <translation>Case reopened.</translation>
    </message>
    <message>
        <source>Fallteam</source>
        <translation>Case team</translation>
    </message>
    <message>
        <source>Dieser Fall wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind noch nicht gespeichert und bleiben erhalten; nach dem Speichern zeigt die Akte den neuen Stand.</source>
        <translation>Someone else has changed this case in the meantime. Your input is not saved yet and is kept; after saving, the file shows the new state.</translation>
    </message>
    <message>
        <source>Nicht geladen</source>
        <translation>Not loaded</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <source>klingt wie „%1“ (gesucht: %2)</source>
        <translation>sounds like “%1” (searched: %2)</translation>
    </message>
    <message>
        <source>gefunden über den Namen einer Person im Haushalt</source>
        <translation>found by the name of a household member</translation>
    </message>
    <message>
        <source>Überprüfung überschritten</source>
        <translation>Review overdue</translation>
    </message>
    <message>
        <location filename="../../ui/case_list.py" line="59"/>
        <source>Aktenzeichen</source>
        <translation>File number</translation>
    </message>
    <message>
        <location filename="../../ui/case_list.py" line="60"/>
        <source>Familie</source>
        <translation>Family</translation>
    </message>
    <message>
        <location filename="../../ui/case_list.py" line="61"/>
        <source>Sozialraum</source>
        <translation>Social space</translation>
    </message>
    <message>
        <location filename="../../ui/case_list.py" line="62"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/case_list.py" line="63"/>
        <source>fallführende Fachkraft</source>
        <translation>Lead caseworker</translation>
    </message>
    <message>
        <location filename="../../ui/case_list.py" line="64"/>
        <source>nächste Überprüfung</source>
        <translation>Next review</translation>
    </message>
</context>
<context>
    <name>CaseListPage</name>
    <message>
        <location filename="../../ui/case_list.py" line="200"/>
        <source>Suche nach Name oder Aktenzeichen (Strg+F)</source>
        <translation>Search by name or file number (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/case_list.py" line="201"/>
        <source>Suche</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../ui/case_list.py" line="205"/>
        <source>Filter Sozialraum</source>
        <translation>Filter by social space</translation>
    </message>
    <message>
        <location filename="../../ui/case_list.py" line="207"/>
        <source>Filter Status</source>
        <translation>Filter by status</translation>
    </message>
    <message>
        <location filename="../../ui/case_list.py" line="209"/>
        <source>Filter Fachkraft</source>
        <translation>Filter by caseworker</translation>
    </message>
    <message>
        <location filename="../../ui/case_list.py" line="210"/>
        <source>Über&amp;prüfung fällig</source>
        <translation>Review &amp;due</translation>
    </message>
    <message>
        <location filename="../../ui/case_list.py" line="212"/>
        <source>So&amp;zialraum:</source>
        <translation>&amp;Social space:</translation>
    </message>
    <message>
        <location filename="../../ui/case_list.py" line="213"/>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <location filename="../../ui/case_list.py" line="214"/>
        <source>Fach&amp;kraft:</source>
        <translation>Case&amp;worker:</translation>
    </message>
    <message>
        <location filename="../../ui/case_list.py" line="226"/>
        <source>Fallliste</source>
        <translation>Case list</translation>
    </message>
    <message>
        <location filename="../../ui/case_list.py" line="256"/>
        <source>alle</source>
        <translation>all</translation>
    </message>
    <message>
        <location filename="../../ui/case_list.py" line="293"/>
        <source>%1 Fälle</source>
        <translation>%1 cases</translation>
    </message>
    <message>
        <source>Erneut versuchen (F5)</source>
        <translation>Try again (F5)</translation>
    </message>
</context>
<context>
    <name>CloseCaseDialog</name>
    <message>
        <source>Laufende Hilfen zum Abschlussdatum mit diesem Grund be&amp;enden</source>
        <translation>E&amp;nd running support services on the closing date with this reason</translation>
    </message>
    <message>
        <source>Noch laufende Hilfen:</source>
        <translation>Support services still running:</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="37"/>
        <source>Fall abschließen</source>
        <translation>Close case</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="39"/>
        <source>Fall &amp;abschließen</source>
        <translation>&amp;Close case</translation>
    </message>
    <message>
        <source>Ein abgeschlossener Fall kann mit Begründung wieder aufgenommen werden. Mit dem Abschluss beginnt die Löschfrist.</source>
        <translation>A closed case can be reopened if a reason is given. Closing the case starts the deletion period.</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="53"/>
        <source>— bitte wählen —</source>
        <translation>— please select —</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="56"/>
        <source>&amp;Beendigungsgrund:</source>
        <translation>&amp;End reason:</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="57"/>
        <source>Abschluss&amp;datum:</source>
        <translation>Closing &amp;date:</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="66"/>
        <source>Beendigungsgrund</source>
        <translation>End reason</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="71"/>
        <location filename="../../ui/lifecycle_dialogs.py" line="71"/>
        <source>Abschlussdatum</source>
        <translation>Closing date</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="76"/>
        <source>dem Fallbeginn</source>
        <translation>the case start</translation>
    </message>
</context>
<context>
    <name>ConferenceWindow</name>
    <message>
        <source>⚠ Eingeschränkte Ansicht: %1 Teilnehmende ohne gültige Einwilligung.</source>
        <translation>⚠ Restricted view: %1 participants without a valid consent.</translation>
    </message>
    <message>
        <source>Noch niemand eingetragen: aus der Fallakte erscheint nichts.</source>
        <translation>Nobody entered yet: nothing from the case file appears.</translation>
    </message>
    <message>
        <source>Bitte zuerst das Ziel in den Feldern übernehmen oder leeren.</source>
        <translation>Please first adopt or clear the goal in the fields.</translation>
    </message>
    <message>
        <source>Ohne Frist – bis wann soll das geschehen sein?</source>
        <translation>No deadline – by when should this be done?</translation>
    </message>
    <message>
        <source>Die Familie zuerst? Was übernimmt sie selbst, bevor die Fachleute helfen?</source>
        <translation>The family first? What does the family take on itself before the professionals help?</translation>
    </message>
    <message>
        <source>Gespeichert. Protokoll: %1 (im Protokollordner des Falls)</source>
        <translation>Saved. Protocol: %1 (in the case's protocol folder)</translation>
    </message>
    <message>
        <source>Die Ziele erscheinen, sobald die Teilnehmenden eingetragen sind.</source>
        <translation>The goals appear once the participants are entered.</translation>
    </message>
    <message>
        <source>Ziel aus der Fallakte</source>
        <translation>Goal from the case file</translation>
    </message>
    <message>
        <source>Noch niemand eingetragen: aus der Fallakte erscheint nichts, bis die Teilnehmenden erfasst sind und die Einwilligungen geprüft wurden.</source>
        <translation>Nobody entered yet: nothing from the case file appears until the participants are entered and their consents checked.</translation>
    </message>
    <message>
        <location filename="../../ui/conference/window.py" line="71"/>
        <location filename="../../ui/conference/window.py" line="71"/>
        <source>Konferenzmodus</source>
        <translation>Conference mode</translation>
    </message>
    <message>
        <location filename="../../ui/conference/window.py" line="92"/>
        <source>Konferenzmodus – Fall wird geladen …</source>
        <translation>Conference mode – loading case …</translation>
    </message>
    <message>
        <location filename="../../ui/conference/projection.py" line="36"/>
        <source>Vorhang (F9)</source>
        <translation>Privacy curtain (F9)</translation>
    </message>
    <message>
        <location filename="../../ui/conference/projection.py" line="38"/>
        <source>Vollbild (F11)</source>
        <translation>Full screen (F11)</translation>
    </message>
    <message>
        <location filename="../../ui/conference/projection.py" line="40"/>
        <source>Kleiner (Strg+Minus)</source>
        <translation>Smaller (Ctrl+Minus)</translation>
    </message>
    <message>
        <location filename="../../ui/conference/projection.py" line="41"/>
        <source>Größer (Strg+Plus)</source>
        <translation>Larger (Ctrl+Plus)</translation>
    </message>
    <message>
        <location filename="../../ui/conference/projection.py" line="43"/>
        <source>Hoher Kontrast (F7)</source>
        <translation>High contrast (F7)</translation>
    </message>
    <message>
        <location filename="../../ui/conference/projection.py" line="46"/>
        <source>Initialen (F8)</source>
        <translation>Initials (F8)</translation>
    </message>
    <message>
        <source>F9 oder Punkt: Vorhang · F11 Vollbild · Strg+Plus/Minus/0 Zoom · F7 Kontrast · F8 Initialen · F5 Zeit starten/anhalten · F6 nächster Punkt (Umschalt+F6 zurück) · Strg+1…9 Abschnitte · Eingabe übernimmt · Strg+Eingabe übernimmt das Ziel · Strg+S Speichern &amp; Protokoll · Strg+W Schließen</source>
        <translation>F9 or full stop: privacy curtain · F11 full screen · Ctrl+Plus/Minus/0 zoom · F7 contrast · F8 initials · F5 start/pause timer · F6 next item (Shift+F6 back) · Ctrl+1…9 sections · Enter adds · Ctrl+Enter adopts the goal · Ctrl+S save &amp; minutes · Ctrl+W close</translation>
    </message>
    <message>
        <location filename="../../ui/conference/window.py" line="2"/>
        <source>Konferenz</source>
        <translation>Conference</translation>
    </message>
    <message>
        <location filename="../../ui/conference/window.py" line="168"/>
        <source>Name der Moderation</source>
        <translation>Facilitator's name</translation>
    </message>
    <message>
        <location filename="../../ui/conference/window.py" line="169"/>
        <source>&amp;Art:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <location filename="../../ui/conference/window.py" line="170"/>
        <source>&amp;Datum:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location filename="../../ui/conference/window.py" line="171"/>
        <source>&amp;Moderation:</source>
        <translation>&amp;Facilitator:</translation>
    </message>
    <message>
        <location filename="../../ui/conference/participants.py" line="53"/>
        <source>Teilnehmende</source>
        <translation>Participants</translation>
    </message>
    <message>
        <location filename="../../ui/conference/participants.py" line="60"/>
        <source>noch niemand eingetragen</source>
        <translation>nobody entered yet</translation>
    </message>
    <message>
        <location filename="../../ui/conference/participants.py" line="65"/>
        <source>z. B. Grundschule am Mühlenteich</source>
        <translation>e.g. Millpond Primary School</translation>
    </message>
    <message>
        <location filename="../../ui/conference/participants.py" line="67"/>
        <source>z. B. Schule, Kita, Familie – Alt+Pfeil runter zeigt alle</source>
        <translation>e.g. school, nursery, family – Alt+Down arrow shows all</translation>
    </message>
    <message>
        <location filename="../../ui/conference/participants.py" line="69"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../ui/conference/participants.py" line="70"/>
        <source>Organisation:</source>
        <translation>Organisation:</translation>
    </message>
    <message>
        <location filename="../../ui/conference/participants.py" line="71"/>
        <source>Disziplin:</source>
        <translation>Discipline:</translation>
    </message>
    <message>
        <location filename="../../ui/conference/participants.py" line="73"/>
        <source>Teilnehmende &amp;hinzufügen</source>
        <translation>&amp;Add participant</translation>
    </message>
    <message>
        <location filename="../../ui/conference/agenda.py" line="46"/>
        <source>Tagesordnung</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <location filename="../../ui/conference/agenda.py" line="56"/>
        <location filename="../../ui/conference/agenda.py" line="56"/>
        <source>Zeit starten (F5)</source>
        <translation>Start timer (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/conference/agenda.py" line="58"/>
        <source>Nächster Punkt (F6)</source>
        <translation>Next item (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/conference/agenda.py" line="65"/>
        <source>weiterer Punkt</source>
        <translation>further item</translation>
    </message>
    <message>
        <location filename="../../ui/conference/agenda.py" line="69"/>
        <source> Min.</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../ui/conference/agenda.py" line="70"/>
        <source>Punkt:</source>
        <translation>Item:</translation>
    </message>
    <message>
        <location filename="../../ui/conference/agenda.py" line="71"/>
        <source>Geplant:</source>
        <translation>Planned:</translation>
    </message>
    <message>
        <location filename="../../ui/conference/agenda.py" line="73"/>
        <source>Tagesordnungspunkt &amp;anfügen</source>
        <translation>Add agenda &amp;item</translation>
    </message>
    <message>
        <location filename="../../ui/conference/case_background.py" line="1"/>
        <source>Aus der Fallakte</source>
        <translation>From the case file</translation>
    </message>
    <message>
        <location filename="../../ui/conference/case_background.py" line="30"/>
        <source>Rückblick: Zielüberprüfung</source>
        <translation>Looking back: goal review</translation>
    </message>
    <message>
        <location filename="../../ui/conference/plan.py" line="38"/>
        <source>Wille der Familie – in ihren eigenen Worten</source>
        <translation>The family's will – in their own words</translation>
    </message>
    <message>
        <location filename="../../ui/conference/plan.py" line="43"/>
        <source>Wer sagt das?</source>
        <translation>Who is saying this?</translation>
    </message>
    <message>
        <location filename="../../ui/conference/plan.py" line="45"/>
        <source>wörtlich, z. B. „Wir wollen …“</source>
        <translation>verbatim, e.g. ‘We want …’</translation>
    </message>
    <message>
        <location filename="../../ui/conference/participants.py" line="3"/>
        <location filename="../../ui/conference/participants.py" line="3"/>
        <source>Wer?</source>
        <translation>Who?</translation>
    </message>
    <message>
        <location filename="../../ui/conference/plan.py" line="47"/>
        <location filename="../../ui/conference/plan.py" line="47"/>
        <location filename="../../ui/conference/plan.py" line="47"/>
        <source>Was?</source>
        <translation>What?</translation>
    </message>
    <message>
        <location filename="../../ui/conference/plan.py" line="49"/>
        <source>&amp;Wille festhalten</source>
        <translation>Record the family's &amp;will</translation>
    </message>
    <message>
        <location filename="../../ui/conference/plan.py" line="33"/>
        <source>Ressourcen</source>
        <translation>Resources</translation>
    </message>
    <message>
        <location filename="../../ui/conference/plan.py" line="63"/>
        <source>z. B. Oma wohnt um die Ecke</source>
        <translation>e.g. Grandma lives round the corner</translation>
    </message>
    <message>
        <location filename="../../ui/conference/plan.py" line="64"/>
        <source>Art:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <location filename="../../ui/conference/plan.py" line="65"/>
        <source>Ressource:</source>
        <translation>Resource:</translation>
    </message>
    <message>
        <location filename="../../ui/conference/plan.py" line="67"/>
        <source>&amp;Ressource hinzufügen</source>
        <translation>Add &amp;resource</translation>
    </message>
    <message>
        <location filename="../../ui/conference/plan.py" line="33"/>
        <source>Ziele und Vereinbarungen</source>
        <translation>Goals and agreements</translation>
    </message>
    <message>
        <location filename="../../ui/conference/plan.py" line="78"/>
        <source>in den Worten der Familie</source>
        <translation>in the family's words</translation>
    </message>
    <message>
        <location filename="../../ui/conference/plan.py" line="81"/>
        <source>Ziel:</source>
        <translation>Goal:</translation>
    </message>
    <message>
        <location filename="../../ui/conference/plan.py" line="83"/>
        <source>Woran merken wir, dass sich etwas verändert hat?</source>
        <translation>How will we notice that something has changed?</translation>
    </message>
    <message>
        <location filename="../../ui/conference/plan.py" line="85"/>
        <source>Indikator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../ui/conference/plan.py" line="89"/>
        <source>Zielerreichungsskala: So sieht es aus bei …</source>
        <translation>Goal-attainment scale: this is what it looks like at …</translation>
    </message>
    <message>
        <location filename="../../ui/conference/plan.py" line="93"/>
        <source>deutlich weniger</source>
        <translation>much less</translation>
    </message>
    <message>
        <location filename="../../ui/conference/plan.py" line="94"/>
        <source>etwas weniger</source>
        <translation>somewhat less</translation>
    </message>
    <message>
        <location filename="../../ui/conference/plan.py" line="95"/>
        <source>erwartet</source>
        <translation>expected</translation>
    </message>
    <message>
        <location filename="../../ui/conference/plan.py" line="96"/>
        <source>etwas mehr</source>
        <translation>somewhat more</translation>
    </message>
    <message>
        <location filename="../../ui/conference/plan.py" line="97"/>
        <source>deutlich mehr</source>
        <translation>much more</translation>
    </message>
    <message>
        <location filename="../../ui/conference/plan.py" line="105"/>
        <source>Stufe %1 (%2)</source>
        <translation>Level %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/conference/plan.py" line="109"/>
        <source>Zieldatum:</source>
        <translation>Target date:</translation>
    </message>
    <message>
        <location filename="../../ui/conference/plan.py" line="113"/>
        <source>Wer macht was bis wann? – die Familie zuerst</source>
        <translation>Who does what by when? – the family first</translation>
    </message>
    <message>
        <location filename="../../ui/conference/plan.py" line="119"/>
        <source>Wer? – die Familie zuerst</source>
        <translation>Who? – the family first</translation>
    </message>
    <message>
        <location filename="../../ui/conference/plan.py" line="124"/>
        <source>Bis wann?</source>
        <translation>By when?</translation>
    </message>
    <message>
        <location filename="../../ui/conference/plan.py" line="128"/>
        <source>&amp;Schritt hinzufügen</source>
        <translation>Add &amp;step</translation>
    </message>
    <message>
        <location filename="../../ui/conference/plan.py" line="130"/>
        <source>&amp;Ziel übernehmen (Strg+Eingabe)</source>
        <translation>Adopt &amp;goal (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/conference/plan.py" line="34"/>
        <source>Entscheidungen und nächster Termin</source>
        <translation>Decisions and next appointment</translation>
    </message>
    <message>
        <location filename="../../ui/conference/plan.py" line="150"/>
        <source>Entscheidungen:</source>
        <translation>Decisions:</translation>
    </message>
    <message>
        <location filename="../../ui/conference/plan.py" line="151"/>
        <source>Nächste Überprüfung:</source>
        <translation>Next review:</translation>
    </message>
    <message>
        <location filename="../../ui/conference/protocol.py" line="26"/>
        <source>Abschluss</source>
        <translation>Closing</translation>
    </message>
    <message>
        <location filename="../../ui/conference/protocol.py" line="30"/>
        <source>S&amp;peichern &amp;&amp; Protokoll (Strg+S)</source>
        <translation>Sa&amp;ve &amp;&amp; minutes (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/conference/window.py" line="237"/>
        <location filename="../../ui/conference/window.py" line="237"/>
        <source>Konferenzmodus – %1</source>
        <translation>Conference mode – %1</translation>
    </message>
    <message>
        <location filename="../../ui/conference/window.py" line="250"/>
        <source>Der Fall kann nicht geöffnet werden: %1</source>
        <translation>The case cannot be opened: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conference/window.py" line="292"/>
        <source>läuft</source>
        <translation>running</translation>
    </message>
    <message>
        <location filename="../../ui/conference/window.py" line="292"/>
        <source>angehalten</source>
        <translation>paused</translation>
    </message>
    <message>
        <source>Punkt %1 von %2: %3 · %4 von %5&#xa0;Min. · %6</source>
        <translation>Item %1 of %2: %3 · %4 of %5&#xa0;min · %6</translation>
    </message>
    <message>
        <source>Zoom %1&#xa0;%</source>
        <translation>Zoom %1&#xa0;%</translation>
    </message>
    <message>
        <location filename="../../ui/conference/window.py" line="304"/>
        <source>hoher Kontrast</source>
        <translation>high contrast</translation>
    </message>
    <message>
        <location filename="../../ui/conference/window.py" line="306"/>
        <source>Initialen</source>
        <translation>initials</translation>
    </message>
    <message>
        <source>⚠ Eingeschränkte Ansicht: %1 Teilnehmende ohne gültige Einwilligung. Aus der Fallakte erscheinen die Ziele nur als Platzhalter; es erscheint nur, was diese Konferenz erarbeitet.</source>
        <translation>⚠ Restricted view: %1 participants without a valid consent. From the case file the goals appear only as placeholders; only what this conference produces is shown.</translation>
    </message>
    <message>
        <location filename="../../ui/conference/participants.py" line="129"/>
        <source>ohne gültige Einwilligung</source>
        <translation>without valid consent</translation>
    </message>
    <message>
        <location filename="../../ui/conference/participants.py" line="131"/>
        <source>freigegeben</source>
        <translation>cleared</translation>
    </message>
    <message>
        <location filename="../../ui/conference/agenda.py" line="99"/>
        <source>Min.</source>
        <translation>min</translation>
    </message>
    <message>
        <location filename="../../ui/conference/case_background.py" line="58"/>
        <source>Anlass: %1</source>
        <translation>Reason for contact: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conference/case_background.py" line="69"/>
        <source>Laufende Hilfe: %1 seit %2</source>
        <translation>Ongoing help: %1 since %2</translation>
    </message>
    <message>
        <location filename="../../ui/conference/case_background.py" line="79"/>
        <source>Ressource (%1): %2</source>
        <translation>Resource (%1): %2</translation>
    </message>
    <message>
        <location filename="../../ui/conference/case_background.py" line="87"/>
        <source>Wille beim letzten Gespräch (%1): „%2“%3</source>
        <translation>The family's will at the last meeting (%1): ‘%2’%3</translation>
    </message>
    <message>
        <location filename="../../ui/conference/case_background.py" line="100"/>
        <source>Einschätzung je Ziel von −2 (deutlich weniger als erwartet) bis +2.</source>
        <translation>Assessment per goal from −2 (much less than expected) to +2.</translation>
    </message>
    <message>
        <source>Die Ziele ohne Titel, Indikatoren, Stufen und frühere Einschätzungen: sie sind ausgeblendet, solange Teilnehmende ohne Einwilligung dabei sind.</source>
        <translation>The goals without titles, indicators, levels and earlier assessments: these are hidden while participants without consent are present.</translation>
    </message>
    <message>
        <location filename="../../ui/conference/case_background.py" line="117"/>
        <location filename="../../ui/conference/case_background.py" line="117"/>
        <source>Woran merken wir es: %1</source>
        <translation>How we will notice: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conference/case_background.py" line="126"/>
        <source>Zuletzt: %1 am %2</source>
        <translation>Most recently: %1 on %2</translation>
    </message>
    <message>
        <location filename="../../ui/conference/plan.py" line="242"/>
        <source>Aussage %1</source>
        <translation>Statement %1</translation>
    </message>
    <message>
        <location filename="../../ui/conference/plan.py" line="253"/>
        <source>Ressource %1</source>
        <translation>Resource %1</translation>
    </message>
    <message>
        <location filename="../../ui/conference/plan.py" line="265"/>
        <source>Ziel %1: „%2“</source>
        <translation>Goal %1: ‘%2’</translation>
    </message>
    <message>
        <location filename="../../ui/conference/plan.py" line="277"/>
        <source>Zieldatum: %1</source>
        <translation>Target date: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conference/plan.py" line="265"/>
        <source>Ziel %1</source>
        <translation>Goal %1</translation>
    </message>
    <message>
        <location filename="../../ui/conference/plan.py" line="292"/>
        <source>Schritt %1</source>
        <translation>Step %1</translation>
    </message>
    <message>
        <location filename="../../ui/conference/window.py" line="44"/>
        <location filename="../../ui/conference/window.py" line="44"/>
        <source>Familie</source>
        <translation>Family</translation>
    </message>
    <message>
        <location filename="../../ui/conference/participants.py" line="71"/>
        <source>Disziplin</source>
        <translation>Discipline</translation>
    </message>
    <message>
        <location filename="../../ui/conference/plan.py" line="161"/>
        <source>Bitte die Worte der Familie eintragen.</source>
        <translation>Please enter the family's words.</translation>
    </message>
    <message>
        <location filename="../../ui/conference/agenda.py" line="132"/>
        <source>Zeit anhalten (F5)</source>
        <translation>Pause timer (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/conference/projection.py" line="98"/>
        <source>Gesperrt – bitte im Hauptfenster entsperren.</source>
        <translation>Locked – please unlock in the main window.</translation>
    </message>
    <message>
        <location filename="../../ui/conference/projection.py" line="174"/>
        <source>Initialen: zum Bearbeiten F8 drücken</source>
        <translation>Initials: press F8 to edit</translation>
    </message>
    <message>
        <location filename="../../ui/conference/protocol.py" line="81"/>
        <source>Protokoll speichern</source>
        <translation>Save minutes</translation>
    </message>
    <message>
        <location filename="../../ui/conference/protocol.py" line="83"/>
        <source>PDF-Dokument (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/conference/protocol.py" line="103"/>
        <source>Nicht gespeichert:</source>
        <translation>Not saved:</translation>
    </message>
    <message>
        <location filename="../../ui/conference/protocol.py" line="126"/>
        <source>Wird gespeichert …</source>
        <translation>Saving …</translation>
    </message>
    <message>
        <location filename="../../ui/conference/protocol.py" line="134"/>
        <source>Gespeichert. Protokoll: %1</source>
        <translation>Saved. Minutes: %1</translation>
    </message>
    <message>
        <source>Die Konferenz ist gespeichert, aber das Protokoll fehlt noch: %1 – Strg+S versucht es erneut.</source>
        <translation>The conference has been saved, but the minutes are still missing: %1 – Ctrl+S tries again.</translation>
    </message>
    <message>
        <location filename="../../ui/conference/protocol.py" line="150"/>
        <source>Nicht gespeichert: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conference/protocol.py" line="164"/>
        <source>%1 am %2</source>
        <translation>%1 on %2</translation>
    </message>
    <message>
        <location filename="../../ui/conference/protocol.py" line="165"/>
        <source> · Moderation: %1</source>
        <translation> · Facilitator: %1</translation>
    </message>
    <message>
        <location filename="../../ui/conference/protocol.py" line="173"/>
        <source>&amp;Protokoll erneut schreiben (Strg+S)</source>
        <translation>Write &amp;minutes again (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/conference/protocol.py" line="196"/>
        <source>Konferenz nicht gespeichert</source>
        <translation>Conference not saved</translation>
    </message>
    <message>
        <location filename="../../ui/conference/protocol.py" line="197"/>
        <source>Die Konferenz ist noch nicht gespeichert. Eingaben verwerfen und schließen?</source>
        <translation>The conference has not been saved yet. Discard entries and close?</translation>
    </message>
    <message>
        <location filename="../../ui/conference/protocol.py" line="201"/>
        <source>&amp;Verwerfen</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <location filename="../../ui/conference/protocol.py" line="202"/>
        <source>&amp;Weiter bearbeiten</source>
        <translation>&amp;Keep editing</translation>
    </message>
    <message>
        <source>Der Fall kann nicht geöffnet werden.</source>
        <translation>The case cannot be opened.</translation>
    </message>
    <message>
        <source>Nicht übernommen – Hinweis auf dem Bildschirm der Moderation.</source>
        <translation>Not added – see the note on the facilitator's screen.</translation>
    </message>
    <message>
        <source>Familienmitglied</source>
        <translation>Family member</translation>
    </message>
    <message>
        <source>Familie %1</source>
        <translation>Family %1</translation>
    </message>
    <message>
        <source>„%1“</source>
        <translation>“%1”</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="141"/>
        <source>Einwilligung erfassen</source>
        <translation>Record consent</translation>
    </message>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="146"/>
        <source>— bitte wählen —</source>
        <translation>— please select —</translation>
    </message>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="154"/>
        <source>Welche Angaben dürfen weitergegeben werden? An wen genau?</source>
        <translation>Which information may be passed on? To whom exactly?</translation>
    </message>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="158"/>
        <source>gibt an&amp;vertraute Daten (§ 65 SGB VIII) frei</source>
        <translation>Releases &amp;entrusted data (§ 65 SGB VIII)</translation>
    </message>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="160"/>
        <source>gibt anvertraute Daten (§ 65 SGB VIII) frei</source>
        <translation>Releases entrusted data (§ 65 SGB VIII)</translation>
    </message>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="162"/>
        <source>&amp;Person:</source>
        <translation>&amp;Person:</translation>
    </message>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="163"/>
        <source>&amp;Empfänger:</source>
        <translation>&amp;Recipients:</translation>
    </message>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="164"/>
        <source>&amp;Umfang:</source>
        <translation>S&amp;cope:</translation>
    </message>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="165"/>
        <source>Erteilt &amp;am:</source>
        <translation>&amp;Given on:</translation>
    </message>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="166"/>
        <source>&amp;Gültig bis:</source>
        <translation>&amp;Valid until:</translation>
    </message>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="184"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="184"/>
        <source>muss ausgewählt werden.</source>
        <translation>must be selected.</translation>
    </message>
</context>
<context>
    <name>CurtainWidget</name>
    <message>
        <location filename="../../ui/conference/widgets.py" line="118"/>
        <source>Sichtschutz</source>
        <translation>Privacy curtain</translation>
    </message>
</context>
<context>
    <name>DateEntryField</name>
    <message>
        <location filename="../../ui/date_entry.py" line="108"/>
        <source>TT.MM.JJJJ</source>
        <translation>DD.MM.YYYY</translation>
    </message>
    <message>
        <location filename="../../ui/date_entry.py" line="112"/>
        <source>Datum als TT.MM.JJJJ, z. B. 14.03.2026 – auch 14.3.26 oder 14032026. Alt+Pfeil nach unten öffnet den Kalender.</source>
        <translation>Date as DD.MM.YYYY, e.g. 14.03.2026 – also 14.3.26 or 14032026. Alt+Down arrow opens the calendar.</translation>
    </message>
    <message>
        <location filename="../../ui/date_entry.py" line="134"/>
        <source>Kalender öffnen (Alt+Pfeil nach unten)</source>
        <translation>Open calendar (Alt+Down arrow)</translation>
    </message>
    <message>
        <location filename="../../ui/date_entry.py" line="135"/>
        <source>Kalender öffnen</source>
        <translation>Open calendar</translation>
    </message>
    <message>
        <location filename="../../ui/date_entry.py" line="182"/>
        <source>Bitte ein Datum eingeben, z. B. 14.03.2026.</source>
        <translation>Please enter a date, e.g. 14.03.2026.</translation>
    </message>
    <message>
        <location filename="../../ui/date_entry.py" line="184"/>
        <source>Den %1 gibt es nicht.</source>
        <translation>%1 does not exist.</translation>
    </message>
    <message>
        <location filename="../../ui/date_entry.py" line="187"/>
        <source>Bitte ein Datum zwischen %1 und %2 eingeben.</source>
        <translation>Please enter a date between %1 and %2.</translation>
    </message>
    <message>
        <location filename="../../ui/date_entry.py" line="191"/>
        <source>„%1“ ist kein Datum. Bitte als TT.MM.JJJJ eingeben, z. B. 14.03.2026.</source>
        <translation>“%1” is not a date. Please enter it as DD.MM.YYYY, e.g. 14.03.2026.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../ui/forms.py" line="149"/>
        <location filename="../../ui/forms.py" line="152"/>
        <source>Datum leeren</source>
        <translation>Clear date</translation>
    </message>
</context>
<context>
    <name>DeadlinesPage</name>
    <message>
        <source>Schritt</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>heute</source>
        <translation>today</translation>
    </message>
    <message>
        <source>überschritten</source>
        <translation>overdue</translation>
    </message>
    <message>
        <source>in den nächsten 7 Tagen</source>
        <translation>within 7 days</translation>
    </message>
    <message>
        <source>in den nächsten 4 Wochen</source>
        <translation>within 4 weeks</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="23"/>
        <source>Fristen &amp;für:</source>
        <translation>Due dates f&amp;or:</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="25"/>
        <source>Fristen für Fachkraft</source>
        <translation>Due dates for caseworker</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="33"/>
        <source>fällig am</source>
        <translation>Due on</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="34"/>
        <source>Art</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="35"/>
        <source>Aktenzeichen</source>
        <translation>File number</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="36"/>
        <source>Familie</source>
        <translation>Family</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="37"/>
        <source>Fachkraft</source>
        <translation>Caseworker</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="38"/>
        <source>Was</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="44"/>
        <source>Fristen</source>
        <translation>Due dates</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="54"/>
        <source>alle Fachkräfte</source>
        <translation>all caseworkers</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="55"/>
        <source>meine Fälle</source>
        <translation>my cases</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="75"/>
        <source>Überprüfung</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="76"/>
        <source>Einwilligung</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="77"/>
        <source>Schritt überfällig</source>
        <translation>Step overdue</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="101"/>
        <source>%1 Fristen, davon %2 überschritten</source>
        <translation>%1 due dates, %2 of them overdue</translation>
    </message>
    <message>
        <location filename="../../ui/deadlines_page.py" line="119"/>
        <source>angezeigt: die %1 frühesten – nach Fachkraft eingrenzen</source>
        <translation>showing the %1 earliest – narrow down by worker</translation>
    </message>
</context>
<context>
    <name>DisciplineField</name>
    <message>
        <location filename="../../ui/conference/widgets.py" line="302"/>
        <source>bitte eingeben oder auswählen.</source>
        <translation>please enter or select.</translation>
    </message>
    <message>
        <location filename="../../ui/conference/widgets.py" line="306"/>
        <source>„%1“ passt zu mehreren: %2.</source>
        <translation>‘%1’ matches several: %2.</translation>
    </message>
    <message>
        <location filename="../../ui/conference/widgets.py" line="307"/>
        <source>„%1“ steht nicht im Katalog der Disziplinen.</source>
        <translation>‘%1’ is not in the catalogue of disciplines.</translation>
    </message>
</context>
<context>
    <name>DuplicateTableModel</name>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="107"/>
        <source>Aktenzeichen</source>
        <translation>File number</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="108"/>
        <source>Familie</source>
        <translation>Family</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="109"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="110"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="111"/>
        <source>Geburtsdatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="112"/>
        <source>Grund</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="142"/>
        <source>Fall abgeschlossen am %1</source>
        <translation>Case closed on %1</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="145"/>
        <source>Fall offen seit %1</source>
        <translation>Case open since %1</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../ui/forms.py" line="433"/>
        <source>&amp;Speichern</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../ui/forms.py" line="435"/>
        <location filename="../../ui/forms.py" line="532"/>
        <source>Speichern (Strg+Eingabe)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/forms.py" line="437"/>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/forms.py" line="578"/>
        <source>Änderungen verwerfen?</source>
        <translation>Discard changes?</translation>
    </message>
    <message>
        <location filename="../../ui/forms.py" line="579"/>
        <source>Ihre Eingaben sind noch nicht gespeichert. Sollen sie verworfen werden?</source>
        <translation>Your entries have not been saved yet. Do you want to discard them?</translation>
    </message>
    <message>
        <location filename="../../ui/forms.py" line="583"/>
        <source>&amp;Verwerfen</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <location filename="../../ui/forms.py" line="584"/>
        <source>&amp;Weiter bearbeiten</source>
        <translation>&amp;Keep editing</translation>
    </message>
</context>
<context>
    <name>GoalCourseWidget</name>
    <message>
        <location filename="../../ui/goal_chart.py" line="88"/>
        <source>Verlauf der Zielerreichung</source>
        <translation>Progress in goal attainment</translation>
    </message>
    <message>
        <location filename="../../ui/goal_chart.py" line="107"/>
        <location filename="../../ui/goal_chart.py" line="160"/>
        <source>noch keine Überprüfung</source>
        <translation>no review yet</translation>
    </message>
</context>
<context>
    <name>GoalGlanceWidget</name>
    <message>
        <location filename="../../ui/goal_chart.py" line="207"/>
        <source>Alle Ziele auf einen Blick</source>
        <translation>All goals at a glance</translation>
    </message>
    <message>
        <location filename="../../ui/goal_chart.py" line="244"/>
        <location filename="../../ui/goal_chart.py" line="302"/>
        <source>keine Ziele</source>
        <translation>no goals</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <source>Hilfe bearbeiten</source>
        <translation>Edit support service</translation>
    </message>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="220"/>
        <source>Hilfe erfassen</source>
        <translation>Record help</translation>
    </message>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="146"/>
        <location filename="../../ui/entry_dialogs.py" line="146"/>
        <source>— bitte wählen —</source>
        <translation>— please select —</translation>
    </message>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="233"/>
        <source>— keine bestimmte Person —</source>
        <translation>— no specific person —</translation>
    </message>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="235"/>
        <source>Träger oder Einrichtung</source>
        <translation>Provider or facility</translation>
    </message>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="245"/>
        <source> Std.</source>
        <translation> hrs</translation>
    </message>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="247"/>
        <source>Monatliche Kosten in Euro</source>
        <translation>Monthly costs in euros</translation>
    </message>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="251"/>
        <source>&amp;Hilfeart:</source>
        <translation>&amp;Type of help:</translation>
    </message>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="162"/>
        <source>&amp;Person:</source>
        <translation>&amp;Person:</translation>
    </message>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="253"/>
        <source>&amp;Träger:</source>
        <translation>P&amp;rovider:</translation>
    </message>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="254"/>
        <source>&amp;Beginn:</source>
        <translation>St&amp;art:</translation>
    </message>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="255"/>
        <source>&amp;Ende:</source>
        <translation>&amp;End:</translation>
    </message>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="257"/>
        <source>Beendigungs&amp;grund:</source>
        <translation>E&amp;nd reason:</translation>
    </message>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="259"/>
        <source>&amp;Wochenstunden:</source>
        <translation>&amp;Hours per week:</translation>
    </message>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="260"/>
        <source>Monatliche &amp;Kosten:</source>
        <translation>Monthly &amp;costs:</translation>
    </message>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="247"/>
        <source>Monatliche Kosten</source>
        <translation>Monthly costs</translation>
    </message>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="305"/>
        <source>bitte als Betrag in Euro eingeben, z. B. 1.234,56.</source>
        <translation>please enter an amount in euros in German notation, e.g. 1.234,56.</translation>
    </message>
</context>
<context>
    <name>ItemRow</name>
    <message>
        <source>Bearbeiten</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>%1 bearbeiten</source>
        <translation>Edit %1</translation>
    </message>
    <message>
        <location filename="../../ui/conference/widgets.py" line="2"/>
        <source>Entfernen</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../ui/conference/widgets.py" line="204"/>
        <source>%1 entfernen</source>
        <translation>Remove %1</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <location filename="../../ui/lock.py" line="86"/>
        <source>Gesperrt</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>Schloss</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="91"/>
        <source>Die Anwendung wurde gesperrt. Geben Sie Ihre Passphrase ein, um weiterzuarbeiten. Ungespeicherte Eingaben bleiben erhalten.</source>
        <translation>The application has been locked. Enter your passphrase to continue working. Unsaved entries are kept.</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="99"/>
        <source>Passphrase zum Entsperren</source>
        <translation>Passphrase to unlock</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="103"/>
        <source>&amp;Entsperren</source>
        <translation>&amp;Unlock</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Datenbank &amp;wechseln …</source>
        <translation>S&amp;witch database …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="36"/>
        <source>SRO-Fallmanagement — %1</source>
        <translation>SRO-Fallmanagement — %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="46"/>
        <source>Fälle</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="47"/>
        <source>Fristen</source>
        <translation>Due dates</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="75"/>
        <source>Datenbank: %1 · angemeldet: %2 · Version %3</source>
        <translation>Database: %1 · signed in: %2 · version %3</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="92"/>
        <source>&amp;Datei</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="94"/>
        <source>&amp;Neuer Fall …</source>
        <translation>&amp;New case …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="96"/>
        <source>&amp;Sperren</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="97"/>
        <source>&amp;Einstellungen …</source>
        <translation>&amp;Settings …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="99"/>
        <source>&amp;Beenden</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="100"/>
        <source>&amp;Fall</source>
        <translation>&amp;Case</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="101"/>
        <source>&amp;Speichern</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="103"/>
        <source>Neuer &amp;Verlaufseintrag …</source>
        <translation>New &amp;history entry …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="105"/>
        <source>Fallakte &amp;schließen</source>
        <translation>&amp;Close case file</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="107"/>
        <source>&amp;Konferenzmodus …</source>
        <translation>Con&amp;ference mode …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="109"/>
        <source>&amp;Ansicht</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="110"/>
        <source>&amp;Fälle</source>
        <translation>&amp;Cases</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="111"/>
        <source>F&amp;risten</source>
        <translation>&amp;Due dates</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="112"/>
        <source>&amp;Suchen</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="113"/>
        <source>&amp;Aktualisieren</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="114"/>
        <source>&amp;Statistik</source>
        <translation>&amp;Statistics</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="117"/>
        <source>Anonymisierte Statistik &amp;exportieren …</source>
        <translation>&amp;Export anonymised statistics …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="121"/>
        <source>&amp;Hilfe</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="122"/>
        <source>Ü&amp;ber SRO-Fallmanagement …</source>
        <translation>&amp;About SRO-Fallmanagement …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="135"/>
        <source>Fall …</source>
        <translation>Case …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="231"/>
        <source>Nicht gespeichert</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="251"/>
        <source>Gesperrt · %1</source>
        <translation>Locked · %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="263"/>
        <source>Die Passphrase ist falsch. Bitte erneut versuchen.</source>
        <translation>The passphrase is incorrect. Please try again.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="291"/>
        <source>Statistik exportieren</source>
        <translation>Export statistics</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="300"/>
        <source>Statistik wird berechnet …</source>
        <translation>Calculating statistics …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="310"/>
        <source>Statistik exportiert</source>
        <translation>Statistics exported</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="312"/>
        <location filename="../../ui/main_window.py" line="318"/>
        <source>Nicht exportiert</source>
        <translation>Not exported</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="341"/>
        <source>Über SRO-Fallmanagement</source>
        <translation>About SRO-Fallmanagement</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="343"/>
        <source>&lt;b&gt;SRO-Fallmanagement %1&lt;/b&gt;&lt;br&gt;Interdisziplinäres Fallmanagement in der Kinder- und Jugendhilfe nach SGB VIII – Sozialraumorientierung der Hansestadt Rostock.&lt;br&gt;&lt;br&gt;Datenbank: %2</source>
        <translation>&lt;b&gt;SRO-Fallmanagement %1&lt;/b&gt;&lt;br&gt;Interdisciplinary case management in child and youth welfare under SGB VIII – social-space orientation of the Hanseatic City of Rostock.&lt;br&gt;&lt;br&gt;Database: %2</translation>
    </message>
    <message>
        <source>%1 · angemeldet als %2 · Version %3</source>
        <translation>%1 · signed in as %2 · version %3</translation>
    </message>
    <message>
        <source>Teamserver %1</source>
        <translation>Team server %1</translation>
    </message>
    <message>
        <source>Geändert auf dem Teamserver: %1</source>
        <translation>Changed on the team server: %1</translation>
    </message>
    <message>
        <source>Ihre Sitzung am Teamserver ist abgelaufen. Bitte geben Sie Ihre Passphrase ein, um weiterzuarbeiten; ungespeicherte Eingaben bleiben erhalten.</source>
        <translation>Your session on the team server has expired. Please enter your passphrase to continue; unsaved input is kept.</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="262"/>
        <source>Neuer Fall</source>
        <translation>New case</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="274"/>
        <source>&amp;Zurück</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>Bitte zuerst prüfen, ob es zu der Person schon einen Fall gibt – abgeschlossene Fälle werden mit angezeigt.</source>
        <translation>Please first check whether a case already exists for this person – closed cases are shown as well.</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="326"/>
        <source>&amp;Familienname:</source>
        <translation>S&amp;urname:</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="327"/>
        <source>&amp;Vorname:</source>
        <translation>&amp;First name:</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="328"/>
        <source>&amp;Suchen</source>
        <translation>Sea&amp;rch</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="335"/>
        <source>&amp;Geburtsdatum:</source>
        <translation>Date of &amp;birth:</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="111"/>
        <source>Geburtsdatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="341"/>
        <source>Noch nicht gesucht.</source>
        <translation>Not searched yet.</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="346"/>
        <source>Mögliche Doppelungen</source>
        <translation>Possible duplicates</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="354"/>
        <source>Vorhandenen Fall &amp;öffnen</source>
        <translation>&amp;Open existing case</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="356"/>
        <location filename="../../ui/new_case_dialog.py" line="356"/>
        <source>Weiter: &amp;neuen Fall anlegen</source>
        <translation>Next: create &amp;new case</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="389"/>
        <source>Bitte den Familiennamen eingeben.</source>
        <translation>Please enter the surname.</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="397"/>
        <source>Die Suche ist fehlgeschlagen: %1</source>
        <translation>The search failed: %1</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="401"/>
        <source>Keine ähnlichen Fälle gefunden.</source>
        <translation>No similar cases found.</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="404"/>
        <source>Ein möglicher Treffer – bitte prüfen, ob es derselbe Fall ist:</source>
        <translation>One possible match – please check whether it is the same case:</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="409"/>
        <source>%1 mögliche Treffer – bitte prüfen, ob einer davon derselbe Fall ist:</source>
        <translation>%1 possible matches – please check whether one of them is the same case:</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="421"/>
        <source>&amp;Trotzdem neuen Fall anlegen</source>
        <translation>Create &amp;new case anyway</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="462"/>
        <source>— bitte wählen —</source>
        <translation>— please select —</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="462"/>
        <source>%1 (Modellregion)</source>
        <translation>%1 (model region)</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="465"/>
        <source>— noch offen —</source>
        <translation>— pending —</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="474"/>
        <source>Gefährdungseinschätzung nach § &amp;8a SGB VIII</source>
        <translation>Child-protection risk assessment under § &amp;8a SGB VIII</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="477"/>
        <source>Gefährdungseinschätzung nach § 8a SGB VIII</source>
        <translation>Child-protection risk assessment under § 8a SGB VIII</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="479"/>
        <source>&amp;Aktenzeichen:</source>
        <translation>&amp;File number:</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="480"/>
        <source>Fall&amp;beginn:</source>
        <translation>&amp;Case start:</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="481"/>
        <source>Famil&amp;ie:</source>
        <translation>Famil&amp;y:</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="482"/>
        <source>S&amp;traße:</source>
        <translation>S&amp;treet:</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="483"/>
        <source>&amp;PLZ:</source>
        <translation>&amp;Postcode:</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="484"/>
        <source>S&amp;ozialraum:</source>
        <translation>Soc&amp;ial space:</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="485"/>
        <source>&amp;Fallführende Fachkraft:</source>
        <translation>&amp;Lead caseworker:</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="486"/>
        <source>&amp;Nächste Überprüfung:</source>
        <translation>&amp;Next review:</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="492"/>
        <source>Worum geht es? Wer hat sich gemeldet?</source>
        <translation>What is it about? Who got in touch?</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="493"/>
        <source>Anlass</source>
        <translation>Reason for contact</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="494"/>
        <source>An&amp;lass:</source>
        <translation>&amp;Reason for contact:</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="501"/>
        <source>Schwerpunkte</source>
        <translation>Focus areas</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="502"/>
        <source>Sch&amp;werpunkte:</source>
        <translation>Focus &amp;areas:</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="508"/>
        <source>Pe&amp;rsonen im Haushalt:</source>
        <translation>&amp;Household members:</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="513"/>
        <source>Personen im Haushalt</source>
        <translation>Household members</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="521"/>
        <source>Person &amp;hinzufügen …</source>
        <translation>A&amp;dd person …</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="523"/>
        <source>Än&amp;dern …</source>
        <translation>&amp;Edit …</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="525"/>
        <source>&amp;Entfernen</source>
        <translation>Re&amp;move</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="580"/>
        <source>Familie %1</source>
        <translation>%1 family</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="513"/>
        <source>Personen</source>
        <translation>People</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="615"/>
        <source>Mindestens eine Person ist nötig.</source>
        <translation>At least one person is required.</translation>
    </message>
    <message>
        <source>Suche läuft …</source>
        <translation>Searching …</translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="72"/>
        <source>Verlaufseintrag</source>
        <translation>History entry</translation>
    </message>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="79"/>
        <source>Anfangsbuchstabe wählt die Art, z. B. T für Telefonat.</source>
        <translation>The first letter selects the type, e.g. T for telephone call.</translation>
    </message>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="83"/>
        <source>z. B. Mutter, Lena, Schulsozialarbeit</source>
        <translation>e.g. mother, Lena, school social work</translation>
    </message>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="85"/>
        <source>an&amp;vertraut (§ 65 SGB VIII)</source>
        <translation>&amp;Entrusted (§ 65 SGB VIII)</translation>
    </message>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="86"/>
        <source>anvertraut (§ 65 SGB VIII)</source>
        <translation>Entrusted (§ 65 SGB VIII)</translation>
    </message>
    <message>
        <source>Der Inhalt wurde Ihnen persönlich anvertraut. Er erscheint nicht in Konferenzen, Berichten und Exporten, solange die Person nicht eingewilligt hat.</source>
        <translation>The content was entrusted to you personally. It does not appear in conferences, reports or exports unless the person has given consent.</translation>
    </message>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="93"/>
        <source>&amp;Art:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="94"/>
        <source>&amp;Datum:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="95"/>
        <source>&amp;Beteiligte:</source>
        <translation>&amp;People involved:</translation>
    </message>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="96"/>
        <source>&amp;Text:</source>
        <translation>Te&amp;xt:</translation>
    </message>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="99"/>
        <source>Strg+Eingabe speichert.</source>
        <translation>Ctrl+Enter saves.</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../ui/household_dialogs.py" line="56"/>
        <source>Person bearbeiten</source>
        <translation>Edit person</translation>
    </message>
    <message>
        <location filename="../../ui/household_dialogs.py" line="56"/>
        <source>Person hinzufügen</source>
        <translation>Add person</translation>
    </message>
    <message>
        <location filename="../../ui/household_dialogs.py" line="69"/>
        <source>&amp;Vorname:</source>
        <translation>&amp;First name:</translation>
    </message>
    <message>
        <location filename="../../ui/household_dialogs.py" line="70"/>
        <source>&amp;Familienname:</source>
        <translation>S&amp;urname:</translation>
    </message>
    <message>
        <location filename="../../ui/household_dialogs.py" line="71"/>
        <source>Geburts&amp;datum:</source>
        <translation>&amp;Date of birth:</translation>
    </message>
    <message>
        <location filename="../../ui/household_dialogs.py" line="72"/>
        <source>&amp;Geschlecht:</source>
        <translation>&amp;Gender:</translation>
    </message>
    <message>
        <location filename="../../ui/household_dialogs.py" line="73"/>
        <source>&amp;Rolle:</source>
        <translation>&amp;Role:</translation>
    </message>
</context>
<context>
    <name>PersonDraftTableModel</name>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="158"/>
        <source>Vorname</source>
        <translation>First name</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="159"/>
        <source>Familienname</source>
        <translation>Surname</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="160"/>
        <source>Rolle</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="161"/>
        <source>Geschlecht</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../ui/new_case_dialog.py" line="111"/>
        <source>Geburtsdatum</source>
        <translation>Date of birth</translation>
    </message>
</context>
<context>
    <name>ProblemList</name>
    <message>
        <location filename="../../ui/forms.py" line="332"/>
        <source>Hinweise zur Eingabe</source>
        <translation>Input notes</translation>
    </message>
</context>
<context>
    <name>PublishedTableModel</name>
    <message>
        <location filename="../../ui/export_dialog.py" line="52"/>
        <source>geheim gehalten (primär)
Die Fallzahl liegt unter der Mindestfallzahl.</source>
        <translation>suppressed (primary)
The number of cases is below the minimum number of cases.</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="55"/>
        <source>geheim gehalten (sekundär)
Sonst ließe sich ein anderes geheimes Feld errechnen.</source>
        <translation>suppressed (secondary)
Otherwise another suppressed cell could be calculated.</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="57"/>
        <source>nichts vorhanden</source>
        <translation>nil</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="58"/>
        <source>Aussage nicht sinnvoll</source>
        <translation>not meaningful</translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="96"/>
        <source>Fall wieder aufnehmen</source>
        <translation>Reopen case</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="98"/>
        <source>&amp;Wieder aufnehmen</source>
        <translation>&amp;Reopen</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="100"/>
        <source>Der Fall wird wieder geöffnet; der Grund steht danach in der Statushistorie.</source>
        <translation>The case will be reopened; the reason is then recorded in the status history.</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="53"/>
        <source>— bitte wählen —</source>
        <translation>— please select —</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="109"/>
        <source>&amp;Grund:</source>
        <translation>Rea&amp;son:</translation>
    </message>
    <message>
        <location filename="../../ui/lifecycle_dialogs.py" line="118"/>
        <source>Grund</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>ResourceDialog</name>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="340"/>
        <source>Ressource erfassen</source>
        <translation>Record resource</translation>
    </message>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="146"/>
        <source>— bitte wählen —</source>
        <translation>— please select —</translation>
    </message>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="347"/>
        <source>z. B. Oma wohnt nebenan und holt die Kinder dienstags ab</source>
        <translation>e.g. Grandma lives next door and picks the children up on Tuesdays</translation>
    </message>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="93"/>
        <source>&amp;Art:</source>
        <translation>&amp;Type:</translation>
    </message>
    <message>
        <location filename="../../ui/entry_dialogs.py" line="350"/>
        <source>&amp;Beschreibung:</source>
        <translation>&amp;Description:</translation>
    </message>
</context>
<context>
    <name>ReviewRow</name>
    <message>
        <location filename="../../ui/conference/widgets.py" line="328"/>
        <source>— nicht bewertet —</source>
        <translation>— not assessed —</translation>
    </message>
    <message>
        <location filename="../../ui/conference/widgets.py" line="334"/>
        <source>Einschätzung:</source>
        <translation>Assessment:</translation>
    </message>
    <message>
        <location filename="../../ui/conference/widgets.py" line="335"/>
        <source>Kommentar:</source>
        <translation>Comment:</translation>
    </message>
    <message>
        <location filename="../../ui/conference/widgets.py" line="348"/>
        <source>Ziel %1: „%2“</source>
        <translation>Goal %1: ‘%2’</translation>
    </message>
    <message>
        <location filename="../../ui/conference/widgets.py" line="349"/>
        <source>Einschätzung Ziel %1</source>
        <translation>Assessment for goal %1</translation>
    </message>
    <message>
        <location filename="../../ui/conference/widgets.py" line="350"/>
        <source>Kommentar Ziel %1</source>
        <translation>Comment for goal %1</translation>
    </message>
    <message>
        <location filename="../../ui/conference/widgets.py" line="361"/>
        <source>nicht bewertet</source>
        <translation>not assessed</translation>
    </message>
    <message>
        <location filename="../../ui/conference/widgets.py" line="364"/>
        <source>Einschätzung: %1</source>
        <translation>Assessment: %1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="43"/>
        <source>Einstellungen</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="45"/>
        <source>Ü&amp;bernehmen</source>
        <translation>&amp;Apply</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="53"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="57"/>
        <source>&amp;Sprache:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="59"/>
        <source>Sprache</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="60"/>
        <source>Automatische Sperre &amp;nach:</source>
        <translation>Auto&amp;matic lock after:</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="62"/>
        <source>Automatische Sperre nach Minuten ohne Eingabe</source>
        <translation>Automatic lock after minutes without input</translation>
    </message>
    <message>
        <source>Ohne Eingabe sperrt sich das Programm nach der eingestellten Zeit; zum Entsperren ist die Passphrase nötig.</source>
        <translation>Without input, the program locks itself after the set time; the passphrase is needed to unlock it.</translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <location filename="../../ui/start_dialog.py" line="15"/>
        <source>SRO-Fallmanagement — Willkommen</source>
        <translation>SRO-Fallmanagement — Welcome</translation>
    </message>
    <message>
        <location filename="../../ui/start_dialog.py" line="20"/>
        <source>&lt;b&gt;Willkommen bei SRO-Fallmanagement.&lt;/b&gt;&lt;br&gt;Fallakten werden verschlüsselt auf diesem Rechner gespeichert. Wie möchten Sie beginnen?</source>
        <translation>&lt;b&gt;Welcome to SRO-Fallmanagement.&lt;/b&gt;&lt;br&gt;Case files are stored encrypted on this computer. How would you like to start?</translation>
    </message>
    <message>
        <location filename="../../ui/start_dialog.py" line="26"/>
        <source>&amp;Neue verschlüsselte Datenbank anlegen</source>
        <translation>&amp;Create new encrypted database</translation>
    </message>
    <message>
        <location filename="../../ui/start_dialog.py" line="27"/>
        <source>Vorhandene Datenbank ö&amp;ffnen …</source>
        <translation>&amp;Open existing database …</translation>
    </message>
    <message>
        <location filename="../../ui/start_dialog.py" line="28"/>
        <source>&amp;Demodatenbank mit erfundenen Fällen anlegen</source>
        <translation>Create &amp;demo database with fictitious cases</translation>
    </message>
    <message>
        <location filename="../../ui/start_dialog.py" line="35"/>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/start_dialog.py" line="46"/>
        <source>Datenbank öffnen</source>
        <translation>Open database</translation>
    </message>
    <message>
        <location filename="../../ui/start_dialog.py" line="48"/>
        <source>SRO-Datenbank (*.db);;Alle Dateien (*)</source>
        <translation>SRO database (*.db);;All files (*)</translation>
    </message>
    <message>
        <source>Mit dem &amp;Teamserver verbinden …</source>
        <translation>Connect to the &amp;team server …</translation>
    </message>
    <message>
        <source>&lt;b&gt;Willkommen bei SRO-Fallmanagement.&lt;/b&gt;&lt;br&gt;Fallakten liegen verschlüsselt auf diesem Rechner oder auf dem Teamserver der Stadt. Wie möchten Sie beginnen?</source>
        <translation>&lt;b&gt;Welcome to SRO case management.&lt;/b&gt;&lt;br&gt;Case files are kept encrypted on this computer or on the city's team server. How would you like to start?</translation>
    </message>
</context>
<context>
    <name>StatisticsExportDialog</name>
    <message>
        <location filename="../../ui/export_dialog.py" line="129"/>
        <source>Anonymisierte Statistik – Vorschau</source>
        <translation>Anonymised statistics – preview</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="135"/>
        <source>&lt;b&gt;Diese Tabellen – und nur diese – werden gespeichert.&lt;/b&gt; Grau hinterlegte Felder („.“) sind geheim gehalten: ihre Zahl verlässt den Rechner nicht und lässt sich aus den übrigen Zahlen nicht errechnen.</source>
        <translation>&lt;b&gt;These tables – and only these – will be saved.&lt;/b&gt; Cells shaded grey (‘.’) are suppressed: their number does not leave this computer and cannot be calculated from the other numbers.</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="145"/>
        <source>Davon %1 primär (zu kleine Fallzahl) und %2 sekundär (zum Schutz anderer Felder) – diese Aufteilung erscheint nur hier, nicht in der Datei.</source>
        <translation>Of these, %1 primary (number of cases too small) and %2 secondary (to protect other cells) – this breakdown appears only here, not in the file.</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="176"/>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="179"/>
        <source>CSV für Excel (Langformat)</source>
        <translation>CSV for Excel (long format)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="180"/>
        <source>XLSX-Arbeitsmappe (Kreuztabellen)</source>
        <translation>XLSX workbook (cross-tabulations)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="181"/>
        <source>PDF-Controllingbericht mit Grafiken</source>
        <translation>PDF management report with charts</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="185"/>
        <source>&amp;Speichern unter …</source>
        <translation>&amp;Save as …</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="188"/>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="201"/>
        <source>Grundgesamtheit: %1</source>
        <translation>Population: %1</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="240"/>
        <source>CSV-Datei (*.csv)</source>
        <translation>CSV file (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="241"/>
        <source>Excel-Arbeitsmappe (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="242"/>
        <source>PDF-Dokument (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="246"/>
        <source>Anonymisierte Statistik speichern</source>
        <translation>Save anonymised statistics</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="263"/>
        <source>Gemeinsam geprüft mit früheren Exporten: %1.</source>
        <translation>Audited together with earlier exports: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="266"/>
        <source>Wegen früherer Exporte zusätzlich geheim gehalten: 1 Feld.</source>
        <translation>Suppressed in addition because of earlier exports: 1 cell.</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="269"/>
        <source>Wegen früherer Exporte zusätzlich geheim gehalten: %1 Felder.</source>
        <translation>Suppressed in addition because of earlier exports: %1 cells.</translation>
    </message>
    <message>
        <source>Frühere Exporte hatten schon %1 kleine Zahlen eingegrenzt (etwa ein Quartal durch das veröffentlichte Jahr); dieser Export engt sie nicht weiter ein.</source>
        <translation>Earlier exports had already narrowed %1 small figures (a quarter by the published year, say); this export does not narrow them further.</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="285"/>
        <source>Frühere Exporte, deren Zeitraum sich mit diesem überschneidet, sind mit ihm zusammen geprüft: Kein geheim gehaltenes Feld lässt sich aus den Dateien zusammen errechnen.</source>
        <translation>Earlier exports whose periods overlap with this one were audited together with it: no suppressed cell can be calculated from the files taken together.</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="155"/>
        <source>Zeitraum %1 bis %2 · Mindestfallzahl %3 (sensible Merkmale: %4) · %5 Felder geheim gehalten</source>
        <translation>Period %1 to %2 · minimum cell count %3 (sensitive characteristics: %4) · %5 cells suppressed</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="186"/>
        <source>Inhalt der Datei</source>
        <translation>Content of the file</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="193"/>
        <source>Angaben zur Datei</source>
        <translation>About the file</translation>
    </message>
    <message>
        <location filename="../../ui/export_dialog.py" line="195"/>
        <source>Was in jeder Datei über den Tabellen steht: Inhalt, Zeitraum, Mindestfallzahl, Schutzregel, Zeichen und Hinweise</source>
        <translation>What every file says above the tables: content, period, minimum cell count, protection rule, signs and notes</translation>
    </message>
</context>
<context>
    <name>StatisticsPeriodDialog</name>
    <message>
        <location filename="../../ui/statistics_period.py" line="100"/>
        <source>Anonymisierte Statistik – Zeitraum</source>
        <translation>Anonymised statistics – period</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_period.py" line="102"/>
        <source>Statistik &amp;berechnen</source>
        <translation>&amp;Calculate statistics</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_period.py" line="104"/>
        <source>Die Tabellen zählen, was im Zeitraum geschah: begonnene und beendete Hilfen, Fallkonferenzen, Zielüberprüfungen. Laufende Hilfen werden am letzten Tag des Zeitraums gezählt. Vor dem Speichern sehen Sie eine Vorschau.</source>
        <translation>The tables count what happened in the period: helps started and ended, case conferences, goal reviews. Ongoing helps are counted on the last day of the period. You will see a preview before saving.</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_period.py" line="118"/>
        <source>Halbjahr</source>
        <translation>Half-year</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_period.py" line="119"/>
        <source>Quartal</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_period.py" line="120"/>
        <source>Monat</source>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_period.py" line="121"/>
        <source>eigener Zeitraum</source>
        <translation>custom period</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_period.py" line="124"/>
        <source>Art des Zeitraums</source>
        <translation>Kind of period</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_period.py" line="126"/>
        <source>Teil des Jahres</source>
        <translation>Part of the year</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_period.py" line="130"/>
        <source>Jahr</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_period.py" line="139"/>
        <source>&amp;Zeitraum:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_period.py" line="149"/>
        <source>&amp;Von:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_period.py" line="150"/>
        <source>&amp;Bis:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_period.py" line="162"/>
        <source>Mindestfallzahl</source>
        <translation>Minimum cell count</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_period.py" line="165"/>
        <source>&amp;Mindestfallzahl:</source>
        <translation>&amp;Minimum cell count:</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_period.py" line="216"/>
        <source>1. Halbjahr</source>
        <translation>First half</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_period.py" line="216"/>
        <source>2. Halbjahr</source>
        <translation>Second half</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_period.py" line="219"/>
        <source>%1. Quartal</source>
        <translation>Q%1</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_period.py" line="300"/>
        <source>1 Tag</source>
        <translation>1 day</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_period.py" line="302"/>
        <source>%1 Tage – kurz: viele kleine Felder werden geheim gehalten</source>
        <translation>%1 days – short: many small cells will be suppressed</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_period.py" line="304"/>
        <source>%1 Tage</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_period.py" line="310"/>
        <source>Zahlen unter %1 werden geheim gehalten (§ 8a, § 35a SGB VIII: unter %2).</source>
        <translation>Numbers below %1 are suppressed (§ 8a, § 35a SGB VIII: below %2).</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_period.py" line="320"/>
        <source>Von</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_period.py" line="320"/>
        <source>Bis</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_period.py" line="328"/>
        <source>Zeitraum</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_period.py" line="329"/>
        <source>Das Ende (%1) liegt vor dem Beginn (%2). Bitte ein Ende wählen, das nicht vor dem Beginn liegt.</source>
        <translation>The end (%1) is before the start (%2). Please choose an end that is not before the start.</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_period.py" line="344"/>
        <source>Statistik berechnen (Strg+Eingabe)</source>
        <translation>Calculate statistics (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="59"/>
        <source>SRO-Fallmanagement — Anmelden</source>
        <translation>SRO-Fallmanagement — Sign in</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="64"/>
        <source>Neue verschlüsselte Datenbank anlegen:</source>
        <translation>Create new encrypted database:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="66"/>
        <source>Datenbank entsperren:</source>
        <translation>Unlock database:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="78"/>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="79"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="82"/>
        <source>Passphrase wiederholen</source>
        <translation>Repeat passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="85"/>
        <source>&amp;Wiederholen:</source>
        <translation>&amp;Repeat:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="86"/>
        <source>Stärke:</source>
        <translation>Strength:</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="97"/>
        <source>Bitte warten</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="102"/>
        <source>&amp;Anlegen</source>
        <translation>&amp;Create</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="102"/>
        <source>&amp;Entsperren</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="104"/>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="113"/>
        <source>%1 (mindestens %2 Zeichen)</source>
        <translation>%1 (at least %2 characters)</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="127"/>
        <source>Die beiden Passphrasen stimmen nicht überein.</source>
        <translation>The two passphrases do not match.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="129"/>
        <source>Schlüssel wird abgeleitet …</source>
        <translation>Deriving key …</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="143"/>
        <source>Wiederherstellungsschlüssel</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="145"/>
        <source>Die Datenbank wurde angelegt.

Ihr Wiederherstellungsschlüssel (nur jetzt sichtbar – bitte ausdrucken und sicher verwahren):

%1</source>
        <translation>The database has been created.

Your recovery key (visible only now – please print it out and keep it in a safe place):

%1</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="162"/>
        <source>Die Passphrase ist falsch. Bitte erneut versuchen.</source>
        <translation>The passphrase is incorrect. Please try again.</translation>
    </message>
    <message>
        <location filename="../../ui/unlock_dialog.py" line="167"/>
        <source>Unerwarteter Fehler: %1</source>
        <translation>Unexpected error: %1</translation>
    </message>
    <message>
        <source>Die Passphrase ist zu schwach: %1</source>
        <translation>The passphrase is too weak: %1</translation>
    </message>
    <message>
        <source>zu kurz</source>
        <translation>too short</translation>
    </message>
    <message>
        <source>schwach</source>
        <translation>weak</translation>
    </message>
    <message>
        <source>mittel</source>
        <translation>fair</translation>
    </message>
    <message>
        <source>gut</source>
        <translation>good</translation>
    </message>
    <message>
        <source>sehr gut</source>
        <translation>very good</translation>
    </message>
    <message>
        <source>Stärke der Passphrase</source>
        <translation>Passphrase strength</translation>
    </message>
</context>
<context>
    <name>EndHelpDialog</name>
    <message>
        <source>Hilfe beenden</source>
        <translation>End support service</translation>
    </message>
    <message>
        <source>Hilfe &amp;beenden</source>
        <translation>&amp;End support</translation>
    </message>
    <message>
        <source>%1, seit %2.</source>
        <translation>%1, since %2.</translation>
    </message>
    <message>
        <source>&amp;Ende:</source>
        <translation>&amp;End:</translation>
    </message>
    <message>
        <source>Beendigungs&amp;grund:</source>
        <translation>&amp;Reason for ending:</translation>
    </message>
    <message>
        <source>— bitte wählen —</source>
        <translation>— please choose —</translation>
    </message>
    <message>
        <source>Ende</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Beendigungsgrund</source>
        <translation>Reason for ending</translation>
    </message>
    <message>
        <source>dem Beginn</source>
        <translation>the start</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Wiederherstellungsschlüssel</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>Die Datenbank wurde angelegt. Dies ist ihr Wiederherstellungsschlüssel: er öffnet die Datenbank, wenn alle Passphrasen verloren sind. Er wird nur jetzt angezeigt. Drucken Sie ihn aus und verwahren Sie ihn sicher (Tresor), nicht auf diesem PC.</source>
        <translation>The database was created. This is its recovery key: it opens the database when all passphrases are lost. It is shown only now. Print it and keep it safe (a safe), not on this PC.</translation>
    </message>
    <message>
        <source>&amp;Drucken (PDF) …</source>
        <translation>&amp;Print (PDF) …</translation>
    </message>
    <message>
        <source>&amp;Kopieren</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>In die Zwischenablage, etwa für einen Passwort-Tresor der Dienststelle</source>
        <translation>To the clipboard, e.g. for the office's password safe</translation>
    </message>
    <message>
        <source>Ich habe den Schlüssel &amp;sicher verwahrt.</source>
        <translation>I have &amp;stored the key safely.</translation>
    </message>
    <message>
        <source>&amp;Weiter</source>
        <translation>&amp;Continue</translation>
    </message>
    <message>
        <source>Wiederherstellungsschlüssel als PDF speichern</source>
        <translation>Save the recovery key as PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Nicht gespeichert</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <source>Das PDF konnte nicht geschrieben werden: %1</source>
        <translation>The PDF could not be written: %1</translation>
    </message>
    <message>
        <source>Gespeichert: %1 – drucken Sie es aus und löschen Sie die Datei danach.</source>
        <translation>Saved: %1 – print it and delete the file afterwards.</translation>
    </message>
    <message>
        <source>In die Zwischenablage kopiert. Fügen Sie ihn nur in einen sicheren Tresor ein.</source>
        <translation>Copied to the clipboard. Paste it only into a secure password safe.</translation>
    </message>
    <message>
        <source>Bitte bestätigen Sie zuerst, dass Sie den Schlüssel sicher verwahrt haben.</source>
        <translation>Please confirm first that you have stored the key safely.</translation>
    </message>
</context>
<context>
    <name>FacilitatorConsole</name>
    <message>
        <source>Hinweis schließen</source>
        <translation>Close note</translation>
    </message>
    <message>
        <source>Hinweis schließen (Esc)</source>
        <translation>Close note (Esc)</translation>
    </message>
    <message>
        <source>Konferenzmodus – nur für die Moderation</source>
        <translation>Conference mode – for the facilitator only</translation>
    </message>
    <message>
        <source>Hinweise, die nicht auf den Beamer gehören. Die Konferenz läuft im anderen Fenster.</source>
        <translation>Notes that do not belong on the projector. The conference runs in the other window.</translation>
    </message>
    <message>
        <source>Frühere Hinweise</source>
        <translation>Earlier notes</translation>
    </message>
    <message>
        <source>Hinweis auf dem Bildschirm der Moderation.</source>
        <translation>See the note on the facilitator's screen.</translation>
    </message>
</context>
<context>
    <name>QTableView</name>
    <message>
        <source>Sortieren nach</source>
        <translation>Sort by</translation>
    </message>
    <message>
        <source>Umschalt+F10: Sortieren nach …</source>
        <translation>Shift+F10: sort by …</translation>
    </message>
    <message>
        <source>Klick: nach dieser Spalte sortieren, noch ein Klick: umgekehrt.</source>
        <translation>Click: sort by this column, click again: reverse order.</translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <source>unbekannter Grund</source>
        <translation>unknown reason</translation>
    </message>
    <message>
        <source>Die Datei konnte nicht gelesen oder geschrieben werden%1: %2</source>
        <translation>The file could not be read or written%1: %2</translation>
    </message>
    <message>
        <source>Ein unerwarteter Fehler ist aufgetreten (%1). Bitte versuchen Sie es erneut und melden Sie den Fehler, wenn er wiederkommt.</source>
        <translation>An unexpected error occurred (%1). Please try again and report the error if it comes back.</translation>
    </message>
    <message>
        <source>&amp;Erneut versuchen</source>
        <translation>&amp;Try again</translation>
    </message>
    <message>
        <source>Ihre Eingaben bleiben erhalten. Versuchen Sie es erneut, sobald das Netz wieder da ist.</source>
        <translation>Your input is kept. Try again once the network is back.</translation>
    </message>
    <message>
        <source>Ob die Änderung angekommen ist, ist nicht sicher: bitte prüfen Sie nach dem Aktualisieren (F5), bevor Sie sie noch einmal eingeben.</source>
        <translation>It is not certain whether the change arrived: please check after refreshing (F5) before you enter it again.</translation>
    </message>
    <message>
        <source>Schließen</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Projection</name>
    <message>
        <source>Initialen: zum Bearbeiten F8 drücken</source>
        <translation>Initials: press F8 to edit</translation>
    </message>
</context>
<context>
    <name>AgendaPanel</name>
    <message>
        <source>Tagesordnung</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Zeit starten (F5)</source>
        <translation>Start timer (F5)</translation>
    </message>
    <message>
        <source>Nächster Punkt (F6)</source>
        <translation>Next item (F6)</translation>
    </message>
    <message>
        <source>weiterer Punkt</source>
        <translation>further item</translation>
    </message>
    <message>
        <source> Min.</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Punkt:</source>
        <translation>Item:</translation>
    </message>
    <message>
        <source>Geplant:</source>
        <translation>Planned:</translation>
    </message>
    <message>
        <source>Tagesordnungspunkt &amp;anfügen</source>
        <translation>Add agenda &amp;item</translation>
    </message>
    <message>
        <source>läuft</source>
        <translation>running</translation>
    </message>
    <message>
        <source>angehalten</source>
        <translation>paused</translation>
    </message>
    <message>
        <source>Zeit anhalten (F5)</source>
        <translation>Pause timer (F5)</translation>
    </message>
    <message>
        <source>Min.</source>
        <translation>min</translation>
    </message>
    <message>
        <source>Punkt %1 von %2: %3 · %4 von %5 Min. · %6</source>
        <translation>Item %1 of %2: %3 · %4 of %5 min · %6</translation>
    </message>
</context>
<context>
    <name>ParticipantsPanel</name>
    <message>
        <source>Teilnehmende</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>noch niemand eingetragen</source>
        <translation>nobody entered yet</translation>
    </message>
    <message>
        <source>z. B. Grundschule am Mühlenteich</source>
        <translation>e.g. Millpond Primary School</translation>
    </message>
    <message>
        <source>z. B. Schule, Kita, Familie – Alt+Pfeil runter zeigt alle</source>
        <translation>e.g. school, nursery, family – Alt+Down arrow shows all</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>Organisation:</translation>
    </message>
    <message>
        <source>Disziplin:</source>
        <translation>Discipline:</translation>
    </message>
    <message>
        <source>Teilnehmende &amp;hinzufügen</source>
        <translation>&amp;Add participant</translation>
    </message>
    <message>
        <source>Noch niemand eingetragen: aus der Fallakte erscheint nichts, bis die Teilnehmenden erfasst sind und die Einwilligungen geprüft wurden.</source>
        <translation>Nobody entered yet: nothing from the case file appears until the participants are entered and their consents checked.</translation>
    </message>
    <message>
        <source>Noch niemand eingetragen: aus der Fallakte erscheint nichts.</source>
        <translation>Nobody entered yet: nothing from the case file appears.</translation>
    </message>
    <message>
        <source>Disziplin</source>
        <translation>Discipline</translation>
    </message>
    <message>
        <source>⚠ Eingeschränkte Ansicht: %1 Teilnehmende ohne gültige Einwilligung. Aus der Fallakte erscheinen die Ziele nur als Platzhalter; es erscheint nur, was diese Konferenz erarbeitet.</source>
        <translation>⚠ Restricted view: %1 participants without a valid consent. From the case file the goals appear only as placeholders; only what this conference produces is shown.</translation>
    </message>
    <message>
        <source>⚠ Eingeschränkte Ansicht: %1 Teilnehmende ohne gültige Einwilligung.</source>
        <translation>⚠ Restricted view: %1 participants without a valid consent.</translation>
    </message>
    <message>
        <source>Familie</source>
        <translation>Family</translation>
    </message>
    <message>
        <source>ohne gültige Einwilligung</source>
        <translation>without valid consent</translation>
    </message>
    <message>
        <source>freigegeben</source>
        <translation>cleared</translation>
    </message>
    <message>
        <source>Familienmitglied</source>
        <translation>Family member</translation>
    </message>
</context>
<context>
    <name>CaseBackgroundPanel</name>
    <message>
        <source>Aus der Fallakte</source>
        <translation>From the case file</translation>
    </message>
    <message>
        <source>Rückblick: Zielüberprüfung</source>
        <translation>Looking back: goal review</translation>
    </message>
    <message>
        <source>Einschätzung je Ziel von −2 (deutlich weniger als erwartet) bis +2.</source>
        <translation>Assessment per goal from −2 (much less than expected) to +2.</translation>
    </message>
    <message>
        <source>Die Ziele ohne Titel, Indikatoren, Stufen und frühere Einschätzungen: sie sind ausgeblendet, solange Teilnehmende ohne Einwilligung dabei sind.</source>
        <translation>The goals without titles, indicators, levels and earlier assessments: these are hidden while participants without consent are present.</translation>
    </message>
    <message>
        <source>Die Ziele erscheinen, sobald die Teilnehmenden eingetragen sind.</source>
        <translation>The goals appear once the participants are entered.</translation>
    </message>
    <message>
        <source>Ziel aus der Fallakte</source>
        <translation>Goal from the case file</translation>
    </message>
    <message>
        <source>Anlass: %1</source>
        <translation>Reason for contact: %1</translation>
    </message>
    <message>
        <source>Laufende Hilfe: %1 seit %2</source>
        <translation>Ongoing help: %1 since %2</translation>
    </message>
    <message>
        <source>Ressource (%1): %2</source>
        <translation>Resource (%1): %2</translation>
    </message>
    <message>
        <source>Woran merken wir es: %1</source>
        <translation>How we will notice: %1</translation>
    </message>
    <message>
        <source>Wille beim letzten Gespräch (%1): „%2“%3</source>
        <translation>The family's will at the last meeting (%1): ‘%2’%3</translation>
    </message>
    <message>
        <source>Zuletzt: %1 am %2</source>
        <translation>Most recently: %1 on %2</translation>
    </message>
</context>
<context>
    <name>PlanPanel</name>
    <message>
        <source>Wille der Familie – in ihren eigenen Worten</source>
        <translation>The family's will – in their own words</translation>
    </message>
    <message>
        <source>Wer sagt das?</source>
        <translation>Who is saying this?</translation>
    </message>
    <message>
        <source>wörtlich, z. B. „Wir wollen …“</source>
        <translation>verbatim, e.g. ‘We want …’</translation>
    </message>
    <message>
        <source>Wer?</source>
        <translation>Who?</translation>
    </message>
    <message>
        <source>Was?</source>
        <translation>What?</translation>
    </message>
    <message>
        <source>&amp;Wille festhalten</source>
        <translation>Record the family's &amp;will</translation>
    </message>
    <message>
        <source>Ressourcen</source>
        <translation>Resources</translation>
    </message>
    <message>
        <source>z. B. Oma wohnt um die Ecke</source>
        <translation>e.g. Grandma lives round the corner</translation>
    </message>
    <message>
        <source>Art:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Ressource:</source>
        <translation>Resource:</translation>
    </message>
    <message>
        <source>&amp;Ressource hinzufügen</source>
        <translation>Add &amp;resource</translation>
    </message>
    <message>
        <source>Ziele und Vereinbarungen</source>
        <translation>Goals and agreements</translation>
    </message>
    <message>
        <source>in den Worten der Familie</source>
        <translation>in the family's words</translation>
    </message>
    <message>
        <source>Ziel:</source>
        <translation>Goal:</translation>
    </message>
    <message>
        <source>Woran merken wir, dass sich etwas verändert hat?</source>
        <translation>How will we notice that something has changed?</translation>
    </message>
    <message>
        <source>Indikator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>deutlich weniger</source>
        <translation>much less</translation>
    </message>
    <message>
        <source>etwas weniger</source>
        <translation>somewhat less</translation>
    </message>
    <message>
        <source>erwartet</source>
        <translation>expected</translation>
    </message>
    <message>
        <source>etwas mehr</source>
        <translation>somewhat more</translation>
    </message>
    <message>
        <source>deutlich mehr</source>
        <translation>much more</translation>
    </message>
    <message>
        <source>Zieldatum:</source>
        <translation>Target date:</translation>
    </message>
    <message>
        <source>Wer macht was bis wann? – die Familie zuerst</source>
        <translation>Who does what by when? – the family first</translation>
    </message>
    <message>
        <source>Wer? – die Familie zuerst</source>
        <translation>Who? – the family first</translation>
    </message>
    <message>
        <source>Bis wann?</source>
        <translation>By when?</translation>
    </message>
    <message>
        <source>&amp;Schritt hinzufügen</source>
        <translation>Add &amp;step</translation>
    </message>
    <message>
        <source>&amp;Ziel übernehmen (Strg+Eingabe)</source>
        <translation>Adopt &amp;goal (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Entscheidungen und nächster Termin</source>
        <translation>Decisions and next appointment</translation>
    </message>
    <message>
        <source>Entscheidungen:</source>
        <translation>Decisions:</translation>
    </message>
    <message>
        <source>Nächste Überprüfung:</source>
        <translation>Next review:</translation>
    </message>
    <message>
        <source>Zielerreichungsskala: So sieht es aus bei …</source>
        <translation>Goal-attainment scale: this is what it looks like at …</translation>
    </message>
    <message>
        <source>Ohne Frist – bis wann soll das geschehen sein?</source>
        <translation>No deadline – by when should this be done?</translation>
    </message>
    <message>
        <source>Die Familie zuerst? Was übernimmt sie selbst, bevor die Fachleute helfen?</source>
        <translation>The family first? What does the family take on itself before the professionals help?</translation>
    </message>
    <message>
        <source>„%1“</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>Bitte die Worte der Familie eintragen.</source>
        <translation>Please enter the family's words.</translation>
    </message>
    <message>
        <source>Bitte zuerst das Ziel in den Feldern übernehmen oder leeren.</source>
        <translation>Please first adopt or clear the goal in the fields.</translation>
    </message>
    <message>
        <source>Familie</source>
        <translation>Family</translation>
    </message>
    <message>
        <source>Aussage %1</source>
        <translation>Statement %1</translation>
    </message>
    <message>
        <source>Ressource %1</source>
        <translation>Resource %1</translation>
    </message>
    <message>
        <source>Ziel %1</source>
        <translation>Goal %1</translation>
    </message>
    <message>
        <source>Schritt %1</source>
        <translation>Step %1</translation>
    </message>
    <message>
        <source>Woran merken wir es: %1</source>
        <translation>How we will notice: %1</translation>
    </message>
    <message>
        <source>Zieldatum: %1</source>
        <translation>Target date: %1</translation>
    </message>
    <message>
        <source>Stufe %1 (%2)</source>
        <translation>Level %1 (%2)</translation>
    </message>
    <message>
        <source>Ziel %1: „%2“</source>
        <translation>Goal %1: ‘%2’</translation>
    </message>
</context>
<context>
    <name>ProtocolPanel</name>
    <message>
        <source>Abschluss</source>
        <translation>Closing</translation>
    </message>
    <message>
        <source>S&amp;peichern &amp;&amp; Protokoll (Strg+S)</source>
        <translation>Sa&amp;ve &amp;&amp; minutes (Ctrl+S)</translation>
    </message>
    <message>
        <source>Wird gespeichert …</source>
        <translation>Saving …</translation>
    </message>
    <message>
        <source>&amp;Protokoll erneut schreiben (Strg+S)</source>
        <translation>Write &amp;minutes again (Ctrl+S)</translation>
    </message>
    <message>
        <source>Protokoll speichern</source>
        <translation>Save minutes</translation>
    </message>
    <message>
        <source>PDF-Dokument (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Gespeichert. Protokoll: %1 (im Protokollordner des Falls)</source>
        <translation>Saved. Protocol: %1 (in the case's protocol folder)</translation>
    </message>
    <message>
        <source>Die Konferenz ist gespeichert, aber das Protokoll fehlt noch: %1 – Strg+S versucht es erneut.</source>
        <translation>The conference has been saved, but the minutes are still missing: %1 – Ctrl+S tries again.</translation>
    </message>
    <message>
        <source>Nicht gespeichert: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Nicht gespeichert:</source>
        <translation>Not saved:</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>SRO-Fallmanagement — Teamserver</source>
        <translation>SRO case management — team server</translation>
    </message>
    <message>
        <source>&lt;b&gt;Mit dem Teamserver verbinden.&lt;/b&gt;&lt;br&gt;Die Fallakten liegen auf dem Server der Stadt; auf diesem PC bleibt nichts davon gespeichert.</source>
        <translation>&lt;b&gt;Connect to the team server.&lt;/b&gt;&lt;br&gt;The case files live on the city's server; nothing of them is stored on this PC.</translation>
    </message>
    <message>
        <source>Serveradresse</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>&amp;Serveradresse:</source>
        <translation>&amp;Server address:</translation>
    </message>
    <message>
        <source>Anmeldename</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>&amp;Anmeldename:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>leer: die Zertifikate des Systems</source>
        <translation>empty: the system's certificates</translation>
    </message>
    <message>
        <source>Zertifikat der städtischen CA</source>
        <translation>Certificate of the city CA</translation>
    </message>
    <message>
        <source>&amp;Durchsuchen …</source>
        <translation>&amp;Browse …</translation>
    </message>
    <message>
        <source>Stadt-&amp;CA:</source>
        <translation>City &amp;CA:</translation>
    </message>
    <message>
        <source>Bitte warten</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <source>&amp;Verbinden</source>
        <translation>&amp;Connect</translation>
    </message>
    <message>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Zertifikate (*.pem *.crt *.cer);;Alle Dateien (*)</source>
        <translation>Certificates (*.pem *.crt *.cer);;All files (*)</translation>
    </message>
    <message>
        <source>Bitte die Adresse des Teamservers angeben.</source>
        <translation>Please enter the team server's address.</translation>
    </message>
    <message>
        <source>Bitte Ihren Anmeldenamen angeben.</source>
        <translation>Please enter your login.</translation>
    </message>
    <message>
        <source>Bitte Ihre Passphrase eingeben.</source>
        <translation>Please enter your passphrase.</translation>
    </message>
    <message>
        <source>Die Zertifikatsdatei %1 gibt es nicht.</source>
        <translation>The certificate file %1 does not exist.</translation>
    </message>
    <message>
        <source>Verbindung wird aufgebaut …</source>
        <translation>Connecting …</translation>
    </message>
    <message>
        <source>Anmeldename oder Passphrase stimmen nicht. Bitte erneut versuchen.</source>
        <translation>Login or passphrase is wrong. Please try again.</translation>
    </message>
</context>
<context>
    <name>CaseTeamTab</name>
    <message>
        <source>%1 aus dem Fallteam entfernen? Sie oder er sieht den Fall danach nicht mehr.</source>
        <translation>Remove %1 from the case team? They will no longer see the case.</translation>
    </message>
    <message>
        <source>; nicht: %1</source>
        <translation>; not: %1</translation>
    </message>
    <message>
        <source>Anlass und Ressourcen</source>
        <translation>Reason and resources</translation>
    </message>
    <message>
        <source>Aufgabe</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Aus dem Fallteam &amp;entfernen</source>
        <translation>&amp;Remove from the case team</translation>
    </message>
    <message>
        <source>Ins Fallteam &amp;aufnehmen</source>
        <translation>&amp;Add to the case team</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Fachbereich</source>
        <translation>Discipline</translation>
    </message>
    <message>
        <source>Fallteam</source>
        <translation>Case team</translation>
    </message>
    <message>
        <source>Kollegin oder Kollege für das Fallteam</source>
        <translation>Colleague for the case team</translation>
    </message>
    <message>
        <source>Sie sehen die ganze Fallakte (%1).</source>
        <translation>You see the whole case file (%1).</translation>
    </message>
    <message>
        <source>nur die Stammdaten</source>
        <translation>only the master data</translation>
    </message>
    <message>
        <source>Sie sehen: %1</source>
        <translation>You see: %1</translation>
    </message>
    <message>
        <source>Familie und Haushalt</source>
        <translation>Family and household</translation>
    </message>
    <message>
        <source>Hilfen</source>
        <translation>Helps</translation>
    </message>
    <message>
        <source>Ziele und Vereinbarungen</source>
        <translation>Goals and agreements</translation>
    </message>
    <message>
        <source>Konferenzen</source>
        <translation>Conferences</translation>
    </message>
    <message>
        <source>Verlauf</source>
        <translation>Case notes</translation>
    </message>
    <message>
        <source>Kosten</source>
        <translation>Costs</translation>
    </message>
    <message>
        <source>§ 8a</source>
        <translation>§ 8a</translation>
    </message>
    <message>
        <source>fallführend</source>
        <translation>lead worker</translation>
    </message>
    <message>
        <source>Das Fallteam stellt die fallführende Fachkraft zusammen.</source>
        <translation>The lead worker puts the case team together.</translation>
    </message>
    <message>
        <source>Bitte zuerst eine Person im Fallteam auswählen.</source>
        <translation>Please select a person of the case team first.</translation>
    </message>
    <message>
        <source>Die fallführende Fachkraft bleibt im Fallteam.</source>
        <translation>The lead worker stays in the case team.</translation>
    </message>
    <message>
        <source>Aus dem Fallteam entfernen</source>
        <translation>Remove from the case team</translation>
    </message>
    <message>
        <source>Fallteam nicht geändert</source>
        <translation>Case team not changed</translation>
    </message>
    <message>
        <source>Rolle im Fall</source>
        <translation>Role in the case</translation>
    </message>
    <message>
        <source>Mitglied</source>
        <translation>member</translation>
    </message>
    <message>
        <source>Sie sehen die ganze Fallakte (fallführender Dienst).</source>
        <translation>You see the whole case file (lead service).</translation>
    </message>
    <message>
        <source>Schweigepflichtentbindung für %1</source>
        <translation>release from confidentiality for %1</translation>
    </message>
    <message>
        <source>keine Schweigepflichtentbindung für %1</source>
        <translation>no release from confidentiality for %1</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Inzwischen geändert</source>
        <translation>Changed in the meantime</translation>
    </message>
    <message>
        <source>&lt;b&gt;Feld&lt;/b&gt;</source>
        <translation>&lt;b&gt;Field&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ihre Eingabe&lt;/b&gt;</source>
        <translation>&lt;b&gt;Your input&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Jetzt gespeichert&lt;/b&gt;</source>
        <translation>&lt;b&gt;Saved now&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Anlass</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>§ 8a-Verdacht</source>
        <translation>§ 8a concern</translation>
    </message>
    <message>
        <source>Ergebnis § 8a</source>
        <translation>§ 8a outcome</translation>
    </message>
    <message>
        <source>Nächste Überprüfung</source>
        <translation>Next review</translation>
    </message>
    <message>
        <source>&amp;Anlass zum Speichern (hier von Hand zusammenführen, wenn Sie möchten):</source>
        <translation>&amp;Reason to save (merge by hand here if you like):</translation>
    </message>
    <message>
        <source>Anlass zum Speichern</source>
        <translation>Reason to save</translation>
    </message>
    <message>
        <source>&amp;Meine Fassung speichern</source>
        <translation>Save &amp;my version</translation>
    </message>
    <message>
        <source>&amp;Andere Fassung übernehmen</source>
        <translation>Take the &amp;other version</translation>
    </message>
    <message>
        <source>Weiter bearbeiten</source>
        <translation>Keep editing</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nein</source>
        <translation>no</translation>
    </message>
</context>
<context>
    <name>ConferenceJournal</name>
    <message>
        <source>&amp;Wiederherstellen</source>
        <translation>&amp;Restore</translation>
    </message>
    <message>
        <source>&amp;Verwerfen</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <source>Nicht gespeicherte Konferenz</source>
        <translation>Unsaved conference</translation>
    </message>
    <message>
        <source>Für diesen Fall liegt eine nicht gespeicherte Erfassung vom %1 vor (das Programm wurde beendet, bevor sie gespeichert war). Wiederherstellen?</source>
        <translation>There is an unsaved capture of this case from %1 (the program ended before it was saved). Restore it?</translation>
    </message>
</context>
<context>
    <name>CaseChanges</name>
    <message>
        <source>— noch offen —</source>
        <translation>— still open —</translation>
    </message>
    <message>
        <source>Anlass</source>
        <translation>Reason for contact</translation>
    </message>
    <message>
        <source>Kinderschutz</source>
        <translation>Child protection</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nein</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Ergebnis § 8a</source>
        <translation>§ 8a outcome</translation>
    </message>
    <message>
        <source>Nächste Überprüfung</source>
        <translation>Next review</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Fachkraft</source>
        <translation>Caseworker</translation>
    </message>
    <message>
        <source>Familie und Personen</source>
        <translation>Family and persons</translation>
    </message>
    <message>
        <source>Einwilligungen</source>
        <translation>Consents</translation>
    </message>
    <message>
        <source>Verlauf</source>
        <translation>Case history</translation>
    </message>
    <message>
        <source>Hilfen</source>
        <translation>Support services</translation>
    </message>
    <message>
        <source>Konferenzen</source>
        <translation>Conferences</translation>
    </message>
    <message>
        <source>Ziele und Schritte</source>
        <translation>Goals and steps</translation>
    </message>
    <message>
        <source>Ressourcen</source>
        <translation>Resources</translation>
    </message>
    <message>
        <source>Inzwischen von jemand anderem geändert. Jetzt gespeichert: %1</source>
        <translation>Changed by someone else meanwhile. Saved now: %1</translation>
    </message>
    <message>
        <source>Inzwischen von jemand anderem geändert: %1.</source>
        <translation>Changed by someone else meanwhile: %1.</translation>
    </message>
    <message>
        <source>Dieser Fall wurde inzwischen von jemand anderem geändert.</source>
        <translation>Someone else has changed this case meanwhile.</translation>
    </message>
    <message>
        <source>Ihre Eingaben sind noch nicht gespeichert und bleiben erhalten; beim Speichern sehen Sie beide Fassungen nebeneinander.</source>
        <translation>Your input is not saved yet and is kept; when you save, you will see both versions side by side.</translation>
    </message>
</context>
<context>
    <name>SecretStatus</name>
    <message>
        <source>Bitte warten</source>
        <translation>Please wait</translation>
    </message>
</context>
</TS>
