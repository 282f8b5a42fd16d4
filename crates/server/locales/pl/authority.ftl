# Strony logowania kodem urządzenia deweloperskiego urzędu logowania, w brzmieniu stron Microsoftu.

page-title = { $title } · Logowanie deweloperskie
brand = Deweloperski urząd logowania

code-title = Wprowadź kod
code-text = Wprowadź kod wyświetlany w aplikacji lub na urządzeniu.
code-label = Kod
code-next = Dalej
code-missing = Wprowadź kod.
code-wrong = Ten kod nie zadziałał. Sprawdź kod i spróbuj ponownie.
code-expired = Ten kod wygasł. Wróć do aplikacji lub urządzenia, do którego się logujesz, i uzyskaj nowy kod.
code-used = Ten kod został już użyty. Wróć do aplikacji lub urządzenia, do którego się logujesz, i uzyskaj nowy kod.
code-too-many = Z tego urządzenia wypróbowano zbyt wiele kodów. Odczekaj minutę i spróbuj ponownie.

account-title = Wybierz konto
account-continue = aby przejść do aplikacji { $app }
account-list = Konta

admin-title = Wymagana zgoda administratora
admin-text = Aplikacja { $app } potrzebuje uprawnień dostępu do zasobów w Twojej organizacji, których może udzielić tylko administrator. Konto { $account } nie jest kontem administratora globalnego: zaloguj się przy użyciu konta administratora globalnego.
admin-other-account = Użyj innego konta

consent-title = Potwierdź logowanie
consent-question = Czy próbujesz zalogować się do aplikacji { $app }?
consent-warning = Kontynuuj tylko wtedy, gdy aplikacja została pobrana ze sklepu lub witryny internetowej, którym ufasz.
consent-cancel = Anuluj
consent-continue = Kontynuuj

done-text = Zalogowano się do aplikacji { $app } na urządzeniu. Możesz teraz zamknąć to okno.
blocked-title = Nie możesz teraz uzyskać dostępu do tego zasobu
blocked-text = Logowanie powiodło się, ale nie spełnia kryteriów dostępu do tego zasobu: zasady dostępu warunkowego organizacji { $organization } blokują logowanie kodem urządzenia.
blocked-code = Kod błędu: { $code }
cancelled-title = Anulowano logowanie
cancelled-text = Nie zalogowano się do aplikacji { $app }. Możesz teraz zamknąć to okno.

authorize-title = Przepraszamy, ale mamy problem z zalogowaniem Cię.
authorize-error = Błąd: { $error }
signed-out-title = Wylogowano Cię z konta
signed-out-text = Dobrym pomysłem jest zamknięcie wszystkich okien przeglądarki.
