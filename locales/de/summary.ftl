# Die Übersicht über der Liste: wie viele Organisationen in jedem Zustand sind, der Aufmerksamkeit braucht.

needs-label = Braucht Aufmerksamkeit
needs-failed = { $count ->
    [one] { $count } letzte Sicherung fehlgeschlagen
   *[other] { $count } letzte Sicherungen fehlgeschlagen
}
needs-reauthorize = { $count } neu zu autorisieren
needs-never = { $count } noch nie gesichert
needs-worker-offline = { $count } mit Worker offline
needs-unprotected = { $count } mit ungeschützten Benutzern
needs-running = { $count ->
    [one] { $count } Sicherung läuft
   *[other] { $count } Sicherungen laufen
}
