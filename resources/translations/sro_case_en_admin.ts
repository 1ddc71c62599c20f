<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AdminConfirm</name>
    <message>
        <location filename="../../ui/admin/page.py" line="53"/>
        <source>&amp;Nein</source>
        <translation>&amp;No</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention.py" line="319"/>
        <source>Endgültig löschen?</source>
        <translation>Delete for good?</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention.py" line="320"/>
        <source>%1 Fallakte(n) werden mit allen personenbezogenen Daten endgültig gelöscht; nur der anonymisierte Statistiksatz bleibt. Das lässt sich nur aus einer Sicherung rückgängig machen.

Wirklich %1 Fallakte(n) löschen?</source>
        <translation>%1 case file(s) will be deleted for good with all personal data; only the anonymised statistical record stays. This can only be undone from a backup.

Really delete %1 case file(s)?</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention.py" line="326"/>
        <source>Ja, %1 löschen</source>
        <translation>Yes, delete %1</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="256"/>
        <source>Zugang entfernen?</source>
        <translation>Remove access?</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="257"/>
        <source>Den Zugang von %1 (%2) entfernen?

Der Schlüsselplatz wird aus der Schlüsseldatei gelöscht: diese Passphrase öffnet die Datenbank danach nicht mehr. Der Eintrag bleibt deaktiviert erhalten, damit das Protokoll die Person weiter nennt.</source>
        <translation>Remove the access of %1 (%2)?

The key slot is deleted from the key file: this passphrase will no longer open the database. The user entry stays, deactivated, so that the audit log can still name the person.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="265"/>
        <source>Zugang &amp;entfernen</source>
        <translation>&amp;Remove access</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../ui/admin/page.py" line="79"/>
        <source>Bitte warten</source>
        <translation>Please wait</translation>
    </message>
</context>
<context>
    <name>AdminWindow</name>
    <message>
        <location filename="../../ui/admin/window.py" line="32"/>
        <source>Verwaltung — SRO-Fallmanagement</source>
        <translation>Administration — SRO-Fallmanagement</translation>
    </message>
    <message>
        <location filename="../../ui/admin/window.py" line="41"/>
        <source>Benutzer</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../ui/admin/window.py" line="42"/>
        <source>Protokollkette</source>
        <translation>Audit chain</translation>
    </message>
    <message>
        <location filename="../../ui/admin/window.py" line="43"/>
        <source>Löschfristen</source>
        <translation>Retention periods</translation>
    </message>
    <message>
        <location filename="../../ui/admin/window.py" line="44"/>
        <source>Datensicherung</source>
        <translation>Backup</translation>
    </message>
</context>
<context>
    <name>AuditLogModel</name>
    <message>
        <source>Familie</source>
        <translation>Family</translation>
    </message>
    <message>
        <source>Protokoll</source>
        <translation>Protocol</translation>
    </message>
    <message>
        <source>Hilfeplan</source>
        <translation>Help plan</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="40"/>
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="41"/>
        <source>Zeit</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="42"/>
        <location filename="../../ui/admin/audit_chain.py" line="74"/>
        <source>Benutzer/in</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="43"/>
        <source>Aktion</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="44"/>
        <location filename="../../ui/admin/audit_chain.py" line="73"/>
        <source>Fall</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="45"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="48"/>
        <source>angelegt</source>
        <translation>created</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="49"/>
        <source>gelesen</source>
        <translation>read</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="50"/>
        <source>geändert</source>
        <translation>changed</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="51"/>
        <source>gelöscht</source>
        <translation>deleted</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="52"/>
        <source>Status geändert</source>
        <translation>status changed</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="53"/>
        <source>abgeschlossen</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="54"/>
        <source>wieder aufgenommen</source>
        <translation>reopened</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="55"/>
        <source>widerrufen</source>
        <translation>revoked</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="56"/>
        <source>beendet</source>
        <translation>ended</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="57"/>
        <source>exportiert</source>
        <translation>exported</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="58"/>
        <source>Sicherung</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="59"/>
        <source>Wiederherstellung</source>
        <translation>Restore</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="60"/>
        <source>Löschung nach Frist</source>
        <translation>Deletion after retention period</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="61"/>
        <source>Schlüsselwechsel</source>
        <translation>Key rotation</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="62"/>
        <source>Anmeldung fehlgeschlagen</source>
        <translation>Failed sign-in</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="63"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="64"/>
        <source>Demodaten</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="67"/>
        <source>Fachkraft</source>
        <translation>Caseworker</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="68"/>
        <source>Moderation</source>
        <translation>Facilitator</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="69"/>
        <source>Controlling</source>
        <translation>Controlling</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="70"/>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="75"/>
        <source>Schlüsselplatz</source>
        <translation>Key slot</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="76"/>
        <source>Datenbank</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="77"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="78"/>
        <source>Einwilligung</source>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="79"/>
        <source>Verlaufseintrag</source>
        <translation>Case note</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="80"/>
        <source>Hilfe</source>
        <translation>Help</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="81"/>
        <source>Konferenz</source>
        <translation>Conference</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="82"/>
        <source>Ziel</source>
        <translation>Goal</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="83"/>
        <source>Handlungsschritt</source>
        <translation>Action step</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="84"/>
        <source>Ressource</source>
        <translation>Resource</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="85"/>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="86"/>
        <source>Statistik</source>
        <translation>Statistics</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="87"/>
        <source>Anmeldung</source>
        <translation>Sign-in</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="88"/>
        <source>Löschfrist</source>
        <translation>Retention period</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="187"/>
        <source>Fall %1 (gelöscht)</source>
        <translation>Case %1 (deleted)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="194"/>
        <source>Rolle: %1</source>
        <translation>Role: %1</translation>
    </message>
</context>
<context>
    <name>AuditLogPage</name>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="222"/>
        <source>Benutzer/in</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="224"/>
        <source>Aktion</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="226"/>
        <source>&amp;Benutzer/in:</source>
        <translation>&amp;User:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="227"/>
        <source>A&amp;ktion:</source>
        <translation>A&amp;ction:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="238"/>
        <source>Kette &amp;prüfen</source>
        <translation>&amp;Verify chain</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="240"/>
        <source>Prüft jeden Eintrag gegen seinen Vorgänger: veränderte, gelöschte oder vertauschte Einträge fallen auf.</source>
        <translation>Checks every entry against the one before it: changed, deleted or reordered entries show up.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="251"/>
        <source>Protokolleinträge</source>
        <translation>Audit log entries</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="271"/>
        <location filename="../../ui/admin/audit_chain.py" line="275"/>
        <source>alle</source>
        <translation>all</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="294"/>
        <source>%1 Einträge</source>
        <translation>%1 entries</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="310"/>
        <source>Die Protokollkette ist unversehrt: %1 Einträge geprüft.</source>
        <translation>The audit chain is intact: %1 entries checked.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="316"/>
        <source>Die Protokollkette ist NICHT in Ordnung (%1 Einträge geprüft). Das Protokoll wurde außerhalb des Programms verändert:</source>
        <translation>The audit chain is NOT intact (%1 entries checked). The log was changed outside the program:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/audit_chain.py" line="325"/>
        <source>Die Protokollkette wird geprüft …</source>
        <translation>Verifying the audit chain …</translation>
    </message>
</context>
<context>
    <name>BackupPage</name>
    <message>
        <location filename="../../ui/admin/backup.py" line="42"/>
        <source>Sicherungsordner</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup.py" line="44"/>
        <source>Ordner &amp;wählen …</source>
        <translation>&amp;Choose folder …</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup.py" line="45"/>
        <source>Sicherungsordner:</source>
        <translation>Backup folder:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup.py" line="49"/>
        <source>Anzahl aufbewahrter Sicherungen</source>
        <translation>Number of backups kept</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup.py" line="53"/>
        <source>neueste Sicherungen</source>
        <translation>newest backups</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup.py" line="55"/>
        <source>&amp;Aufbewahren:</source>
        <translation>&amp;Keep:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup.py" line="60"/>
        <source>Beim Beenden sichert das Programm automatisch (höchstens einmal am Tag). Jede Sicherung wird vor dem Ablegen geprüft; die Schlüsseldatei wird mitgesichert.</source>
        <translation>The program backs up automatically when it closes (at most once a day). Every backup is verified before it is kept; the key file is backed up with it.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup.py" line="68"/>
        <source>Sicherung</source>
        <translation>Backup</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup.py" line="68"/>
        <source>Zeitpunkt</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup.py" line="68"/>
        <source>Größe</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup.py" line="71"/>
        <source>Vorhandene Sicherungen</source>
        <translation>Existing backups</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup.py" line="78"/>
        <source>Jetzt &amp;sichern</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup.py" line="79"/>
        <source>Auswahl &amp;prüfen</source>
        <translation>&amp;Verify selected</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup.py" line="80"/>
        <source>Wieder&amp;herstellen …</source>
        <translation>&amp;Restore …</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup.py" line="82"/>
        <source>Stellt eine Sicherung als neue Datei wieder her; die laufende Datenbank bleibt unverändert.</source>
        <translation>Restores a backup as a new file; the open database stays unchanged.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup.py" line="98"/>
        <source>Sicherungsordner wählen</source>
        <translation>Choose backup folder</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup.py" line="153"/>
        <source>Sicherung geschrieben und geprüft: %1 (%2 MiB, %3 Datensätze, %4 s).</source>
        <translation>Backup written and verified: %1 (%2 MiB, %3 records, %4 s).</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup.py" line="160"/>
        <source>%1 ältere Sicherung(en) entfernt.</source>
        <translation>%1 older backup(s) removed.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup.py" line="168"/>
        <source>Sicherung wird geschrieben und geprüft …</source>
        <translation>Writing and verifying the backup …</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup.py" line="179"/>
        <source>Sicherung %1 ist in Ordnung: %2 Datensätze, Protokollkette mit %3 Einträgen unversehrt.</source>
        <translation>Backup %1 is sound: %2 records, audit chain with %3 entries intact.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup.py" line="189"/>
        <source>Sicherung %1 ist NICHT in Ordnung:</source>
        <translation>Backup %1 is NOT sound:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup.py" line="195"/>
        <source>Sicherung wird geprüft …</source>
        <translation>Verifying the backup …</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup.py" line="202"/>
        <source>Sicherung wählen</source>
        <translation>Choose backup</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup.py" line="204"/>
        <source>SRO-Datenbank (*.db);;Alle Dateien (*)</source>
        <translation>SRO database (*.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup.py" line="214"/>
        <source>Wiederherstellen als neue Datei</source>
        <translation>Restore as a new file</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup.py" line="216"/>
        <source>SRO-Datenbank (*.db)</source>
        <translation>SRO database (*.db)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup.py" line="225"/>
        <source>Die geöffnete Datenbank wird nie überschrieben. Bitte einen neuen Dateinamen wählen.</source>
        <translation>The open database is never overwritten. Please choose a new file name.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup.py" line="236"/>
        <source>Die Sicherung wurde geprüft und als neue Datei %1 wiederhergestellt (%2 Datensätze). Die geöffnete Datenbank blieb unverändert.</source>
        <translation>The backup was verified and restored as the new file %1 (%2 records). The open database was not changed.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup.py" line="243"/>
        <source>Zum Arbeiten mit der wiederhergestellten Datei öffnen Sie sie beim nächsten Start (Datei → Beenden, dann die Datei wählen).</source>
        <translation>To work with the restored file, open it at the next start (File → Quit, then choose the file).</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup.py" line="252"/>
        <source>Sicherung wird geprüft und wiederhergestellt …</source>
        <translation>Verifying and restoring the backup …</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup.py" line="90"/>
        <source>&amp;Datenbank prüfen</source>
        <translation>Check &amp;database</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup.py" line="93"/>
        <source>Prüft die laufende Datenbank: alle Seiten (integrity_check, HMAC), die Protokollkette und das Zählwerk der Statistik gegen eine Zählung über die Akten.</source>
        <translation>Checks the running database: every page (integrity_check, HMAC), the audit chain, and the statistics tally against a count over the case files.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup.py" line="213"/>
        <source>Die Datenbank ist in Ordnung: alle Seiten lesbar und unverändert, Protokollkette mit %1 Einträgen unversehrt, Zählwerk der Statistik stimmt mit den Akten überein.</source>
        <translation>The database is in order: every page readable and unchanged, audit chain with %1 entries intact, statistics tally agrees with the case files.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup.py" line="222"/>
        <source>integrity_check meldet: %1</source>
        <translation>integrity_check reports: %1</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup.py" line="226"/>
        <source>%1 Seite(n) beschädigt oder verändert (HMAC-Prüfung).</source>
        <translation>%1 page(s) damaged or altered (HMAC check).</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup.py" line="233"/>
        <source>Die Datenbank ist NICHT in Ordnung:</source>
        <translation>The database is NOT in order:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/backup.py" line="239"/>
        <source>Datenbank wird geprüft …</source>
        <translation>Checking the database …</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <location filename="../../ui/admin/passphrase.py" line="80"/>
        <source>Passphrase ändern</source>
        <translation>Change passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/admin/passphrase.py" line="84"/>
        <source>Ändert die Passphrase Ihres eigenen Zugangs „%1“. Die Passphrasen anderer Personen und der Wiederherstellungsschlüssel bleiben unverändert.</source>
        <translation>Changes the passphrase of your own account “%1”. Other people's passphrases and the recovery key stay unchanged.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/passphrase.py" line="97"/>
        <source>&amp;Bisherige Passphrase:</source>
        <translation>&amp;Current passphrase:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/passphrase.py" line="98"/>
        <source>&amp;Neue Passphrase:</source>
        <translation>&amp;New passphrase:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/passphrase.py" line="99"/>
        <source>Neue &amp;wiederholen:</source>
        <translation>Re&amp;peat new:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/passphrase.py" line="105"/>
        <source>Stärke:</source>
        <translation>Strength:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/passphrase.py" line="116"/>
        <source>Bitte warten</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <location filename="../../ui/admin/passphrase.py" line="119"/>
        <source>Passphrase &amp;ändern</source>
        <translation>&amp;Change passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/admin/passphrase.py" line="120"/>
        <source>Abbrechen</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/admin/passphrase.py" line="127"/>
        <source>Sie sind mit dem Wiederherstellungsschlüssel angemeldet und haben keine eigene Passphrase. Legen Sie unter Verwaltung → Benutzer einen Zugang an.</source>
        <translation>You are signed in with the recovery key and have no passphrase of your own. Create an account under Administration → Users.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/passphrase.py" line="138"/>
        <source>Bitte die bisherige Passphrase eingeben.</source>
        <translation>Please enter your current passphrase.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/passphrase.py" line="140"/>
        <source>Die neue Passphrase ist zu schwach: sie muss mindestens %1 Zeichen lang sein.</source>
        <translation>The new passphrase is too weak: it must be at least %1 characters long.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/passphrase.py" line="144"/>
        <source>Die beiden neuen Passphrasen stimmen nicht überein.</source>
        <translation>The two new passphrases do not match.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/passphrase.py" line="146"/>
        <source>Die neue Passphrase muss sich von der bisherigen unterscheiden.</source>
        <translation>The new passphrase must differ from the current one.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/passphrase.py" line="160"/>
        <source>Schlüssel wird neu verpackt …</source>
        <translation>Rewrapping the key …</translation>
    </message>
    <message>
        <location filename="../../ui/admin/passphrase.py" line="183"/>
        <source>Die bisherige Passphrase ist falsch. Es wurde nichts geändert.</source>
        <translation>The current passphrase is wrong. Nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/passphrase.py" line="190"/>
        <source>Unerwarteter Fehler: %1</source>
        <translation>Unexpected error: %1</translation>
    </message>
    <message>
        <source>Die neue Passphrase ist zu schwach: %1</source>
        <translation>The new passphrase is too weak: %1</translation>
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
        <location filename="../../ui/admin/users.py" line="185"/>
        <source>Benutzer/in anlegen</source>
        <translation>Add user</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="187"/>
        <source>&amp;Anlegen</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="189"/>
        <source>Die Person erhält einen eigenen Schlüsselplatz: mit der Passphrase, die Sie hier vergeben, öffnet sie die Datenbank. Teilen Sie sie ihr persönlich mit; sie ändert sie bei der ersten Anmeldung (Datei → Passphrase ändern).</source>
        <translation>The person gets a key slot of their own: the passphrase you set here opens the database for them. Tell it to them in person; they change it when they first sign in (File → Change passphrase).</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="201"/>
        <source>— bitte wählen —</source>
        <translation>— please choose —</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="205"/>
        <source>&amp;Anmeldename:</source>
        <translation>&amp;Login:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="206"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="207"/>
        <source>&amp;Rolle:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="208"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="209"/>
        <source>&amp;Wiederholen:</source>
        <translation>R&amp;epeat:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="210"/>
        <source>Stärke:</source>
        <translation>Strength:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="223"/>
        <location filename="../../ui/admin/users.py" line="231"/>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="224"/>
        <source>zu schwach: mindestens %1 Zeichen.</source>
        <translation>too weak: at least %1 characters.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="231"/>
        <source>Die beiden Eingaben stimmen nicht überein.</source>
        <translation>The two entries do not match.</translation>
    </message>
    <message>
        <source>zu schwach: %1</source>
        <translation>too weak: %1</translation>
    </message>
    <message>
        <source>— keiner —</source>
        <translation>— none —</translation>
    </message>
    <message>
        <source>&amp;Fachbereich:</source>
        <translation>&amp;Discipline:</translation>
    </message>
    <message>
        <source>Fachbereich</source>
        <translation>Discipline</translation>
    </message>
</context>
<context>
    <name>RetentionPage</name>
    <message>
        <location filename="../../ui/admin/retention.py" line="32"/>
        <source>Abgeschlossene Fälle, deren Löschfrist abgelaufen ist (§ 9b SGB VIII und die eingestellten Fristen). Beim Löschen bleibt nur der anonymisierte Statistiksatz; eine Löschsperre verhindert das Löschen.</source>
        <translation>Closed cases whose retention period has ended (§ 9b SGB VIII and the configured periods). Deleting keeps only the anonymised statistical record; a legal hold prevents deletion.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention.py" line="41"/>
        <source>Auch &amp;Ausnahmen zeigen (Löschsperre, noch offen, Frist nicht berechenbar)</source>
        <translation>Also show &amp;exceptions (legal hold, still open, period cannot be computed)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention.py" line="47"/>
        <source>Aktenzeichen</source>
        <translation>File number</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention.py" line="48"/>
        <source>Familie</source>
        <translation>Family</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention.py" line="49"/>
        <source>abgeschlossen</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention.py" line="50"/>
        <source>Regel</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention.py" line="51"/>
        <source>löschbar ab</source>
        <translation>deletable from</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention.py" line="52"/>
        <source>Löschsperre</source>
        <translation>Legal hold</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention.py" line="57"/>
        <source>Löschvorschläge</source>
        <translation>Deletion proposals</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention.py" line="63"/>
        <source>&amp;Fristen einstellen …</source>
        <translation>Set &amp;periods …</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention.py" line="64"/>
        <source>Alle aus&amp;wählen</source>
        <translation>Select &amp;all</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention.py" line="65"/>
        <source>Lösch&amp;sperre setzen/aufheben</source>
        <translation>Set/lift legal &amp;hold</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention.py" line="66"/>
        <source>Ausgewählte &amp;löschen …</source>
        <translation>&amp;Delete selected …</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention.py" line="99"/>
        <source>offen</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention.py" line="101"/>
        <source>unbekannt</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention.py" line="102"/>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention.py" line="102"/>
        <source>nein</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention.py" line="116"/>
        <source>%1 Fälle zur Löschung fällig (Stand %2)</source>
        <translation>%1 cases due for deletion (as of %2)</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention.py" line="157"/>
        <source>Löschfristen geändert: %1.</source>
        <translation>Retention periods changed: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention.py" line="160"/>
        <source>%1: %2 Jahre</source>
        <translation>%1: %2 years</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention.py" line="184"/>
        <source>Löschsperre für %1 gesetzt.</source>
        <translation>Legal hold set for %1.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention.py" line="186"/>
        <source>Löschsperre für %1 aufgehoben.</source>
        <translation>Legal hold lifted for %1.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention.py" line="214"/>
        <source>%1 Fallakte(n) werden gelöscht und die Datei verdichtet …</source>
        <translation>Deleting %1 case file(s) and compacting the file …</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention.py" line="224"/>
        <source>Gelöscht: %1 Fälle, %2 Haushalte, %3 Personen. Anonymisierte Statistiksätze angelegt: %4.</source>
        <translation>Deleted: %1 cases, %2 households, %3 persons. Anonymised statistical records created: %4.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention.py" line="234"/>
        <source>Nicht gelöscht: Fall %1: %2</source>
        <translation>Not deleted: case %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention.py" line="239"/>
        <source>Die Datenbankdatei wurde verdichtet; gelöschte Seiten sind leer.</source>
        <translation>The database file was compacted; deleted pages are empty.</translation>
    </message>
</context>
<context>
    <name>RetentionPeriodsDialog</name>
    <message>
        <location filename="../../ui/admin/retention.py" line="264"/>
        <source>Löschfristen einstellen</source>
        <translation>Set retention periods</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention.py" line="266"/>
        <source>Ü&amp;bernehmen</source>
        <translation>&amp;Apply</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention.py" line="268"/>
        <source>Jahre nach Abschluss des Falls, nach denen die Akte gelöscht werden darf. Gilt für einen Fall mehr als eine Kategorie, zählt die längste Frist. Akten mit Hilfen nach § 9b SGB VIII bleiben bis 70 Jahre nach dem 30. Geburtstag.</source>
        <translation>Years after a case was closed after which its file may be deleted. Where more than one category applies to a case, the longest period counts. Files with helps under § 9b SGB VIII are kept until 70 years after the 30th birthday.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/retention.py" line="283"/>
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
        <location filename="../../ui/admin/passphrase.py" line="43"/>
        <source>Stärke der Passphrase</source>
        <translation>Passphrase strength</translation>
    </message>
    <message>
        <location filename="../../ui/admin/passphrase.py" line="49"/>
        <source>zu kurz</source>
        <translation>too short</translation>
    </message>
    <message>
        <location filename="../../ui/admin/passphrase.py" line="50"/>
        <source>schwach</source>
        <translation>weak</translation>
    </message>
    <message>
        <location filename="../../ui/admin/passphrase.py" line="51"/>
        <source>mittel</source>
        <translation>fair</translation>
    </message>
    <message>
        <location filename="../../ui/admin/passphrase.py" line="52"/>
        <source>gut</source>
        <translation>good</translation>
    </message>
    <message>
        <location filename="../../ui/admin/passphrase.py" line="53"/>
        <source>sehr gut</source>
        <translation>very good</translation>
    </message>
    <message>
        <location filename="../../ui/admin/passphrase.py" line="56"/>
        <source>%1 (mindestens %2 Zeichen)</source>
        <translation>%1 (at least %2 characters)</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../ui/admin/users.py" line="39"/>
        <source>Jede Person meldet sich mit ihrer eigenen Passphrase an (eigener Schlüsselplatz). Ein entfernter Zugang bleibt deaktiviert in der Liste, damit das Protokoll die Person weiter nennt.</source>
        <translation>Everyone signs in with their own passphrase (their own key slot). A removed account stays in the list, deactivated, so that the audit log can still name the person.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="49"/>
        <source>Anmeldename</source>
        <translation>Login</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="50"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="51"/>
        <source>Rolle</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="52"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="53"/>
        <source>Eigene Passphrase</source>
        <translation>Own passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="58"/>
        <source>Benutzer/innen</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="63"/>
        <source>Benutzer/in &amp;anlegen …</source>
        <translation>&amp;Add user …</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="64"/>
        <source>Zugang &amp;entfernen …</source>
        <translation>&amp;Remove access …</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="74"/>
        <source>Fachkraft</source>
        <translation>Caseworker</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="75"/>
        <source>Moderation</source>
        <translation>Facilitator</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="76"/>
        <source>Controlling</source>
        <translation>Controlling</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="77"/>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="94"/>
        <source>aktiv</source>
        <translation>active</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="94"/>
        <source>deaktiviert</source>
        <translation>deactivated</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="95"/>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="95"/>
        <source>nein</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="129"/>
        <source>%1 (%2) wurde angelegt und kann sich mit der vergebenen Passphrase anmelden.</source>
        <translation>%1 (%2) was added and can sign in with the passphrase you gave.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="140"/>
        <source>Schlüsselplatz wird angelegt …</source>
        <translation>Creating the key slot …</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="156"/>
        <source>Der Zugang von %1 wurde entfernt und der Datenbankschlüssel für alle anderen erneuert: ein gespeicherter alter Schlüssel öffnet die Datenbank nicht mehr. Alle anderen melden sich wie gewohnt an.</source>
        <translation>%1's access was removed and the database key renewed for everyone else: a saved old key no longer opens the database. Everyone else signs in as usual.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="156"/>
        <source>Zugang wird entfernt, Datenbankschlüssel wird erneuert …</source>
        <translation>Removing access, renewing the database key …</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users.py" line="155"/>
        <source>Der Zugang von %1 wurde entfernt. Hat die Person eine Kopie der Schlüsseldatei (etwa aus einer Sicherung), erneuern Sie zusätzlich den Datenbankschlüssel (sro-case rotate-key).</source>
        <translation>%1's access was removed. If the person may have a copy of the key file (from a backup, say), also renew the database key (sro-case rotate-key).</translation>
    </message>
</context>
<context>
    <name>core</name>
    <!-- deletion-period categories (sro_case/domain/retention.py), shown in Verwaltung → Löschfristen -->
    <message>
        <location filename="../../sro_case/domain/retention.py"/>
        <source>alle übrigen Fälle</source>
        <translation>all other cases</translation>
    </message>
    <message>
        <location filename="../../sro_case/domain/retention.py"/>
        <source>Fälle mit Gefährdungseinschätzung (§ 8a SGB VIII)</source>
        <translation>Cases with a risk assessment (§ 8a SGB VIII)</translation>
    </message>
    <message>
        <location filename="../../sro_case/domain/retention.py"/>
        <source>Hilfe zur Erziehung ohne § 9b</source>
        <translation>Help with upbringing without § 9b</translation>
    </message>
    <message>
        <location filename="../../sro_case/domain/retention.py"/>
        <source>Eingliederungshilfe ohne § 9b</source>
        <translation>Integration help without § 9b</translation>
    </message>
    <message>
        <location filename="../../sro_case/domain/retention.py"/>
        <source>Hilfen für junge Volljährige ohne § 9b (z. B. § 41a)</source>
        <translation>Helps for young adults without § 9b (e.g. § 41a)</translation>
    </message>
    <message>
        <location filename="../../sro_case/domain/retention.py"/>
        <source>Vormundschaft ohne § 9b</source>
        <translation>Guardianship without § 9b</translation>
    </message>
    <message>
        <location filename="../../sro_case/domain/retention.py"/>
        <source>Angebote im Sozialraum (§§ 11–24)</source>
        <translation>Services in the social space (§§ 11–24)</translation>
    </message>
    <message>
        <location filename="../../sro_case/domain/retention.py"/>
        <source>Fälle ohne Hilfe</source>
        <translation>Cases without help</translation>
    </message>
    <message>
        <location filename="../../sro_case/domain/retention.py"/>
        <source>§ 9b SGB VIII (70 Jahre nach dem 30. Geburtstag)</source>
        <translation>§ 9b SGB VIII (70 years after the 30th birthday)</translation>
    </message>
</context>
</TS>
