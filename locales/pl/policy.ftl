# Edytor niestandardowych zasad kopii zapasowych: sekcje, podsumowanie i najbliższe uruchomienia.

policy-title-of = Zasady kopii zapasowych: { $name }
policy-loading = Ładowanie zasad…
policy-back = Wróć do listy organizacji
policy-kind-default = Ta organizacja korzysta z domyślnych zasad XMS. Zapisanie zmian utworzy zasady niestandardowe.
policy-kind-custom = Ta organizacja ma zasady niestandardowe.
policy-restored = Przywrócono Twoje wcześniejsze niezapisane zmiany. Zapisz je lub wróć, aby je odrzucić.
policy-password-differ = Hasła się różnią: wpisz dwa razy to samo hasło.
policy-next-runs-failed = Nie udało się ustalić najbliższych uruchomień. { $reason }
policy-saved = Zapisano zasady niestandardowe.
policy-reset-question = Przywrócić domyślne zasady XMS? Te zasady niestandardowe zostaną odrzucone.
policy-reset-yes = Odrzuć zasady niestandardowe
policy-reset-no = Zachowaj zasady niestandardowe
policy-reset-done = Ponownie obowiązują zasady domyślne.
policy-discard-question = Odrzucić niezapisane zmiany w tych zasadach?
policy-summary-heading = Co się stanie
policy-next-runs = Najbliższe uruchomienia
policy-conflict-title = Ktoś inny zmienił te zasady w trakcie Twojej edycji.
policy-conflict-text = Nic nie zostało nadpisane. Zachowaj swoje zmiany (zastąpią tamte) lub przyjmij tamte (Twoje zostaną odrzucone).
policy-save-fields = Niektóre ustawienia wymagają uwagi: zobacz komunikaty w odpowiednich sekcjach. Nic nie zostało zapisane.
policy-save-failed = Nie zapisano zasad. { $reason } Twoje zmiany zostały zachowane.
policy-save = Zapisz zasady
policy-reset = Przywróć zasady domyślne

scope-heading = Zakres kopii zapasowej
scope-mail = Poczta
scope-mail-hint = Wiadomości programu Exchange
scope-calendars = Kalendarze
scope-calendars-hint = Kalendarze programu Exchange
scope-contacts = Kontakty
scope-contacts-hint = Kontakty programu Exchange
scope-shared = Udostępnione skrzynki pocztowe
scope-shared-hint = Oprócz własnych skrzynek użytkowników; każda wymaga jednej licencji
scope-onedrive = OneDrive
scope-onedrive-hint = Pliki i foldery wraz z uprawnieniami
scope-sharepoint = Witryny SharePoint
scope-sharepoint-hint = Listy, biblioteki i wersje
scope-groups = Grupy Microsoft 365
scope-groups-hint = Skrzynki pocztowe i pliki grup
scope-whose = Czyje dane
scope-all-users = Wszyscy chronieni użytkownicy
scope-chosen-groups = Członkowie wybranych grup
scope-group = { $members ->
    [one] { $name } ({ $members } członek)
    [few] { $name } ({ $members } członkowie)
    [many] { $name } ({ $members } członków)
   *[other] { $name } ({ $members } członka)
}

schedule-heading = Harmonogram
plan-basic = Podstawowy
plan-basic-hint = Pełna kopia co miesiąc, przyrostowa codziennie.
plan-custom = Niestandardowy
plan-custom-hint = Kopie pełne i przyrostowe z wybraną częstotliwością i o wybranych godzinach.
plan-forever-incremental = Stale przyrostowy
plan-forever-incremental-hint = Jedna kopia pełna, potem już tylko przyrostowe.
plan-gfs = GFS
plan-gfs-hint = Pełna co miesiąc, różnicowa co tydzień, przyrostowa codziennie.
schedule-time = Godzina
schedule-full = Kopia pełna
schedule-incremental = Kopia przyrostowa
schedule-how-often = Jak często
schedule-at = O godzinie
schedule-on = Dzień tygodnia
schedule-on-day = Dzień miesiąca
schedule-gfs-full-day = Kopia pełna w dniu miesiąca
schedule-gfs-differential-day = Kopia różnicowa w dniu tygodnia
schedule-time-zone = Strefa czasowa
frequency-hourly = Co godzinę
frequency-daily = Codziennie
frequency-weekly = Co tydzień
frequency-monthly = Co miesiąc

retention-heading = Przechowywanie
retention-by-time = Usuwaj kopie po określonym czasie
retention-full-days = Kopie pełne, dni
retention-differential-days = Kopie różnicowe, dni
retention-incremental-days = Kopie przyrostowe, dni
retention-forever = Przechowuj bezterminowo

encryption-heading = Szyfrowanie
encryption-off = Wyłączone
encryption-aes-cbc = AES-CBC
encryption-aes-gcm = AES-GCM
encryption-warning-label = Ostrzeżenie:
encryption-warning = przechowuj to hasło w bezpiecznym miejscu. XMS zapisuje tylko jego odcisk i nie może go odzyskać: jeśli hasło zostanie utracone, tych kopii zapasowych nie da się przywrócić.
encryption-password = Hasło szyfrowania
encryption-password-again = Powtórz hasło szyfrowania
encryption-password-set = Hasło jest ustawione. Nie będzie już wyświetlane.
encryption-change-password = Zmień hasło

placement-heading = Worker i magazyn danych
placement-worker = Worker
placement-default-worker = Domyślny worker organizacji ({ $name })
placement-worker-offline = { $name } (offline)
placement-storage = Magazyn danych

data-mail = pocztę
data-calendars = kalendarze
data-contacts = kontakty
data-onedrive = OneDrive
data-sharepoint = witryny SharePoint
data-groups = grupy Microsoft 365
summary-whose-all = wszystkich chronionych użytkowników
summary-whose-groups = członków grup: { $groups }
summary-nothing = Na razie nic nie jest kopiowane: wybierz, co ma być kopiowane.
summary-what = Kopiuje { $data } { $whose }.
summary-what-shared = Kopiuje { $data } { $whose } oraz udostępnione skrzynki pocztowe.
summary-basic = Codziennie o { $time } ({ $zone }): kopia pełna 1. dnia każdego miesiąca, przyrostowa w pozostałe dni.
summary-custom = Kopia pełna { $full }, przyrostowa { $incremental } ({ $zone }).
summary-forever-incremental = Jedna kopia pełna, potem przyrostowa { $incremental } ({ $zone }).
summary-gfs = Codziennie o { $time } ({ $zone }): kopia pełna { $day ->
    [29] 29. dnia każdego miesiąca (w krótszych miesiącach ich ostatniego dnia)
    [30] 30. dnia każdego miesiąca (w krótszych miesiącach ich ostatniego dnia)
    [31] ostatniego dnia każdego miesiąca
   *[other] { $day }. dnia każdego miesiąca
}, różnicowa { $weekday ->
    [monday] w każdy poniedziałek
    [tuesday] w każdy wtorek
    [wednesday] w każdą środę
    [thursday] w każdy czwartek
    [friday] w każdy piątek
    [saturday] w każdą sobotę
   *[sunday] w każdą niedzielę
}, przyrostowa w pozostałe dni.
summary-keep-forever = Przechowuje wszystkie kopie bezterminowo.
summary-keep = Przechowuje kopie pełne przez { $full ->
    [one] { $full } dzień
    [few] { $full } dni
    [many] { $full } dni
   *[other] { $full } dnia
}, a przyrostowe przez { $incremental ->
    [one] { $incremental } dzień
    [few] { $incremental } dni
    [many] { $incremental } dni
   *[other] { $incremental } dnia
}.
summary-keep-gfs = Przechowuje kopie pełne przez { $full ->
    [one] { $full } dzień
    [few] { $full } dni
    [many] { $full } dni
   *[other] { $full } dnia
}, różnicowe przez { $differential ->
    [one] { $differential } dzień
    [few] { $differential } dni
    [many] { $differential } dni
   *[other] { $differential } dnia
}, a przyrostowe przez { $incremental ->
    [one] { $incremental } dzień
    [few] { $incremental } dni
    [many] { $incremental } dni
   *[other] { $incremental } dnia
}.
summary-placement = { $encryption ->
    [aes-cbc] Szyfrowane algorytmem AES-CBC.
    [aes-gcm] Szyfrowane algorytmem AES-GCM.
   *[off] Bez szyfrowania.
} Wykonuje worker { $worker }, kopie trafiają do magazynu { $storage }.
recurrence-hourly = co godzinę w minucie { $minute }
recurrence-daily = codziennie o { $time }
recurrence-weekly = { $weekday ->
    [monday] w każdy poniedziałek
    [tuesday] w każdy wtorek
    [wednesday] w każdą środę
    [thursday] w każdy czwartek
    [friday] w każdy piątek
    [saturday] w każdą sobotę
   *[sunday] w każdą niedzielę
} o { $time }
recurrence-monthly = { $day ->
    [29] 29. dnia każdego miesiąca (w krótszych miesiącach ich ostatniego dnia)
    [30] 30. dnia każdego miesiąca (w krótszych miesiącach ich ostatniego dnia)
    [31] ostatniego dnia każdego miesiąca
   *[other] { $day }. dnia każdego miesiąca
} o { $time }

kind-full = pełna
kind-differential = różnicowa
kind-incremental = przyrostowa
run-time = { $day } { $time }
run-described = { $time } { $kind }
next-runs = Następne: { $next }
next-runs-with-full = Następne: { $next }, { $full }
next-runs-none = Nie zaplanowano żadnego uruchomienia.
