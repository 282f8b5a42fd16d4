# Das Bearbeitungsfenster einer Organisation: Lizenzverwaltung, Benutzersynchronisierung und Standard-Worker.

licence-heading = Lizenzverwaltung
licence-automatic = Automatisch
licence-automatic-hint = Alle Microsoft 365-Benutzer erhalten eine Lizenz und werden geschützt, neue Benutzer, sobald sie hinzukommen.
licence-manual = Manuell
licence-manual-hint = Sie wählen aus, welche Benutzer geschützt werden.
licence-users-link = Geschützte Benutzer ansehen und auswählen
licence-preview-all-protected = Alle Benutzer sind bereits geschützt; neue Benutzer werden geschützt, sobald sie hinzukommen.
licence-preview = Durch den Wechsel { $users ->
    [one] wird { $users } derzeit ungeschützter Benutzer
   *[other] werden { $users } derzeit ungeschützte Benutzer
} geschützt; dafür { $used ->
    [one] wird { $used }
   *[other] werden { $used }
} der { $free ->
    [one] { $free } freien Lizenz
   *[other] { $free } freien Lizenzen
} verwendet.
licence-shortfall-warning = Warnung: Nicht genügend Lizenzen.
licence-shortfall = { $free ->
    [one] Nur { $free } Lizenz ist frei
   *[other] Nur { $free } Lizenzen sind frei
}, daher { $users ->
    [one] bliebe { $users } Benutzer ungeschützt
   *[other] blieben { $users } Benutzer ungeschützt
}. Fügen Sie Ihrem Xopero ONE-Abonnement Lizenzen hinzu, oder schützen Sie Benutzer weiterhin manuell.

sync-heading = Intervall der Benutzersynchronisierung
sync-interval = { $hours ->
    [one] Stündlich
   *[other] Alle { $hours } Stunden
}
sync-interval-daily = Alle 24 Stunden (täglich)
sync-last = Letzte Synchronisierung: { $ago } ({ $at }).
sync-last-none = Es wurde noch keine Synchronisierung ausgeführt.
sync-next = Nächste Synchronisierung: { $when } ({ $at }).
sync-next-none = Bis zur erneuten Autorisierung der Organisation wird keine Synchronisierung ausgeführt.

worker-heading = Standard-Worker
worker-cloud = Cloud
worker-local = Lokal
worker-online = Online
worker-offline = Offline
worker-main = Haupt-Worker
worker-offline-warning = Warnung:
worker-offline-text = { $name } ist offline. Die Sicherungen dieser Organisation warten, bis er wieder online ist.
worker-use-anyway = Trotzdem verwenden

conflict-title = Jemand anderes hat diese Einstellungen geändert, während Sie sie bearbeitet haben.
conflict-text = Es wurde nichts überschrieben. Vergleichen Sie die Einstellungen, und behalten Sie dann Ihre oder übernehmen Sie die gespeicherten.
conflict-caption = Ihre Einstellungen neben den gespeicherten
conflict-setting = Einstellung
conflict-yours = Ihre
conflict-theirs = Von jemand anderem gespeichert
conflict-differs = { " " }(abweichend)

remove-heading = Organisation entfernen
remove-start = Organisation entfernen…
remove-explained = Durch das Entfernen von { $name } werden ihre Sicherungen beendet, und die Organisation wird samt ihren Einstellungen aus XMS entfernt. Bereits erstellte Sicherungen bleiben bis zum Ende ihrer Aufbewahrungsdauer im Speicher. Um die Organisation wieder zu sichern, verbinden Sie sie erneut.
remove-type-name = Geben Sie zur Bestätigung { $name } ein
remove-confirm = { $name } entfernen
remove-keep = Behalten
remove-done = { $name } wurde aus XMS entfernt.
remove-failed = { $name } wurde nicht entfernt. { $reason }

edit-title = { $name } bearbeiten
edit-loading = Einstellungen werden geladen…
edit-discard-question = Nicht gespeicherte Änderungen an diesen Einstellungen verwerfen?
edit-restored = Ihre zuvor nicht gespeicherten Änderungen wurden wiederhergestellt. Speichern Sie sie, oder schließen Sie das Fenster, um sie zu verwerfen.
edit-save-fields = Einige Einstellungen erfordern Ihre Aufmerksamkeit: Beachten Sie die Meldungen darunter. Es wurde nichts gespeichert.
edit-save-failed = Ihre Änderungen wurden nicht gespeichert. { $reason } Ihre Änderungen bleiben erhalten.
edit-saved = Einstellungen gespeichert.
edit-save = Speichern
edit-close = Schließen
edit-no-changes = Keine Änderungen zum Speichern.
problem-worker-offline = { $name } ist offline: Bestätigen Sie, dass Sicherungen auf ihn warten dürfen.

reauthorize-heading = Autorisierung
reauthorize-text = XMS sichert diese Organisation mit der Zustimmung, die ein globaler Administrator beim Verbinden erteilt hat. Wurde diese Zustimmung widerrufen oder ist sie abgelaufen, melden Sie sich erneut an, um sie zu erneuern.
reauthorize-application = Diese Organisation meldet sich mit ihrer eigenen Anwendung ({ $client_id }) an, deren geheimer Clientschlüssel am { $date } abläuft. Um vorher einen neuen Schlüssel einzugeben oder nachdem die Zustimmung widerrufen wurde, autorisieren Sie sie erneut.
reauthorize-certificate = Diese Organisation meldet sich mit ihrer eigenen Anwendung ({ $client_id }) und einem von XMS erstellten Zertifikat (Fingerabdruck { $thumbprint }) an, das bis { $date } gültig ist. Um das Zertifikat vorher zu ersetzen oder nachdem die Zustimmung widerrufen wurde, autorisieren Sie sie erneut.
reauthorize-button = Erneut autorisieren
