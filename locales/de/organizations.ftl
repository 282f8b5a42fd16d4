# Das Dashboard: die Liste der Organisationen mit Filter und Sortierung sowie die Kachel jeder Organisation.

list-loading = Organisationen werden geladen…
list-label = Organisationen
list-count = { $total ->
    [one] { $total } Organisation
   *[other] { $total } Organisationen
}
list-count-filtered = { $total ->
    [one] { $shown } von { $total } Organisation angezeigt
   *[other] { $shown } von { $total } Organisationen angezeigt
}
list-empty-title = Es ist noch keine Microsoft 365-Organisation verbunden.
list-empty-text = Verbinden Sie eine Organisation, um ihre Sicherung hier zu verwalten.
list-no-match = Keine Organisation entspricht „{ $filter }“.
list-clear-filter = Filter löschen
live-interrupted = Liveupdates sind unterbrochen; die Verbindung wird wiederhergestellt. Bis dahin werden die Organisationen alle paar Sekunden neu geladen.
live-interrupted-outdated = Liveupdates sind unterbrochen, und XMS ist nicht erreichbar: Die angezeigten Daten sind möglicherweise veraltet. Neuer Versuch alle paar Sekunden.

toolbar-filter = Nach Name oder Domäne filtern
toolbar-sort = Sortieren nach
sort-name = Name
sort-status = Status, Handlungsbedarf zuerst
sort-last-backup = Letzte Sicherung, älteste zuerst

status-healthy = Geschützt
status-failed = Letzte Sicherung fehlgeschlagen
status-running = Sicherung wird ausgeführt
status-reauthorize = Erneute Autorisierung erforderlich
status-never = Noch nie gesichert

tile-reauthorize-hint = XMS kann nicht mehr auf ihre Daten zugreifen.
tile-reauthorize-link = Unter „Bearbeiten“ erneut autorisieren
tile-problem-consent = Die Administratorzustimmung für ihre App wurde widerrufen.
tile-problem-permission = Ihrer App fehlen Berechtigungen, die XMS braucht.
tile-problem-expired = Ihr geheimer Clientschlüssel ist abgelaufen.
tile-problem-rejected = Ihr geheimer Clientschlüssel wurde abgelehnt.
tile-problem-application = Ihre App wurde in Entra gelöscht.
tile-problem-unreadable = Ihre gespeicherten Anmeldedaten sind unlesbar.
tile-secret-expires = Ihr geheimer Clientschlüssel verfällt
tile-secret-link = Unter „Bearbeiten“ ersetzen
tile-problem-certificate-expired = Ihr Zertifikat ist abgelaufen.
tile-problem-certificate-rejected = Ihr Zertifikat wurde abgelehnt.
tile-certificate-expires = Ihr Zertifikat verfällt
tile-protected-users = Geschützte Benutzer
tile-users-protected = { $protected } von { $total }
tile-users-link-label = { tile-protected-users } von { $name }: { tile-users-protected }
tile-licences = Verwendete Lizenzen
tile-last-backup = Letzte Sicherung
tile-last-backup-none = Noch keine
tile-last-backup-succeeded = { $items ->
    [one] Erfolgreich, { $items } Element
   *[other] Erfolgreich, { $items } Elemente
}
tile-last-backup-failed = Fehlgeschlagen: { $reason }
tile-history-link-label = Sicherungsverlauf von { $name }: { $result }
tile-next-backup = Nächste Sicherung
tile-next-backup-none = Bis zur erneuten Autorisierung keine geplant
tile-policy = Richtlinie
tile-policy-default = Standardrichtlinie
tile-policy-custom = Benutzerdefinierte Richtlinie
tile-worker = Worker
tile-worker-offline = (offline: Sicherungen warten auf ihn)
tile-run-backup = Sicherung ausführen
tile-run-backup-label = Sicherung ausführen für { $name }
tile-cancel-backup = Sicherung abbrechen
tile-cancel-backup-label = Sicherung abbrechen für { $name }
tile-custom-policy = Benutzerdefinierte Richtlinie
tile-custom-policy-label = Benutzerdefinierte Richtlinie von { $name }
tile-edit = Bearbeiten
tile-edit-label = { $name } bearbeiten

progress-label = Sicherung von { $name }
progress-running = { NUMBER($done, style: "percent") } · { $items_done } von { $items_total ->
    [one] { $items_total } Element
   *[other] { $items_total } Elementen
}
progress-queued = In der Warteschlange, wartet auf den Worker

announce-backup-started = Sicherung von { $name } gestartet.
announce-backup-progress = Sicherung von { $name }: { NUMBER($done, style: "percent") } abgeschlossen.
announce-backup-succeeded = { $items ->
    [one] Die Sicherung von { $name } war erfolgreich: { $items } Element.
   *[other] Die Sicherung von { $name } war erfolgreich: { $items } Elemente.
}
announce-backup-failed = Die Sicherung von { $name } ist fehlgeschlagen: { $reason }
announce-backup-ended = Die Sicherung von { $name } wurde vorzeitig beendet.

# The button that opens the Connect dialog (its own words come with the dialog).
connect-button = Verbinden
