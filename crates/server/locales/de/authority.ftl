# Die Gerätecode-Anmeldeseiten der Entwicklungs-Anmeldestelle, formuliert wie die Seiten von Microsoft.

page-title = { $title } · Entwicklungsanmeldung
brand = Entwicklungs-Anmeldestelle

code-title = Code eingeben
code-text = Geben Sie den Code ein, der in Ihrer App oder auf Ihrem Gerät angezeigt wird.
code-label = Code
code-next = Weiter
code-missing = Geben Sie den Code ein.
code-wrong = Dieser Code hat nicht funktioniert. Überprüfen Sie den Code, und versuchen Sie es erneut.
code-expired = Dieser Code ist abgelaufen. Kehren Sie zu der App oder dem Gerät zurück, bei der bzw. dem Sie sich anmelden, und rufen Sie einen neuen Code ab.
code-used = Dieser Code wurde bereits verwendet. Kehren Sie zu der App oder dem Gerät zurück, bei der bzw. dem Sie sich anmelden, und rufen Sie einen neuen Code ab.
code-too-many = Von diesem Gerät aus wurden zu viele Codes ausprobiert. Warten Sie eine Minute, und versuchen Sie es dann erneut.

account-title = Konto auswählen
account-continue = um mit { $app } fortzufahren
account-list = Konten

admin-title = Administratorgenehmigung erforderlich
admin-text = { $app } benötigt die Berechtigung für den Zugriff auf Ressourcen in Ihrer Organisation, die nur ein Administrator erteilen kann. { $account } ist kein globaler Administrator: Melden Sie sich mit dem Konto eines globalen Administrators an.
admin-other-account = Anderes Konto verwenden

consent-title = Anmeldung bestätigen
consent-question = Versuchen Sie, sich bei { $app } anzumelden?
consent-warning = Fahren Sie nur fort, wenn Sie die App aus einem Store oder von einer Website heruntergeladen haben, dem bzw. der Sie vertrauen.
consent-cancel = Abbrechen
consent-continue = Weiter

done-text = Sie haben sich auf Ihrem Gerät bei der Anwendung { $app } angemeldet. Sie können dieses Fenster jetzt schließen.
blocked-title = Sie können zurzeit nicht darauf zugreifen
blocked-text = Ihre Anmeldung war erfolgreich, erfüllt aber nicht die Kriterien für den Zugriff auf diese Ressource: Die Richtlinien für bedingten Zugriff von { $organization } blockieren die Anmeldung mit einem Gerätecode.
blocked-code = Fehlercode: { $code }
cancelled-title = Anmeldung abgebrochen
cancelled-text = Sie haben sich nicht bei { $app } angemeldet. Sie können dieses Fenster jetzt schließen.

authorize-title = Bei der Anmeldung ist leider ein Problem aufgetreten.
authorize-error = Fehler: { $error }
signed-out-title = Sie haben sich von Ihrem Konto abgemeldet.
signed-out-text = Es empfiehlt sich, alle Browserfenster zu schließen.
