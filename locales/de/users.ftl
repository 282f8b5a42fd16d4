# Die Benutzer einer Organisation: die Tabelle, Suche, Filter, Spalten und Seiten sowie ihr Schutz.

users-title-of = Benutzer von { $name }
users-back = Zurück zu den Organisationen
users-loading = Benutzer werden geladen…
users-protected-count = { $total ->
    [one] { $protected } von { $total } Benutzer geschützt
   *[other] { $protected } von { $total } Benutzern geschützt
}
users-free-licences = { $subscription ->
    [one] { $free } von { $subscription } Lizenz im Abonnement frei
   *[other] { $free } von { $subscription } Lizenzen im Abonnement frei
}
users-mode-automatic = Die Lizenzen dieser Organisation werden automatisch verwaltet: Jeder Benutzer ist geschützt, solange Lizenzen frei sind. Um selbst zu wählen, wer geschützt wird, stellen Sie die Lizenzverwaltung in ihren Einstellungen auf Manuell.
users-mode-settings = Einstellungen öffnen
users-synced = Zuletzt mit Microsoft 365 synchronisiert: { $when }.
users-never-synced = Noch nicht mit Microsoft 365 synchronisiert.

users-search = Nach Name oder E-Mail suchen
users-filters = Filter
users-filter-protection = Schutz
users-filter-kind = Art
users-filter-state = Status
users-filter-group = Gruppe
users-filter-backup = Letzte Sicherung
users-filter-any = Alle
users-clear-filters = Suche und Filter zurücksetzen
users-columns = Spalten
users-page-size = Benutzer pro Seite
users-range = { $total ->
    [one] { $first }–{ $last } von { $total } Benutzer
   *[other] { $first }–{ $last } von { $total } Benutzern
}
users-none = Kein Benutzer passt zur Suche und zu den Filtern.

column-name = Name
column-email = E-Mail
column-kind = Art
column-state = Status in Microsoft 365
column-groups = Gruppen
column-protection = Schutz
column-protected-since = Geschützt seit
column-last-backup = Letzte Sicherung

kind-user = Benutzer
kind-shared-mailbox = Freigegebenes Postfach
kind-room-mailbox = Raum
kind-equipment-mailbox = Ausstattung
state-enabled = Aktiv
state-sign-in-blocked = Anmeldung blockiert
state-deleted = Gelöscht
protection-protected = Geschützt
protection-unprotected = Nicht geschützt
backup-succeeded = Erfolgreich
backup-failed = Fehlgeschlagen
backup-never = Noch nie gesichert
backup-last = { $result } { $when }, { $items ->
    [one] { $items } Element
   *[other] { $items } Elemente
}

users-select = { $name } auswählen
users-select-page = Alle Benutzer dieser Seite auswählen
users-protect-user = { $name } schützen
users-selected = { $count ->
    [one] { $count } Benutzer ausgewählt
   *[other] { $count } Benutzer ausgewählt
}
users-select-all-matching = { $total ->
    [one] Den { $total } passenden Benutzer auswählen
   *[other] Alle { $total } passenden Benutzer auswählen
}
users-all-matching-selected = { $total ->
    [one] Der { $total } passende Benutzer ist ausgewählt.
   *[other] Alle { $total } passenden Benutzer sind ausgewählt.
}
users-clear-selection = Auswahl aufheben
users-protect = Schützen
users-deactivate = Schutz deaktivieren
users-working = XMS wird gefragt…

users-ask-protect = { $count ->
    [one] { $count } Benutzer schützen? Das belegt { $used } der { $free } freien Lizenzen.
   *[other] { $count } Benutzer schützen? Das belegt { $used } der { $free } freien Lizenzen.
}
users-ask-protect-one = { $name } schützen? Das belegt 1 der { $free } freien Lizenzen.
users-ask-deactivate = { $count ->
    [one] Den Schutz von { $count } Benutzer deaktivieren? Die Sicherungen bleiben erhalten, und { $freed } Lizenz wird frei.
   *[other] Den Schutz von { $count } Benutzern deaktivieren? Die Sicherungen bleiben erhalten, und { $freed } Lizenzen werden frei.
}
users-ask-deactivate-one = Den Schutz von { $name } deaktivieren? Die Sicherungen bleiben erhalten, und 1 Lizenz wird frei.
users-ask-no = Abbrechen
users-short = Nicht genug Lizenzen: Benötigt werden { $used }, frei sind { $free } (es fehlen { $short }). Nichts wurde geändert, die Auswahl bleibt erhalten. Wählen Sie weniger Benutzer, deaktivieren Sie den Schutz anderer oder fügen Sie dem Abonnement Lizenzen hinzu.
users-automatic-refused = Die Lizenzen dieser Organisation werden automatisch verwaltet, daher kann der Schutz nicht deaktiviert werden. Stellen Sie zuerst die Lizenzverwaltung in ihren Einstellungen auf Manuell.
users-selection-changed = { $count ->
    [one] Die gewählten Benutzer haben sich seit der Frage geändert: Die Änderung beträfe jetzt { $count } Benutzer. Nichts wurde geändert; nehmen Sie die Änderung erneut vor, um die neuen Zahlen zu sehen.
   *[other] Die gewählten Benutzer haben sich seit der Frage geändert: Die Änderung beträfe jetzt { $count } Benutzer. Nichts wurde geändert; nehmen Sie die Änderung erneut vor, um die neuen Zahlen zu sehen.
}
users-nothing-to-change = Die gewählten Benutzer sind bereits wie gewünscht: Es gibt nichts zu ändern.
users-protected-done = { $count ->
    [one] { $count } Benutzer ist jetzt geschützt.
   *[other] { $count } Benutzer sind jetzt geschützt.
}
users-deactivated-done = { $count ->
    [one] Der Schutz von { $count } Benutzer wurde deaktiviert.
   *[other] Der Schutz von { $count } Benutzern wurde deaktiviert.
}
