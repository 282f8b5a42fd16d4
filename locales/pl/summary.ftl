# Podsumowanie nad listą organizacji: ile organizacji jest w każdym stanie wymagającym uwagi.

needs-label = Wymaga uwagi
needs-failed = { $count ->
    [one] { $count } nieudana ostatnia kopia
    [few] { $count } nieudane ostatnie kopie
    [many] { $count } nieudanych ostatnich kopii
   *[other] { $count } nieudanej ostatniej kopii
}
needs-reauthorize = { $count } do ponownej autoryzacji
needs-secret-expiring = { $count } z wygasającym kluczem tajnym klienta lub certyfikatem
needs-never = { $count } bez kopii zapasowej
needs-worker-offline = { $count } z workerem offline
needs-unprotected = { $count } z niechronionymi użytkownikami
needs-licences-short = { $count } z brakiem licencji
needs-running = { $count ->
    [one] { $count } kopia w toku
    [few] { $count } kopie w toku
    [many] { $count } kopii w toku
   *[other] { $count } kopii w toku
}

# Wybór kafelków lub tabeli obok podsumowania oraz sama tabela z zaznaczaniem.

layout-label = Pokaż organizacje jako
layout-tiles = Kafelki
layout-table = Tabela
compact-organization = Organizacja
compact-status = Stan
compact-actions = Działania
compact-select-shown = Zaznacz wszystkie pokazane organizacje
compact-select = Zaznacz { $name }
compact-selection = Zaznaczone organizacje
compact-selected = { $count ->
    [0] Nie zaznaczono żadnej organizacji
    [one] Zaznaczono { $count } organizację
    [few] Zaznaczono { $count } organizacje
    [many] Zaznaczono { $count } organizacji
   *[other] Zaznaczono { $count } organizacji
}
compact-run-selected = Uruchom kopię zapasową zaznaczonych
compact-clear-selection = Wyczyść zaznaczenie
compact-started = { $count ->
    [one] Uruchomiono kopię zapasową organizacji { $names }.
    [few] Uruchomiono kopie zapasowe { $count } organizacji: { $names }.
    [many] Uruchomiono kopie zapasowe { $count } organizacji: { $names }.
   *[other] Uruchomiono kopie zapasowe { $count } organizacji: { $names }.
}
compact-refused = { $count ->
    [one] XMS odmówił { $count } kopii zapasowej:
    [few] XMS odmówił { $count } kopii zapasowych:
    [many] XMS odmówił { $count } kopii zapasowych:
   *[other] XMS odmówił { $count } kopii zapasowych:
}
compact-refusal = { $name }: { $reason }
