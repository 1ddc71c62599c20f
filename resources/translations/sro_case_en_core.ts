<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>core</name>
    <message>
        <source>ASD</source>
        <translation>ASD (social services)</translation>
    </message>
    <message>
        <source>Abbruch durch Einrichtung oder Dienst</source>
        <translation>Ended early by the facility or service</translation>
    </message>
    <message>
        <source>Abbruch durch Sorgeberechtigte oder junge Volljährige</source>
        <translation>Ended early by the guardians or the young adult</translation>
    </message>
    <message>
        <source>Abbruch durch den jungen Menschen</source>
        <translation>Ended early by the young person</translation>
    </message>
    <message>
        <source>Abschluss war irrtümlich</source>
        <translation>closed by mistake</translation>
    </message>
    <message>
        <source>Abschlussdatum</source>
        <translation>Closing date</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Aktenzeichen</source>
        <translation>File number</translation>
    </message>
    <message>
        <source>Angehörige/r</source>
        <translation>Relative</translation>
    </message>
    <message>
        <source>Anlass</source>
        <translation>Reason for contact</translation>
    </message>
    <message>
        <source>Anmeldename</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Anzahl Sicherungen</source>
        <translation>Number of backups</translation>
    </message>
    <message>
        <source>Art</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Art der Ressource</source>
        <translation>Kind of resource</translation>
    </message>
    <message>
        <source>Beendigung gemäß Hilfeplan / Ziele erreicht</source>
        <translation>Ended as planned / goals achieved</translation>
    </message>
    <message>
        <source>Beendigungsgrund</source>
        <translation>End reason</translation>
    </message>
    <message>
        <source>Beginn</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Beratungsgespräch</source>
        <translation>Counselling session</translation>
    </message>
    <message>
        <source>Beschlüsse</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <source>Beschreibung</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Beteiligte</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Betrag</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Binärdaten sind im Schema nicht vorgesehen.</source>
        <translation>The schema has no place for binary data.</translation>
    </message>
    <message>
        <source>Bis wann</source>
        <translation>Due by</translation>
    </message>
    <message>
        <source>Bitte den Namen oder das Kürzel eines Sozialraums aus dem Katalog angeben.</source>
        <translation>Please give the name or code of a social space from the catalogue.</translation>
    </message>
    <message>
        <source>Bitte den Paragraphen (z. B. „§ 31“) oder den Namen aus dem Katalog angeben.</source>
        <translation>Please give the section (e.g. "§ 31") or the name from the catalogue.</translation>
    </message>
    <message>
        <source>Bitte einen Beendigungsgrund auswählen.</source>
        <translation>Please choose an end reason.</translation>
    </message>
    <message>
        <source>Bitte einen Grund für die Wiederaufnahme auswählen.</source>
        <translation>Please choose a reason for reopening.</translation>
    </message>
    <message>
        <source>Controlling</source>
        <translation>Controlling</translation>
    </message>
    <message>
        <source>Das Ende darf nicht vor dem Beginn liegen.</source>
        <translation>The end must not be before the start.</translation>
    </message>
    <message>
        <source>Das Protokoll endet bei Eintrag {last}, erwartet wurde Eintrag {head}: Einträge wurden entfernt.</source>
        <translation>The audit log ends at entry {last}, entry {head} was expected: entries were removed.</translation>
    </message>
    <message>
        <source>Datei</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Den eigenen Zugang können Sie nicht entfernen.</source>
        <translation>You cannot remove your own access.</translation>
    </message>
    <message>
        <source>Der Datenbankschlüssel wurde erneuert und Ihr Zugang dabei nicht übernommen. Bitten Sie die Administration, Ihren Zugang neu einzurichten.</source>
        <translation>The database key was renewed and your access was not carried over. Please ask the administration to set up your access again.</translation>
    </message>
    <message>
        <source>Der Fall ist bereits abgeschlossen.</source>
        <translation>The case is already closed.</translation>
    </message>
    <message>
        <source>Der Fall {case_id} existiert nicht.</source>
        <translation>Case {case_id} does not exist.</translation>
    </message>
    <message>
        <source>Der Inhalt weicht vom Original ab (Prüfsumme verschieden).</source>
        <translation>The content differs from the original (checksums do not match).</translation>
    </message>
    <message>
        <source>Der Katalog {path} ist leer.</source>
        <translation>The catalogue {path} is empty.</translation>
    </message>
    <message>
        <source>Der Katalog {path} kann nicht gelesen werden: {error}</source>
        <translation>The catalogue {path} cannot be read: {error}</translation>
    </message>
    <message>
        <source>Der Kopf des Protokolls fehlt.</source>
        <translation>The head of the audit log is missing.</translation>
    </message>
    <message>
        <source>Der Ordner {folder} existiert nicht.</source>
        <translation>The folder {folder} does not exist.</translation>
    </message>
    <message>
        <source>Der Schlüssel konnte nicht erneuert werden ({error}). Die Datenbank ist unverändert und öffnet weiter mit dem bisherigen Schlüssel.</source>
        <translation>The key could not be renewed ({error}). The database is unchanged and still opens with the previous key.</translation>
    </message>
    <message>
        <source>Der Status kann nicht von „{old}“ zu „{new}“ wechseln. Zum Abschließen bitte „Fall abschließen“ mit Beendigungsgrund wählen.</source>
        <translation>The status cannot change from "{old}" to "{new}". To close the case, please choose "Close case" with an end reason.</translation>
    </message>
    <message>
        <source>Der Wiederherstellungsschlüssel ist falsch. Es wurde nichts verändert.</source>
        <translation>The recovery key is wrong. Nothing was changed.</translation>
    </message>
    <message>
        <source>Der Zugang „{login}“ ist deaktiviert.</source>
        <translation>The access "{login}" is deactivated.</translation>
    </message>
    <message>
        <source>Der Zugang „{login}“ ist deaktiviert. Wenden Sie sich an die Administration.</source>
        <translation>The access "{login}" is deactivated. Please contact the administration.</translation>
    </message>
    <message>
        <source>Der letzte Passphrasen-Platz kann nicht entfernt werden.</source>
        <translation>The last passphrase slot cannot be removed.</translation>
    </message>
    <message>
        <source>Der letzte aktive Admin-Zugang kann nicht entfernt werden.</source>
        <translation>The last active admin access cannot be removed.</translation>
    </message>
    <message>
        <source>Die Ausgabe hat den Schemastand {theirs}, diese Datenbank {ours}. Bitte mit der passenden Programmversion importieren.</source>
        <translation>The export has schema version {theirs}, this database {ours}. Please import it with the matching program version.</translation>
    </message>
    <message>
        <source>Die Datei {file} fehlt oder wurde verändert (Prüfsumme stimmt nicht); Tabelle {table} wird nicht übernommen.</source>
        <translation>The file {file} is missing or was changed (checksum does not match); table {table} is not imported.</translation>
    </message>
    <message>
        <source>Die Datei {path} fehlt.</source>
        <translation>The file {path} is missing.</translation>
    </message>
    <message>
        <source>Die Dateigröße ist kein Vielfaches der Seitengröße: die Datei ist abgeschnitten.</source>
        <translation>The file size is not a multiple of the page size: the file is truncated.</translation>
    </message>
    <message>
        <source>Die Datenbank enthält keine Sozialräume.</source>
        <translation>The database contains no social spaces.</translation>
    </message>
    <message>
        <source>Die Datenbank ist in diesem Programm noch geöffnet. Schließen Sie sie, bevor der Schlüssel erneuert wird.</source>
        <translation>The database is still open in this program. Close it before the key is renewed.</translation>
    </message>
    <message>
        <source>Die Datenbank wird noch von einem anderen Programm benutzt; der Schlüssel wurde nicht erneuert.</source>
        <translation>The database is still in use by another program; the key was not renewed.</translation>
    </message>
    <message>
        <source>Die Datenbank wird noch von einem anderen Programm benutzt; sie wurde nicht ersetzt.</source>
        <translation>The database is still in use by another program; it was not replaced.</translation>
    </message>
    <message>
        <source>Die Datenbank {name} ist bereits geöffnet, {who}. Es darf immer nur ein Programm in die Datenbank schreiben. Schließen Sie SRO-Fallmanagement dort und versuchen Sie es dann erneut.</source>
        <translation>The database {name} is already open, {who}. Only one program at a time may write to the database. Close SRO-Fallmanagement there and then try again.</translation>
    </message>
    <message>
        <source>Die Datenbank {name} ist beschädigt: Teile der Datei lassen sich nicht entschlüsseln oder lesen. Stellen Sie sie aus der letzten Sicherung wieder her.</source>
        <translation>The database {name} is damaged: parts of the file cannot be decrypted or read. Restore it from the latest backup.</translation>
    </message>
    <message>
        <source>Die Datenbank {name} kann mit dem richtigen Schlüssel nicht gelesen werden: sie ist beschädigt, abgeschnitten oder gehört nicht zu dieser Schlüsseldatei. Stellen Sie sie aus einer Sicherung wieder her.</source>
        <translation>The database {name} cannot be read with the correct key: it is damaged, truncated or does not belong to this key file. Restore it from a backup.</translation>
    </message>
    <message>
        <source>Die Datenbank {path} existiert bereits. Sie wird nur nach ausdrücklicher Bestätigung ersetzt (und vorher gesichert); oder stellen Sie in eine neue Datei wieder her.</source>
        <translation>The database {path} already exists. It is only replaced after explicit confirmation (and backed up first); or restore into a new file instead.</translation>
    </message>
    <message>
        <source>Die Datenbank {path} existiert nicht.</source>
        <translation>The database {path} does not exist.</translation>
    </message>
    <message>
        <source>Die Konferenz {conference_id} gehört nicht zum Fall {file_number}. Konferenzen dieses Falls: {known}.</source>
        <translation>Conference {conference_id} does not belong to case {file_number}. Conferences of this case: {known}.</translation>
    </message>
    <message>
        <source>Die Passphrase darf kein Nullzeichen enthalten.</source>
        <translation>The passphrase must not contain a null character.</translation>
    </message>
    <message>
        <source>Die Passphrase für „{login}“ ist falsch. Es wurde nichts verändert.</source>
        <translation>The passphrase for "{login}" is wrong. Nothing was changed.</translation>
    </message>
    <message>
        <source>Die Passphrase ist falsch. Es wurde nichts verändert.</source>
        <translation>The passphrase is wrong. Nothing was changed.</translation>
    </message>
    <message>
        <source>Die Passphrase muss mindestens {minimum} Zeichen lang sein.</source>
        <translation>The passphrase must be at least {minimum} characters long.</translation>
    </message>
    <message>
        <source>Die Person {person_id} existiert nicht.</source>
        <translation>Person {person_id} does not exist.</translation>
    </message>
    <message>
        <source>Die Protokollkette der Ausgabe ist nicht unversehrt: {problems}</source>
        <translation>The audit chain of the export is not intact: {problems}</translation>
    </message>
    <message>
        <source>Die Schlüsseldatei gehört nicht zu der Datenbank {name}, oder der Anfang der Datenbankdatei ist beschädigt. Stellen Sie beide zusammen aus einer Sicherung wieder her.</source>
        <translation>The key file does not belong to the database {name}, or the beginning of the database file is damaged. Restore both together from a backup.</translation>
    </message>
    <message>
        <source>Die Schlüsseldatei neben der Sicherung gehört nicht zu ihr.</source>
        <translation>The key file next to the backup does not belong to it.</translation>
    </message>
    <message>
        <source>Die Schlüsseldatei {key_file} gehört nicht zur Sicherung {backup}.</source>
        <translation>The key file {key_file} does not belong to the backup {backup}.</translation>
    </message>
    <message>
        <source>Die Schlüsseldatei {name} fehlt. Sie liegt normalerweise neben der Datenbank und ist in jeder Sicherung enthalten; ohne sie kann die Datenbank nicht geöffnet werden.</source>
        <translation>The key file {name} is missing. It normally sits next to the database and is included in every backup; without it the database cannot be opened.</translation>
    </message>
    <message>
        <source>Die Schlüsseldatei {name} ist beschädigt und kann nicht gelesen werden ({reason}). Stellen Sie sie aus einer Sicherung wieder her.</source>
        <translation>The key file {name} is damaged and cannot be read ({reason}). Restore it from a backup.</translation>
    </message>
    <message>
        <source>Die Sicherung enthält keinen Schemastand.</source>
        <translation>The backup contains no schema version.</translation>
    </message>
    <message>
        <source>Die Sicherung hat den unbekannten Schemastand {revision} (von einer neueren Programmversion).</source>
        <translation>The backup has the unknown schema version {revision} (from a newer program version).</translation>
    </message>
    <message>
        <source>Die Sicherung ist fehlgeschlagen ({error}). Es wurde nichts ersetzt.</source>
        <translation>The backup failed ({error}). Nothing was replaced.</translation>
    </message>
    <message>
        <source>Die Sicherung lässt sich nicht vollständig lesen ({errors}).</source>
        <translation>The backup cannot be read completely ({errors}).</translation>
    </message>
    <message>
        <source>Die Sicherung wurde verworfen, weil die Prüfung der Kopie fehlschlug: {problems}</source>
        <translation>The backup was discarded because the check of the copy failed: {problems}</translation>
    </message>
    <message>
        <source>Die Sicherung {backup} ist beschädigt und wird nicht wiederhergestellt: {problems}</source>
        <translation>The backup {backup} is damaged and will not be restored: {problems}</translation>
    </message>
    <message>
        <source>Die Sicherung {backup} lässt sich nicht öffnen: {reason} Stammt sie aus der Zeit vor einem Schlüsselwechsel, stellen Sie sie mit der damaligen Passphrase wieder her.</source>
        <translation>The backup {backup} cannot be opened: {reason} If it dates from before a key change, restore it with the passphrase that was valid at the time.</translation>
    </message>
    <message>
        <source>Die Spalte {table}.{column} kennt dieses Programm nicht.</source>
        <translation>This program does not know the column {table}.{column}.</translation>
    </message>
    <message>
        <source>Die Standardfrist muss angegeben werden.</source>
        <translation>The standard period must be given.</translation>
    </message>
    <message>
        <source>Die Tabellen passen nicht zum Schema: {tables}</source>
        <translation>The tables do not match the schema: {tables}</translation>
    </message>
    <message>
        <source>Die Wiederherstellung wurde abgebrochen, weil die Prüfung der Kopie fehlschlug: {problems}</source>
        <translation>The restore was cancelled because the check of the copy failed: {problems}</translation>
    </message>
    <message>
        <source>Die Zieldatenbank ist nicht leer ({tables}). Importiert wird nur in eine neu angelegte Datenbank.</source>
        <translation>The target database is not empty ({tables}). Imports go only into a newly created database.</translation>
    </message>
    <message>
        <source>Die Zieldatenbank ist nicht leer. Importiert wird nur in eine neu angelegte Datenbank.</source>
        <translation>The target database is not empty. Imports go only into a newly created database.</translation>
    </message>
    <message>
        <source>Die beiden Eingaben stimmen nicht überein.</source>
        <translation>The two entries do not match.</translation>
    </message>
    <message>
        <source>Diese Aktion ist nur mit einer über die Anmeldung geöffneten Datenbank möglich.</source>
        <translation>This action is only possible with a database opened by signing in.</translation>
    </message>
    <message>
        <source>Diese Datenbank wurde mit einer neueren Version von SRO-Fallmanagement angelegt (Schemastand {revision}). Bitte installieren Sie die aktuelle Version; die Datenbank wurde nicht verändert.</source>
        <translation>This database was created with a newer version of SRO-Fallmanagement (schema version {revision}). Please install the current version; the database was not changed.</translation>
    </message>
    <message>
        <source>Diese Einwilligung existiert nicht.</source>
        <translation>This consent does not exist.</translation>
    </message>
    <message>
        <source>Diese Hilfe existiert nicht.</source>
        <translation>This help does not exist.</translation>
    </message>
    <message>
        <source>Dieser Handlungsschritt existiert nicht.</source>
        <translation>This action step does not exist.</translation>
    </message>
    <message>
        <source>Dieses Ziel existiert nicht.</source>
        <translation>This goal does not exist.</translation>
    </message>
    <message>
        <source>Disziplin</source>
        <translation>Discipline</translation>
    </message>
    <message>
        <source>E-Mail</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Eingang</source>
        <translation>Intake</translation>
    </message>
    <message>
        <source>Eingliederungshilfe bei seelischer Behinderung</source>
        <translation>Integration help for mental disability</translation>
    </message>
    <message>
        <source>Eintrag {seq} fehlt (nächster vorhandener Eintrag: {next_seq}).</source>
        <translation>Entry {seq} is missing (next existing entry: {next_seq}).</translation>
    </message>
    <message>
        <source>Eintrag {seq} wurde nachträglich verändert.</source>
        <translation>Entry {seq} was changed afterwards.</translation>
    </message>
    <message>
        <source>Eintrag {seq}: die Verkettung zum Vorgänger ist unterbrochen.</source>
        <translation>Entry {seq}: the link to the previous entry is broken.</translation>
    </message>
    <message>
        <source>Einwilligung für {label} am {date} abgelaufen</source>
        <translation>Consent for {label} expired on {date}</translation>
    </message>
    <message>
        <source>Einwilligung für {label} am {date} widerrufen</source>
        <translation>Consent for {label} revoked on {date}</translation>
    </message>
    <message>
        <source>Einwilligung für {label} erst ab {date} gültig</source>
        <translation>Consent for {label} valid only from {date}</translation>
    </message>
    <message>
        <source>Einwilligung liegt vor</source>
        <translation>Consent on record</translation>
    </message>
    <message>
        <source>Einwilligung liegt vor (bis {date})</source>
        <translation>Consent on record (until {date})</translation>
    </message>
    <message>
        <source>Einwilligung liegt vor ({who})</source>
        <translation>Consent on record ({who})</translation>
    </message>
    <message>
        <source>Einwilligung liegt vor ({who}, bis {date})</source>
        <translation>Consent on record ({who}, until {date})</translation>
    </message>
    <message>
        <source>Elternteil</source>
        <translation>Parent</translation>
    </message>
    <message>
        <source>Empfänger</source>
        <translation>Recipients</translation>
    </message>
    <message>
        <source>Ende</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Ergebnis § 8a</source>
        <translation>Outcome § 8a</translation>
    </message>
    <message>
        <source>Erreichen der Altersgrenze</source>
        <translation>Age limit reached</translation>
    </message>
    <message>
        <source>Erteilt am</source>
        <translation>Given on</translation>
    </message>
    <message>
        <source>Erziehung in einer Tagesgruppe</source>
        <translation>Day group care</translation>
    </message>
    <message>
        <source>Erziehung und Familienalltag</source>
        <translation>Parenting and family life</translation>
    </message>
    <message>
        <source>Erziehungsbeistand, Betreuungshelfer</source>
        <translation>Educational support, care helper</translation>
    </message>
    <message>
        <source>Erziehungsberatung</source>
        <translation>Parenting counselling</translation>
    </message>
    <message>
        <source>Es gibt keine Benutzerin und keinen Benutzer „{login}“.</source>
        <translation>There is no user "{login}".</translation>
    </message>
    <message>
        <source>Es gibt keine Benutzerin und keinen Benutzer „{login}“. Legen Sie die Person zuerst an.</source>
        <translation>There is no user "{login}". Please create the person first.</translation>
    </message>
    <message>
        <source>Es gibt keinen Fall mit dem Aktenzeichen „{value}“.</source>
        <translation>There is no case with the file number "{value}".</translation>
    </message>
    <message>
        <source>Existenzsicherung</source>
        <translation>Livelihood</translation>
    </message>
    <message>
        <source>Fachkraft</source>
        <translation>Caseworker</translation>
    </message>
    <message>
        <source>Fallbeginn</source>
        <translation>Case opened</translation>
    </message>
    <message>
        <source>Fallkonferenz</source>
        <translation>Case conference</translation>
    </message>
    <message>
        <source>Familie</source>
        <translation>Family</translation>
    </message>
    <message>
        <source>Familienbildung</source>
        <translation>Family education</translation>
    </message>
    <message>
        <source>Familienname</source>
        <translation>Surname</translation>
    </message>
    <message>
        <source>Flexible Hilfe zur Erziehung</source>
        <translation>Flexible help with upbringing</translation>
    </message>
    <message>
        <source>Fortschreibung</source>
        <translation>Plan update</translation>
    </message>
    <message>
        <source>Freizeit und soziale Kontakte</source>
        <translation>Leisure and social contacts</translation>
    </message>
    <message>
        <source>Für den Fall {file_number} ist noch keine Konferenz erfasst; es gibt kein Protokoll.</source>
        <translation>No conference has been recorded for case {file_number} yet; there are no minutes.</translation>
    </message>
    <message>
        <source>Geburtsdatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Gesagt von</source>
        <translation>Said by</translation>
    </message>
    <message>
        <source>Geschlecht</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Gesundheit</source>
        <translation>Health</translation>
    </message>
    <message>
        <source>Grund</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Gültig bis</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Hausbesuch</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <source>Heimerziehung, sonstige betreute Wohnform</source>
        <translation>Residential care, other supported housing</translation>
    </message>
    <message>
        <source>Hilfe für junge Volljährige</source>
        <translation>Help for young adults</translation>
    </message>
    <message>
        <source>Hilfe läuft</source>
        <translation>Help in progress</translation>
    </message>
    <message>
        <source>Hilfeart</source>
        <translation>Type of help</translation>
    </message>
    <message>
        <source>Hilfeplangespräch nach § 36 SGB VIII</source>
        <translation>Help plan meeting (§ 36 SGB VIII)</translation>
    </message>
    <message>
        <source>Hilfeplanung</source>
        <translation>Help planning</translation>
    </message>
    <message>
        <source>HzE-Träger</source>
        <translation>HzE provider</translation>
    </message>
    <message>
        <source>Ihre Rolle erlaubt diese Aktion nicht. Wenden Sie sich an die Administration.</source>
        <translation>Your role does not allow this action. Please contact the administration.</translation>
    </message>
    <message>
        <source>In {folder} fehlt eine lesbare {manifest}: die Ausgabe ist unvollständig.</source>
        <translation>{folder} has no readable {manifest}: the export is incomplete.</translation>
    </message>
    <message>
        <source>Indikator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>Intensive sozialpädagogische Einzelbetreuung</source>
        <translation>Intensive socio-educational individual care</translation>
    </message>
    <message>
        <source>Jahr</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Jahre</source>
        <translation>Years</translation>
    </message>
    <message>
        <source>Jugendarbeit</source>
        <translation>Youth work</translation>
    </message>
    <message>
        <source>Jugendliche/r</source>
        <translation>Adolescent</translation>
    </message>
    <message>
        <source>Jugendsozialarbeit</source>
        <translation>Youth social work</translation>
    </message>
    <message>
        <source>Kategorie</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Child</translation>
    </message>
    <message>
        <source>Kind/Jugendliche/r</source>
        <translation>Child/adolescent</translation>
    </message>
    <message>
        <source>Kinderschutz</source>
        <translation>Child protection</translation>
    </message>
    <message>
        <source>Kindertagesbetreuung</source>
        <translation>Child day care</translation>
    </message>
    <message>
        <source>Kita</source>
        <translation>Nursery</translation>
    </message>
    <message>
        <source>Kita und frühe Förderung</source>
        <translation>Nursery and early support</translation>
    </message>
    <message>
        <source>Kita-Gespräch</source>
        <translation>Nursery meeting</translation>
    </message>
    <message>
        <source>Klärung und Beratung</source>
        <translation>Assessment and counselling</translation>
    </message>
    <message>
        <source>Kollegiale Fallberatung</source>
        <translation>Peer case consultation</translation>
    </message>
    <message>
        <source>Kommentar</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Konferenz</source>
        <translation>Conference</translation>
    </message>
    <message>
        <source>Konflikte in der Familie</source>
        <translation>Family conflicts</translation>
    </message>
    <message>
        <source>Mindestens eine Disziplin muss ausgewählt werden.</source>
        <translation>At least one discipline must be chosen.</translation>
    </message>
    <message>
        <source>Mindestens eine Passphrase muss den neuen Schlüssel öffnen; geben Sie die Passphrase einer Administratorin oder eines Administrators an.</source>
        <translation>At least one passphrase must open the new key; give the passphrase of an administrator.</translation>
    </message>
    <message>
        <source>Mindestens eine Sicherung behalten.</source>
        <translation>Keep at least one backup.</translation>
    </message>
    <message>
        <source>Mindestfallzahl</source>
        <translation>Minimum cell count</translation>
    </message>
    <message>
        <source>Moderation</source>
        <translation>Facilitator</translation>
    </message>
    <message>
        <source>Monatliche Kosten</source>
        <translation>Monthly cost</translation>
    </message>
    <message>
        <source>Nach dem Schlüsselwechsel meldet die Prüfung Fehler ({result}). Stellen Sie die letzte Sicherung wieder her.</source>
        <translation>After the key change the check reports errors ({result}). Restore the latest backup.</translation>
    </message>
    <message>
        <source>Nachbetreuung junger Volljähriger</source>
        <translation>Aftercare for young adults</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Nur die Administration kann den Datenbankschlüssel erneuern.</source>
        <translation>Only the administration can renew the database key.</translation>
    </message>
    <message>
        <source>Nur ein abgeschlossener Fall kann wieder aufgenommen werden.</source>
        <translation>Only a closed case can be reopened.</translation>
    </message>
    <message>
        <source>Nächste Überprüfung</source>
        <translation>Next review</translation>
    </message>
    <message>
        <source>Ordner</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Ort</source>
        <translation>Town</translation>
    </message>
    <message>
        <source>PLZ</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Person {n}</source>
        <translation>Person {n}</translation>
    </message>
    <message>
        <source>Pflegeelternteil</source>
        <translation>Foster parent</translation>
    </message>
    <message>
        <source>Protokollkette: {problem}</source>
        <translation>Audit chain: {problem}</translation>
    </message>
    <message>
        <source>Ressource {n}</source>
        <translation>Resource {n}</translation>
    </message>
    <message>
        <source>Rolle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Schemastand {actual} statt {expected}.</source>
        <translation>Schema version {actual} instead of {expected}.</translation>
    </message>
    <message>
        <source>Schritt {n}</source>
        <translation>Step {n}</translation>
    </message>
    <message>
        <source>Schulbesuch</source>
        <translation>School visit</translation>
    </message>
    <message>
        <source>Schule</source>
        <translation>School</translation>
    </message>
    <message>
        <source>Schule und Ausbildung</source>
        <translation>School and training</translation>
    </message>
    <message>
        <source>Schulsozialarbeit</source>
        <translation>School social work</translation>
    </message>
    <message>
        <source>Schwerpunkt</source>
        <translation>Focus area</translation>
    </message>
    <message>
        <source>Sonstige</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Sonstiges</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Sorgeberechtigte/r</source>
        <translation>Guardian</translation>
    </message>
    <message>
        <source>Soziale Gruppenarbeit</source>
        <translation>Social group work</translation>
    </message>
    <message>
        <source>Sozialpädagogische Familienhilfe</source>
        <translation>Socio-educational family help</translation>
    </message>
    <message>
        <source>Sozialraum</source>
        <translation>Social space</translation>
    </message>
    <message>
        <source>Sozialraumteam</source>
        <translation>Social space team</translation>
    </message>
    <message>
        <source>Stammt die Sicherung aus der Zeit vor einem Schlüsselwechsel, prüfen Sie sie mit der damals gültigen Passphrase.</source>
        <translation>If the backup dates from before a key change, verify it with the passphrase that was valid at the time.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Straße</source>
        <translation>Street</translation>
    </message>
    <message>
        <source>Stufe {n}</source>
        <translation>Level {n}</translation>
    </message>
    <message>
        <source>Sucht</source>
        <translation>Addiction</translation>
    </message>
    <message>
        <source>Tabelle {table}: {actual} statt {expected} Datensätze.</source>
        <translation>Table {table}: {actual} instead of {expected} records.</translation>
    </message>
    <message>
        <source>Tagesordnung</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Teilnehmende {n}</source>
        <translation>Participant {n}</translation>
    </message>
    <message>
        <source>Telefonat</source>
        <translation>Phone call</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Trennung und Umgang</source>
        <translation>Separation and contact</translation>
    </message>
    <message>
        <source>Träger</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Umfang</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>Unter {path} gibt es bereits eine Datenbank oder Schlüsseldatei; sie wird nicht überschrieben.</source>
        <translation>A database or key file already exists at {path}; it will not be overwritten.</translation>
    </message>
    <message>
        <source>Unter {path} gibt es bereits eine Datenbank oder Schlüsseldatei; sie wird nicht überschrieben. Wählen Sie einen neuen Dateinamen.</source>
        <translation>A database or key file already exists at {path}; it will not be overwritten. Choose a new file name.</translation>
    </message>
    <message>
        <source>Verantwortlich</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>Verweise ins Leere, z. B. {example}.</source>
        <translation>References to missing records, e.g. {example}.</translation>
    </message>
    <message>
        <source>Vollzeitpflege</source>
        <translation>Full-time foster care</translation>
    </message>
    <message>
        <source>Vormundschaft, Pflegschaft</source>
        <translation>Guardianship, curatorship</translation>
    </message>
    <message>
        <source>Vorname</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Was</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Wer</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Widerrufen am</source>
        <translation>Revoked on</translation>
    </message>
    <message>
        <source>Wille der Familie</source>
        <translation>Family's will</translation>
    </message>
    <message>
        <source>Wochenstunden</source>
        <translation>Hours per week</translation>
    </message>
    <message>
        <source>Wohnen</source>
        <translation>Housing</translation>
    </message>
    <message>
        <source>Zeitraum</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Ziel</source>
        <translation>Goal</translation>
    </message>
    <message>
        <source>Ziel {n}</source>
        <translation>Goal {n}</translation>
    </message>
    <message>
        <source>Zieldatum</source>
        <translation>Target date</translation>
    </message>
    <message>
        <source>Zielerreichung</source>
        <translation>Goal attainment</translation>
    </message>
    <message>
        <source>Zielerreichungsskala</source>
        <translation>Goal attainment scale</translation>
    </message>
    <message>
        <source>Zur Sicherung {backup} fehlt die Schlüsseldatei {key_file}; ohne sie kann die wiederhergestellte Datenbank nicht geöffnet werden.</source>
        <translation>The key file {key_file} of the backup {backup} is missing; without it the restored database cannot be opened.</translation>
    </message>
    <message>
        <source>Zuständigkeitswechsel (z. B. Umzug)</source>
        <translation>Change of responsibility (e.g. move)</translation>
    </message>
    <message>
        <source>abgeschlossen</source>
        <translation>closed</translation>
    </message>
    <message>
        <source>akute Kindeswohlgefährdung</source>
        <translation>acute risk to the child's welfare</translation>
    </message>
    <message>
        <source>alembic_version.jsonl passt nicht zum Schemastand.</source>
        <translation>alembic_version.jsonl does not match the schema version.</translation>
    </message>
    <message>
        <source>auf dem PC „{host}“ von „{user}“ (Prozess {pid}, seit {since})</source>
        <translation>on the PC "{host}" by "{user}" (process {pid}, since {since})</translation>
    </message>
    <message>
        <source>aufgegeben</source>
        <translation>dropped</translation>
    </message>
    <message>
        <source>braucht genau fünf Stufen (−2 bis +2).</source>
        <translation>needs exactly five levels (−2 to +2).</translation>
    </message>
    <message>
        <source>darf höchstens {maximum} sein.</source>
        <translation>must be at most {maximum}.</translation>
    </message>
    <message>
        <source>darf keine Zeilenumbrüche oder Tabulatoren enthalten.</source>
        <translation>must not contain line breaks or tabs.</translation>
    </message>
    <message>
        <source>darf nicht größer als {high} sein.</source>
        <translation>must not be greater than {high}.</translation>
    </message>
    <message>
        <source>darf nicht in der Zukunft liegen ({date}).</source>
        <translation>must not be in the future ({date}).</translation>
    </message>
    <message>
        <source>darf nicht in der Zukunft liegen.</source>
        <translation>must not be in the future.</translation>
    </message>
    <message>
        <source>darf nicht kleiner als {low} sein.</source>
        <translation>must not be less than {low}.</translation>
    </message>
    <message>
        <source>darf nicht leer sein.</source>
        <translation>must not be empty.</translation>
    </message>
    <message>
        <source>darf nicht vor dem Beginn liegen.</source>
        <translation>must not be before the start.</translation>
    </message>
    <message>
        <source>darf nicht vor dem Fallbeginn liegen.</source>
        <translation>must not be before the case was opened.</translation>
    </message>
    <message>
        <source>darf nicht vor dem {earliest} liegen ({date}).</source>
        <translation>must not be before {earliest} ({date}).</translation>
    </message>
    <message>
        <source>darf nicht vor der Erteilung liegen.</source>
        <translation>must not be before the consent was given.</translation>
    </message>
    <message>
        <source>darf nicht vor {what} liegen.</source>
        <translation>must not be before {what}.</translation>
    </message>
    <message>
        <source>darf nur Buchstaben, Ziffern, Punkt, Binde- und Unterstrich enthalten.</source>
        <translation>may only contain letters, digits, full stop, hyphen and underscore.</translation>
    </message>
    <message>
        <source>Seit dieser Vorschau wurde ein weiterer Statistik-Export gespeichert. Bitte berechnen Sie die Statistik neu, damit sie gemeinsam mit ihm geprüft wird.</source>
        <translation>Another statistics export was saved since this preview. Please compute the statistics again so that it is audited together with it.</translation>
    </message>
    <message>
        <source>ist dem Wiederherstellungsschlüssel vorbehalten.</source>
        <translation>is reserved for the recovery key.</translation>
    </message>
    <message>
        <source>dem Beginn</source>
        <translation>the start</translation>
    </message>
    <message>
        <source>dem Fallbeginn</source>
        <translation>the case opening</translation>
    </message>
    <message>
        <source>der Erteilung</source>
        <translation>the date given</translation>
    </message>
    <message>
        <source>der Konferenz</source>
        <translation>the conference</translation>
    </message>
    <message>
        <source>der letzte Eintrag passt nicht zum Manifest.</source>
        <translation>the last entry does not match the manifest.</translation>
    </message>
    <message>
        <source>deutlich mehr als erwartet</source>
        <translation>much more than expected</translation>
    </message>
    <message>
        <source>deutlich weniger als erwartet</source>
        <translation>much less than expected</translation>
    </message>
    <message>
        <source>divers</source>
        <translation>diverse</translation>
    </message>
    <message>
        <source>enthält unzulässige Steuerzeichen.</source>
        <translation>contains control characters that are not allowed.</translation>
    </message>
    <message>
        <source>erneuter Hilfebedarf</source>
        <translation>renewed need for help</translation>
    </message>
    <message>
        <source>erreicht</source>
        <translation>achieved</translation>
    </message>
    <message>
        <source>erwartetes Ergebnis</source>
        <translation>expected outcome</translation>
    </message>
    <message>
        <source>etwas mehr als erwartet</source>
        <translation>somewhat more than expected</translation>
    </message>
    <message>
        <source>etwas weniger als erwartet</source>
        <translation>somewhat less than expected</translation>
    </message>
    <message>
        <source>fallführender Dienst</source>
        <translation>lead service</translation>
    </message>
    <message>
        <source>familiär/Netzwerk</source>
        <translation>family/network</translation>
    </message>
    <message>
        <source>fehlt {table}</source>
        <translation>{table} missing</translation>
    </message>
    <message>
        <source>gehört nicht zu diesem Fall.</source>
        <translation>does not belong to this case.</translation>
    </message>
    <message>
        <source>institutionell</source>
        <translation>institutional</translation>
    </message>
    <message>
        <source>integrity_check meldet Fehler: {errors}</source>
        <translation>integrity_check reports errors: {errors}</translation>
    </message>
    <message>
        <source>ist bereits vergeben.</source>
        <translation>is already taken.</translation>
    </message>
    <message>
        <source>ist kein Datum.</source>
        <translation>is not a date.</translation>
    </message>
    <message>
        <source>ist zu lang ({length} Zeichen, höchstens {max_len}).</source>
        <translation>is too long ({length} characters, at most {max_len}).</translation>
    </message>
    <message>
        <source>junge/r Volljährige/r</source>
        <translation>Young adult</translation>
    </message>
    <message>
        <source>kein Schlüsseldatei-Format</source>
        <translation>not in key file format</translation>
    </message>
    <message>
        <source>kein weiterer Hilfebedarf</source>
        <translation>no further need for help</translation>
    </message>
    <message>
        <source>keine Kindeswohlgefährdung und kein (weiterer) Hilfebedarf</source>
        <translation>no risk to the child and no (further) need for help</translation>
    </message>
    <message>
        <source>keine Kindeswohlgefährdung, aber Hilfe- oder Unterstützungsbedarf</source>
        <translation>no risk to the child, but need for help or support</translation>
    </message>
    <message>
        <source>keine Schlüsselplätze</source>
        <translation>no key slots</translation>
    </message>
    <message>
        <source>keine Schweigepflichtentbindung für {label}</source>
        <translation>no release from confidentiality for {label}</translation>
    </message>
    <message>
        <source>keine gültige Schweigepflichtentbindung für {label}</source>
        <translation>no valid release from confidentiality for {label}</translation>
    </message>
    <message>
        <source>latente Kindeswohlgefährdung</source>
        <translation>latent risk to the child's welfare</translation>
    </message>
    <message>
        <source>muss angegeben werden.</source>
        <translation>must be given.</translation>
    </message>
    <message>
        <source>muss ausgewählt werden.</source>
        <translation>must be chosen.</translation>
    </message>
    <message>
        <source>muss ein Text sein.</source>
        <translation>must be text.</translation>
    </message>
    <message>
        <source>muss eine ganze Zahl sein.</source>
        <translation>must be a whole number.</translation>
    </message>
    <message>
        <source>muss eine ganze Zahl von 1 bis {maximum} sein.</source>
        <translation>must be a whole number from 1 to {maximum}.</translation>
    </message>
    <message>
        <source>muss mindestens {minimum} sein: kleinere Zahlen könnten einzelne Familien erkennbar machen.</source>
        <translation>must be at least {minimum}: smaller numbers could make single families identifiable.</translation>
    </message>
    <message>
        <source>männlich</source>
        <translation>male</translation>
    </message>
    <message>
        <source>neue Meldung nach § 8a</source>
        <translation>new report under § 8a</translation>
    </message>
    <message>
        <source>nicht erreicht</source>
        <translation>not achieved</translation>
    </message>
    <message>
        <source>offen</source>
        <translation>open</translation>
    </message>
    <message>
        <source>ohne Angabe</source>
        <translation>not stated</translation>
    </message>
    <message>
        <source>ohne Endung</source>
        <translation>no extension</translation>
    </message>
    <message>
        <source>persönlich</source>
        <translation>personal</translation>
    </message>
    <message>
        <source>ruhend</source>
        <translation>dormant</translation>
    </message>
    <message>
        <source>sonstige Bezugsperson</source>
        <translation>Other attachment figure</translation>
    </message>
    <message>
        <source>sonstige Gründe</source>
        <translation>other reasons</translation>
    </message>
    <message>
        <source>sozialräumlich</source>
        <translation>social space</translation>
    </message>
    <message>
        <source>teilweise erreicht</source>
        <translation>partly achieved</translation>
    </message>
    <message>
        <source>unbekannt</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>unbekannt {table}</source>
        <translation>{table} unknown</translation>
    </message>
    <message>
        <source>unbekannte Disziplin „{code}“ – bitte aus dem Katalog wählen</source>
        <translation>unknown discipline "{code}" – please choose from the catalogue</translation>
    </message>
    <message>
        <source>von einem anderen Programm</source>
        <translation>by another program</translation>
    </message>
    <message>
        <source>von einer neueren Programmversion geschrieben</source>
        <translation>written by a newer program version</translation>
    </message>
    <message>
        <source>weiblich</source>
        <translation>female</translation>
    </message>
    <message>
        <source>{count} Seite(n) sind beschädigt oder verändert (HMAC-Prüfung): {pages}</source>
        <translation>{count} page(s) are damaged or altered (HMAC check): {pages}</translation>
    </message>
    <message>
        <source>{file}, Zeile {line}: kein JSON-Objekt.</source>
        <translation>{file}, line {line}: not a JSON object.</translation>
    </message>
    <message>
        <source>{file}, Zeile {line}: kein gültiges JSON.</source>
        <translation>{file}, line {line}: not valid JSON.</translation>
    </message>
    <message>
        <source>{file}: {actual} Zeilen statt {expected}.</source>
        <translation>{file}: {actual} lines instead of {expected}.</translation>
    </message>
    <message>
        <source>{first}{separator}{rest}</source>
        <translation>{first}{separator}{rest}</translation>
    </message>
    <message>
        <source>{folder} ist keine Datenausgabe dieses Programms (oder zu neu).</source>
        <translation>{folder} is not a data export of this program (or is too new).</translation>
    </message>
    <message>
        <source>{folder} ist nicht leer. Bitte einen neuen, leeren Ordner wählen.</source>
        <translation>{folder} is not empty. Please choose a new, empty folder.</translation>
    </message>
    <message>
        <source>{head}, {tail}</source>
        <translation>{head}, {tail}</translation>
    </message>
    <message>
        <source>{name} ist die geöffnete Datenbank. Sie wird nur nach ausdrücklicher Bestätigung überschrieben, und vorher gesichert.</source>
        <translation>{name} is the open database. It is only overwritten after explicit confirmation, and backed up first.</translation>
    </message>
    <message>
        <source>{name} lässt sich mit dem Schlüssel nicht lesen: die Datei ist beschädigt, abgeschnitten oder mit einem anderen Schlüssel verschlüsselt.</source>
        <translation>{name} cannot be read with the key: the file is damaged, truncated or encrypted with a different key.</translation>
    </message>
    <message>
        <source>{scope}: {field}</source>
        <translation>{scope}: {field}</translation>
    </message>
    <message>
        <source>{table}.{column}: true/false erwartet.</source>
        <translation>{table}.{column}: true/false expected.</translation>
    </message>
    <message>
        <source>Übergang in eine andere Hilfe</source>
        <translation>Transition to another help</translation>
    </message>
    <message>
        <source>„{category}“ ist keine Fristenkategorie.</source>
        <translation>"{category}" is not a retention category.</translation>
    </message>
    <message>
        <source>„{code}“ ist im Katalog {catalogue} nicht enthalten.</source>
        <translation>"{code}" is not in the catalogue {catalogue}.</translation>
    </message>
    <message>
        <source>„{code}“ ist kein bekannter Sozialraum.</source>
        <translation>"{code}" is not a known social space.</translation>
    </message>
    <message>
        <source>„{login}“ hat keinen Schlüsselplatz.</source>
        <translation>"{login}" has no key slot.</translation>
    </message>
    <message>
        <source>„{login}“ ist keine bekannte Benutzerin/kein bekannter Benutzer.</source>
        <translation>"{login}" is not a known user.</translation>
    </message>
    <message>
        <source>„{suffix}“ geht nicht: bitte eine Datei mit .csv, .xlsx oder .pdf wählen.</source>
        <translation>"{suffix}" will not do: please choose a file ending in .csv, .xlsx or .pdf.</translation>
    </message>
    <message>
        <source>„{value}“ ist bereits vergeben.</source>
        <translation>"{value}" is already taken.</translation>
    </message>
    <message>
        <source>„{value}“ ist eine Zahl, kein Datum. Bitte das Datum als TT.MM.JJJJ eingeben oder die Zelle als Datum formatieren.</source>
        <translation>"{value}" is a number, not a date. Please enter the date as DD.MM.YYYY or format the cell as a date.</translation>
    </message>
    <message>
        <source>„{value}“ ist kein Datum im Format TT.MM.JJJJ.</source>
        <translation>"{value}" is not a date in the format DD.MM.YYYY.</translation>
    </message>
    <message>
        <source>„{value}“ ist kein gültiges Datum.</source>
        <translation>"{value}" is not a valid date.</translation>
    </message>
    <message>
        <source>„{value}“ ist kein zulässiger Wert.</source>
        <translation>"{value}" is not an allowed value.</translation>
    </message>
    <message>
        <source>„{value}“ ist nicht bekannt. {hint}</source>
        <translation>"{value}" is not known. {hint}</translation>
    </message>
    <message>
        <source>„{value}“ ist nicht zulässig (weiblich, männlich, divers, ohne Angabe oder kurz w, m, d).</source>
        <translation>"{value}" is not allowed (weiblich, männlich, divers, ohne Angabe or short w, m, d).</translation>
    </message>
    <message>
        <source>Zählwerk der Statistik, Hilfen: {live} in den Akten und {kept} gelöschter Fälle, gezählt {counted_live} und {counted_kept}.</source>
        <translation>Statistics tally, helps: {live} in the case files and {kept} of deleted cases, counted {counted_live} and {counted_kept}.</translation>
    </message>
    <message>
        <source>Zählwerk der Statistik, Konferenzen: {live} in den Akten und {kept} gelöschter Fälle, gezählt {counted_live} und {counted_kept}.</source>
        <translation>Statistics tally, conferences: {live} in the case files and {kept} of deleted cases, counted {counted_live} and {counted_kept}.</translation>
    </message>
    <message>
        <source>Zählwerk der Statistik, Zielbewertungen: {live} in den Akten und {kept} gelöschter Fälle, gezählt {counted_live} und {counted_kept}.</source>
        <translation>Statistics tally, goal reviews: {live} in the case files and {kept} of deleted cases, counted {counted_live} and {counted_kept}.</translation>
    </message>
    <message>
        <source>Zählwerk der Statistik, Kinderschutzfälle: {live} in den Akten und {kept} gelöschter Fälle, gezählt {counted_live} und {counted_kept}.</source>
        <translation>Statistics tally, child protection cases: {live} in the case files and {kept} of deleted cases, counted {counted_live} and {counted_kept}.</translation>
    </message>
    <message>
        <source>Zählwerk der Statistik: Trigger fehlen ({names}); die Statistik zählt Änderungen nicht mehr mit.</source>
        <translation>Statistics tally: triggers are missing ({names}); the statistics no longer follow changes.</translation>
    </message>
    <message>
        <source>Zählwerk der Statistik: die Zahlen weichen von einer Zählung über die Akten ab (Tabellen: {tables}).</source>
        <translation>Statistics tally: the figures differ from a count over the case files (tables: {tables}).</translation>
    </message>
    <message>
        <source>Auf dem Datenträger ist kein Platz mehr frei.</source>
        <translation>There is no space left on the drive.</translation>
    </message>
    <message>
        <source>Es fehlt die Berechtigung, dort zu schreiben.</source>
        <translation>You are not allowed to write there.</translation>
    </message>
    <message>
        <source>Der Datenträger ist schreibgeschützt.</source>
        <translation>The drive is write-protected.</translation>
    </message>
    <message>
        <source>Dort liegt eine Datei, wo ein Ordner sein müsste.</source>
        <translation>There is a file where a folder should be.</translation>
    </message>
    <message>
        <source>Der Ordner oder die Datei wurde nicht gefunden (Laufwerk getrennt?).</source>
        <translation>The folder or file was not found (drive disconnected?).</translation>
    </message>
    <message>
        <source>Der Datenträger meldet einen Lese- oder Schreibfehler.</source>
        <translation>The drive reports a read or write error.</translation>
    </message>
    <message>
        <source>Fehler beim Zugriff auf den Datenträger ({detail}).</source>
        <translation>Error accessing the drive ({detail}).</translation>
    </message>
    <message>
        <source>Die Sicherung nach {folder} ist fehlgeschlagen: {problem} Es wurde nichts ersetzt.</source>
        <translation>The backup to {folder} failed: {problem} Nothing was replaced.</translation>
    </message>
    <message>
        <source>Besser: vier oder mehr zufällig gewählte Wörter, die nichts miteinander zu tun haben, etwa „Tafel Möwe Kompass Wolke“ – die Länge schützt mehr als Sonderzeichen.</source>
        <translation>Better: four or more randomly chosen words that have nothing to do with each other, such as "Table Gull Compass Cloud" – length protects more than special characters.</translation>
    </message>
    <message>
        <source>Die Passphrase steht (fast genau so) in den Listen der häufigsten Passwörter, die Angreifer zuerst ausprobieren.</source>
        <translation>The passphrase is (almost exactly) on the lists of the most common passwords that attackers try first.</translation>
    </message>
    <message>
        <source>Zahlen- und Buchstabenfolgen wie 1234567890 oder abcdef sind in Sekunden erraten.</source>
        <translation>Sequences of digits or letters such as 1234567890 or abcdef are guessed in seconds.</translation>
    </message>
    <message>
        <source>Tastaturmuster wie qwertz oder asdfgh sind leicht zu erraten.</source>
        <translation>Keyboard patterns such as qwertz or asdfgh are easy to guess.</translation>
    </message>
    <message>
        <source>Wiederholungen wie „aaa“ oder „abcabc“ machen sie kaum stärker.</source>
        <translation>Repetitions such as "aaa" or "abcabc" hardly make it stronger.</translation>
    </message>
    <message>
        <source>Jahreszahlen und Daten (etwa 2026 oder ein Geburtstag) sind leicht zu erraten.</source>
        <translation>Years and dates (such as 2026 or a birthday) are easy to guess.</translation>
    </message>
    <message>
        <source>Ein einzelnes Wort oder ein Name ist leicht zu erraten, auch mit Großbuchstaben oder Ziffern.</source>
        <translation>A single word or name is easy to guess, even with capital letters or digits.</translation>
    </message>
    <message>
        <source>Die Passphrase enthält Ihren Anmeldenamen oder Namen; den probiert ein Angreifer zuerst.</source>
        <translation>The passphrase contains your login or your name; an attacker tries that first.</translation>
    </message>
    <message>
        <source>Zahlenfolgen wie 1234567890 sind in Sekunden erraten.</source>
        <translation>Sequences of digits such as 1234567890 are guessed in seconds.</translation>
    </message>
    <message>
        <source>Großbuchstaben, vertauschte Zeichen (@ statt a) oder rückwärts geschriebene Wörter helfen kaum.</source>
        <translation>Capital letters, swapped characters (@ for a) or words written backwards hardly help.</translation>
    </message>
    <message>
        <source>Ein einzelnes Wort mit angehängten Ziffern oder Zeichen (wie „Rostock2026!“) probieren Angreifer als Erstes.</source>
        <translation>A single word with digits or signs added (such as "Rostock2026!") is what attackers try first.</translation>
    </message>
    <message>
        <source>Die Passphrase ist zu leicht zu erraten.</source>
        <translation>The passphrase is too easy to guess.</translation>
    </message>
    <message>
        <source>Feld „{field}“: {memory_kib} KiB × {time_cost} Durchgänge sind zu viel Aufwand (höchstens {limit} KiB-Durchgänge)</source>
        <translation>field "{field}": {memory_kib} KiB × {time_cost} passes are too much work (at most {limit} KiB passes)</translation>
    </message>
    <message>
        <source>Feld „{field}“ muss eine ganze Zahl sein</source>
        <translation>field "{field}" must be a whole number</translation>
    </message>
    <message>
        <source>Feld „{field}“ muss zwischen {low} und {high} liegen (steht: {value})</source>
        <translation>field "{field}" must be between {low} and {high} (is: {value})</translation>
    </message>
    <message>
        <source>die Datei ist leer</source>
        <translation>the file is empty</translation>
    </message>
    <message>
        <source>der Inhalt ist kein JSON-Objekt</source>
        <translation>the content is not a JSON object</translation>
    </message>
    <message>
        <source>Feld „{field}“ fehlt</source>
        <translation>field "{field}" is missing</translation>
    </message>
    <message>
        <source>Feld „{field}“ muss ein Text sein</source>
        <translation>field "{field}" must be a text</translation>
    </message>
    <message>
        <source>Feld „{field}“ muss {low} bis {high} Zeichen lang sein</source>
        <translation>field "{field}" must be {low} to {high} characters long</translation>
    </message>
    <message>
        <source>Feld „{field}“ muss {low} bis {high} Byte lang sein (steht: {actual})</source>
        <translation>field "{field}" must be {low} to {high} bytes long (is: {actual})</translation>
    </message>
    <message>
        <source>Feld „{field}“ muss eine Liste sein</source>
        <translation>field "{field}" must be a list</translation>
    </message>
    <message>
        <source>Feld „{field}“ muss ein JSON-Objekt sein</source>
        <translation>field "{field}" must be a JSON object</translation>
    </message>
    <message>
        <source>Feld „{field}“ hat den unbekannten Wert „{value}“</source>
        <translation>field "{field}" has the unknown value "{value}"</translation>
    </message>
    <message>
        <source>Feld „{field}“ hat den unbekannten Eintrag „{value}“</source>
        <translation>field "{field}" has the unknown entry "{value}"</translation>
    </message>
    <message>
        <source>Feld „{field}“ muss leer sein oder 32 Hexadezimalziffern haben</source>
        <translation>field "{field}" must be empty or have 32 hexadecimal digits</translation>
    </message>
    <message>
        <source>keine UTF-8-Textdatei</source>
        <translation>not a UTF-8 text file</translation>
    </message>
    <message>
        <source>kein gültiges JSON</source>
        <translation>not valid JSON</translation>
    </message>
    <message>
        <source>kein gültiges JSON in Zeile {line}, Spalte {column}; die Datei ist vielleicht abgeschnitten</source>
        <translation>not valid JSON at line {line}, column {column}; the file may be truncated</translation>
    </message>
    <message>
        <source>Feld „{field}“ ist kein gültiges Base64</source>
        <translation>field "{field}" is not valid Base64</translation>
    </message>
    <message>
        <source>ein Feld hat einen unerwarteten Wert</source>
        <translation>a field has an unexpected value</translation>
    </message>
    <message>
        <source>Feld „{field}“: die Schlüsselplatz-Kennung „{value}“ kommt doppelt vor</source>
        <translation>field "{field}": the key slot id "{value}" appears twice</translation>
    </message>
    <message>
        <source>Feld „{field}“: für „{value}“ gibt es schon einen Schlüsselplatz dieser Art</source>
        <translation>field "{field}": "{value}" already has a key slot of this kind</translation>
    </message>
    <message>
        <source>Feld „{field}“ muss {size} Byte lang sein (steht: {actual})</source>
        <translation>field "{field}" must be {size} bytes long (is: {actual})</translation>
    </message>
    <message>
        <source>Eintrag {seq} nennt {actor} als Handelnde/n, ist aber von {signer} signiert.</source>
        <translation>Entry {seq} names {actor} as the actor but is signed by {signer}.</translation>
    </message>
    <message>
        <source>Eintrag {seq}: die Signatur von {signer} ist ungültig; der Eintrag ist gefälscht oder verändert.</source>
        <translation>Entry {seq}: {signer}'s signature is invalid; the entry is forged or altered.</translation>
    </message>
    <message>
        <source>Der in {where} festgehaltene Stand des Protokolls (Eintrag {seq}) ist nicht gültig signiert.</source>
        <translation>The state of the log recorded in {where} (entry {seq}) is not validly signed.</translation>
    </message>
    <message>
        <source>Das Protokoll endet bei Eintrag {last}, {where} hält aber schon Eintrag {seq} fest: Einträge wurden entfernt (oder eine ältere Sicherung zurückgespielt).</source>
        <translation>The log ends at entry {last}, but {where} already records entry {seq}: entries were removed (or an older backup was restored).</translation>
    </message>
    <message>
        <source>Eintrag {seq} weicht von dem in {where} festgehaltenen Stand ab: das Protokoll wurde neu geschrieben (oder eine ältere Sicherung zurückgespielt).</source>
        <translation>Entry {seq} differs from the state recorded in {where}: the log was rewritten (or an older backup was restored).</translation>
    </message>
    <message>
        <source>Eintrag {seq} ist nicht signiert.</source>
        <translation>Entry {seq} is not signed.</translation>
    </message>
    <message>
        <source>der Schlüsseldatei</source>
        <translation>the key file</translation>
    </message>
    <message>
        <source>der Sicherung {name}</source>
        <translation>the backup {name}</translation>
    </message>
    <message>
        <source>Nach dem Schlüsselwechsel hätte keine Administratorin und kein Administrator oder der Wiederherstellungsschlüssel keinen Zugang mehr; es wurde nichts verändert.</source>
        <translation>After the key change no admin, or the recovery key, would have access any more; nothing was changed.</translation>
    </message>
    <message>
        <source>Der Schlüssel dieses Zugangs ist in der Datenbank nicht (mehr) eingetragen: der Zugang wurde entfernt oder ersetzt. Wenden Sie sich an die Administration.</source>
        <translation>This login's key is not (or no longer) registered in the database: the access was removed or replaced. Please contact the administration.</translation>
    </message>
    <message>
        <source>Zugänge kann nur eine Administratorin oder ein Administrator mit eigenem Schlüsselpaar einrichten. Bei einer Schlüsseldatei im alten Format erneuern Sie zuerst den Datenbankschlüssel (sro-case rotate-key).</source>
        <translation>Only an admin with a key pair of their own can set up access. With a key file in the old format, first renew the database key (sro-case rotate-key).</translation>
    </message>
    <message>
        <source>Zum Schlüsselplatz „{login}“ gibt es keine Benutzerin und keinen Benutzer. Er wird nicht geöffnet; wenden Sie sich an die Administration.</source>
        <translation>There is no user for the key slot "{login}". It is not opened; please contact the administration.</translation>
    </message>
    <message>
        <source>Dieser Schlüsselplatz ist von keiner Administratorin und keinem Administrator bestätigt (seine Bindung fehlt oder stimmt nicht). Er wird nicht geöffnet; wenden Sie sich an die Administration.</source>
        <translation>No admin has confirmed this key slot (its binding is missing or does not match). It is not opened; please contact the administration.</translation>
    </message>
    <message>
        <source>Nur die Administration kann Zugänge bestätigen.</source>
        <translation>Only the administration can confirm access.</translation>
    </message>
    <message>
        <source>Feld „{field}“ muss 64 Hexadezimalziffern haben</source>
        <translation>field "{field}" must have 64 hexadecimal digits</translation>
    </message>
    <message>
        <source>Unbekannte Rolle „{role}“.</source>
        <translation>Unknown role "{role}".</translation>
    </message>
    <message>
        <source>Die Datenbank {name} enthält veränderte Trigger ({names}): jemand hat die Datei mit dem Datenbankschlüssel bearbeitet. Sie wird nicht geöffnet; stellen Sie die letzte Sicherung wieder her.</source>
        <translation>The database {name} contains altered triggers ({names}): someone edited the file with the database key. It is not opened; restore the last backup.</translation>
    </message>
    <message>
        <source>Die Schlüsseldatei wurde verändert: der Wiederherstellungsschlüssel darin ist nicht der, dem Ihr Zugang vertraut. Es wurde nichts geöffnet. Stellen Sie die Schlüsseldatei aus einer Sicherung wieder her und wenden Sie sich an die Administration.</source>
        <translation>The key file was altered: the recovery key in it is not the one your access trusts. Nothing was opened. Restore the key file from a backup and contact the administration.</translation>
    </message>
    <message>
        <source>steht in der Tabelle als Zahl ({value}), nicht als Text; führende Nullen gehen so verloren. Bitte die Spalte als Text formatieren und den Wert prüfen.</source>
        <translation>is stored in the spreadsheet as a number ({value}), not as text; leading zeros are lost that way. Please format the column as text and check the value.</translation>
    </message>
    <message>
        <source>„{value}“ enthält „?“ oder „�“: hier gingen beim Speichern der Datei Buchstaben verloren (Zeichensatz). Bitte die Datei als UTF-8 speichern oder den Namen berichtigen.</source>
        <translation>"{value}" contains "?" or "�": letters were lost here when the file was saved (character set). Please save the file as UTF-8 or correct the name.</translation>
    </message>
    <message>
        <source>Überprüfung fällig</source>
        <translation>Review due</translation>
    </message>
    <message>
        <source>Einwilligung von {name} abgelaufen</source>
        <translation>Consent of {name} expired</translation>
    </message>
    <message>
        <source>Einwilligung von {name} läuft ab</source>
        <translation>Consent of {name} expires</translation>
    </message>
    <message>
        <source>Abschluss</source>
        <translation>Closing</translation>
    </message>
    <message>
        <source>Abschluss und nächster Termin</source>
        <translation>Closing and next meeting</translation>
    </message>
    <message>
        <source>Angebote und Zuständigkeiten</source>
        <translation>Services and responsibilities</translation>
    </message>
    <message>
        <source>Anpassung der Ziele und Vereinbarungen</source>
        <translation>Adjusting goals and agreements</translation>
    </message>
    <message>
        <source>Begrüßung</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>Begrüßung und Anliegen</source>
        <translation>Welcome and concerns</translation>
    </message>
    <message>
        <source>Beratung</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <source>Fallbericht</source>
        <translation>Case report</translation>
    </message>
    <message>
        <source>Fallvorstellung</source>
        <translation>Case presentation</translation>
    </message>
    <message>
        <source>Hilfeart, Umfang, nächster Termin</source>
        <translation>Type of support, extent, next meeting</translation>
    </message>
    <message>
        <source>Methode</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Nächster Termin</source>
        <translation>Next meeting</translation>
    </message>
    <message>
        <source>Ressourcen</source>
        <translation>Resources</translation>
    </message>
    <message>
        <source>Ressourcen im Sozialraum</source>
        <translation>Resources in the social space</translation>
    </message>
    <message>
        <source>Rückblick und Zielüberprüfung</source>
        <translation>Review and goal check</translation>
    </message>
    <message>
        <source>Schlüsselfrage</source>
        <translation>Key question</translation>
    </message>
    <message>
        <source>Vereinbarungen</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <source>Vereinbarungen: wer macht was bis wann</source>
        <translation>Agreements: who does what by when</translation>
    </message>
    <message>
        <source>Veränderungen seit dem letzten Gespräch</source>
        <translation>Changes since the last meeting</translation>
    </message>
    <message>
        <source>Ziele und Indikatoren</source>
        <translation>Goals and indicators</translation>
    </message>
    <message>
        <source>Ziele und Vereinbarungen</source>
        <translation>Goals and agreements</translation>
    </message>
    <message>
        <source>Zielüberprüfung</source>
        <translation>Goal check</translation>
    </message>
    <message>
        <source>Insgesamt</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>{start} bis {end}</source>
        <translation>from {start} to {end}</translation>
    </message>
    <message>
        <source>Hilfen mit Beginn im Zeitraum {period}</source>
        <translation>Support services begun {period}</translation>
    </message>
    <message>
        <source>Begonnene Hilfen nach Sozialraum und Hilfeart</source>
        <translation>Support services begun, by social space and type</translation>
    </message>
    <message>
        <source>Begonnene Hilfen nach Sozialraum und Alter zu Beginn der Hilfe</source>
        <translation>Support services begun, by social space and age at the start</translation>
    </message>
    <message>
        <source>Begonnene Hilfen: Modellregionen und übrige Stadt nach Geschlecht</source>
        <translation>Support services begun: model regions and rest of the city, by sex</translation>
    </message>
    <message>
        <source>Laufende Hilfen am {day} nach Sozialraum und Hilfekategorie</source>
        <translation>Support services running on {day}, by social space and category</translation>
    </message>
    <message>
        <source>Hilfen, die am {day} liefen</source>
        <translation>Support services running on {day}</translation>
    </message>
    <message>
        <source>Beendete Hilfen nach Beendigungsgrund und Dauer</source>
        <translation>Support services ended, by reason and duration</translation>
    </message>
    <message>
        <source>Hilfen mit Ende im Zeitraum {period}</source>
        <translation>Support services ended {period}</translation>
    </message>
    <message>
        <source>Fälle nach Zahl der Fallkonferenzen im Zeitraum</source>
        <translation>Cases by number of case conferences in the period</translation>
    </message>
    <message>
        <source>Fälle mit mindestens einer Konferenz im Zeitraum {period}</source>
        <translation>Cases with at least one conference {period}</translation>
    </message>
    <message>
        <source>Konferenzen nach beteiligten Disziplinen</source>
        <translation>Conferences by disciplines taking part</translation>
    </message>
    <message>
        <source>Konferenzen im Zeitraum {period}, je Disziplin einmal gezählt</source>
        <translation>Conferences {period}, counted once per discipline</translation>
    </message>
    <message>
        <source>Ziele und mittlere Zielerreichung nach Sozialraum</source>
        <translation>Goals and mean goal attainment by social space</translation>
    </message>
    <message>
        <source>Ziele mit mindestens einer Überprüfung im Zeitraum {period} (letzte Bewertung)</source>
        <translation>Goals reviewed at least once {period} (latest rating)</translation>
    </message>
    <message>
        <source>Gefährdungseinschätzungen nach § 8a SGB VIII nach Ergebnis</source>
        <translation>Child protection assessments under § 8a SGB VIII, by outcome</translation>
    </message>
    <message>
        <source>Fälle mit Kinderschutzverfahren, eröffnet im Zeitraum {period}</source>
        <translation>Cases with a child protection procedure opened {period}</translation>
    </message>
    <message>
        <source>Gebundene Kosten der Hilfen und Sozialraumbudget</source>
        <translation>Committed cost of support services and social-space budget</translation>
    </message>
    <message>
        <source>Hilfen mit Kosten im Zeitraum {period} (Kosten anteilig für die Tage im Zeitraum)</source>
        <translation>Support services with cost {period} (cost pro rata for the days in the period)</translation>
    </message>
    <message>
        <source>Geschlecht: „divers“ ist mit „ohne Angabe“ zusammengefasst, weil sonst ein zu kleines Feld entstünde.</source>
        <translation>Sex: “diverse” is merged with “not stated”, since it would otherwise be too small a cell.</translation>
    </message>
    <message>
        <source>Modellregionen: {names}.</source>
        <translation>Model regions: {names}.</translation>
    </message>
    <message>
        <source>Eine Konferenz zählt bei jeder beteiligten Disziplin; die Summen sind Teilnahmen, nicht Konferenzen.</source>
        <translation>A conference counts for every discipline taking part; the totals are participations, not conferences.</translation>
    </message>
    <message>
        <source>Budget: Jahresbudget des Sozialraums anteilig für die Tage des Zeitraums. Kosten werden auch gesperrt, wenn eine Hilfe mehr als {share} % der Summe ausmacht.</source>
        <translation>Budget: the social space's annual budget pro rata for the days of the period. Costs are also withheld when one support service makes up more than {share} % of the sum.</translation>
    </message>
    <message>
        <source>Modellregion</source>
        <translation>Model region</translation>
    </message>
    <message>
        <source>übrige Stadt</source>
        <translation>rest of the city</translation>
    </message>
    <message>
        <source>Unbekannte Dokumentart „{kind}“.</source>
        <translation>Unknown kind of document “{kind}”.</translation>
    </message>
    <message>
        <source>--listen braucht HOST:PORT, z. B. 127.0.0.1:8443.</source>
        <translation>--listen needs HOST:PORT, e.g. 127.0.0.1:8443.</translation>
    </message>
    <message>
        <source>--out braucht die Endung .csv, .xlsx oder .pdf.</source>
        <translation>--out needs the extension .csv, .xlsx or .pdf.</translation>
    </message>
    <message>
        <source>--tls-cert und --tls-key gehören zusammen.</source>
        <translation>--tls-cert and --tls-key go together.</translation>
    </message>
    <message>
        <source>Anmeldename oder Passphrase stimmen nicht.</source>
        <translation>Login or passphrase is wrong.</translation>
    </message>
    <message>
        <source>Bitte einen Fachbereich angeben.</source>
        <translation>Please give a discipline.</translation>
    </message>
    <message>
        <source>Das Ende liegt vor dem Anfang.</source>
        <translation>The end lies before the start.</translation>
    </message>
    <message>
        <source>Das Zertifikat des Teamservers {url} ist nicht vertrauenswürdig; es wurde nichts gesendet.</source>
        <translation>The certificate of the team server {url} is not trusted; nothing was sent.</translation>
    </message>
    <message>
        <source>Das ist Ihnen nicht erlaubt.</source>
        <translation>You are not permitted to do this.</translation>
    </message>
    <message>
        <source>Den eigenen Zugang entfernt eine andere Admin.</source>
        <translation>Another admin removes your own account.</translation>
    </message>
    <message>
        <source>Der Fall wurde inzwischen geändert: Version {current} von {who} am {when} Uhr; Ihre Eingaben beruhen auf Version {expected}. Nichts wurde überschrieben – laden Sie den Fall neu und übernehmen Sie Ihre Eingaben.</source>
        <translation>The case was changed meanwhile: version {current} by {who} on {when}; your input rests on version {expected}. Nothing was overwritten – reload the case and apply your input again.</translation>
    </message>
    <message>
        <source>Der Teamserver meldet einen Fehler ({status}).</source>
        <translation>The team server reports an error ({status}).</translation>
    </message>
    <message>
        <source>Der Teamserver {url} antwortet nicht.</source>
        <translation>The team server {url} does not answer.</translation>
    </message>
    <message>
        <source>Der Teamserver {url} ist nicht erreichbar.</source>
        <translation>The team server {url} cannot be reached.</translation>
    </message>
    <message>
        <source>Die Anfrage hat eine ungültige Form.</source>
        <translation>The request has an invalid form.</translation>
    </message>
    <message>
        <source>Die Passphrase der Administration kommt aus SRO_CASE_PASSPHRASE.</source>
        <translation>The admin's passphrase comes from SRO_CASE_PASSPHRASE.</translation>
    </message>
    <message>
        <source>Die Passphrase des neuen Zugangs kommt aus SRO_CASE_NEW_PASSPHRASE.</source>
        <translation>The new account's passphrase comes from SRO_CASE_NEW_PASSPHRASE.</translation>
    </message>
    <message>
        <source>Die Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.</source>
        <translation>The session has expired. Please sign in again.</translation>
    </message>
    <message>
        <source>Die Version muss eine Zahl sein.</source>
        <translation>The version must be a number.</translation>
    </message>
    <message>
        <source>Es gibt keinen Zugang „{login}“.</source>
        <translation>There is no account “{login}”.</translation>
    </message>
    <message>
        <source>Fachbereich</source>
        <translation>Discipline</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>If-Match</source>
        <translation>If-Match</translation>
    </message>
    <message>
        <source>In dieser Datenbank ist der Teamserver bereits eingerichtet; nichts verändert.</source>
        <translation>The team server is already set up in this database; nothing was changed.</translation>
    </message>
    <message>
        <source>In dieser Datenbank ist noch kein Teamserver eingerichtet (server init).</source>
        <translation>No team server is set up in this database yet (server init).</translation>
    </message>
    <message>
        <source>Mit --server braucht es --user ANMELDENAME.</source>
        <translation>With --server, --user LOGIN is needed.</translation>
    </message>
    <message>
        <source>Nicht gefunden.</source>
        <translation>Not found.</translation>
    </message>
    <message>
        <source>Ohne --tls-cert und --tls-key lauscht der Teamserver nur auf diesem PC (127.0.0.1); für {host} braucht er ein Zertifikat.</source>
        <translation>Without --tls-cert and --tls-key the team server listens only on this PC (127.0.0.1); for {host} it needs a certificate.</translation>
    </message>
    <message>
        <source>Sie führen diesen Fall selbst.</source>
        <translation>You lead this case yourself.</translation>
    </message>
    <message>
        <source>Unverschlüsselte Verbindungen (http://) sind nur zu diesem PC erlaubt; verwenden Sie https://{host}.</source>
        <translation>Unencrypted connections (http://) are allowed only to this PC; use https://{host}.</translation>
    </message>
    <message>
        <source>Verbindung zum Teamserver {url} gestört.</source>
        <translation>The connection to the team server {url} failed.</translation>
    </message>
    <message>
        <source>Zu viele fehlgeschlagene Anmeldungen. Versuchen Sie es ab {time} Uhr erneut.</source>
        <translation>Too many failed sign-ins. Try again from {time}.</translation>
    </message>
    <message>
        <source>csv, xlsx oder pdf</source>
        <translation>csv, xlsx or pdf</translation>
    </message>
    <message>
        <source>ohne Fachbereich: nur die Stammdaten</source>
        <translation>without a discipline: the master data only</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>unbekannte Rolle „{role}“</source>
        <translation>unknown role “{role}”</translation>
    </message>
    <message>
        <source>„case-team add“ braucht --login.</source>
        <translation>“case-team add” needs --login.</translation>
    </message>
    <message>
        <source>„case-team remove“ braucht --login.</source>
        <translation>“case-team remove” needs --login.</translation>
    </message>
    <message>
        <source>„note add“ braucht --text.</source>
        <translation>“note add” needs --text.</translation>
    </message>
    <message>
        <source>„sro-case server“ braucht init, upgrade oder run.</source>
        <translation>“sro-case server” needs init, upgrade or run.</translation>
    </message>
    <message>
        <source>„user add“ braucht --login und --name.</source>
        <translation>“user add” needs --login and --name.</translation>
    </message>
    <message>
        <source>„user remove“ braucht --login.</source>
        <translation>“user remove” needs --login.</translation>
    </message>
    <message>
        <source>„{code}“ steht nicht im Katalog der Disziplinen.</source>
        <translation>“{code}” is not in the disciplines catalogue.</translation>
    </message>
    <message>
        <source>„{command}“ gibt es nur für eine Datenbankdatei (--db).</source>
        <translation>“{command}” exists only for a database file (--db).</translation>
    </message>
    <message>
        <source>„{login}“ gehört nicht zum Fallteam.</source>
        <translation>“{login}” is not in the case team.</translation>
    </message>
    <message>
        <source>„{login}“ gehört schon zum Fallteam.</source>
        <translation>“{login}” is already in the case team.</translation>
    </message>
    <message>
        <source>„{login}“ ist bereits vergeben.</source>
        <translation>“{login}” is already taken.</translation>
    </message>
    <message>
        <source>„{login}“ ist keine Fachkraft des Teamservers.</source>
        <translation>“{login}” is no caseworker of the team server.</translation>
    </message>
    <message>
        <source>„{url}“ ist keine Serveradresse (https://server:port).</source>
        <translation>“{url}” is no server address (https://server:port).</translation>
    </message>
    <message>
        <source>„sro-case server“ braucht init, upgrade, import-file oder run.</source>
        <translation>“sro-case server” needs init, upgrade, import-file or run.</translation>
    </message>
    <message>
        <source>Die Passphrase einer Admin der Datei kommt aus SRO_CASE_PASSPHRASE.</source>
        <translation>The passphrase of an admin of the file comes from SRO_CASE_PASSPHRASE.</translation>
    </message>
    <message>
        <source>Die Datei {name} wird nicht übernommen: ihre Prüfung meldet Fehler (sro-case check).</source>
        <translation>The file {name} is not moved: its check reports errors (sro-case check).</translation>
    </message>
    <message>
        <source>Diese Datei wurde bereits auf den Teamserver übernommen; nichts verändert.</source>
        <translation>This file was already moved to the team server; nothing was changed.</translation>
    </message>
    <message>
        <source>Der Teamserver enthält schon Fälle; eine Datei wird nur in einen leeren Teamserver übernommen.</source>
        <translation>The team server already holds cases; a file is moved only into an empty team server.</translation>
    </message>
    <message>
        <source>Der Teamserver ist noch nicht eingerichtet (server init).</source>
        <translation>The team server is not set up yet (server init).</translation>
    </message>
    <message>
        <source>Übernahme abgebrochen: Tabelle {table} hat in der Datei {here} und auf dem Teamserver {there} Zeilen; nichts wurde übernommen.</source>
        <translation>Move cancelled: table {table} has {here} rows in the file and {there} on the team server; nothing was moved.</translation>
    </message>
    <message>
        <source>Der Teamserver hat die Übernahme abgelehnt ({reason}); nichts wurde übernommen.</source>
        <translation>The team server refused the move ({reason}); nothing was moved.</translation>
    </message>
    <message>
        <source>unbekannte Spalte „{column}“</source>
        <translation>unknown column “{column}”</translation>
    </message>
    <message>
        <source>Auf dem Teamserver filtert die Fallliste bisher nur nach der Suche.</source>
        <translation>On the team server the case list filters only by the search so far.</translation>
    </message>
    <message>
        <source>Ein Wert der Anfrage liegt außerhalb des erlaubten Bereichs.</source>
        <translation>A value of the request is out of the allowed range.</translation>
    </message>
    <message>
        <source>sort</source>
        <translation>sort</translation>
    </message>
    <message>
        <source>Das Format folgt der Dateiendung: .csv, .xlsx oder .pdf.</source>
        <translation>The format follows the file extension: .csv, .xlsx or .pdf.</translation>
    </message>
    <message>
        <source>Die Daten des Teamservers sichert die IT der Stadt auf dem Server (pg_dump); auf diesem PC liegt keine Kopie.</source>
        <translation>The team server's data is backed up by the city's IT on the server (pg_dump); this PC holds no copy.</translation>
    </message>
    <message>
        <source>Die Prüfsumme muss SHA-256 (hex) sein.</source>
        <translation>The checksum must be SHA-256 (hex).</translation>
    </message>
    <message>
        <source>Die bisherige Passphrase stimmt nicht.</source>
        <translation>The current passphrase is wrong.</translation>
    </message>
    <message>
        <source>Diese Konferenz gehört nicht zu diesem Fall.</source>
        <translation>This conference does not belong to this case.</translation>
    </message>
    <message>
        <source>Löschfristen und das Löschen abgeschlossener Fälle gibt es auf dem Teamserver noch nicht; sie bleiben bis dahin Aufgabe der IT der Stadt.</source>
        <translation>Retention periods and the deletion of closed cases are not available on the team server yet; until then they remain the city IT's task.</translation>
    </message>
    <message>
        <source>Prüfsumme</source>
        <translation>Checksum</translation>
    </message>
    <message>
        <source>Bitte eine .csv- oder .xlsx-Datei importieren.</source>
        <translation>Please import a .csv or .xlsx file.</translation>
    </message>
    <message>
        <source>Die Datei {file} ist zu groß für einen Import (höchstens 50 MB).</source>
        <translation>The file {file} is too large for an import (at most 50 MB).</translation>
    </message>
    <message>
        <source>Die Datei {file} lässt sich nicht lesen.</source>
        <translation>The file {file} cannot be read.</translation>
    </message>
    <message>
        <source>Der Fall {file_number} existiert nicht.</source>
        <translation>Case {file_number} does not exist.</translation>
    </message>
    <message>
        <source>„{login}“ kann keinen Fall führen.</source>
        <translation>“{login}” cannot lead a case.</translation>
    </message>
</context>
</TS>
