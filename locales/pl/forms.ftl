# Co jest nie tak z polem, według kodu XMS (własne sprawdzenia edytorów mówią to samo).

field-scope = Wybierz co najmniej jeden rodzaj danych do kopii zapasowej.
field-groups = Wybierz co najmniej jedną grupę albo twórz kopię wszystkich chronionych użytkowników.
field-group-gone = Jednej z wybranych grup nie ma już w tej organizacji. Wybierz spośród jej grup.
field-time-zone = XMS nie zna tej strefy czasowej. Wybierz strefę taką jak Europe/Warsaw lub UTC.
field-time = Wpisz godzinę jako GG:MM w formacie 24-godzinnym, np. 22:00.
field-day = Wybierz dzień miesiąca od 1 do 31.
field-full-days = Przechowuj pełne kopie co najmniej { $limit ->
    [one] { $limit } dzień
    [few] { $limit } dni
    [many] { $limit } dni
   *[other] { $limit } dni
    }: na ich podstawie powstają nowsze kopie.
field-differential-days = Przechowuj kopie różnicowe co najmniej { $limit } dni: kopia różnicowa powstaje co tydzień.
field-incremental-days = Przechowuj kopie przyrostowe co najmniej { $limit ->
    [one] { $limit } dzień
    [few] { $limit } dni
    [many] { $limit } dni
   *[other] { $limit } dni
    }.
field-days-too-long = Przechowuj kopie najwyżej { $limit } dni; aby przechowywać je dłużej, przechowuj je bezterminowo.
field-differential-not-gfs = Kopie różnicowe tworzy tylko harmonogram GFS: pozostaw to pole puste.
field-password-short = Hasło szyfrowania musi mieć co najmniej { $limit } znaków.
field-password-required = Wpisz hasło szyfrowania o długości co najmniej { $limit } znaków. Przechowuj je bezpiecznie: bez niego zaszyfrowanych kopii nie da się przywrócić.
field-worker = Wybierz jeden z wymienionych workerów.
field-storage = Wybierz jeden z wymienionych magazynów.
field-licence-mode = Wybierz automatyczne lub ręczne zarządzanie licencjami.
field-interval = Wybierz jeden z wymienionych odstępów.

sync-now = Synchronizuj teraz
sync-running = Synchronizowanie użytkowników…
sync-done = Zsynchronizowano użytkowników.
sync-failed = Synchronizacja nie została uruchomiona. { $reason }

# A paged list's pager.
pager-pages = Strony
pager-previous = Poprzednia strona
pager-next = Następna strona
pager-page-of = Strona { $page } z { $pages }

# Zapisywanie w edytorach, porzucanie niezapisanych zmian i nowszy zapis kogoś innego.
form-saving = Zapisywanie…
discard-yes = Odrzuć zmiany
discard-no = Edytuj dalej
conflict-keep-mine = Zachowaj moje
conflict-take-theirs = Przyjmij zapisane
