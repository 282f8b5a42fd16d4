# Ramka modułu: tytuły widoków dla konsoli XMS i strona nieznanego adresu.

title-organizations = Microsoft 365
title-edit = Edytuj organizację
title-policy = Zasady kopii zapasowych
title-users = Użytkownicy
title-history = Historia kopii zapasowych

not-found-title = Nie znaleziono strony
not-found-text = Moduł Microsoft 365 nie ma strony pod tym adresem.
not-found-link = Przejdź do organizacji Microsoft 365

# Przycisk zamykający okno dialogowe (ma go każde okno i panel).
modal-close = Zamknij
