# Der Editor benutzerdefinierter Sicherungsrichtlinien: Abschnitte, Zusammenfassung und nächste Ausführungen.

policy-title-of = Sicherungsrichtlinie für { $name }
policy-loading = Richtlinie wird geladen…
policy-back = Zurück zu den Organisationen
policy-kind-default = Diese Organisation verwendet die Standardrichtlinie von XMS. Beim Speichern wird daraus eine benutzerdefinierte Richtlinie.
policy-kind-custom = Diese Organisation hat eine benutzerdefinierte Richtlinie.
policy-restored = Ihre zuvor nicht gespeicherten Änderungen wurden wiederhergestellt. Speichern Sie sie, oder gehen Sie zurück, um sie zu verwerfen.
policy-password-differ = Die Kennwörter stimmen nicht überein: Geben Sie zweimal dasselbe Kennwort ein.
policy-next-runs-failed = Die nächsten Ausführungen konnten nicht ermittelt werden. { $reason }
policy-saved = Benutzerdefinierte Richtlinie gespeichert.
policy-reset-question = Zur Standardrichtlinie von XMS zurückkehren? Diese benutzerdefinierte Richtlinie wird verworfen.
policy-reset-yes = Benutzerdefinierte Richtlinie verwerfen
policy-reset-no = Benutzerdefinierte Richtlinie behalten
policy-reset-done = Es gilt wieder die Standardrichtlinie.
policy-discard-question = Ihre nicht gespeicherten Änderungen an dieser Richtlinie verwerfen?
policy-summary-heading = Was geschieht
policy-next-runs = Nächste Ausführungen
policy-conflict-title = Jemand anderes hat diese Richtlinie geändert, während Sie sie bearbeitet haben.
policy-conflict-text = Es wurde nichts überschrieben. Behalten Sie Ihre Version (sie ersetzt die andere), oder übernehmen Sie die andere (Ihre wird verworfen).
policy-save-fields = Einige Einstellungen erfordern Ihre Aufmerksamkeit: Beachten Sie die Meldungen in den jeweiligen Abschnitten. Es wurde nichts gespeichert.
policy-save-failed = Die Richtlinie wurde nicht gespeichert. { $reason } Ihre Änderungen bleiben erhalten.
policy-save = Richtlinie speichern
policy-reset = Zur Standardrichtlinie zurückkehren

scope-heading = Zu sichernde Daten
scope-mail = E-Mail
scope-mail-hint = Exchange-Nachrichten
scope-calendars = Kalender
scope-calendars-hint = Exchange-Kalender
scope-contacts = Kontakte
scope-contacts-hint = Exchange-Kontakte
scope-shared = Freigegebene Postfächer
scope-shared-hint = Zusätzlich zu den eigenen Postfächern der Benutzer; je eine Lizenz
scope-onedrive = OneDrive
scope-onedrive-hint = Dateien und Ordner mit Berechtigungen
scope-sharepoint = SharePoint-Websites
scope-sharepoint-hint = Listen, Bibliotheken und Versionen
scope-groups = Microsoft 365-Gruppen
scope-groups-hint = Gruppenpostfächer und -dateien
scope-whose = Wessen Daten
scope-all-users = Alle geschützten Benutzer
scope-chosen-groups = Mitglieder ausgewählter Gruppen
scope-group = { $members ->
    [one] { $name } ({ $members } Mitglied)
   *[other] { $name } ({ $members } Mitglieder)
}

schedule-heading = Zeitplan
plan-basic = Einfach
plan-basic-hint = Vollsicherung monatlich, inkrementell täglich.
plan-custom = Benutzerdefiniert
plan-custom-hint = Voll- und inkrementelle Sicherungen mit Häufigkeiten und Uhrzeiten Ihrer Wahl.
plan-forever-incremental = Dauerhaft inkrementell
plan-forever-incremental-hint = Eine Vollsicherung, danach nur noch inkrementelle.
plan-gfs = GFS
plan-gfs-hint = Vollsicherung monatlich, differenziell wöchentlich, inkrementell täglich.
schedule-time = Uhrzeit
schedule-full = Vollsicherung
schedule-incremental = Inkrementelle Sicherung
schedule-how-often = Wie oft
schedule-at = Uhrzeit
schedule-on = Wochentag
schedule-on-day = Tag des Monats
schedule-gfs-full-day = Vollsicherung am Tag
schedule-gfs-differential-day = Differenzielle Sicherung am
schedule-time-zone = Zeitzone
frequency-hourly = Stündlich
frequency-daily = Täglich
frequency-weekly = Wöchentlich
frequency-monthly = Monatlich

retention-heading = Aufbewahrung
retention-by-time = Kopien nach einer bestimmten Zeit löschen
retention-full-days = Vollkopien, Tage
retention-differential-days = Differenzielle Kopien, Tage
retention-incremental-days = Inkrementelle Kopien, Tage
retention-forever = Unbegrenzt aufbewahren

encryption-heading = Verschlüsselung
encryption-off = Aus
encryption-aes-cbc = AES-CBC
encryption-aes-gcm = AES-GCM
encryption-warning-label = Warnung:
encryption-warning = Bewahren Sie dieses Kennwort sicher auf. XMS speichert nur einen Fingerabdruck davon und kann es nicht wiederherstellen: Geht es verloren, können diese Sicherungen nicht wiederhergestellt werden.
encryption-password = Verschlüsselungskennwort
encryption-password-again = Verschlüsselungskennwort wiederholen
encryption-password-set = Ein Kennwort ist festgelegt. Es wird nie wieder angezeigt.
encryption-change-password = Kennwort ändern

placement-heading = Worker und Speicher
placement-worker = Worker
placement-default-worker = Standard-Worker der Organisation ({ $name })
placement-worker-offline = { $name } (offline)
placement-storage = Speicher

data-mail = E-Mails
data-calendars = Kalender
data-contacts = Kontakte
data-onedrive = OneDrive
data-sharepoint = SharePoint-Websites
data-groups = Microsoft 365-Gruppen
summary-whose-all = aller geschützten Benutzer
summary-whose-groups = der Mitglieder von { $groups }
summary-nothing = Noch wird nichts gesichert: Wählen Sie aus, was gesichert werden soll.
summary-what = Sichert { $data } { $whose }.
summary-what-shared = Sichert { $data } { $whose }, freigegebene Postfächer eingeschlossen.
summary-basic = Täglich um { $time } ({ $zone }): Vollsicherung am 1. jedes Monats, an den übrigen Tagen inkrementell.
summary-custom = Vollsicherung { $full }, inkrementell { $incremental } ({ $zone }).
summary-forever-incremental = Eine Vollsicherung, danach inkrementell { $incremental } ({ $zone }).
summary-gfs = Täglich um { $time } ({ $zone }): Vollsicherung { $day ->
    [29] am 29. jedes Monats (in kürzeren Monaten an deren letztem Tag)
    [30] am 30. jedes Monats (in kürzeren Monaten an deren letztem Tag)
    [31] am letzten Tag jedes Monats
   *[other] am { $day }. jedes Monats
}, differenziell { $weekday ->
    [monday] jeden Montag
    [tuesday] jeden Dienstag
    [wednesday] jeden Mittwoch
    [thursday] jeden Donnerstag
    [friday] jeden Freitag
    [saturday] jeden Samstag
   *[sunday] jeden Sonntag
}, an den übrigen Tagen inkrementell.
summary-keep-forever = Bewahrt jede Kopie unbegrenzt auf.
summary-keep = Bewahrt Vollkopien { $full ->
    [one] { $full } Tag
   *[other] { $full } Tage
} und inkrementelle Kopien { $incremental ->
    [one] { $incremental } Tag
   *[other] { $incremental } Tage
} lang auf.
summary-keep-gfs = Bewahrt Vollkopien { $full ->
    [one] { $full } Tag
   *[other] { $full } Tage
}, differenzielle { $differential ->
    [one] { $differential } Tag
   *[other] { $differential } Tage
} und inkrementelle { $incremental ->
    [one] { $incremental } Tag
   *[other] { $incremental } Tage
} lang auf.
summary-placement = { $encryption ->
    [aes-cbc] Mit AES-CBC verschlüsselt.
    [aes-gcm] Mit AES-GCM verschlüsselt.
   *[off] Nicht verschlüsselt.
} Ausgeführt von { $worker }, gespeichert in { $storage }.
recurrence-hourly = stündlich zur Minute { $minute }
recurrence-daily = täglich um { $time }
recurrence-weekly = { $weekday ->
    [monday] jeden Montag
    [tuesday] jeden Dienstag
    [wednesday] jeden Mittwoch
    [thursday] jeden Donnerstag
    [friday] jeden Freitag
    [saturday] jeden Samstag
   *[sunday] jeden Sonntag
} um { $time }
recurrence-monthly = { $day ->
    [29] am 29. jedes Monats (in kürzeren Monaten an deren letztem Tag)
    [30] am 30. jedes Monats (in kürzeren Monaten an deren letztem Tag)
    [31] am letzten Tag jedes Monats
   *[other] am { $day }. jedes Monats
} um { $time }

kind-full = vollständig
kind-differential = differenziell
kind-incremental = inkrementell
run-time = { $day } { $time }
run-described = { $time } { $kind }
next-runs = Nächste: { $next }
next-runs-with-full = Nächste: { $next }, { $full }
next-runs-none = Keine Ausführung geplant.
