# Der Sicherungsverlauf einer Organisation (src/history.rs).

history-title-of = Sicherungsverlauf von { $name }
history-back = Zurück zu den Organisationen
history-loading = Sicherungsverlauf wird geladen…
history-filters = Läufe anzeigen
history-filter-result = Ergebnis
history-filter-any = Alle
history-result-failed = Fehlgeschlagen
history-result-warnings = Erfolgreich mit übersprungenen Elementen
history-result-succeeded = Erfolgreich
history-result-cancelled = Abgebrochen
history-result-active = Wartend oder laufend
history-filter-from = Von
history-filter-to = Bis
history-clear-filters = Filter zurücksetzen
history-period-backwards = Der Zeitraum endet, bevor er beginnt: Wählen Sie als „Bis“ einen Tag am oder nach dem „Von“-Tag.
history-none = Keine Läufe entsprechen den Filtern.
history-retention = XMS bewahrt Läufe { $days } Tage auf, die letzte Sicherung und die neueste Vollsicherung immer.
history-export = { $count ->
    [one] { $count } angezeigten Lauf als CSV exportieren
   *[other] { $count } angezeigte Läufe als CSV exportieren
}
history-export-file = Sicherungsverlauf von { $name }.csv
history-range = Läufe { $first }–{ $last } von { $total }
history-page-size = Läufe pro Seite
history-details = Details
history-details-label = Details des Laufs, angefordert am { $when }

history-column-asked = Angefordert
history-column-started = Begonnen
history-column-finished = Beendet
history-column-result = Ergebnis
history-column-kind = Art
history-column-trigger = Gestartet von
history-column-duration = Dauer
history-column-duration-seconds = Dauer (Sekunden)
history-column-items = Elemente
history-column-size = Größe
history-column-bytes = Größe (Bytes)
history-column-skipped = Übersprungene Elemente
history-column-details = Lauf
history-column-run = Lauf

history-queued = Wartend
history-running = Läuft: { $percent } %
history-succeeded = Erfolgreich
history-warnings = { $skipped ->
    [one] Erfolgreich, { $skipped } Element übersprungen
   *[other] Erfolgreich, { $skipped } Elemente übersprungen
}
history-failed = Fehlgeschlagen: { $reason }
history-cancelled = Abgebrochen
history-kind-full = Voll
history-kind-differential = Differenziell
history-kind-incremental = Inkrementell
history-trigger-scheduled = Zeitplan
history-trigger-manual = Administrator
history-skip-too-large = Zu groß für die Sicherung: übersprungen, bis es kleiner ist
history-skip-throttled = Microsoft Graph hat die Anfragen gedrosselt: Der nächste Lauf sichert es
history-skip-access-denied = Zugriff von Microsoft 365 verweigert: übersprungen, bis der Zugriff gewährt ist
history-hours-minutes = { $hours } Std. { $minutes } Min.
history-minutes-seconds = { $minutes } Min. { $seconds } Sek.
history-seconds = { $seconds } Sek.
history-bytes = { $bytes } B
history-size = { $amount } { $unit }

history-chart-title = Dauer und Elemente der angezeigten Läufe, älteste zuerst
history-chart-summary = { $runs ->
    [one] { $runs } Lauf
   *[other] { $runs } Läufe
}, { $failed } fehlgeschlagen; der längste dauerte { $longest }, die meisten Elemente in einem Lauf: { $most }. Die Tabelle der Läufe nennt die Zahlen jedes Laufs.
history-chart-duration = Balken: Dauer (längste { $longest })
history-chart-items = Linie: Elemente (meiste { $most })
history-chart-failed = Fehlgeschlagener Lauf

history-run-loading = Lauf wird geladen…
history-run-title = Lauf, angefordert am { $when }
history-run-close = Details des Laufs schließen
history-skipped-none = Nichts wurde übersprungen oder verschoben.
history-skipped-caption = { $count ->
    [one] { $count } Element übersprungen oder verschoben
   *[other] { $count } Elemente übersprungen oder verschoben
}
history-skipped-user = Benutzer
history-skipped-item = Element
history-skipped-reason = Grund
history-skipped-site = Website
