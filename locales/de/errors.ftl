# Warum ein Aufruf von XMS fehlschlug, wenn XMS es nicht selbst sagen konnte.

error-unreachable = XMS ist nicht erreichbar. Prüfen Sie, ob XMS läuft und Ihre Netzwerkverbindung funktioniert, und versuchen Sie es dann erneut.
error-signed-out = Ihre XMS-Sitzung ist abgelaufen. Melden Sie sich erneut bei XMS an, und versuchen Sie es dann erneut.
error-unexpected-response = XMS hat eine Antwort gesendet, die dieses Modul nicht versteht (HTTP { $status }). Versuchen Sie es erneut. Wenn das Problem weiterhin auftritt, laden Sie die Seite neu, und wenden Sie sich an Ihren XMS-Administrator, falls auch das nicht hilft.

load-failed-retry = Wiederholen
load-failed-retrying = Wird wiederholt…
