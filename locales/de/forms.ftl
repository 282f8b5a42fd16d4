# Was an einem Feld falsch ist, nach dem Code von XMS (die eigenen Prüfungen der Editoren sagen dasselbe).

field-scope = Wählen Sie mindestens eine Art von Daten für die Sicherung.
field-groups = Wählen Sie mindestens eine Gruppe, oder sichern Sie alle geschützten Benutzer.
field-group-gone = Eine der gewählten Gruppen gibt es in dieser Organisation nicht mehr. Wählen Sie unter ihren Gruppen.
field-time-zone = XMS kennt diese Zeitzone nicht. Wählen Sie eine wie Europe/Warsaw oder UTC.
field-time = Geben Sie die Uhrzeit als HH:MM im 24-Stunden-Format ein, etwa 22:00.
field-day = Wählen Sie einen Tag des Monats von 1 bis 31.
field-full-days = Bewahren Sie Vollkopien mindestens { $limit ->
    [one] { $limit } Tag
   *[other] { $limit } Tage
    } auf: neuere Kopien bauen auf ihnen auf.
field-differential-days = Bewahren Sie differenzielle Kopien mindestens { $limit } Tage auf: eine differenzielle Sicherung läuft wöchentlich.
field-incremental-days = Bewahren Sie inkrementelle Kopien mindestens { $limit ->
    [one] { $limit } Tag
   *[other] { $limit } Tage
    } auf.
field-days-too-long = Bewahren Sie Kopien höchstens { $limit } Tage auf; um sie länger aufzubewahren, bewahren Sie sie für immer auf.
field-differential-not-gfs = Nur der GFS-Zeitplan erstellt differenzielle Kopien: lassen Sie dieses Feld leer.
field-password-short = Das Verschlüsselungspasswort muss mindestens { $limit } Zeichen haben.
field-password-required = Geben Sie ein Verschlüsselungspasswort mit mindestens { $limit } Zeichen ein. Bewahren Sie es sicher auf: ohne es lassen sich verschlüsselte Kopien nicht wiederherstellen.
field-worker = Wählen Sie einen der aufgeführten Worker.
field-storage = Wählen Sie einen der aufgeführten Speicher.
field-licence-mode = Wählen Sie automatische oder manuelle Lizenzverwaltung.
field-interval = Wählen Sie eines der aufgeführten Intervalle.

sync-now = Jetzt synchronisieren
sync-running = Benutzer werden synchronisiert…
sync-done = Benutzer synchronisiert.
sync-failed = Die Synchronisierung wurde nicht ausgeführt. { $reason }

# A paged list's pager.
pager-pages = Seiten
pager-previous = Vorherige Seite
pager-next = Nächste Seite
pager-page-of = Seite { $page } von { $pages }

# Speichern in den Editoren, ungespeicherte Änderungen verwerfen und ein neuerer Stand von jemand anderem.
form-saving = Wird gespeichert…
discard-yes = Änderungen verwerfen
discard-no = Weiter bearbeiten
conflict-keep-mine = Meine behalten
conflict-take-theirs = Gespeicherte übernehmen
