# Das Dialogfeld „Verbinden“: einen Code abrufen, sich damit auf der Microsoft-Seite anmelden, und das Ergebnis.

connect-title = Microsoft 365-Organisation verbinden
connect-reauthorize-title = { $name } erneut autorisieren
connect-starting = App-Authentifizierungscode wird von Microsoft abgerufen…
connect-try-again = Erneut versuchen
connect-new-code = Neuen Code abrufen
connect-step-copy = Kopieren Sie den App-Authentifizierungscode.
connect-step-sign-in = Melden Sie sich mit dem Konto eines globalen Administrators der Organisation an, geben Sie den Code ein, und bestätigen Sie die Anmeldung bei Xopero Registrator.
connect-code-label = App-Authentifizierungscode
connect-copy = Kopieren
connect-copied = Kopiert
connect-copy-manually = Drücken Sie zum Kopieren Strg+C
connect-log-in = Bei Microsoft 365 anmelden
connect-unsafe-uri = XMS hat eine Anmeldeadresse angegeben, die nicht sicher ist. Daher wurde sie nicht geöffnet: { $uri }. Bitten Sie Ihren XMS-Administrator, die Microsoft 365-Anmeldeeinstellungen von XMS zu überprüfen.
connect-waiting = Warten auf Ihre Anmeldung…
connect-reconnecting = Verbindung mit XMS wird wiederhergestellt… Der Code bleibt gültig; dieses Dialogfeld aktualisiert sich automatisch.
connect-code-valid = Der Code ist noch { $time } gültig.
connect-code-expired = Der Code ist abgelaufen.
connect-expired = Der Code ist abgelaufen, bevor sich jemand damit angemeldet hat. Rufen Sie einen neuen Code ab, um es erneut zu versuchen.
connect-declined = Die Anmeldung wurde auf der Microsoft 365-Seite abgebrochen, daher wurde keine Organisation verbunden.
connect-cancelled-in-xms = Diese Anmeldung wurde in XMS abgebrochen. Beginnen Sie von vorn.
connect-connected = Organisation verbunden
connect-added = { $name } ({ $domain }) wurde zu XMS hinzugefügt.
connect-renewed = { $name } ({ $domain }) war bereits verbunden: Autorisierung und Details der Organisation wurden erneuert.
connect-first-backup = Sichern Sie die Organisation jetzt, oder passen Sie zuerst ihre Sicherungsrichtlinie an. Andernfalls wird die erste Sicherung heute Nacht gemäß Zeitplan ausgeführt.
connect-starting-backup = Sicherung wird gestartet…
connect-done = Fertig
