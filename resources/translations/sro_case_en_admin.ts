<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AdminConfirm</name>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="359"/>
        <source>&amp;Nein</source>
        <translation>&amp;No</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="372"/>
        <source>Endgültig löschen?</source>
        <translation>Delete for good?</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="373"/>
        <source>%1 Fallakte(n) werden mit allen personenbezogenen Daten endgültig gelöscht; nur der anonymisierte Statistiksatz bleibt. Das lässt sich nur aus einer Sicherung rückgängig machen.

Wirklich %1 Fallakte(n) löschen?</source>
        <translation>%1 case file(s) will be deleted for good with all personal data; only the anonymised statistical record stays. This can only be undone from a backup.

Really delete %1 case file(s)?</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="379"/>
        <source>Ja, %1 löschen</source>
        <translation>Yes, delete %1</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="386"/>
        <source>Zugang entfernen?</source>
        <translation>Remove access?</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="387"/>
        <source>Den Zugang von %1 (%2) entfernen?

Der Schlüsselplatz wird aus der Schlüsseldatei gelöscht: diese Passphrase öffnet die Datenbank danach nicht mehr. Der Eintrag bleibt deaktiviert erhalten, damit das Protokoll die Person weiter nennt.</source>
        <translation>Remove the access of %1 (%2)?

The key slot is deleted from the key file: this passphrase will no longer open the database. The user entry stays, deactivated, so that the audit log can still name the person.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="395"/>
        <source>Zugang &amp;entfernen</source>
        <translation>&amp;Remove access</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../ui/admin.py" line="104"/>
        <source>Bitte warten</source>
        <translation>Please wait</translation>
    </message>
</context>
<context>
    <name>AdminWindow</name>
    <message>
        <location filename="../../ui/admin.py" line="1096"/>
        <source>Verwaltung — SRO-Fallmanagement</source>
        <translation>Administration — SRO-Fallmanagement</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="1105"/>
        <source>Benutzer</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="1106"/>
        <source>Protokollkette</source>
        <translation>Audit chain</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="1107"/>
        <source>Löschfristen</source>
        <translation>Retention periods</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="1108"/>
        <source>Datensicherung</source>
        <translation>Backup</translation>
    </message>
</context>
<context>
    <name>AuditLogModel</name>
    <message>
        <location filename="../../ui/admin.py" line="333"/>
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="334"/>
        <source>Zeit</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="335"/>
        <location filename="../../ui/admin.py" line="367"/>
        <source>Benutzer/in</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="336"/>
        <source>Aktion</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="337"/>
        <location filename="../../ui/admin.py" line="366"/>
        <source>Fall</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="338"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="341"/>
        <source>angelegt</source>
        <translation>created</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="342"/>
        <source>gelesen</source>
        <translation>read</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="343"/>
        <source>geändert</source>
        <translation>changed</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="344"/>
        <source>gelöscht</source>
        <translation>deleted</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="345"/>
        <source>Status geändert</source>
        <translation>status changed</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="346"/>
        <source>abgeschlossen</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="347"/>
        <source>wieder aufgenommen</source>
        <translation>reopened</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="348"/>
        <source>widerrufen</source>
        <translation>revoked</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="349"/>
        <source>beendet</source>
        <translation>ended</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="350"/>
        <source>exportiert</source>
        <translation>exported</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="351"/>
        <source>Sicherung</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="352"/>
        <source>Wiederherstellung</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="353"/>
        <source>Löschung nach Frist</source>
        <translation>Deletion after retention period</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="354"/>
        <source>Schlüsselwechsel</source>
        <translation>Key rotation</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="355"/>
        <source>Anmeldung fehlgeschlagen</source>
        <translation>Failed sign-in</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="356"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="357"/>
        <source>Demodaten</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="360"/>
        <source>Fachkraft</source>
        <translation>Caseworker</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="361"/>
        <source>Moderation</source>
        <translation>Facilitator</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="362"/>
        <source>Controlling</source>
        <translation>Controlling</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="363"/>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="368"/>
        <source>Schlüsselplatz</source>
        <translation>Key slot</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="369"/>
        <source>Datenbank</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="370"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="371"/>
        <source>Einwilligung</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="372"/>
        <source>Verlaufseintrag</source>
        <translation>Case note</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="373"/>
        <source>Hilfe</source>
        <translation>Help</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="374"/>
        <source>Konferenz</source>
        <translation>Conference</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="375"/>
        <source>Ziel</source>
        <translation>Goal</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="376"/>
        <source>Handlungsschritt</source>
        <translation>Action step</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="377"/>
        <source>Ressource</source>
        <translation>Resource</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="378"/>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="379"/>
        <source>Statistik</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="380"/>
        <source>Anmeldung</source>
        <translation>Sign-in</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="381"/>
        <source>Löschfrist</source>
        <translation>Retention period</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="480"/>
        <source>Fall %1 (gelöscht)</source>
        <translation>Case %1 (deleted)</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="487"/>
        <source>Rolle: %1</source>
        <translation>Role: %1</translation>
    </message>
</context>
<context>
    <name>AuditLogPage</name>
    <message>
        <location filename="../../ui/admin.py" line="515"/>
        <source>Benutzer/in</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="517"/>
        <source>Aktion</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="519"/>
        <source>&amp;Benutzer/in:</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="520"/>
        <source>A&amp;ktion:</source>
        <translation>A&amp;ction:</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="531"/>
        <source>Kette &amp;prüfen</source>
        <translation>&amp;Verify chain</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="533"/>
        <source>Prüft jeden Eintrag gegen seinen Vorgänger: veränderte, gelöschte oder vertauschte Einträge fallen auf.</source>
        <translation>Checks every entry against the one before it: changed, deleted or reordered entries show up.</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="544"/>
        <source>Protokolleinträge</source>
        <translation>Audit log entries</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="564"/>
        <location filename="../../ui/admin.py" line="568"/>
        <source>alle</source>
        <translation>all</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="587"/>
        <source>%1 Einträge</source>
        <translation>%1 entries</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="603"/>
        <source>Die Protokollkette ist unversehrt: %1 Einträge geprüft.</source>
        <translation>The audit chain is intact: %1 entries checked.</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="609"/>
        <source>Die Protokollkette ist NICHT in Ordnung (%1 Einträge geprüft). Das Protokoll wurde außerhalb des Programms verändert:</source>
        <translation>The audit chain is NOT intact (%1 entries checked). The log was changed outside the program:</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="618"/>
        <source>Die Protokollkette wird geprüft …</source>
        <translation>Verifying the audit chain …</translation>
    </message>
</context>
<context>
    <name>BackupPage</name>
    <message>
        <location filename="../../ui/admin.py" line="868"/>
        <source>Sicherungsordner</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="870"/>
        <source>Ordner &amp;wählen …</source>
        <translation>&amp;Choose folder …</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="871"/>
        <source>Sicherungsordner:</source>
        <translation>Backup folder:</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="875"/>
        <source>Anzahl aufbewahrter Sicherungen</source>
        <translation>Number of backups kept</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="879"/>
        <source>neueste Sicherungen</source>
        <translation>newest backups</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="881"/>
        <source>&amp;Aufbewahren:</source>
        <translation>&amp;Keep:</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="886"/>
        <source>Beim Beenden sichert das Programm automatisch (höchstens einmal am Tag). Jede Sicherung wird vor dem Ablegen geprüft; die Schlüsseldatei wird mitgesichert.</source>
        <translation>The program backs up automatically when it closes (at most once a day). Every backup is verified before it is kept; the key file is backed up with it.</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="894"/>
        <source>Sicherung</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="894"/>
        <source>Zeitpunkt</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="894"/>
        <source>Größe</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="897"/>
        <source>Vorhandene Sicherungen</source>
        <translation>Existing backups</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="904"/>
        <source>Jetzt &amp;sichern</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="905"/>
        <source>Auswahl &amp;prüfen</source>
        <translation>&amp;Verify selected</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="906"/>
        <source>Wieder&amp;herstellen …</source>
        <translation>&amp;Restore …</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="908"/>
        <source>Stellt eine Sicherung als neue Datei wieder her; die laufende Datenbank bleibt unverändert.</source>
        <translation>Restores a backup as a new file; the open database stays unchanged.</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="924"/>
        <source>Sicherungsordner wählen</source>
        <translation>Choose backup folder</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="979"/>
        <source>Sicherung geschrieben und geprüft: %1 (%2 MiB, %3 Datensätze, %4 s).</source>
        <translation>Backup written and verified: %1 (%2 MiB, %3 records, %4 s).</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="986"/>
        <source>%1 ältere Sicherung(en) entfernt.</source>
        <translation>%1 older backup(s) removed.</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="994"/>
        <source>Sicherung wird geschrieben und geprüft …</source>
        <translation>Writing and verifying the backup …</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="1005"/>
        <source>Sicherung %1 ist in Ordnung: %2 Datensätze, Protokollkette mit %3 Einträgen unversehrt.</source>
        <translation>Backup %1 is sound: %2 records, audit chain with %3 entries intact.</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="1015"/>
        <source>Sicherung %1 ist NICHT in Ordnung:</source>
        <translation>Backup %1 is NOT sound:</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="1021"/>
        <source>Sicherung wird geprüft …</source>
        <translation>Verifying the backup …</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="1028"/>
        <source>Sicherung wählen</source>
        <translation>Choose backup</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="1030"/>
        <source>SRO-Datenbank (*.db);;Alle Dateien (*)</source>
        <translation>SRO database (*.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="1040"/>
        <source>Wiederherstellen als neue Datei</source>
        <translation>Restore as a new file</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="1042"/>
        <source>SRO-Datenbank (*.db)</source>
        <translation>SRO database (*.db)</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="1051"/>
        <source>Die geöffnete Datenbank wird nie überschrieben. Bitte einen neuen Dateinamen wählen.</source>
        <translation>The open database is never overwritten. Please choose a new file name.</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="1062"/>
        <source>Die Sicherung wurde geprüft und als neue Datei %1 wiederhergestellt (%2 Datensätze). Die geöffnete Datenbank blieb unverändert.</source>
        <translation>The backup was verified and restored as the new file %1 (%2 records). The open database was not changed.</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="1069"/>
        <source>Zum Arbeiten mit der wiederhergestellten Datei öffnen Sie sie beim nächsten Start (Datei → Beenden, dann die Datei wählen).</source>
        <translation>To work with the restored file, open it at the next start (File → Quit, then choose the file).</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="1078"/>
        <source>Sicherung wird geprüft und wiederhergestellt …</source>
        <translation>Verifying and restoring the backup …</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="230"/>
        <source>Passphrase ändern</source>
        <translation>Change passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="234"/>
        <source>Ändert die Passphrase Ihres eigenen Zugangs „%1“. Die Passphrasen anderer Personen und der Wiederherstellungsschlüssel bleiben unverändert.</source>
        <translation>Changes the passphrase of your own account “%1”. Other people's passphrases and the recovery key stay unchanged.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="247"/>
        <source>&amp;Bisherige Passphrase:</source>
        <translation>&amp;Current passphrase:</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="248"/>
        <source>&amp;Neue Passphrase:</source>
        <translation>&amp;New passphrase:</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="249"/>
        <source>Neue &amp;wiederholen:</source>
        <translation>Re&amp;peat new:</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="255"/>
        <source>Stärke:</source>
        <translation>Strength:</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="266"/>
        <source>Bitte warten</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="269"/>
        <source>Passphrase &amp;ändern</source>
        <translation>&amp;Change passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="270"/>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="277"/>
        <source>Sie sind mit dem Wiederherstellungsschlüssel angemeldet und haben keine eigene Passphrase. Legen Sie unter Verwaltung → Benutzer einen Zugang an.</source>
        <translation>You are signed in with the recovery key and have no passphrase of your own. Create an account under Administration → Users.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="288"/>
        <source>Bitte die bisherige Passphrase eingeben.</source>
        <translation>Please enter your current passphrase.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="290"/>
        <source>Die neue Passphrase ist zu schwach: sie muss mindestens %1 Zeichen lang sein.</source>
        <translation>The new passphrase is too weak: it must be at least %1 characters long.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="294"/>
        <source>Die beiden neuen Passphrasen stimmen nicht überein.</source>
        <translation>The two new passphrases do not match.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="296"/>
        <source>Die neue Passphrase muss sich von der bisherigen unterscheiden.</source>
        <translation>The new passphrase must differ from the current one.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="310"/>
        <source>Schlüssel wird neu verpackt …</source>
        <translation>Rewrapping the key …</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="333"/>
        <source>Die bisherige Passphrase ist falsch. Es wurde nichts geändert.</source>
        <translation>The current passphrase is wrong. Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="340"/>
        <source>Unerwarteter Fehler: %1</source>
        <translation>Unexpected error: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="108"/>
        <source>&amp;Passphrase ändern …</source>
        <translation>Change &amp;passphrase …</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="414"/>
        <source>Ihre Passphrase wurde geändert.</source>
        <translation>Your passphrase was changed.</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="88"/>
        <source>Benutzer/in anlegen</source>
        <translation>Add user</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="90"/>
        <source>&amp;Anlegen</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="92"/>
        <source>Die Person erhält einen eigenen Schlüsselplatz: mit der Passphrase, die Sie hier vergeben, öffnet sie die Datenbank. Teilen Sie sie ihr persönlich mit; sie ändert sie bei der ersten Anmeldung (Datei → Passphrase ändern).</source>
        <translation>The person gets a key slot of their own: the passphrase you set here opens the database for them. Tell it to them in person; they change it when they first sign in (File → Change passphrase).</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="104"/>
        <source>— bitte wählen —</source>
        <translation>— please choose —</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="108"/>
        <source>&amp;Anmeldename:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="109"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="110"/>
        <source>&amp;Rolle:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="111"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="112"/>
        <source>&amp;Wiederholen:</source>
        <translation>R&amp;epeat:</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="113"/>
        <source>Stärke:</source>
        <translation>Strength:</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="126"/>
        <location filename="../../ui/admin_dialogs.py" line="134"/>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="127"/>
        <source>zu schwach: mindestens %1 Zeichen.</source>
        <translation>too weak: at least %1 characters.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="134"/>
        <source>Die beiden Eingaben stimmen nicht überein.</source>
        <translation>The two entries do not match.</translation>
    </message>
</context>
<context>
    <name>RetentionPage</name>
    <message>
        <location filename="../../ui/admin.py" line="633"/>
        <source>Abgeschlossene Fälle, deren Löschfrist abgelaufen ist (§ 9b SGB VIII und die eingestellten Fristen). Beim Löschen bleibt nur der anonymisierte Statistiksatz; eine Löschsperre verhindert das Löschen.</source>
        <translation>Closed cases whose retention period has ended (§ 9b SGB VIII and the configured periods). Deleting keeps only the anonymised statistical record; a legal hold prevents deletion.</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="642"/>
        <source>Auch &amp;Ausnahmen zeigen (Löschsperre, noch offen, Frist nicht berechenbar)</source>
        <translation>Also show &amp;exceptions (legal hold, still open, period cannot be computed)</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="648"/>
        <source>Aktenzeichen</source>
        <translation>File number</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="649"/>
        <source>Familie</source>
        <translation>Family</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="650"/>
        <source>abgeschlossen</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="651"/>
        <source>Regel</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="652"/>
        <source>löschbar ab</source>
        <translation>deletable from</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="653"/>
        <source>Löschsperre</source>
        <translation>Legal hold</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="658"/>
        <source>Löschvorschläge</source>
        <translation>Deletion proposals</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="664"/>
        <source>&amp;Fristen einstellen …</source>
        <translation>Set &amp;periods …</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="665"/>
        <source>Alle aus&amp;wählen</source>
        <translation>Select &amp;all</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="666"/>
        <source>Lösch&amp;sperre setzen/aufheben</source>
        <translation>Set/lift legal &amp;hold</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="667"/>
        <source>Ausgewählte &amp;löschen …</source>
        <translation>&amp;Delete selected …</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="700"/>
        <source>offen</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="702"/>
        <source>unbekannt</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="703"/>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="703"/>
        <source>nein</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="717"/>
        <source>%1 Fälle zur Löschung fällig (Stand %2)</source>
        <translation>%1 cases due for deletion (as of %2)</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="758"/>
        <source>Löschfristen geändert: %1.</source>
        <translation>Retention periods changed: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="761"/>
        <source>%1: %2 Jahre</source>
        <translation>%1: %2 years</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="785"/>
        <source>Löschsperre für %1 gesetzt.</source>
        <translation>Legal hold set for %1.</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="787"/>
        <source>Löschsperre für %1 aufgehoben.</source>
        <translation>Legal hold lifted for %1.</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="815"/>
        <source>%1 Fallakte(n) werden gelöscht und die Datei verdichtet …</source>
        <translation>Deleting %1 case file(s) and compacting the file …</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="825"/>
        <source>Gelöscht: %1 Fälle, %2 Haushalte, %3 Personen. Anonymisierte Statistiksätze angelegt: %4.</source>
        <translation>Deleted: %1 cases, %2 households, %3 persons. Anonymised statistical records created: %4.</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="835"/>
        <source>Nicht gelöscht: Fall %1: %2</source>
        <translation>Not deleted: case %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="840"/>
        <source>Die Datenbankdatei wurde verdichtet; gelöschte Seiten sind leer.</source>
        <translation>The database file was compacted; deleted pages are empty.</translation>
    </message>
</context>
<context>
    <name>RetentionPeriodsDialog</name>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="168"/>
        <source>Löschfristen einstellen</source>
        <translation>Set retention periods</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="170"/>
        <source>Ü&amp;bernehmen</source>
        <translation>&amp;Apply</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="172"/>
        <source>Jahre nach Abschluss des Falls, nach denen die Akte gelöscht werden darf. Gilt für einen Fall mehr als eine Kategorie, zählt die längste Frist. Akten mit Hilfen nach § 9b SGB VIII bleiben bis 70 Jahre nach dem 30. Geburtstag.</source>
        <translation>Years after a case was closed after which its file may be deleted. Where more than one category applies to a case, the longest period counts. Files with helps under § 9b SGB VIII are kept until 70 years after the 30th birthday.</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="187"/>
        <source> Jahre</source>
        <translation> years</translation>
    </message>
</context>
<context>
    <name>StatisticsOnlyPage</name>
    <message>
        <location filename="../../ui/statistics_only.py" line="28"/>
        <source>Anonymisierte Statistik</source>
        <translation>Anonymised statistics</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_only.py" line="32"/>
        <source>Mit der Rolle Controlling erhalten Sie nur anonymisierte Zahlen je Sozialraum, Hilfeart, Altersgruppe und Quartal (§ 64 Abs. 3 SGB VIII). Fälle, Fallakten und Fristen sind für diese Rolle nicht sichtbar.

Sie sehen vor dem Speichern genau, was die Datei enthält; kleine Fallzahlen sind unterdrückt.</source>
        <translation>With the Controlling role you receive anonymised figures only, per social space, help type, age group and quarter (§ 64 (3) SGB VIII). Cases, case files and due dates are not visible to this role.

Before saving you see exactly what the file contains; small case numbers are suppressed.</translation>
    </message>
    <message>
        <location filename="../../ui/statistics_only.py" line="42"/>
        <source>Anonymisierte Statistik &amp;exportieren …</source>
        <translation>&amp;Export anonymised statistics …</translation>
    </message>
</context>
<context>
    <name>StrengthLabel</name>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="52"/>
        <source>Stärke der Passphrase</source>
        <translation>Passphrase strength</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="58"/>
        <source>zu kurz</source>
        <translation>too short</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="59"/>
        <source>schwach</source>
        <translation>weak</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="60"/>
        <source>mittel</source>
        <translation>fair</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="61"/>
        <source>gut</source>
        <translation>good</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="62"/>
        <source>sehr gut</source>
        <translation>very good</translation>
    </message>
    <message>
        <location filename="../../ui/admin_dialogs.py" line="65"/>
        <source>%1 (mindestens %2 Zeichen)</source>
        <translation>%1 (at least %2 characters)</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../ui/admin.py" line="180"/>
        <source>Jede Person meldet sich mit ihrer eigenen Passphrase an (eigener Schlüsselplatz). Ein entfernter Zugang bleibt deaktiviert in der Liste, damit das Protokoll die Person weiter nennt.</source>
        <translation>Everyone signs in with their own passphrase (their own key slot). A removed account stays in the list, deactivated, so that the audit log can still name the person.</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="190"/>
        <source>Anmeldename</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="191"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="192"/>
        <source>Rolle</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="193"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="194"/>
        <source>Eigene Passphrase</source>
        <translation>Own passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="199"/>
        <source>Benutzer/innen</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="204"/>
        <source>Benutzer/in &amp;anlegen …</source>
        <translation>&amp;Add user …</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="205"/>
        <source>Zugang &amp;entfernen …</source>
        <translation>&amp;Remove access …</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="215"/>
        <source>Fachkraft</source>
        <translation>Caseworker</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="216"/>
        <source>Moderation</source>
        <translation>Facilitator</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="217"/>
        <source>Controlling</source>
        <translation>Controlling</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="218"/>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="235"/>
        <source>aktiv</source>
        <translation>active</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="235"/>
        <source>deaktiviert</source>
        <translation>deactivated</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="236"/>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="236"/>
        <source>nein</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="270"/>
        <source>%1 (%2) wurde angelegt und kann sich mit der vergebenen Passphrase anmelden.</source>
        <translation>%1 (%2) was added and can sign in with the passphrase you gave.</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="281"/>
        <source>Schlüsselplatz wird angelegt …</source>
        <translation>Creating the key slot …</translation>
    </message>
    <message>
        <location filename="../../ui/admin.py" line="296"/>
        <source>Der Zugang von %1 wurde entfernt. Hat die Person eine Kopie der Schlüsseldatei (etwa aus einer Sicherung), erneuern Sie zusätzlich den Datenbankschlüssel (sro-case rotate-key).</source>
        <translation>%1's access was removed. If the person may have a copy of the key file (from a backup, say), also renew the database key (sro-case rotate-key).</translation>
    </message>
</context>
<context>
    <name>core</name>
    <!-- deletion-period categories (sro_case/services/retention.py), shown in Verwaltung → Löschfristen -->
    <message>
        <location filename="../../sro_case/services/retention.py"/>
        <source>alle übrigen Fälle</source>
        <translation>all other cases</translation>
    </message>
    <message>
        <location filename="../../sro_case/services/retention.py"/>
        <source>Fälle mit Gefährdungseinschätzung (§ 8a SGB VIII)</source>
        <translation>Cases with a risk assessment (§ 8a SGB VIII)</translation>
    </message>
    <message>
        <location filename="../../sro_case/services/retention.py"/>
        <source>Hilfe zur Erziehung ohne § 9b</source>
        <translation>Help with upbringing without § 9b</translation>
    </message>
    <message>
        <location filename="../../sro_case/services/retention.py"/>
        <source>Eingliederungshilfe ohne § 9b</source>
        <translation>Integration help without § 9b</translation>
    </message>
    <message>
        <location filename="../../sro_case/services/retention.py"/>
        <source>Hilfen für junge Volljährige ohne § 9b (z. B. § 41a)</source>
        <translation>Helps for young adults without § 9b (e.g. § 41a)</translation>
    </message>
    <message>
        <location filename="../../sro_case/services/retention.py"/>
        <source>Vormundschaft ohne § 9b</source>
        <translation>Guardianship without § 9b</translation>
    </message>
    <message>
        <location filename="../../sro_case/services/retention.py"/>
        <source>Angebote im Sozialraum (§§ 11–24)</source>
        <translation>Services in the social space (§§ 11–24)</translation>
    </message>
    <message>
        <location filename="../../sro_case/services/retention.py"/>
        <source>Fälle ohne Hilfe</source>
        <translation>Cases without help</translation>
    </message>
    <message>
        <location filename="../../sro_case/services/retention.py"/>
        <source>§ 9b SGB VIII (70 Jahre nach dem 30. Geburtstag)</source>
        <translation>§ 9b SGB VIII (70 years after the 30th birthday)</translation>
    </message>
</context>
</TS>
