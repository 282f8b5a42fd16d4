# Pulpit: lista organizacji z filtrem i sortowaniem oraz kafelek każdej organizacji.

list-loading = Ładowanie organizacji…
list-label = Organizacje
list-count = { $total ->
    [one] { $total } organizacja
    [few] { $total } organizacje
    [many] { $total } organizacji
   *[other] { $total } organizacji
}
list-count-filtered = { $total ->
    [one] Wyświetlane: { $shown } z { $total } organizacji
    [few] Wyświetlane: { $shown } z { $total } organizacji
    [many] Wyświetlane: { $shown } z { $total } organizacji
   *[other] Wyświetlane: { $shown } z { $total } organizacji
}
list-empty-title = Nie połączono jeszcze żadnej organizacji Microsoft 365.
list-empty-text = Połącz organizację, aby zarządzać tutaj jej kopiami zapasowymi.
list-no-match = Żadna organizacja nie pasuje do filtru „{ $filter }”.
list-clear-filter = Wyczyść filtr
live-interrupted = Aktualizacje na żywo zostały przerwane; trwa ponowne łączenie. W międzyczasie lista organizacji jest odświeżana co kilka sekund.
live-interrupted-outdated = Aktualizacje na żywo zostały przerwane i nie można połączyć się z XMS: wyświetlane dane mogą być nieaktualne. Ponawianie co kilka sekund.

toolbar-filter = Filtruj według nazwy lub domeny
toolbar-sort = Sortuj według
sort-name = Nazwa
sort-status = Stan, najpierw wymagające uwagi
sort-last-backup = Ostatnia kopia zapasowa, od najstarszej

status-healthy = Chronione
status-failed = Ostatnia kopia zapasowa nie powiodła się
status-running = Trwa tworzenie kopii zapasowej
status-reauthorize = Wymaga ponownej autoryzacji
status-never = Brak kopii zapasowej

tile-reauthorize-hint = XMS nie ma już dostępu do danych tej organizacji.
tile-reauthorize-link = Autoryzuj ją ponownie w oknie edycji
tile-problem-consent = Cofnięto zgodę administratora dla jej aplikacji.
tile-problem-permission = Jej aplikacji brakuje uprawnień potrzebnych XMS.
tile-problem-expired = Jej klucz tajny klienta wygasł.
tile-problem-rejected = Jej klucz tajny klienta został odrzucony.
tile-problem-application = Jej aplikację usunięto w Entra.
tile-problem-unreadable = Zapisane poświadczenie jest nieczytelne.
tile-secret-expires = Jej klucz tajny klienta wygasa
tile-secret-link = Wymień go w oknie edycji
tile-problem-certificate-expired = Jej certyfikat wygasł.
tile-problem-certificate-rejected = Jej certyfikat został odrzucony.
tile-certificate-expires = Jej certyfikat wygasa
tile-protected-users = Chronieni użytkownicy
tile-users-protected = { $total ->
    [one] { $protected } z { $total } użytkownika
    [few] { $protected } z { $total } użytkowników
    [many] { $protected } z { $total } użytkowników
   *[other] { $protected } z { $total } użytkownika
}
tile-users-link-label = { tile-protected-users } organizacji { $name }: { tile-users-protected }
tile-licences = Używane licencje
tile-last-backup = Ostatnia kopia zapasowa
tile-last-backup-none = Jeszcze nie wykonano
tile-last-backup-succeeded = { $items ->
    [one] Zakończono pomyślnie, { $items } element
    [few] Zakończono pomyślnie, { $items } elementy
    [many] Zakończono pomyślnie, { $items } elementów
   *[other] Zakończono pomyślnie, { $items } elementu
}
tile-last-backup-failed = Niepowodzenie: { $reason }
tile-history-link-label = Historia kopii zapasowych organizacji { $name }: { $result }
tile-next-backup = Następna kopia zapasowa
tile-next-backup-none = Nie zaplanowano do czasu ponownej autoryzacji
tile-policy = Zasady
tile-policy-default = Zasady domyślne
tile-policy-custom = Zasady niestandardowe
tile-worker = Worker
tile-worker-offline = (offline: kopie zapasowe czekają na niego)
tile-run-backup = Uruchom kopię zapasową
tile-run-backup-label = Uruchom kopię zapasową organizacji { $name }
tile-cancel-backup = Anuluj kopię zapasową
tile-cancel-backup-label = Anuluj kopię zapasową organizacji { $name }
tile-custom-policy = Zasady niestandardowe
tile-custom-policy-label = Zasady niestandardowe organizacji { $name }
tile-edit = Edytuj
tile-edit-label = Edytuj organizację { $name }

progress-label = Kopia zapasowa organizacji { $name }
progress-running = { NUMBER($done, style: "percent") } · { $items_done } z { $items_total ->
    [one] { $items_total } elementu
    [few] { $items_total } elementów
    [many] { $items_total } elementów
   *[other] { $items_total } elementu
}
progress-queued = W kolejce, oczekuje na workera

announce-backup-started = Rozpoczęto tworzenie kopii zapasowej organizacji { $name }.
announce-backup-progress = Kopia zapasowa organizacji { $name }: ukończono { NUMBER($done, style: "percent") }.
announce-backup-succeeded = { $items ->
    [one] Kopia zapasowa organizacji { $name } zakończyła się pomyślnie: { $items } element.
    [few] Kopia zapasowa organizacji { $name } zakończyła się pomyślnie: { $items } elementy.
    [many] Kopia zapasowa organizacji { $name } zakończyła się pomyślnie: { $items } elementów.
   *[other] Kopia zapasowa organizacji { $name } zakończyła się pomyślnie: { $items } elementu.
}
announce-backup-failed = Kopia zapasowa organizacji { $name } nie powiodła się: { $reason }
announce-backup-ended = Kopia zapasowa organizacji { $name } została przerwana przed ukończeniem.

# The button that opens the Connect dialog (its own words come with the dialog).
connect-button = Połącz
