# Rahmen des Moduls: Titel der Ansichten für die XMS-Konsole und die Seite für eine unbekannte Adresse.

title-organizations = Microsoft 365
title-edit = Organisation bearbeiten
title-policy = Sicherungsrichtlinie
title-users = Benutzer
title-history = Sicherungsverlauf

not-found-title = Seite nicht gefunden
not-found-text = Das Microsoft 365-Modul hat unter dieser Adresse keine Seite.
not-found-link = Zu den Microsoft 365-Organisationen

# Die Schließen-Schaltfläche des Dialogs (jeder Dialog und jedes Panel hat eine).
modal-close = Schließen
