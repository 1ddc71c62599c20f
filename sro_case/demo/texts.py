"""The German texts the cases are written from: reasons for contact, the family's will,
decisions, notes, resources, consent scopes, review comments, and the goal templates with
indicator, five scale levels and agreed steps.
"""

from __future__ import annotations

from dataclasses import dataclass

from sro_case.domain.enums import NoteKind, ResourceKind

# --------------------------------------------------------------------------- texts (German)
# Placeholders: {kind} a child's first name, {eltern} how the worker addresses the parent
# ("Frau Kaya"), {familie} the surname, {schule} {kita} {treff} {zentrum} {sozialraum} {hilfe}.

REASONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Mitteilung der {schule}: {kind} fehlt seit Wochen häufig unentschuldigt.", ("schule",)),
    (
        "{eltern} meldet sich selbst und bittet um Unterstützung bei der Erziehung.",
        ("erziehung",),
    ),
    ("Hinweis der {kita}: {kind} kommt oft müde und ohne Frühstück.", ("kita", "gesundheit")),
    ("Trennung der Eltern, Streit um den Umgang mit den Kindern.", ("trennung", "konflikte")),
    (
        "Der Vermieter droht mit Kündigung wegen Mietschulden; die Familie sucht Rat.",
        ("wohnen", "existenz"),
    ),
    (
        "Selbstmeldung: {eltern} fühlt sich nach der Geburt des jüngsten Kindes überfordert.",
        ("erziehung", "gesundheit"),
    ),
    (
        "{kind} ist nach einem Streit von zu Hause weggelaufen und hat im Jugendnotdienst "
        "übernachtet.",
        ("konflikte",),
    ),
    (
        "Anfrage der Kinderarztpraxis wegen einer Entwicklungsverzögerung von {kind}.",
        ("gesundheit", "kita"),
    ),
    ("Zuzug aus einem anderen Landkreis, die laufende Hilfe soll übernommen werden.", ()),
    (
        "Die Schulsozialarbeit der {schule} bittet um ein gemeinsames Gespräch mit der Familie.",
        ("schule", "freizeit"),
    ),
    ("{eltern} hat Schulden und weiß nicht, wie es weitergehen soll.", ("existenz",)),
    ("Die Großmutter macht sich Sorgen, weil {eltern} wieder trinkt.", ("sucht", "erziehung")),
    ("{kind} zieht sich zurück und verlässt kaum noch das Zimmer.", ("gesundheit", "freizeit")),
)


CHILD_PROTECTION_REASONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "Meldung nach § 8a SGB VIII: Nachbarn hören nachts lautes Schreien und Weinen aus der "
        "Wohnung.",
        ("kinderschutz", "konflikte"),
    ),
    (
        "Polizeimeldung nach einem Einsatz wegen häuslicher Gewalt; die Kinder waren anwesend.",
        ("kinderschutz", "konflikte"),
    ),
    (
        "Die {kita} meldet wiederholt Verletzungen bei {kind}, die nicht erklärt werden.",
        ("kinderschutz", "kita"),
    ),
    (
        "Die {schule} meldet, dass {kind} erzählt, abends oft allein zu Hause zu sein.",
        ("kinderschutz", "erziehung"),
    ),
    (
        "Hinweis der Hebamme: Säugling wirkt unterversorgt, die Wohnung ist stark vermüllt.",
        ("kinderschutz", "wohnen", "gesundheit"),
    ),
)


PARENT_WILLS = (
    "Ich will, dass {kind} wieder gern in die Schule geht und Freunde hat.",
    "Wir wollen als Familie wieder mehr zusammen unternehmen und weniger streiten.",
    "Ich möchte meine Kinder selbst gut versorgen, ohne dass dauernd jemand vom Amt kommt.",
    "Wir wollen in unserer Wohnung bleiben und die Schulden in den Griff kriegen.",
    "Ich will morgens ruhig aus dem Haus kommen, ohne Geschrei.",
    "Ich will nicht mehr alles allein machen müssen. Ich brauche jemanden, der mal mit anpackt.",
    "Ich will, dass die Kinder ihren Vater sehen, aber ohne dass wir uns vor ihnen streiten.",
    "Ich will wieder arbeiten gehen und trotzdem für die Kinder da sein.",
    "Wir wollen, dass {kind} in der Kita gut Deutsch lernt und mitspielen kann.",
    "Ich möchte, dass mir jemand zeigt, wie ich ruhig bleibe, wenn {kind} ausrastet.",
)


CHILD_WILLS = (
    "Ich will, dass Mama und Papa nicht mehr so viel streiten.",
    "Ich will meinen Abschluss schaffen und dann eine Ausbildung machen.",
    "Ich will mehr Zeit mit meinen Freunden haben und nicht immer aufpassen müssen.",
    "Ich will, dass man mir zuhört, bevor entschieden wird.",
    "Ich will in meinem Fußballverein bleiben.",
    "Ich will später in eine eigene Wohnung ziehen.",
)


DECISIONS = (
    "Die Hilfe „{hilfe}“ wird für sechs Monate bewilligt.",
    "Die Hilfe „{hilfe}“ wird fortgesetzt; der Umfang bleibt gleich.",
    "Die Familie nimmt Kontakt zum {zentrum} auf und besucht das Elterncafé.",
    "Die {schule} und die Schulsozialarbeit stimmen sich einmal pro Woche ab.",
    "{kind} wird im {treff} für die Hausaufgabenhilfe angemeldet.",
    "Die Familie probiert die Vereinbarungen zunächst ohne weitere Hilfe aus.",
    "Es wird ein Antrag auf Leistungen für Bildung und Teilhabe gestellt.",
    "Die Großeltern übernehmen zwei Nachmittage pro Woche die Betreuung.",
    "Nächste Überprüfung in drei Monaten im gleichen Kreis.",
)


NOTE_OPENERS = {
    NoteKind.HOME_VISIT.value: (
        "Hausbesuch bei Familie {familie}.",
        "Angekündigter Hausbesuch, {eltern} und {kind} sind da.",
        "Hausbesuch gemeinsam mit der Familienhelferin.",
    ),
    NoteKind.COUNSELLING.value: (
        "Beratungsgespräch mit {eltern} im Büro.",
        "Gespräch mit {eltern} im {zentrum}.",
        "Beratung zu den nächsten Schritten nach der letzten Konferenz.",
    ),
    NoteKind.PHONE.value: (
        "{eltern} ruft an.",
        "Telefonat mit {eltern}.",
        "Rückruf der {schule}.",
    ),
    NoteKind.SCHOOL_VISIT.value: (
        "Gespräch in der {schule} mit der Klassenleitung.",
        "Schulbesuch, Gespräch mit Klassenleitung und Schulsozialarbeit.",
    ),
    NoteKind.KITA_TALK.value: (
        "Gespräch in der {kita} mit der Bezugserzieherin.",
        "Entwicklungsgespräch in der {kita}, {eltern} ist dabei.",
    ),
    NoteKind.EMAIL.value: (
        "E-Mail der {schule}.",
        "E-Mail von {eltern} mit Fragen zur Hilfe.",
        "E-Mail der Familienhelferin mit dem Zwischenbericht.",
    ),
    NoteKind.OTHER.value: (
        "Zufällige Begegnung mit {eltern} im Stadtteil.",
        "Aktenvermerk nach Rücksprache im Team.",
    ),
}


NOTE_OBSERVATIONS = (
    "{eltern} berichtet, dass die Morgenroutine inzwischen besser klappt.",
    "{kind} zeigt stolz das eigene Zimmer und das neue Bild an der Wand.",
    "Die Wohnung ist aufgeräumt, im Kühlschrank sind Lebensmittel.",
    "{kind} hat diese Woche zweimal gefehlt, einmal mit Entschuldigung.",
    "{eltern} wirkt erschöpft und sagt, dass es gerade wieder schwerer ist.",
    "Die Hausaufgabenhilfe im {treff} wird gut angenommen.",
    "Es gab am Wochenende Streit, der aber ohne Eskalation gelöst wurde.",
    "Die Schuldnerberatung hat einen ersten Termin vergeben.",
    "{kind} erzählt viel vom Fußballtraining und von den neuen Freunden.",
    "Die Kita berichtet, dass {kind} jetzt in ganzen Sätzen spricht.",
    "{eltern} hat die Termine im Wandkalender eingetragen und alle wahrgenommen.",
    "Der Kontakt zum Vater findet wie vereinbart jedes zweite Wochenende statt.",
)


NOTE_AGREEMENTS = (
    "Vereinbart: nächster Termin in zwei Wochen.",
    "{eltern} meldet sich, wenn es eng wird.",
    "Die Vereinbarungen aus der Konferenz gelten weiter.",
    "Thema für die nächste Konferenz notiert.",
    "Rückmeldung an die Familienhelferin gegeben.",
    "",
)


ENTRUSTED_NOTES = (
    "{eltern} vertraut an, dass es in der Beziehung zum Partner wieder Gewalt gegeben hat, und "
    "bittet, das nicht weiterzugeben.",
    "{kind} erzählt im Vertrauen von Problemen mit Alkohol im Freundeskreis; nicht weitergeben "
    "ohne Zustimmung.",
    "{eltern} berichtet im Vertrauen von einer eigenen psychischen Erkrankung und laufender "
    "Behandlung.",
    "{eltern} erzählt im Vertrauen von Schulden bei Bekannten, die niemand wissen soll.",
)


RESOURCES: dict[str, tuple[str, ...]] = {
    ResourceKind.PERSONAL.value: (
        "{kind} kann gut zeichnen und malt gern.",
        "{eltern} ist zuverlässig, wenn es um Termine geht.",
        "{kind} spielt Fußball und ist im Team beliebt.",
        "{eltern} hat eine abgeschlossene Ausbildung im Einzelhandel.",
        "{kind} ist hilfsbereit und kümmert sich liebevoll um die jüngeren Geschwister.",
        "{eltern} kocht gern und gut, gemeinsames Abendessen ist der Familie wichtig.",
    ),
    ResourceKind.FAMILY.value: (
        "Die Großmutter wohnt im selben Haus und holt die Kinder zweimal pro Woche ab.",
        "Ein Onkel hilft bei Behördengängen und beim Umzug.",
        "Die Nachbarin passt abends auf die Kinder auf, wenn {eltern} Spätschicht hat.",
        "Der Vater hält regelmäßig Kontakt und nimmt die Kinder jedes zweite Wochenende.",
        "Die Patentante ist für {kind} eine wichtige Ansprechpartnerin.",
    ),
    ResourceKind.SOCIAL_SPACE.value: (
        "Der {treff} ist fünf Minuten entfernt und bietet dienstags Hausaufgabenhilfe an.",
        "Im {zentrum} gibt es ein offenes Elterncafé.",
        "Der Sportverein im Sozialraum {sozialraum} hat eine kostenlose Kindergruppe.",
        "Die Tafel im Sozialraum {sozialraum} hilft bei Lebensmitteln.",
        "Der Spielplatz am Wohnblock ist ein Treffpunkt mit anderen Familien.",
    ),
    ResourceKind.INSTITUTIONAL.value: (
        "Die Schulsozialarbeiterin an der {schule} kennt {kind} gut.",
        "Die {kita} bietet einen Platz in der Sprachfördergruppe an.",
        "Die Schuldnerberatung hat kurzfristig einen Termin frei.",
        "Die Kinderarztpraxis begleitet die Familie seit Jahren.",
        "Das Jobcenter unterstützt bei der Suche nach einer Teilzeitstelle.",
    ),
}


CONSENT_SCOPES = {
    "schulsozialarbeit": "Verlauf und Vereinbarungen mit der Schulsozialarbeit",
    "kita": "Entwicklungsstand und Beobachtungen der Kita",
    "jugendarbeit": "Teilnahme an Angeboten der Jugendarbeit",
    "jugendsozialarbeit": "Stand der Ausbildungs- und Berufsplanung",
    "hze_traeger": "Ziele, Verlauf und Berichte der Hilfe nach dem Hilfeplan",
    "familienbildung": "Teilnahme an Kursen der Familienbildung",
    "schule": "Fehlzeiten, Leistungen und Verhalten in der Schule",
    "gesundheit": "Gesundheitliche Befunde, soweit für die Hilfe nötig",
    "sonstige": "Angaben zur Wohn- und Einkommenssituation",
}


REVIEW_COMMENTS = {
    -2: (
        "Deutlich schlechter als erwartet; die Familie braucht mehr Unterstützung.",
        "Rückschritt seit der letzten Konferenz, neue Vereinbarungen nötig.",
    ),
    -1: (
        "Etwas schlechter als erwartet, erste Schritte sind aber gemacht.",
        "Es hat nur teilweise geklappt; {eltern} will es weiter versuchen.",
    ),
    0: (
        "Wie erwartet. Die Familie bleibt dran.",
        "Das erwartete Ergebnis ist erreicht; {kind} ist stolz darauf.",
    ),
    1: (
        "Besser als erwartet. Die Familie ist zufrieden mit dem Fortschritt.",
        "Mehr erreicht als vereinbart, {eltern} hat viel selbst organisiert.",
    ),
    2: (
        "Viel besser als erwartet; das Ziel ist erreicht.",
        "Ziel voll erreicht, die Familie braucht hier keine Unterstützung mehr.",
    ),
}


# --------------------------------------------------------------------------- goal templates
@dataclass(frozen=True)
class GoalTemplate:
    """A goal in the family's words with indicator, five scale levels and agreed steps.

    ``owner`` is "parent", "child" (the young person speaks; only for children of ten and
    older) or "family". In ``steps`` the who is "parent", "child", "family" or a service.
    """

    focus: str
    owner: str
    text: str
    indicator: str
    levels: tuple[str, str, str, str, str]
    steps: tuple[tuple[str, str], ...]


GOALS: tuple[GoalTemplate, ...] = (
    GoalTemplate(
        "schule",
        "child",
        "Ich will jeden Tag in die Schule gehen und in Mathe den Anschluss schaffen.",
        "Woran merken wir es? {kind} fehlt höchstens einen Tag im Monat unentschuldigt, und die "
        "Mathearbeiten sind mindestens ausreichend.",
        (
            "{kind} fehlt mehr als eine Woche im Monat unentschuldigt.",
            "{kind} fehlt zwei bis vier Tage im Monat.",
            "{kind} fehlt höchstens einen Tag im Monat.",
            "{kind} ist jeden Tag da und gibt die Hausaufgaben meistens ab.",
            "{kind} ist jeden Tag pünktlich da und schreibt in Mathe eine Drei oder besser.",
        ),
        (
            ("child", "stellt sich zwei Wecker und geht um 7:15 Uhr los."),
            ("Schulsozialarbeit", "trifft {kind} jeden Dienstag in der großen Pause."),
        ),
    ),
    GoalTemplate(
        "schule",
        "parent",
        "Wir wollen, dass {kind} die Hausaufgaben ohne Streit schafft.",
        "Woran merken wir es? An mindestens vier Abenden pro Woche sind die Hausaufgaben vor dem "
        "Abendbrot fertig, ohne dass jemand laut wird.",
        (
            "Hausaufgaben werden kaum gemacht, es gibt jeden Abend Streit.",
            "An ein bis zwei Abenden klappt es, sonst gibt es Streit.",
            "An drei Abenden pro Woche klappt es ohne Streit.",
            "An vier Abenden pro Woche klappt es ohne Streit.",
            "{kind} macht die Hausaufgaben fast immer selbstständig.",
        ),
        (
            ("parent", "setzt sich nach der Arbeit 20 Minuten mit {kind} an den Küchentisch."),
            ("Jugendarbeit", "bietet {kind} einen Platz in der Hausaufgabenhilfe im {treff} an."),
        ),
    ),
    GoalTemplate(
        "schule",
        "child",
        "Ich will meinen Schulabschluss schaffen und danach eine Ausbildung anfangen.",
        "Woran merken wir es? {kind} ist zur Prüfung angemeldet und hat zwei Praktika gemacht.",
        (
            "{kind} geht nicht mehr zur Schule.",
            "{kind} geht unregelmäßig, ein Praktikum ist nicht in Sicht.",
            "{kind} ist zur Prüfung angemeldet und hat ein Praktikum gemacht.",
            "{kind} hat zwei Praktika gemacht und eine Bewerbung geschrieben.",
            "{kind} hat den Abschluss und einen Ausbildungsvertrag.",
        ),
        (
            ("child", "bewirbt sich bei zwei Betrieben um ein Praktikum."),
            ("Jugendsozialarbeit", "übt mit {kind} zweimal ein Bewerbungsgespräch."),
        ),
    ),
    GoalTemplate(
        "erziehung",
        "parent",
        "Ich will morgens ruhig mit den Kindern aus dem Haus kommen, ohne Geschrei.",
        "Woran merken wir es? An vier von fünf Schultagen sind alle um 7:30 Uhr angezogen und "
        "haben gefrühstückt.",
        (
            "Jeden Morgen Streit, die Kinder kommen zu spät.",
            "An ein bis zwei Tagen pro Woche klappt es.",
            "An drei Tagen pro Woche klappt es.",
            "An vier Tagen pro Woche klappt es.",
            "Jeden Morgen klappt es, und die Kinder helfen mit.",
        ),
        (
            ("parent", "legt abends mit den Kindern die Kleidung für den nächsten Tag bereit."),
            ("Familienhilfe", "kommt zweimal morgens mit und übt den Ablauf mit der Familie."),
        ),
    ),
    GoalTemplate(
        "erziehung",
        "family",
        "Wir wollen klare Regeln, an die sich alle halten – auch wir Eltern.",
        "Woran merken wir es? Der Regelplan hängt am Kühlschrank, und alle halten sich eine "
        "Woche lang an drei Regeln.",
        (
            "Es gibt keine gemeinsamen Regeln.",
            "Regeln sind besprochen, werden aber kaum eingehalten.",
            "Drei Regeln werden an den meisten Tagen eingehalten.",
            "Alle halten sich eine Woche lang an die Regeln.",
            "Die Familie passt die Regeln selbst an, wenn etwas nicht passt.",
        ),
        (
            ("family", "schreibt die Regeln am Sonntag gemeinsam auf."),
            ("Familienhilfe", "moderiert das erste Familiengespräch über die Regeln."),
        ),
    ),
    GoalTemplate(
        "erziehung",
        "parent",
        "Ich will mir Hilfe holen, bevor es mir zu viel wird.",
        "Woran merken wir es? {eltern} hat eine feste Entlastung pro Woche und ruft an, wenn es "
        "eng wird.",
        (
            "{eltern} ist ohne jede Entlastung und meldet sich erst in der Krise.",
            "Eine Entlastung ist besprochen, klappt aber selten.",
            "Einmal pro Woche gibt es eine feste Entlastung.",
            "Die Entlastung klappt, und {eltern} meldet sich frühzeitig.",
            "{eltern} organisiert Entlastung selbst in Familie und Nachbarschaft.",
        ),
        (
            ("parent", "fragt die Großmutter nach einem festen Nachmittag pro Woche."),
            ("Familienbildung", "stellt das Elterncafé im {zentrum} vor."),
        ),
    ),
    GoalTemplate(
        "kita",
        "parent",
        "Ich möchte, dass {kind} jeden Tag in die Kita geht und gut Deutsch lernt.",
        "Woran merken wir es? {kind} ist an mindestens vier Tagen pro Woche in der Kita und "
        "erzählt zu Hause von den anderen Kindern.",
        (
            "{kind} geht fast nie in die Kita.",
            "{kind} ist ein bis zwei Tage pro Woche in der Kita.",
            "{kind} ist drei Tage pro Woche in der Kita.",
            "{kind} ist vier Tage pro Woche da und spricht in der Gruppe.",
            "{kind} geht jeden Tag gern hin und hat feste Freundschaften.",
        ),
        (
            ("parent", "bringt {kind} bis 8:30 Uhr in die {kita}."),
            ("Kita", "lädt zu einem Elterngespräch mit Sprachmittlung ein."),
        ),
    ),
    GoalTemplate(
        "gesundheit",
        "parent",
        "Ich will, dass {kind} alle Termine beim Kinderarzt und bei der Frühförderung bekommt.",
        "Woran merken wir es? Alle Termine im Quartal stehen im Kalender und wurden wahrgenommen.",
        (
            "Kein Termin wurde wahrgenommen.",
            "Weniger als die Hälfte der Termine wurde wahrgenommen.",
            "Die Hälfte der Termine wurde wahrgenommen.",
            "Fast alle Termine wurden wahrgenommen.",
            "Alle Termine wurden wahrgenommen, {eltern} vereinbart neue selbst.",
        ),
        (
            ("parent", "trägt alle Termine in den Wandkalender ein und stellt eine Erinnerung."),
            ("Frühförderstelle", "schickt einen Tag vorher eine Erinnerung per SMS."),
        ),
    ),
    GoalTemplate(
        "wohnen",
        "family",
        "Wir wollen in unserer Wohnung bleiben.",
        "Woran merken wir es? Die Miete ist drei Monate hintereinander pünktlich bezahlt, und "
        "der Vermieter nimmt die Kündigung zurück.",
        (
            "Die Räumungsklage läuft.",
            "Die Miete ist weiter im Rückstand.",
            "Eine Ratenzahlung ist vereinbart und wird eingehalten.",
            "Die Mietschulden sind zur Hälfte abbezahlt.",
            "Keine Schulden mehr, der Mietvertrag ist gesichert.",
        ),
        (
            ("parent", "geht mit allen Briefen zur Schuldnerberatung."),
            ("Schuldnerberatung", "klärt mit der Wohnungsgesellschaft eine Ratenzahlung."),
        ),
    ),
    GoalTemplate(
        "existenz",
        "parent",
        "Ich will mit dem Geld bis zum Monatsende auskommen.",
        "Woran merken wir es? Am 25. des Monats ist noch Geld für Lebensmittel da.",
        (
            "Das Geld reicht nur bis zur Monatsmitte, es kommen neue Schulden dazu.",
            "Das Geld reicht bis zum 20.",
            "Das Geld reicht bis zum 25.",
            "Das Geld reicht bis zum Monatsende.",
            "Jeden Monat bleibt ein kleiner Betrag zum Sparen.",
        ),
        (
            ("parent", "führt ein Haushaltsbuch und bringt es zur Familienhilfe mit."),
            ("Familienhilfe", "hilft beim Antrag auf Leistungen für Bildung und Teilhabe."),
        ),
    ),
    GoalTemplate(
        "konflikte",
        "child",
        "Ich will, dass wir zu Hause weniger streiten und ich nicht mehr abhaue.",
        "Woran merken wir es? {kind} übernachtet jede Nacht zu Hause, und Streit wird mit der "
        "Ampelkarte unterbrochen.",
        (
            "{kind} ist mehrmals im Monat über Nacht weg.",
            "{kind} ist einmal im Monat über Nacht weg.",
            "{kind} ist jede Nacht zu Hause, es gibt aber noch laute Streits.",
            "Streits werden meistens mit der Ampelkarte unterbrochen.",
            "Die Familie löst Streit am Sonntag im Familienrat.",
        ),
        (
            ("child", "zeigt die rote Karte und geht zehn Minuten ins Zimmer, statt wegzulaufen."),
            ("parent", "ruft bei Streit die Familienhelferin an, statt hinterherzuschreien."),
        ),
    ),
    GoalTemplate(
        "konflikte",
        "family",
        "Wir wollen wieder miteinander reden, ohne dass es gleich laut wird.",
        "Woran merken wir es? Einmal pro Woche sitzen alle beim Familienrat zusammen, und er "
        "endet ohne Türenknallen.",
        (
            "Es wird nur noch geschrien oder geschwiegen.",
            "Ein Familienrat hat einmal stattgefunden und endete im Streit.",
            "Der Familienrat findet alle zwei Wochen statt.",
            "Der Familienrat findet jede Woche statt und endet ruhig.",
            "Die Familie klärt Streit auch zwischendurch selbst.",
        ),
        (
            ("family", "legt den Familienrat auf Sonntag nach dem Mittagessen."),
            ("Familienhilfe", "leitet die ersten beiden Familienräte an."),
        ),
    ),
    GoalTemplate(
        "kinderschutz",
        "parent",
        "Ich will, dass meine Kinder sicher sind und sich auf mich verlassen können.",
        "Woran merken wir es? Die Kinder sind abends nie allein, und der Notfallplan hängt an "
        "der Tür.",
        (
            "Die Kinder sind abends regelmäßig allein.",
            "Die Kinder sind manchmal allein, ein Notfallplan fehlt.",
            "Der Notfallplan steht, eine Betreuung ist für jeden Abend organisiert.",
            "Die Betreuung klappt seit acht Wochen ohne Ausnahme.",
            "{eltern} organisiert die Betreuung selbstständig mit Familie und Nachbarn.",
        ),
        (
            ("parent", "schreibt mit der Großmutter einen Wochenplan für die Abende."),
            ("ASD", "macht einmal im Monat einen Hausbesuch."),
        ),
    ),
    GoalTemplate(
        "freizeit",
        "child",
        "Ich will in einen Verein gehen und Freunde finden.",
        "Woran merken wir es? {kind} geht einmal pro Woche zum Training und trifft sich am "
        "Wochenende mit Freundinnen oder Freunden.",
        (
            "{kind} ist nur zu Hause und am Handy.",
            "{kind} war einmal beim Probetraining.",
            "{kind} geht meistens einmal pro Woche zum Training.",
            "{kind} geht jede Woche hin und trifft Freunde auch am Wochenende.",
            "{kind} ist fest im Team und hilft bei den Jüngeren mit.",
        ),
        (
            ("child", "geht mit zum Probetraining beim Sportverein."),
            ("Jugendarbeit", "stellt {kind} im {treff} vor."),
        ),
    ),
    GoalTemplate(
        "freizeit",
        "family",
        "Wir wollen als Familie wieder mehr zusammen unternehmen.",
        "Woran merken wir es? Einmal im Monat macht die Familie einen Ausflug, zum Beispiel an "
        "den Strand nach Warnemünde.",
        (
            "Die Familie unternimmt nichts gemeinsam.",
            "Ein Ausflug ist geplant, hat aber nicht stattgefunden.",
            "Einmal im Monat gibt es einen gemeinsamen Ausflug.",
            "Zwei gemeinsame Unternehmungen im Monat.",
            "Die Kinder planen die Ausflüge selbst mit.",
        ),
        (
            ("family", "sucht sich am Monatsanfang einen Ausflug aus."),
            ("Familienbildung", "gibt den Ferienkalender vom {zentrum} weiter."),
        ),
    ),
    GoalTemplate(
        "sucht",
        "parent",
        "Ich will ohne Alkohol für meine Kinder da sein.",
        "Woran merken wir es? {eltern} geht jede Woche zur Suchtberatung und ist an den "
        "Wochenenden nüchtern.",
        (
            "{eltern} trinkt täglich und geht nicht zur Beratung.",
            "{eltern} war einmal bei der Suchtberatung.",
            "{eltern} geht regelmäßig zur Beratung, es gibt noch Rückfälle.",
            "Seit einem Monat kein Rückfall.",
            "Seit drei Monaten kein Rückfall, eine Therapie ist beantragt.",
        ),
        (
            ("parent", "vereinbart selbst einen Termin bei der Suchtberatung."),
            ("Gesundheit", "begleitet den Antrag auf eine ambulante Therapie."),
        ),
    ),
    GoalTemplate(
        "trennung",
        "parent",
        "Die Kinder sollen beide Eltern sehen, ohne zwischen die Fronten zu geraten.",
        "Woran merken wir es? Die Umgangswochenenden finden wie vereinbart statt, und die "
        "Übergabe klappt ohne Streit vor den Kindern.",
        (
            "Der Umgang fällt aus, Übergaben enden im Streit.",
            "Der Umgang findet unregelmäßig statt.",
            "Der Umgang findet wie vereinbart statt.",
            "Umgang wie vereinbart, Übergaben ohne Streit.",
            "Die Eltern sprechen Änderungen selbst miteinander ab.",
        ),
        (
            ("parent", "bespricht Übergaben nur noch per Nachricht, nicht vor den Kindern."),
            ("Erziehungsberatung", "lädt beide Eltern zu zwei gemeinsamen Gesprächen ein."),
        ),
    ),
    GoalTemplate(
        "",
        "parent",
        "Ich will wieder Kraft haben für mich und die Kinder.",
        "Woran merken wir es? {eltern} schläft wieder durch und hat einen Abend pro Woche für "
        "sich.",
        (
            "{eltern} ist völlig erschöpft und schafft den Alltag kaum.",
            "{eltern} hat selten etwas Zeit für sich.",
            "Einen Abend pro Woche hat {eltern} für sich.",
            "{eltern} schläft wieder besser und hat einen festen freien Abend.",
            "{eltern} hat ein eigenes Hobby und trifft Freundinnen und Freunde.",
        ),
        (
            ("parent", "meldet sich zum Kurs „Starke Eltern – starke Kinder“ an."),
            ("Familienbildung", "organisiert die Kinderbetreuung während des Kurses."),
        ),
    ),
)
