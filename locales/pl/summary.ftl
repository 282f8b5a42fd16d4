# Podsumowanie nad listą organizacji: ile organizacji jest w każdym stanie wymagającym uwagi.

needs-label = Wymaga uwagi
needs-failed = { $count ->
    [one] { $count } nieudana ostatnia kopia
    [few] { $count } nieudane ostatnie kopie
    [many] { $count } nieudanych ostatnich kopii
   *[other] { $count } nieudanej ostatniej kopii
}
needs-reauthorize = { $count } do ponownej autoryzacji
needs-never = { $count } bez kopii zapasowej
needs-worker-offline = { $count } z workerem offline
needs-unprotected = { $count } z niechronionymi użytkownikami
needs-running = { $count ->
    [one] { $count } kopia w toku
    [few] { $count } kopie w toku
    [many] { $count } kopii w toku
   *[other] { $count } kopii w toku
}
