# Okno dialogowe „Połącz”: uzyskanie kodu, zalogowanie się nim na stronie firmy Microsoft i wynik.

connect-title = Połącz organizację Microsoft 365
connect-reauthorize-title = Autoryzuj ponownie organizację { $name }
connect-starting = Pobieranie kodu uwierzytelniania aplikacji od firmy Microsoft…
connect-try-again = Spróbuj ponownie
connect-new-code = Uzyskaj nowy kod
connect-step-copy = Skopiuj kod uwierzytelniania aplikacji.
connect-step-sign-in = Zaloguj się przy użyciu konta administratora globalnego organizacji, wprowadź kod i potwierdź logowanie do aplikacji Xopero Registrator.
connect-code-label = Kod uwierzytelniania aplikacji
connect-copy = Kopiuj
connect-copied = Skopiowano
connect-copy-manually = Naciśnij Ctrl+C, aby skopiować
connect-log-in = Zaloguj się do Microsoft 365
connect-unsafe-uri = XMS podał adres logowania, który nie jest bezpieczny, dlatego nie został on otwarty: { $uri }. Poproś administratora XMS o sprawdzenie ustawień logowania do Microsoft 365 w XMS.
connect-waiting = Oczekiwanie na zalogowanie…
connect-reconnecting = Ponowne łączenie z XMS… Kod pozostaje ważny; to okno zaktualizuje się samoczynnie.
connect-code-valid = Kod jest ważny jeszcze przez { $time }.
connect-code-expired = Kod wygasł.
connect-expired = Kod wygasł, zanim ktokolwiek się nim zalogował. Uzyskaj nowy kod, aby spróbować ponownie.
connect-declined = Logowanie zostało anulowane na stronie Microsoft 365, dlatego nie połączono żadnej organizacji.
connect-cancelled-in-xms = To logowanie zostało anulowane w XMS. Zacznij od nowa.
connect-connected = Połączono organizację
connect-added = Organizacja { $name } ({ $domain }) została dodana do XMS.
connect-renewed = Organizacja { $name } ({ $domain }) była już połączona: jej autoryzacja i dane zostały odnowione.
connect-first-backup = Utwórz teraz kopię zapasową organizacji lub najpierw dostosuj jej zasady kopii zapasowych; w przeciwnym razie pierwsza kopia zapasowa zostanie wykonana dziś w nocy zgodnie z harmonogramem.
connect-starting-backup = Uruchamianie kopii zapasowej…
connect-done = Gotowe
