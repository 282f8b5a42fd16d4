# Użytkownicy organizacji: tabela, wyszukiwanie, filtry, kolumny i strony oraz ochrona.

users-title-of = Użytkownicy organizacji { $name }
users-back = Wróć do organizacji
users-loading = Ładowanie użytkowników…
users-protected-count = { $total ->
    [one] Chronieni: { $protected } z { $total } użytkownika
    [few] Chronieni: { $protected } z { $total } użytkowników
    [many] Chronieni: { $protected } z { $total } użytkowników
   *[other] Chronieni: { $protected } z { $total } użytkownika
}
users-free-licences = Wolne licencje w subskrypcji: { $free } z { $subscription }
users-mode-automatic = Licencjami tej organizacji zarządza się automatycznie: każdy użytkownik jest chroniony, dopóki są wolne licencje. Aby wybrać, kogo chronić, przełącz zarządzanie licencjami na ręczne w jej ustawieniach.
users-mode-settings = Otwórz ustawienia
users-synced = Ostatnia synchronizacja z Microsoft 365: { $when }.
users-never-synced = Jeszcze nie zsynchronizowano z Microsoft 365.

users-search = Szukaj według nazwy lub adresu e-mail
users-filters = Filtry
users-filter-protection = Ochrona
users-filter-kind = Rodzaj
users-filter-state = Stan
users-filter-group = Grupa
users-filter-backup = Ostatnia kopia zapasowa
users-filter-any = Wszystkie
users-clear-filters = Wyczyść wyszukiwanie i filtry
users-columns = Kolumny
users-page-size = Użytkowników na stronie
users-range = { $total ->
    [one] { $first }–{ $last } z { $total } użytkownika
    [few] { $first }–{ $last } z { $total } użytkowników
    [many] { $first }–{ $last } z { $total } użytkowników
   *[other] { $first }–{ $last } z { $total } użytkownika
}
users-none = Żaden użytkownik nie pasuje do wyszukiwania i filtrów.

column-name = Nazwa
column-email = E-mail
column-kind = Rodzaj
column-state = Stan w Microsoft 365
column-groups = Grupy
column-protection = Ochrona
column-protected-since = Chroniony od
column-last-backup = Ostatnia kopia zapasowa

kind-user = Użytkownik
kind-shared-mailbox = Skrzynka współdzielona
kind-room-mailbox = Sala
kind-equipment-mailbox = Sprzęt
state-enabled = Aktywny
state-sign-in-blocked = Logowanie zablokowane
state-deleted = Usunięty
protection-protected = Chroniony
protection-unprotected = Niechroniony
backup-succeeded = Powiodła się
backup-failed = Nie powiodła się
backup-never = Bez kopii zapasowej
backup-last = { $result } { $when }, { $items ->
    [one] { $items } element
    [few] { $items } elementy
    [many] { $items } elementów
   *[other] { $items } elementu
}

users-select = Zaznacz: { $name }
users-select-page = Zaznacz wszystkich użytkowników na tej stronie
users-protect-user = Chroń: { $name }
users-selected = { $count ->
    [one] Zaznaczono { $count } użytkownika
    [few] Zaznaczono { $count } użytkowników
    [many] Zaznaczono { $count } użytkowników
   *[other] Zaznaczono { $count } użytkownika
}
users-select-all-matching = { $total ->
    [one] Zaznacz { $total } pasującego użytkownika
    [few] Zaznacz wszystkich { $total } pasujących użytkowników
    [many] Zaznacz wszystkich { $total } pasujących użytkowników
   *[other] Zaznacz wszystkich { $total } pasującego użytkownika
}
users-all-matching-selected = { $total ->
    [one] Zaznaczono { $total } pasującego użytkownika.
    [few] Zaznaczono wszystkich { $total } pasujących użytkowników.
    [many] Zaznaczono wszystkich { $total } pasujących użytkowników.
   *[other] Zaznaczono wszystkich { $total } pasującego użytkownika.
}
users-clear-selection = Wyczyść zaznaczenie
users-protect = Chroń
users-deactivate = Wyłącz ochronę
users-working = Trwa komunikacja z XMS…

users-ask-protect = { $count ->
    [one] Chronić { $count } użytkownika? Zajmie to { $used } z { $free } wolnych licencji.
    [few] Chronić { $count } użytkowników? Zajmie to { $used } z { $free } wolnych licencji.
    [many] Chronić { $count } użytkowników? Zajmie to { $used } z { $free } wolnych licencji.
   *[other] Chronić { $count } użytkownika? Zajmie to { $used } z { $free } wolnych licencji.
}
users-ask-protect-one = Chronić użytkownika { $name }? Zajmie to 1 z { $free } wolnych licencji.
users-ask-deactivate = { $count ->
    [one] Wyłączyć ochronę { $count } użytkownika? Kopie zapasowe zostaną zachowane, a { $freed } licencja się zwolni.
    [few] Wyłączyć ochronę { $count } użytkowników? Kopie zapasowe zostaną zachowane, a licencje ({ $freed }) się zwolnią.
    [many] Wyłączyć ochronę { $count } użytkowników? Kopie zapasowe zostaną zachowane, a licencje ({ $freed }) się zwolnią.
   *[other] Wyłączyć ochronę { $count } użytkownika? Kopie zapasowe zostaną zachowane, a licencje ({ $freed }) się zwolnią.
}
users-ask-deactivate-one = Wyłączyć ochronę użytkownika { $name }? Kopie zapasowe zostaną zachowane, a 1 licencja się zwolni.
users-ask-no = Anuluj
users-short = Za mało licencji: potrzeba { $used }, a wolnych jest { $free } (brakuje { $short }). Nic nie zmieniono, a zaznaczenie zostało zachowane. Wybierz mniej użytkowników, wyłącz ochronę innych lub dodaj licencje do subskrypcji.
users-automatic-refused = Licencjami tej organizacji zarządza się automatycznie, więc nie można wyłączyć ochrony. Najpierw przełącz zarządzanie licencjami na ręczne w jej ustawieniach.
users-selection-changed = { $count ->
    [one] Wybrani użytkownicy zmienili się od pytania: zmiana dotyczyłaby teraz { $count } użytkownika. Nic nie zmieniono; wprowadź zmianę ponownie, aby zobaczyć nowe liczby.
    [few] Wybrani użytkownicy zmienili się od pytania: zmiana dotyczyłaby teraz { $count } użytkowników. Nic nie zmieniono; wprowadź zmianę ponownie, aby zobaczyć nowe liczby.
    [many] Wybrani użytkownicy zmienili się od pytania: zmiana dotyczyłaby teraz { $count } użytkowników. Nic nie zmieniono; wprowadź zmianę ponownie, aby zobaczyć nowe liczby.
   *[other] Wybrani użytkownicy zmienili się od pytania: zmiana dotyczyłaby teraz { $count } użytkownika. Nic nie zmieniono; wprowadź zmianę ponownie, aby zobaczyć nowe liczby.
}
users-nothing-to-change = Wybrani użytkownicy są już tacy, jak chcesz: nie ma nic do zmiany.
users-protected-done = { $count ->
    [one] { $count } użytkownik jest teraz chroniony.
    [few] { $count } użytkowników jest teraz chronionych.
    [many] { $count } użytkowników jest teraz chronionych.
   *[other] { $count } użytkownika jest teraz chronionych.
}
users-deactivated-done = { $count ->
    [one] Wyłączono ochronę { $count } użytkownika.
    [few] Wyłączono ochronę { $count } użytkowników.
    [many] Wyłączono ochronę { $count } użytkowników.
   *[other] Wyłączono ochronę { $count } użytkownika.
}
