# Historia kopii zapasowych organizacji (src/history.rs).

history-title-of = Historia kopii zapasowych: { $name }
history-back = Wróć do organizacji
history-loading = Wczytywanie historii kopii zapasowych…
history-filters = Pokaż uruchomienia
history-filter-result = Wynik
history-filter-any = Wszystkie
history-result-failed = Nieudane
history-result-warnings = Udane z pominiętymi elementami
history-result-succeeded = Udane
history-result-cancelled = Anulowane
history-result-active = W kolejce lub w toku
history-filter-from = Od
history-filter-to = Do
history-clear-filters = Wyczyść filtry
history-period-backwards = Okres kończy się, zanim się zacznie: wybierz dzień „Do” nie wcześniejszy niż dzień „Od”.
history-none = Żadne uruchomienie nie pasuje do filtrów.
history-retention = XMS przechowuje uruchomienia przez { $days ->
    [one] { $days } dzień
    [few] { $days } dni
    [many] { $days } dni
   *[other] { $days } dnia
}, a ostatnią kopię zapasową i najnowszą kopię pełną zawsze.
history-export = { $count ->
    [one] Eksportuj { $count } pokazane uruchomienie do CSV
    [few] Eksportuj { $count } pokazane uruchomienia do CSV
    [many] Eksportuj { $count } pokazanych uruchomień do CSV
   *[other] Eksportuj { $count } pokazanego uruchomienia do CSV
}
history-export-file = Historia kopii zapasowych { $name }.csv
history-range = Uruchomienia { $first }–{ $last } z { $total }
history-page-size = Uruchomień na stronie
history-details = Szczegóły
history-details-label = Szczegóły uruchomienia zleconego { $when }

history-column-asked = Zlecono
history-column-started = Rozpoczęto
history-column-finished = Zakończono
history-column-result = Wynik
history-column-kind = Rodzaj
history-column-trigger = Uruchomił
history-column-duration = Czas trwania
history-column-duration-seconds = Czas trwania (sekundy)
history-column-items = Elementy
history-column-size = Rozmiar
history-column-bytes = Rozmiar (bajty)
history-column-skipped = Pominięte elementy
history-column-details = Uruchomienie
history-column-run = Uruchomienie

history-queued = W kolejce
history-running = W toku: { $percent } %
history-succeeded = Udana
history-warnings = { $skipped ->
    [one] Udana, pominięto { $skipped } element
    [few] Udana, pominięto { $skipped } elementy
    [many] Udana, pominięto { $skipped } elementów
   *[other] Udana, pominięto { $skipped } elementu
}
history-failed = Nieudana: { $reason }
history-cancelled = Anulowana
history-kind-full = Pełna
history-kind-differential = Różnicowa
history-kind-incremental = Przyrostowa
history-trigger-scheduled = Harmonogram
history-trigger-manual = Administrator
history-skip-too-large = Za duży do kopii zapasowej: pomijany, dopóki się nie zmniejszy
history-skip-throttled = Microsoft Graph ograniczył żądania: następne uruchomienie go skopiuje
history-skip-access-denied = Microsoft 365 odmówił dostępu: pomijany, dopóki dostęp nie zostanie przyznany
history-hours-minutes = { $hours } godz. { $minutes } min
history-minutes-seconds = { $minutes } min { $seconds } s
history-seconds = { $seconds } s
history-bytes = { $bytes } B
history-size = { $amount } { $unit }

history-chart-title = Czas trwania i elementy pokazanych uruchomień, od najstarszego
history-chart-summary = { $runs ->
    [one] { $runs } uruchomienie
    [few] { $runs } uruchomienia
    [many] { $runs } uruchomień
   *[other] { $runs } uruchomienia
}, { $failed ->
    [one] { $failed } nieudane
    [few] { $failed } nieudane
    [many] { $failed } nieudanych
   *[other] { $failed } nieudanego
}; najdłuższe trwało { $longest }, najwięcej elementów w jednym uruchomieniu: { $most }. Tabela uruchomień podaje liczby każdego z nich.
history-chart-duration = Słupek: czas trwania (najdłużej { $longest })
history-chart-items = Linia: elementy (najwięcej { $most })
history-chart-failed = Nieudane uruchomienie

history-run-loading = Wczytywanie uruchomienia…
history-run-title = Uruchomienie zlecone { $when }
history-run-close = Zamknij szczegóły uruchomienia
history-skipped-none = Niczego nie pominięto ani nie odłożono.
history-skipped-caption = { $count ->
    [one] { $count } element pominięty lub odłożony
    [few] { $count } elementy pominięte lub odłożone
    [many] { $count } elementów pominiętych lub odłożonych
   *[other] { $count } elementu pominiętego lub odłożonego
}
history-skipped-user = Użytkownik
history-skipped-item = Element
history-skipped-reason = Powód
history-skipped-site = Witryna
