"""Nothing of the two seed documents may silently disappear from the example charter.

The table below quotes the Smartschool basic protocol and the quality card
"Ouderbetrokkenheid – communicatie in onze school" phrase by phrase (Dutch,
the original wording). Each phrase must be found in the Dutch rendering of the
loaded model; the facts (times, durations, numbers, contacts, OK codes) must be
found as data, not only as prose.
"""

from __future__ import annotations

import re
from datetime import time

import pytest

from digicharter.schema import SECTION_FILES
from digicharter.validation.walk import texts
from digicharter.view import views

# ---------------------------------------------------------------- the protocol
PROTOCOL = [
    "Basisprotocol voor Smartschool",
    "Onze school zet graag ‘Smartschool voor ouders’ in om de bereikbaarheid van leraar, school en ouders te optimaliseren.",
    "Achter zo’n online-platform schuilen echter uitdagingen die we met een aantal basisregels in dit protocol wensen op te vangen.",
    "de druk op de schouders van ouders, kinderen en leraren niet verhogen door het introduceren van dit platform",
    "Dit protocol zal in de loop van het gebruik van ‘Smartschool voor ouders’ verder blijven evolueren, naargelang de noden zich voordoen.",
    "Algemeen",
    "Smartschool wordt enkel voor schooldoeleinden gebruikt.",
    "Schoolagenda’s (kleuterschriftjes) worden in een beginfase nog steeds gebruikt als eerste communicatiekanaal.",
    "Gestuurde berichten horen binnen de 48 uur (schoolwerkdagen) geopend te worden.",
    "Geopende berichten horen binnen de 24 uur (schoolwerkdag) een eerste reactie te krijgen.",
    "Er wordt steeds met respect voor elkaar gecommuniceerd.",
    "boodschappen 'MET DRUKLETTERS' om een gevoel of dringendheid duidelijk te maken, worden niet getolereerd.",
    "Bij onenigheid, een frustratie, een bedenking, … kan er contact gelegd worden via Smartschool of de klasagenda voor een persoonlijk overleg.",
    "Conflicten worden niet per mail besproken.",
    "Leraren en ouders of verantwoordelijke opvoeders worden gevraagd om problemen onder vier ogen aan te pakken.",
    "Schoolteam",
    "De school verbindt er zich toe om na 17.00 u geen berichten meer te versturen.",
    "Hier kan worden van afgeweken in noodsituaties of hoogdringendheid: coronacrisis",
    "Tijdens de gewone schoolwerkweek doen de fulltime leraren minstens één keer per schooldag hun smartschoolmail open.",
    "Leraren die niet fulltime werken doen hun smartschoolmail minstens één keer open op de dagen dat ze op school zijn.",
    "Taken en lessen worden op de eerste plaats tijdens de dag via de schriftelijke agenda's (of contractwerken) meegegeven.",
    "Er kunnen geen taken door leraren via Smartschool opgegeven worden voor de volgende werkdag, tenzij hier via de agenda duidelijk naar verwezen wordt tijdens de schooluren (niet in het weekend of na 15.30 u).",
    "Ouders of verantwoordelijke opvoeders",
    "We vragen aan ouders of verantwoordelijke opvoeders om dagelijks Smartschool te openen om communicatie niet te mislopen (vb: brieven, mailing, …).",
    "U kunt hier ook gebruik maken van automatische meldingen van Smartschool bij berichtgeving vanuit de school.",
    "Ouders of verantwoordelijke opvoeders blijven afwezigheden doorbellen naar school. Dit gebeurt niet via smartschool.",
    "We rekenen erop dat we met deze basisregels reeds een heel aantal uitdagingen rond het werken met Smartschool voor ouders opvangen.",
    "Indien er nog bezorgdheden ondervonden worden, horen we het graag.",
    "Met vriendelijke groeten,",
    "Het schoolteam",
]

# ---------------------------------------------------------------- the quality card
QUALITY_CARD = [
    "Ouderbetrokkenheid – communicatie in onze school",
    "We willen, volgens vooropgestelde afspraken, een open en duidelijke communicatie voeren tussen school en ouders.",
    "Heldere communicatie is van fundamenteel belang voor alle betrokken partijen.",
    "Iedereen verwacht snel en efficiënt geholpen te worden.",
    "De huidige beschikbare communicatiemiddelen zorgen er bovendien voor dat boodschappen zich razendsnel verspreiden.",
    "We trachten te zoeken naar een evenwichtig maar toch helder mogelijke wijze om u te woord te staan.",
    # Telefoon
    "011 621 613 is het telefoonnummer van de school.",
    "De administratief bediende is elke dag aanwezig van 8.30 u tot 13.00 u.",
    "het mogelijk is dat de administratief bediende voor een korte periode niet aanwezig is op het secretariaat. In dat geval bel je best enkele ogenblikken later terug.",
    "Wegens privacy-redenen kan de leerkracht steeds gebruik maken van het telefoontoestel van de school.",
    "0497 381 759 is het GSM-nummer van de directie.",
    "Gelieve een SMS te sturen zodat de directie op een gepast moment kan terug bellen.",
    "De afwezigheden van een leerling worden ’s morgens doorgegeven via SMS op 0497 381 759.",
    "Ouders kunnen de directie in uitzonderlijke gevallen bereiken na de schooluren.",
    "Ouders worden door de school slechts in dringende gevallen gebeld.",
    "Indien hun kind ziek of gewond is, worden ouders op hun werk (nummer wordt opgegeven bij inschrijving) gecontacteerd.",
    "Bij grensoverschrijdend uitermate storend of gevaarlijk gedrag, worden ouders door de leerkracht of de directeur gecontacteerd.",
    "De leerkracht kiest er zelf voor of zij haar telefoonnummer wilt delen met de ouders. De school zal geen telefoonnummers doorgeven.",
    "Er wordt gecommuniceerd via de agenda of via het mailadres van de leerkracht (voornaam.achternaam@deboomhutlozen.be)",
    "Er wordt niet gecommuniceerd via Social Media of Whatsapp.",
    "We respecteren de avonduren (20.00 u nemen wij als richtlijn), de weekenden en de schoolvakanties. Dit zijn communicatie-luwe momenten.",
    "dan bepaalt de leerkracht het tijdstip van communicatie. Niet elk moment is een gepast moment om te reageren.",
    # E-mail
    "administratie@deboomhutlozen.be: dit is het e-mailadres van het secretariaat.",
    "Vragen over facturen, bestellingen, … doe je naar dit adres.",
    "directie@deboomhutlozen.be: dit e-mailadres gebruik je als de inhoud van je mail kind gerelateerd is.",
    "inge.cox@deboomhutlozen.be",
    "ann.desair@deboomhutlozen.be",
    "We willen op elke vraag een correct en volledig antwoord kunnen geven. Dit vraagt soms tijd.",
    "Je mag binnen de 48 uur op weekdagen een antwoord verwachten.",
    # Info-avonden
    "In juni worden de datums voor de infoavonden in september gecommuniceerd. Je aanwezigheid is belangrijk.",
    "De klasleerkracht legt de werking van het leerjaar uit. De directie legt de schoolwerking uit.",
    # Agenda
    "De agenda van de leerling is het belangrijkste communicatiemiddel tussen leerling/ouders en leerkracht/school.",
    "De ouders vullen de datums van 2 weken in.",
    "De ouders kijken elke dag de agenda na en tekenen de agenda af.",
    "De leerling toont dagelijks de agenda aan de leerkracht.",
    "De leerkracht tracht elke dag de agenda na te kijken.",
    # WhatsApp
    "De klaswhatsappgroep wordt NIET gebruikt om:",
    "Klassituaties te bespreken.",
    "Leerlingsituaties te bespreken.",
    "Schoolsituaties te bespreken.",
    "Kritiek te geven over de leerkracht.",
    "Wanneer de school vaststelt dat dit toch gebeurt, word je aangesproken door de directie.",
    "Op deze manier geef je aan dat je geen gebruik wilt maken van open communicatie.",
    "Je komt je engagement, waarmee je akkoord gaat bij de ondertekening van het schoolreglement, niet na.",
    # Facebook
    "Onze school is ook te volgen op facebook (gesloten groep).",
    "Onze school gebruikt deze pagina enkel om leuke activiteiten in de kijker te zetten. We houden hierbij rekening met GDPR.",
    "Deze pagina is niet bedoeld om vragen te stellen of om kritiek te spuien.",
    "Elke ouder ondertekent een document ‘toestemming gebruik beeldmateriaal’.",
    "Het kan gebeuren dat (groot)ouders beeldmateriaal maken tijdens schoolactiviteiten. De school heeft daar geen invloed op.",
    "Wel willen we vragen zelf terughoudend te zijn in het nemen van veelvuldige foto’s tijdens deze activiteiten.",
    "Deel geen beeldmateriaal op sociale media zonder toestemming. Zo blijft het voor iedereen fijn.",
    "De oudervereniging heeft wel een Facebookaccount waarop ze hun acties delen en er verslag over uitbrengen.",
    "Zij delen geen beeldmateriaal waarop kinderen afgebeeld zijn.",
    # Gimme
    "een gratis communicatieplatform dat speciaal ontwikkeld is voor gebruik in het onderwijs.",
    "De leerkracht bepaalt wie de klas kan volgen. Onze school kiest ervoor om enkel toestemming aan ouder(s) te geven.",
    "De volgers van een klas ontvangen een nieuw bericht direct via de Gimme-app.",
    "Een klas en de berichten op Gimme zijn voor buitenstaanders niet zichtbaar.",
    "Om een klas te volgen, ontvangt de ouder een uitnodiging van de leerkracht met een unieke klascode.",
    "Het is voor ons een belangrijk digitaal communicatiekanaal dat we erg waardevol vinden en waarbij op een occasioneel moment informatie kan doorgegeven worden aan de ouders.",
    "Elke ouder ontvangt hiervoor een stappenplan bij aanvang van het schooljaar.",
    "Op deze manier vermijden we een stapel kopieerwerk, losse papieren in de boekentas van onze kind(eren)",
    "kunnen we op een eenvoudige manier info doorgeven over het reilen en zeilen van de klas/school.",
    "Ouders worden op de hoogte gebracht van activiteiten en gebeurtenissen via het Gimme. Ze geven hiervoor hun e-mailadres op bij inschrijving.",
    "Ouders worden geacht de berichten te lezen, omdat er belangrijke info over de klaswerking wordt meegedeeld.",
    "We geven zo weinig mogelijk of geen brieven of folders mee.",
    "We volgen de richtlijn van de scholengemeenschap om geen berichten (via Gimme) of flyers en brieven (uitdelen) van verenigingen te verspreiden.",
    "Uitzondering hierop vormen de gemeentelijke initiatieven.",
    "Ook voor de jeugdbewegingen die zich op school komen voorstellen d.m.v. een activiteit voor de leerlingen, maken we een uitzondering.",
    # Oudercontacten
    "Informeel oudergesprek: deze gebeuren aan de schoolpoort ’s morgens of bij de avondbel. Dit is voor ons een vorm van ‘warme’ communicatie.",
    "Formeel oudergesprek: een formeel oudergesprek is een vooraf vastgelegd moment tussen ouder(s)/verzorger(s) en de medewerker(s) van de school.",
    "We vinden deze formele gesprekken vaak terug in rapportbesprekingen, oudercontacten of bij leerlingenbesprekingen met beleidsmedewerkers en/of externe hulpverleners.",
    "We organiseren deze 3 keer per schooljaar.",
    "Voor die leerlingen waar we meer tijd voor willen uittrekken worden deze (zorg)gesprekken op voorhand gedaan.",
    "Hierop zijn zowel zorgcoördinator, directie, externe partners en ouders aanwezig.",
    "Aan gescheiden ouders vragen we om samen naar het oudercontact of zorggesprek te komen.",
    "Op hetzelfde moment wordt dezelfde informatie aan beide ouders gedeeld. Dit om nadien discussies te vermijden.",
    # Zorgoverleg
    "De leerkracht, zorgcoördinator of directie bericht de ouders wanneer dit nodig is.",
    "Er wordt geen verslag uitgebracht van elk zorgmoment tussen kind en zorgjuf.",
    "Er gaan enkele zorgmomenten met de zorgjuf vooraf om een zorg in kaart te kunnen brengen.",
    "Je mag erop rekenen dat de school op tijd contact opneemt om een zorgprobleem samen te kaderen.",
    "Het is de taak van de ouders en/of externe zorgpartner (kiné, logo, …) om de school op de hoogte te brengen van het zorgtraject",
    "Gegevens zorgpartner",
    "Frequentie",
    "Doel",
    "Wanneer de externe zorgpartner contact heeft opgenomen met de leerkracht, kunnen violen gelijk gestemd worden.",
    "De leerkracht maakt geen verslag voor elke consultatie bij de externe zorgpartner. Verbeterde schoolboeken worden meegegeven ter inzage.",
    "Zo heeft de externe zorgpartner een goed beeld over welke leerstof werd gezien en waar de moeilijkheden zitten.",
    "De schoolboeken zijn de volgende lesdag terug aanwezig in de klas.",
    "De leerkracht voorziet geen materialen voor de externe zorgverlener. Dit is de verantwoordelijkheid van de externe zorgverlener.",
    "De agenda wordt gebruikt als communicatiemiddel.",
    # Bijlage: OK-kader and PDCA
    "Bijlage 1.4",
    "Indeling OK-kader",
    "De school ontwikkelt haar kwaliteit vanuit een gedragen visie die vertaald is in de onderwijsleerpraktijk.",
    "De school evalueert haar werking cyclisch, systematisch en betrouwbaar vanuit de resultaten en effecten bij de lerenden.",
    "De school borgt en ontwikkelt de kwaliteit van de onderwijsleerpraktijk.",
    "De school werkt participatief en responsief.",
    "De school communiceert transparant over haar werking met alle betrokkenen.",
    "Digicharter op bladwijzer in agenda en toelichting op infoavond",
    "Digicharter uitgedeeld en toegelicht op infoavond.",
    "Leerkrachten moeten zelf de eigen grenzen respecteren.",
    "Ouders blijven attent maken op de afspraken, opgenomen in de schoolbrochure en toegelicht op de infoavond in september.",
    "Afspraken blijven aanhalen op volgende infomomenten.",
    "Leerkrachten attent maken dat zij zich ook houden aan de afspraken.",
]

CHANNELS = ["Telefoon", "E-mail", "Agenda", "Smartschool", "Gimme", "WhatsApp", "Facebook", "Infoavonden", "Oudercontacten", "Zorgoverleg"]


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


@pytest.fixture(scope="module")
def dutch_corpus(loaded) -> str:
    """Every text of the charter, in Dutch, with its references written out."""
    view = next(v for v in views(loaded.charter) if v.code == "nl")
    parts = []
    for section in SECTION_FILES:
        for _, text in texts(getattr(loaded.charter, section)):
            parts.append(view.text(text, "plain"))
    return _normal(" ¶ ".join(parts))


@pytest.mark.parametrize("phrase", PROTOCOL + QUALITY_CARD + CHANNELS)
def test_seed_phrase_is_in_the_charter(dutch_corpus, phrase):
    assert _normal(phrase) in dutch_corpus


def test_times_are_data(loaded):
    times = loaded.charter.times
    assert times.times["no_school_messages_after"] == time(17, 0)
    assert times.times["evening_quiet_from"] == time(20, 0)
    assert times.times["task_deadline"] == time(15, 30)
    assert (times.periods["office_hours"].start, times.periods["office_hours"].end) == (time(8, 30), time(13, 0))


def test_durations_are_data_with_their_kind(loaded):
    durations = {k: (d.amount, d.unit, d.counted_in) for k, d in loaded.charter.times.durations.items()}
    assert durations["open_message"] == (48, "hours", "school_days")
    assert durations["first_reaction"] == (24, "hours", "school_day")
    assert durations["email_answer"] == (48, "hours", "weekdays")
    assert loaded.charter.times.numbers["formal_parent_talks_per_year"] == 3
    assert loaded.charter.times.numbers["agenda_weeks_dated"] == 2


def test_contacts_are_data(loaded):
    school = loaded.charter.school
    phones = {p.number.e164: p for p in school.phones}
    assert phones["+3211621613"].hours == "office_hours"
    assert phones["+32497381759"].prefer_sms is True
    addresses = {e.address.lower() for e in school.emails}
    assert addresses == {
        "administratie@deboomhutlozen.be",
        "directie@deboomhutlozen.be",
        "inge.cox@deboomhutlozen.be",
        "ann.desair@deboomhutlozen.be",
    }
    assert school.teacher_email.domain == "deboomhutlozen.be"


def test_every_seed_channel_exists_and_has_agreements(loaded):
    view = views(loaded.charter)[0]
    ids = [c.id for c in loaded.charter.channels.channels]
    assert ids == ["phone", "email", "agenda", "smartschool", "gimme", "whatsapp", "facebook", "info_evenings", "parent_contacts", "care_meetings"]
    for channel_id in ids:
        assert view.agreements_for(channel_id), channel_id


def test_rules_bind_who_the_seeds_say(loaded):
    view = views(loaded.charter)[0]
    assert view.agreement("smartschool-no-messages-after").binds == ["school_team"]
    assert set(view.agreement("smartschool-teachers-open-mail").binds) == {"full_time_teachers", "part_time_teachers"}
    assert view.agreement("smartschool-absences-by-phone").binds == ["parents"]
    sections = {r.id: r.section for r in loaded.charter.protocol.rules}
    assert list(dict.fromkeys(sections.values())) == ["general", "school_team", "parents"]


def test_ok_framework_and_pdca(loaded):
    codes = [e.code for e in loaded.charter.framework.expectations]
    assert codes == ["K1", "K2", "K3", "BL3", "BL6"]
    pdca = loaded.charter.quality.pdca
    assert pdca.plan.text and pdca.do.text and pdca.check.text and len(pdca.act.items) == 3
    view = views(loaded.charter)[0]
    for code in ("K1", "BL3", "BL6"):
        assert view.agreements_serving(code), f"no agreement serves {code}"
