# Dlaczego wywołanie XMS się nie powiodło, gdy XMS nie mógł tego powiedzieć sam.

error-unreachable = Nie można połączyć się z XMS. Sprawdź, czy XMS działa i czy połączenie sieciowe jest sprawne, a następnie spróbuj ponownie.
error-signed-out = Twoja sesja XMS wygasła. Zaloguj się ponownie do XMS, a następnie spróbuj ponownie.
error-unexpected-response = XMS wysłał odpowiedź, której ten moduł nie rozumie (HTTP { $status }). Spróbuj ponownie; jeśli problem się powtarza, odśwież stronę, a jeśli to nie pomoże, zgłoś to administratorowi XMS.

load-failed-retry = Spróbuj ponownie
load-failed-retrying = Ponawianie…
