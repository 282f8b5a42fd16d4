# Die Übersicht über der Liste: wie viele Organisationen in jedem Zustand sind, der Aufmerksamkeit braucht.

needs-label = Braucht Aufmerksamkeit
needs-failed = { $count ->
    [one] { $count } letzte Sicherung fehlgeschlagen
   *[other] { $count } letzte Sicherungen fehlgeschlagen
}
needs-reauthorize = { $count } neu zu autorisieren
needs-secret-expiring = { $count } mit ablaufendem geheimem Clientschlüssel oder Zertifikat
needs-never = { $count } noch nie gesichert
needs-worker-offline = { $count } mit Worker offline
needs-unprotected = { $count } mit ungeschützten Benutzern
needs-licences-short = { $count } mit zu wenigen Lizenzen
needs-running = { $count ->
    [one] { $count } Sicherung läuft
   *[other] { $count } Sicherungen laufen
}

# Die Wahl zwischen Kacheln und Tabelle neben der Übersicht, und die Tabelle mit ihrer Auswahl.

layout-label = Organisationen anzeigen als
layout-tiles = Kacheln
layout-table = Tabelle
compact-organization = Organisation
compact-status = Status
compact-actions = Aktionen
compact-select-shown = Alle angezeigten Organisationen auswählen
compact-select = { $name } auswählen
compact-selection = Ausgewählte Organisationen
compact-selected = { $count ->
    [0] Keine Organisation ausgewählt
    [one] { $count } Organisation ausgewählt
   *[other] { $count } Organisationen ausgewählt
}
compact-run-selected = Sicherung der ausgewählten ausführen
compact-clear-selection = Auswahl aufheben
compact-started = { $count ->
    [one] Sicherung gestartet für { $names }.
   *[other] Sicherungen gestartet für { $count } Organisationen: { $names }.
}
compact-refused = { $count ->
    [one] XMS hat { $count } Sicherung abgelehnt:
   *[other] XMS hat { $count } Sicherungen abgelehnt:
}
compact-refusal = { $name }: { $reason }
