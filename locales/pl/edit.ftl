# Okno edycji organizacji: zarządzanie licencjami, synchronizacja użytkowników i domyślny worker.

licence-heading = Zarządzanie licencjami
licence-automatic = Automatyczne
licence-automatic-hint = Każdy użytkownik Microsoft 365 otrzymuje licencję i ochronę, a nowi użytkownicy — gdy tylko się pojawią.
licence-manual = Ręczne
licence-manual-hint = Ty decydujesz, którzy użytkownicy są chronieni.
licence-users-link = Zobacz i wybierz chronionych użytkowników
licence-preview-all-protected = Wszyscy użytkownicy są już chronieni; nowi użytkownicy będą chronieni, gdy tylko się pojawią.
licence-preview = Przełączenie obejmie ochroną { $users ->
    [one] { $users } obecnie niechronionego użytkownika
    [few] { $users } obecnie niechronionych użytkowników
    [many] { $users } obecnie niechronionych użytkowników
   *[other] { $users } obecnie niechronionego użytkownika
} i wykorzysta { $used ->
    [one] { $used } licencję
    [few] { $used } licencje
    [many] { $used } licencji
   *[other] { $used } licencji
} z { $free ->
    [one] { $free } wolnej licencji
    [few] { $free } wolnych licencji
    [many] { $free } wolnych licencji
   *[other] { $free } wolnej licencji
}.
licence-shortfall-warning = Ostrzeżenie: za mało licencji.
licence-shortfall = { $free ->
    [one] Wolna jest tylko { $free } licencja
    [few] Wolne są tylko { $free } licencje
    [many] Wolnych jest tylko { $free } licencji
   *[other] Wolnych jest tylko { $free } licencji
}, więc { $users ->
    [one] { $users } użytkownik pozostałby niechroniony
    [few] { $users } użytkownicy pozostaliby niechronieni
    [many] { $users } użytkowników pozostałoby niechronionych
   *[other] { $users } użytkownika pozostałoby niechronionego
}. Dodaj licencje do subskrypcji Xopero ONE albo nadal ręcznie wybieraj chronionych użytkowników.

sync-heading = Interwał synchronizacji użytkowników
sync-interval = { $hours ->
    [one] Co godzinę
    [few] Co { $hours } godziny
    [many] Co { $hours } godzin
   *[other] Co { $hours } godziny
}
sync-interval-daily = Co 24 godziny (codziennie)
sync-last = Ostatnia synchronizacja: { $ago } ({ $at }).
sync-last-none = Synchronizacja jeszcze się nie odbyła.
sync-next = Następna synchronizacja: { $when } ({ $at }).
sync-next-none = Synchronizacja nie zostanie uruchomiona, dopóki organizacja nie zostanie ponownie autoryzowana.

worker-heading = Domyślny worker
worker-cloud = W chmurze
worker-local = Lokalny
worker-online = Online
worker-offline = Offline
worker-main = Główny worker
worker-offline-warning = Ostrzeżenie:
worker-offline-text = Worker { $name } jest offline. Kopie zapasowe tej organizacji będą czekać, aż znów będzie online.
worker-use-anyway = Użyj go mimo to

conflict-title = Ktoś inny zmienił te ustawienia w czasie Twojej edycji.
conflict-text = Nic nie zostało nadpisane. Porównaj ustawienia, a następnie zachowaj swoje lub przyjmij zapisane.
conflict-caption = Twoje ustawienia obok zapisanych
conflict-setting = Ustawienie
conflict-yours = Twoje
conflict-theirs = Zapisane przez kogoś innego
conflict-differs = { " " }(różni się)

remove-heading = Usuń organizację
remove-start = Usuń organizację…
remove-explained = Usunięcie organizacji { $name } zatrzyma tworzenie jej kopii zapasowych oraz usunie ją i jej ustawienia z XMS. Wykonane już kopie zapasowe pozostaną w magazynie do końca okresu przechowywania; aby znów tworzyć kopie zapasowe tej organizacji, połącz ją ponownie.
remove-type-name = Wpisz { $name }, aby potwierdzić
remove-confirm = Usuń { $name }
remove-keep = Zachowaj ją
remove-done = Organizacja { $name } została usunięta z XMS.
remove-failed = Nie usunięto organizacji { $name }. { $reason }

edit-title = Edytuj organizację { $name }
edit-loading = Ładowanie ustawień…
edit-discard-question = Odrzucić niezapisane zmiany w tych ustawieniach?
edit-restored = Przywrócono Twoje wcześniejsze niezapisane zmiany. Zapisz je lub zamknij okno, aby je odrzucić.
edit-save-fields = Niektóre ustawienia wymagają uwagi: zobacz komunikaty pod nimi. Nic nie zostało zapisane.
edit-save-failed = Nie zapisano zmian. { $reason } Twoje zmiany zostały zachowane.
edit-saved = Zapisano ustawienia.
edit-save = Zapisz
edit-close = Zamknij
edit-no-changes = Brak zmian do zapisania.
problem-worker-offline = Worker { $name } jest offline: potwierdź, że kopie zapasowe mogą na niego czekać.

reauthorize-heading = Autoryzacja
reauthorize-text = XMS tworzy kopie zapasowe tej organizacji na podstawie zgody, której administrator globalny udzielił podczas jej łączenia. Jeśli ta zgoda została cofnięta lub wygasła, zaloguj się ponownie, aby ją odnowić.
reauthorize-application = Ta organizacja loguje się za pomocą własnej aplikacji ({ $client_id }), której klucz tajny klienta wygasa { $date }. Aby wcześniej wprowadzić nowy klucz tajny albo po cofnięciu zgody, autoryzuj ją ponownie.
reauthorize-certificate = Ta organizacja loguje się za pomocą własnej aplikacji ({ $client_id }) i certyfikatu utworzonego przez XMS (odcisk palca { $thumbprint }), ważnego do { $date }. Aby wcześniej wymienić certyfikat albo po cofnięciu zgody, autoryzuj ją ponownie.
reauthorize-button = Autoryzuj ponownie
