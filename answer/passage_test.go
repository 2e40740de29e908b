package answer

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/german"
	"github.com/laendergraph/laendergraph/search"
)

// passageDocs are short invented press texts, written for these tests.
var passageDocs = []corpus.Document{
	{ID: "p1", File: "p1.txt", Title: "Neue Landesagentur für Quantenrechnen", Date: "2031-05",
		Text: "Die Landesregierung hat am 3. Mai 2031 eine Agentur für Quantenrechnen gegründet. Sie sitzt in Kiel und beginnt mit zwölf Beschäftigten. Vorbild war eine ähnliche Einrichtung in Bayern."},
	{ID: "p2", File: "p2.txt", Title: "Vergleich der Länder beim Glasfaserausbau", Date: "2032",
		Text: "Beim Glasfaserausbau liegen Hessen, Sachsen und das Saarland vorn. Schlusslicht im Ranking ist Bremen. Im Vorjahr hatte Berlin die Spitze gehalten."},
	{ID: "p3", File: "p3.txt", Title: "Vorsitz im Rat für Verwaltungsdaten", Date: "2033-01",
		Text: "Den Vorsitz im Rat für Verwaltungsdaten hatte im Jahr 2031 Thüringen inne. Im Jahr 2032 führte Niedersachsen den Vorsitz."},
	{ID: "p5", File: "p5.txt", Title: "Breitbandatlas der Schulen 2034", Date: "2034-10",
		Text: "Der Breitbandatlas der Schulen 2034 vergleicht alle Länder. Ganz oben steht in diesem Jahr Hamburg, vor Bremen (88 Prozent) und Berlin. Unter den Flächenländern schneidet Hessen am besten ab. Am unteren Ende der Tabelle findet sich Niedersachsen; knapp hinter Sachsen liegt es mit 41 Prozent. Den vorletzten Platz belegt Brandenburg."},
	{ID: "p6", File: "p6.txt", Title: "Meldungen", Date: "2036-02",
		Text: "Gemeinsames Rechenzentrum für Wetterdaten in Gera eröffnet – Bayern bleibt außen vor. Thüringen und Sachsen betreiben das Rechenzentrum für Wetterdaten in Gera gemeinsam."},
	{ID: "p7", File: "p7.txt", Title: "Neuer Dienst für Bauanträge", Date: "2035-03",
		Text: "Ein Lotse für Bauanträge soll Bürgern den Weg durch die Ämter zeigen. Bremen und Hessen werden den Bauantragslotsen ab Herbst erproben. Nach der Erprobung soll er in allen Ländern kommen."},
	{ID: "p8", File: "p8.txt", Title: "Verbund für Funkdaten tagt", Date: "2036-05",
		Text: "Die Leiter der Funkdatenzentren trafen sich in Leipzig. Dem Verbund für Funkdaten gehören Sachsen und Thüringen an, Hessen ist Beobachter im Verbund für Funkdaten. Bayern enthielt sich bei der Wahl des Sprechers."},
	{ID: "p9", File: "p9.txt", Title: "Ergebnisprotokoll der 12. Sitzung", Date: "2036-06",
		Text: "Vorsitz: Bremen\n\nBeschluss 7: Der Rat für Verwaltungsdaten beschließt das Projekt Funkregister. Die Federführung übernehmen Hessen und Bayern gemeinsam."},
	{ID: "p10", File: "p10.txt", Title: "Digitalprogramm Brandenburg 2036", Date: "2036-01",
		Text: "Mit Sachsen wird ein gemeinsames Rechenzentrum für Forstdaten aufgebaut."},
	{ID: "p11", File: "p11.txt", Title: "Vereine im Netz", Date: "2037-05",
		Text: "Inzwischen nutzen 400 Gemeinden in Hessen die Vereinsapp – und seit dem Sommer auch 30 Gemeinden im Saarland. Bayern prüft noch."},
	{ID: "p12", File: "p12.txt", Title: "Lernkiste jetzt auch in Thüringen", Date: "2038-04",
		Text: "Die Schulplattform Lernkiste, mit der Lehrkräfte Arbeitsblätter teilen und Klassenarbeiten digital korrigieren können, ist seit 2036 an allen Schulen in Sachsen im Einsatz. Betrieben wird die Lernkiste von einem Landesamt in Chemnitz. Seit dem Frühjahr nutzt auch Thüringen die Lernkiste. Brandenburg hat die Lernkiste geprüft, setzt sie aber nicht ein. Auch Bremen setzt die Lernkiste nicht ein."},
	{ID: "p13", File: "p13.txt", Title: "Interview mit dem sächsischen Digitalminister", Date: "2039-02",
		Text: "Frage: Warum braucht es ein zweites Rechenzentrum? Antwort: Ein Ausfall darf die Verwaltung nicht lahmlegen. Deshalb haben wir gemeinsam mit Thüringen ein Ausweichrechenzentrum in Suhl gebaut."},
	{ID: "p14", File: "p14.txt", Title: "Meldungen aus Hessen", Date: "2039-06",
		Text: "Wiesbaden. Die Konferenz hat in Erfurt beschlossen, einen gemeinsamen Datenhub aufzubauen.\n\nFür den Datenhub stellt das Land zwei Millionen Euro bereit."},
	{ID: "p15", File: "p15.txt", Title: "Beschlussempfehlung des Landtags von Hessen", Date: "2040-02",
		Text: "Die Landesregierung wird gebeten,\n1. ein Kompetenzzentrum für Spieledaten vorzuschlagen,\n2. dem Ausschuss zu berichten,\n3. die Erfahrungen aus der Zusammenarbeit mit Bayern einzubringen."},
	{ID: "p16", File: "p16.txt", Title: "Schulserver im Vergleich", Date: "2041-03",
		Text: "Anders als Hessen, das seine Schulserver über einen eigenen Landesbetrieb betreibt, setzt Bayern auf einen privaten Dienstleister."},
	{ID: "p17", File: "p17.txt", Title: "Nachrichten aus Niedersachsen", Date: "2041-04",
		Text: "Auf den Datendienst Funkblick wird die Landesregierung verzichten, solange das eigene Portal genügt."},
	{ID: "p18", File: "p18.txt", Title: "Netze der Verwaltung", Date: "2041-05",
		Text: "Die Regierungen von Sachsen und Thüringen trafen sich in Jena. Beide Länder vereinbarten, ihre Verwaltungsnetze bis 2045 zum Datennetz Mitte zu verbinden. Bayern will sich vorerst nicht anschließen."},
	{ID: "p19", File: "p19.txt", Title: "Eisregen 58: Drei Länder proben den Stromausfall", Date: "2058-03",
		Text: "Vom 2. bis 4. März 2058 fand in Kassel die Übung „Eisregen 58“ statt. Gastgeber war das Lagezentrum der Landespolizei.\n\nBeteiligt waren die Krisenstäbe aus Hessen, Thüringen und Niedersachsen. Bayern schickte einen Beobachter, übte aber nicht mit."},
	{ID: "p20", File: "p20.txt", Title: "Bremer Lernplattform Kreidestaub wächst", Date: "2060-03",
		Text: "Seit März nutzen nun Bremen und Brandenburg gemeinsam die Lernplattform Kreidestaub. Niedersachsen hatte Kreidestaub ebenfalls erprobt, sich dann aber für ein eigenes Produkt entschieden."},
	{ID: "p21", File: "p21.txt", Title: "Mehr Lizenzen für die Landesverwaltung", Date: "2061-05",
		Text: "Die Landesverwaltung setzt auf KI. KI soll Routinearbeit abnehmen. Mit KI sollen Anträge schneller bearbeitet werden. Im Einsatz ist in der sächsischen Landesverwaltung vor allem das KI-Diktierprogramm Tintenfass, das Anträge vorsortiert. Tintenfass wird seit Januar auch in der Thüringer Landesverwaltung eingesetzt. Tintenfass gilt als Erfolg, auch wenn Hessen die Lizenzen für zu teuer hält."},
	{ID: "p22", File: "p22.txt", Title: "Neue Einkaufsgemeinschaft", Date: "2064-05",
		Text: "Das Land Berlin und das Land Brandenburg haben eine gemeinsame Einkaufsgemeinschaft für Software gegründet. Sie heißt „Hauptstadtregion kauft ein“."},
	{ID: "p23", File: "p23.txt", Title: "Ergebnisprotokoll der Runde", Date: "2064-06",
		Text: "TOP 3 – Haushalt\n\nDie Runde nimmt den Bericht zur Kenntnis.\n\nTOP 4 – Leitfaden zur Funkverschlüsselung\n\nDie Runde beschließt, einen Leitfaden zu erarbeiten. Die Kosten trägt der Bund.\n\nBeschluss: Die Federführung übernehmen Hamburg und Sachsen."},
	{ID: "p24", File: "p24.txt", Title: "Flurstücke digital", Date: "2067-02",
		Text: "Thüringen baut die Datenbank Flurstück gemeinsam mit Sachsen-Anhalt auf; Sachsen hat sich gegen eine Beteiligung entschieden."},
	{ID: "p25", File: "p25.txt", Title: "Ein Speicher am Rhein", Date: "2068-02",
		Text: "Seit Mai betreiben Hessen und Rheinland-Pfalz gemeinsam den Datenspeicher Rhein. Beide Länder sichern dort ihre Grundbuchdaten.\n\nNordrhein-Westfalen liegt auch am Rhein. Macht Düsseldorf mit?\n\nNoch nicht, heißt es aus dem Rhein-Ministerium."},
	{ID: "p26", File: "p26.txt", Title: "Gemeinsames Bürgerkonto", Date: "2068-03",
		Text: "Mit dem „Hauptstadtregion-Konto“ melden sich Bürger bei Diensten beider Länder an. Berlin und Brandenburg betreiben das Konto gemeinsam; Hamburg hatte ein ähnliches Konto schon früher, ist aber nicht beteiligt."},
	{ID: "p27", File: "p27.txt", Title: "Handreichung zu Sprachmodellen", Date: "2068-04",
		Text: "Zwei Aufsichtsbehörden haben eine gemeinsame „Handreichung Sprachmodelle“ veröffentlicht. Die Landesbeauftragte für Datenschutz und Informationsfreiheit des Freistaats Sachsen, Ida Ilm, hat das Papier gemeinsam mit der Aufsichtsbehörde aus Bremen erarbeitet. Bayern war an den Vorarbeiten beteiligt, hat sich aber nicht angeschlossen."},
	{ID: "p28", File: "p28.txt", Title: "Beschlüsse der Konferenz", Date: "2069-11",
		Text: "1. Die Länder Berlin, Bremen und Hamburg bilden den Länderbund Offene Arbeitsplätze (LSA).\n2. Weitere Länder können sich dem LSA jederzeit anschließen."},
	{ID: "p29", File: "p29.txt", Title: "Funklochsuche im Wald", Date: "2069-08",
		Text: "Seit 2068 melden Bürger in Hessen weiße Flecken mit dem Funkloch-Melder, einer App des Landes. Auch Thüringen nutzt den Funkloch-Melder inzwischen."},
	{ID: "p30", File: "p30.txt", Title: "Landesdatenplattform kommt gemeinsam mit Bremen", Date: "2074-03",
		Text: "Hannover, 07.03.2074 – Nr. 58\n\nDie Landesdatenplattform wird gemeinsam mit der Freien Hansestadt Bremen aufgebaut und betrieben."},
	{ID: "p31", File: "p31.txt", Title: "Senat beschließt Strategie", Date: "2075-01",
		Text: "Schwerpunkte sind:\n1. Ausbau der Datenplattform;\n2. Weiterentwicklung des Lagezentrums Küste, das Hamburg gemeinsam mit Bremen und Schleswig-Holstein betreibt;\n3. ein Programm für die Bezirke."},
	{ID: "p32", File: "p32.txt", Title: "Sprachassistenten der Länder", Date: "2076-09",
		Text: "Den Sprachassistenten Amtsfuchs hat Hessen entwickelt und gebaut; inzwischen nutzen ihn mehrere Länder.\n\nDer Freistaat Bayern hat mit Isarbot einen Sprachassistenten selbst gebaut."},
	{ID: "p33", File: "p33.txt", Title: "Chatbot für Bürgerfragen", Date: "2077-06",
		Text: "Seit Juni beantwortet der Chatbot FEDERWERK in Hessen Anfragen zu Wohngeld und Kfz-Zulassung."},
	{ID: "p34", File: "p34.txt", Title: "Bayern startet eigenen Chatbot", Date: "2077-07",
		Text: "Ab sofort beantwortet der Chatbot KRANICH in bayerischen Landratsämtern Bürgerfragen rund um die Uhr. Er läuft in einem Rechenzentrum in Nürnberg. Die Hochschule Ansbach hat das Modell trainiert. Anders als Hessen, das FEDERWERK gewählt hat, setzt der Freistaat auf eine Eigenentwicklung."},
	{ID: "p35", File: "p35.txt", Title: "Portal für Pendler", Date: "2077-08",
		Text: "Gemeinsam mit dem Freistaat Thüringen startet Hessen zum 1. Mai das Pendlerportal „Ohne Umweg“. Bayern war bei der Vorstellung als Gast dabei."},
	{ID: "p36", File: "p36.txt", Title: "Anhörung zum Lotsenprogramm", Date: "2078-02",
		Text: "Mit dem Programm Funklotsen hilft Niedersachsen seinen Gemeinden. In der Anhörung wies der Bremer Städtetag darauf hin, dass anders als Niedersachsen die Freie Hansestadt Bremen auf ein Programm mit Funklotsen für die Gemeinden verzichtet."},
	{ID: "p37", File: "p37.txt", Title: "Erprobung des Funkregisters", Date: "2078-03",
		Text: "Der Rat beschließt die Erprobung des Funkregisters ab Mai. Die Kosten trägt der Bund.\n\nBremen, Hessen und Thüringen nehmen als Modellländer teil."},
	{ID: "p38", File: "p38.txt", Title: "Antwort der Landesregierung Niedersachsen", Date: "2078-05",
		Text: "Frage 2: Hat das Land beim Probelauf Hagelschlag mitgemacht?\n\nDas Land war nur mit einem Gast vertreten."},
	{ID: "p39", File: "p39.txt", Title: "Probelauf Hagelschlag beendet", Date: "2078-04",
		Text: "Beim Probelauf Hagelschlag haben Bremen und Hamburg mitgemacht."},
	{ID: "p40", File: "p40.txt", Title: "Antwort der Sächsischen Staatsregierung", Date: "2078-06",
		Text: "Frage 3: Nutzt die Staatsregierung das Lernportal Wattwurm der Länder Bremen und Saarland?\n\nNein. Der Freistaat betreibt sein eigenes Lernportal Wattwurm weiter."},
	{ID: "p41", File: "p41.txt", Title: "Wattwurm wächst", Date: "2078-03",
		Text: "Seit Jahren betreiben Bremen und das Saarland gemeinsam das Lernportal Wattwurm."},
	{ID: "p42", File: "p42.txt", Title: "Lotsennetz wächst", Date: "2078-07",
		Text: "Bremen und Hamburg sind an das Portal Lotsennetz angeschlossen. Niedersachsen, das ebenfalls Gesellschafter von Datenhafen ist, setzt dagegen weiterhin auf sein eigenes Portal."},
	{ID: "p43", File: "p43.txt", Title: "Meldung des Funkverbunds", Date: "2078-08",
		Text: "Zum Funkverbund Süd gehören Bayern, Hessen und das Saarland. Thüringen war als Gast dabei.\n\nDie drei Verbundländer bauen bis 2080 eine gemeinsame Funkwache auf."},
	{ID: "p44", File: "p44.txt", Title: "Antwort zur Schreibhilfe Tintenkiel", Date: "2078-09",
		Text: "Der Assistent Tintenkiel wird in der sächsischen Justizverwaltung eingesetzt. Er entwirft Ladungen."},
	{ID: "p45", File: "p45.txt", Title: "Meldeportal Weser im Einsatz", Date: "2078-10",
		Text: "Seit Mai nutzt auch Bremen das Funkportal Weser für Meldungen von Funklöchern. Hessen, das mit dem Portal „Funkmelder.Hessen“ für Funklöcher eine eigene Lösung entwickelt hat, wurde auf der Tagung als Vergleichsbeispiel vorgestellt."},
	{ID: "p46", File: "p46.txt", Title: "Datenschutzbericht vorgelegt", Date: "2078-11",
		Text: "Die Beauftragte stellte ihren Bericht zur Videoprüfung „Blickfang“ vor. Das Verfahren wird von der thüringischen Landesverwaltung für Führerscheinanträge eingesetzt."},
	{ID: "p47", File: "p47.txt", Title: "Pendlerdienst gestartet", Date: "2078-12",
		Text: "Der Dienst „PendelFalke“ beantwortet seit Mai die Fragen von Pendlerinnen und Pendlern aus Rheinland-Pfalz."},
	{ID: "p48", File: "p48.txt", Title: "Landesregierung Schleswig-Holstein: Prüfung begonnen", Date: "2078-05",
		Text: "Die Landesbeauftragte für Datenschutz hat gemeinsam mit den Aufsichtsbehörden Bremens und Hamburgs die Prüfung der Lernplattform Möwenflug begonnen."},
	{ID: "p49", File: "p49.txt", Title: "Beschlussprotokoll des Funkrats", Date: "2078-06",
		Text: "TOP 1 Funknetzvertrag\n\nDer Funkrat billigt den Entwurf des Funknetzvertrags. Bremen und Hessen enthalten sich."},
	{ID: "p50", File: "p50.txt", Title: "Landesregierung Schleswig-Holstein: Funkrat tagte in Kiel", Date: "2078-06",
		Text: "Beim Funknetzvertrag hat das Land seine Stimme in Kiel deutlich erhoben."},
	{ID: "p51", File: "p51.txt", Title: "Mitteilung des Landesbetriebs", Date: "2078-07",
		Text: "Der Landesbetrieb Funkwerk hat die gemeinsame Posteingangslösung „Brief Süd“ für die Landesverwaltungen seiner Trägerländer freigegeben. Nach der Pilotphase laufen die Schulungen. Der „Brief Süd“ wird von Bayern und Hessen verwendet. Thüringen hat mit dem Landesbetrieb Funkwerk nur einen Rahmenvertrag über Druckdienste geschlossen."},
	{ID: "p52", File: "p52.txt", Title: "Vereinskasse im Einsatz", Date: "2078-08",
		Text: "Die Vereinskasse der saarländischen Digitalagentur ist in 40 saarländischen Gemeinden im Einsatz. Eingesetzt wird die Vereinskasse inzwischen auch in Bremen."},
	{ID: "p53", File: "p53.txt", Title: "Aktenfähre im Echtbetrieb", Date: "2079-04",
		Text: "Seit dem 1. April 2079 übergeben Bayern und Hessen ihre elektronischen Akten über die Aktenfähre.\n\nThüringen hat die Aktenfähre für elektronische Akten entwickelt."},
	{ID: "p54", File: "p54.txt", Title: "Beschlussprotokoll des Wasserrats", Date: "2079-05",
		Text: "Bayern hat das Wasserregister im Wasserrat kritisiert.\n\nTOP 3 Wasserregister\n\nDer Wasserrat beschließt den Aufbau des Registers. Die Federführung im Wasserrat haben Sachsen und Bremen."},
	{ID: "p55", File: "p55.txt", Title: "Messenger eingeführt", Date: "2079-06",
		Text: "Der Landesbetrieb mit Sitz in Kiel hat seine Jahresbilanz vorgelegt.\n\nSeit dem 1. März 2079 kommunizieren sämtliche Ministerien des Landes über den Messenger Möwenruf."},
	{ID: "p58", File: "p58.txt", Title: "Glasfasernetz Weser", Date: "2079-09",
		Text: "In Bremen sind die Ministerien flächendeckend an das Glasfasernetz Weser angeschlossen. In Bayern sind einzelne Ministerien an das Glasfasernetz Weser angeschlossen."},
	{ID: "p59", File: "p59.txt", Title: "Chatbot im Einsatz", Date: "2079-10",
		Text: "Der Chatbot Paragraphenfuchs wird in Hessen und in Thüringen eingesetzt."},
	{ID: "p60", File: "p60.txt", Title: "Plattform Kranichruf", Date: "2079-11",
		Text: "Die Staatskanzlei berichtete, dass das Saarland die Plattform Kranichruf seit 2078 nutzt. Niedersachsen hat die Plattform Kranichruf gemeinsam mit dem Saarland entwickelt, nutzt sie aber selbst nicht."},
	{ID: "p61", File: "p61.txt", Title: "Videodienst geprüft", Date: "2079-12",
		Text: "Schleswig-Holstein nutzt den Videokonferenzdienst Möwenblick seit 2077; seit Anfang 2079 setzt auch die thüringische Landesverwaltung den Dienst im Rahmen einer Kooperation ein."},
	{ID: "p62", File: "p62.txt", Title: "Landesbetrieb Daten und Information: Landescloud Elbwolke im Vollbetrieb", Date: "2079-12",
		Text: "Der Landesbetrieb in Magdeburg hat die Landescloud Elbwolke in den Vollbetrieb übernommen.\n\nAnders als in Sachsen, wo die Ressorts weiterhin auf private Anbieter zurückgreifen, wird die Elbwolke vollständig in kommunaler Trägerschaft betrieben."},
	{ID: "p63", File: "p63.txt", Title: "Hessische Landesregierung: Bilanz der Verwaltung", Date: "2080-01",
		Text: "Anders als erwartet setzt Bayern den Chatbot Wiesel seit 2079 in allen Ämtern ein."},
	{ID: "p64", File: "p64.txt", Title: "Videodienste im Vergleich", Date: "2080-02",
		Text: "Schleswig-Holstein nutzt den Videokonferenzdienst Seeadler seit 2077; Thüringen setzt dagegen die Plattform Kranichblick ein."},
	{ID: "p56", File: "p56.txt", Title: "Antwort der Landesregierung", Date: "2079-07",
		Text: "Niedersachsen hat im Jahr 2078 nach längeren Gesprächen mit den Verbänden der Menschen mit Behinderungen gemeinsam mit der Freien Hansestadt Bremen und der Freien und Hansestadt Hamburg den Nordverbund für Leichte Sprache gegründet.\n\nDer Senat berichtete, dass die Freie Hansestadt Bremen seit 2078 dem Nordverbund für Leichte Sprache angehört."},
	{ID: "p57", File: "p57.txt", Title: "Übersetzungsplattform wird norddeutsch", Date: "2079-08",
		Text: "Die Hansestadt öffnet ihre Übersetzungsplattform Lingua HH für andere Länder. Die Plattform übersetzt Bescheide in 30 Sprachen und wird in den Hamburger Bezirksämtern seit 2075 genutzt. Seit Jahresbeginn setzen auch Bremen und Schleswig-Holstein Lingua HH in ihren Ausländerbehörden ein."},
	{ID: "p65", File: "p65.txt", Title: "Register für Funkmasten", Date: "2081-02",
		Text: "Auf ihrer Herbstkonferenz in Erfurt haben die Landesminister beschlossen, ein gemeinsames Register für Funkmasten aufzubauen.\n\nDie Länder Hessen und Sachsen erklären sich bereit, das Vorhaben ab Januar 2082 gemeinsam zu pilotieren."},
	{ID: "p69", File: "p69.txt", Title: "Warnapp für Waldbrände", Date: "2082-04",
		Text: "Auf ihrer Frühjahrssitzung in Brandenburg haben die Staatssekretäre beschlossen, eine gemeinsame Warnapp für Waldbrände zu entwickeln.\n\nDie Länder Berlin und Sachsen-Anhalt erklären sich bereit, das Vorhaben ab 2083 zu übernehmen."},
	{ID: "p67", File: "p67.txt", Title: "„Wir bauen nicht allein“ – Interview mit Rosa Beispiel", Date: "2083-01",
		Text: "Interview: Karl Muster | Süddeutsche Verwaltungspost\n\nRosa Beispiel ist Ministerin für Digitales des Landes Hessen.\n\nFrage: Wie arbeiten Sie mit den Nachbarn zusammen?\n\nAntwort: Mit Thüringen betreiben wir seit dem Sommer die Lernplattform Kreidekasten. Bayern hat sich die Plattform angesehen."},
	{ID: "p68", File: "p68.txt", Title: "Übung „Hochwasser 2083“: Länder proben den Ernstfall", Date: "2083-09",
		Text: "Beim Verbundtreffen am 7. September 2083 in Fulda stand die Übung „Hochwasser 2083“ im Mittelpunkt.\n\nAn der Übung nahmen die Teams aus Hessen und Thüringen mit eigenen Lagezentren teil. Bayern schickte zwei Beobachter."},
	{ID: "p70", File: "p70.txt", Title: "Länderforum Offene Daten", Date: "2084-03",
		Text: "Das Land Hessen richtet im Mai 2084 das Länderforum Offene Daten in Wiesbaden aus. Gemeinsam mit Thüringen und Sachsen will Hessen dort eine Charta für offene Schnittstellen vorlegen. Bayern nimmt als Gast teil, gehört aber nicht zu den Initiatoren."},
	{ID: "p71", File: "p71.txt", Title: "Register vorgestellt", Date: "2085-02",
		Text: "Auf der Digitalkonferenz in Sachsen hat der Freistaat sein neues Register für Schallschutzwände vorgestellt."},
	{ID: "p72", File: "p72.txt", Title: "„Wir arbeiten mit allen“ – Interview mit dem Präsidenten des Bundesamts", Date: "2085-03",
		Text: "Interview: Karl Muster | Fachblatt Sicherheit\n\nBonn. Hans Beispiel ist Präsident des Bundesamts für Netzschutz.\n\nAntwort: Mit Hamburg betreiben wir seit dem Sommer die Lernplattform Kreidedose."},
	{ID: "p4", File: "p4.txt", Title: "Kulturnachrichten", Date: "2033",
		Text: "Das Landesmuseum in Hannover zeigt eine Ausstellung über Schiffbau."},
}

func newPassageEngine() *Engine {
	var hits []search.Hit
	for _, d := range passageDocs {
		d.Land = ""
		hits = append(hits, search.Hit{Doc: d})
	}
	return New(&fakeKnowledge{}, &fakeSearcher{hits: hits, abbrevs: map[string]string{"LSA": "Länderbund Offene Arbeitsplätze"}}, nil, nil)
}

// askOver asks q of an engine over k and a searcher that finds docs.
func askOver(t *testing.T, k Knowledge, docs []corpus.Document, q string) Answer {
	t.Helper()
	var hits []search.Hit
	for _, d := range docs {
		hits = append(hits, search.Hit{Doc: d})
	}
	a, err := New(k, &fakeSearcher{hits: hits}, nil, nil).Ask(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestUmlautPluralStem(t *testing.T) {
	for w, want := range map[string]string{
		"funkloecher": "funkloch", "rechenzentrumsdaecher": "rechenzentrumsdach", "laender": "",
		"gruender": "", "buerger": "", "nutzer": "", "verfahren": "",
	} {
		if got := umlautPluralStem(w); got != want {
			t.Errorf("umlautPluralStem(%q) = %q, want %q", w, got, want)
		}
	}
}

func TestAskFromPassages(t *testing.T) {
	e := newPassageEngine()
	cases := []struct {
		q    string
		want []corpus.LandCode
		doc  corpus.DocID
	}{
		// The Land behind "die Landesregierung" is the document's, here
		// the Land of the first town it names; the Land named later in
		// passing (Bayern) is not it.
		{"Welches Land hat am 3. Mai 2031 eine Agentur für Quantenrechnen gegründet?", []corpus.LandCode{"SH"}, "p1"},
		// A plural question takes the Länder the sentence enumerates, in
		// registry order.
		{"Welche Länder liegen beim Glasfaserausbau vorn?", []corpus.LandCode{"HE", "SL", "SN"}, "p2"},
		{"Welches Land ist beim Glasfaserausbau Schlusslicht im Ranking?", []corpus.LandCode{"HB"}, "p2"},
		// The year asked picks the sentence of that year.
		{"Wer hatte 2032 den Vorsitz im Rat für Verwaltungsdaten?", []corpus.LandCode{"NI"}, "p3"},
		{"Wer hatte 2031 den Vorsitz im Rat für Verwaltungsdaten?", []corpus.LandCode{"TH"}, "p3"},
		// A ranking: the Land the nearest ranking word puts at the end
		// asked for, not the Land "hinter"/"vor" names, nor the second
		// last, nor the best of a part ("unter den Flächenländern").
		{"Welches Land bildet im Breitbandatlas der Schulen 2034 das Schlusslicht?", []corpus.LandCode{"NI"}, "p5"},
		{"Wer ist im Breitbandatlas der Schulen 2034 Spitzenreiter?", []corpus.LandCode{"HH"}, "p5"},
		// A Land in another clause than the question's words ("… eröffnet
		// – Bayern bleibt außen vor") is not what the question asks for.
		{"Welche Länder betreiben gemeinsam ein Rechenzentrum für Wetterdaten in Gera?", []corpus.LandCode{"SN", "TH"}, "p6"},
		// "Wo …" and "Wer …" take every Land of the list the best sentence
		// names together; "getestet" finds its synonym "erproben".
		{"Wo wird der Bauantragslotse zuerst getestet?", []corpus.LandCode{"HB", "HE"}, "p7"},
		// but not who follows the first of a ranking
		{"Wer ist im Breitbandatlas der Schulen 2034 ganz oben?", []corpus.LandCode{"HH"}, "p5"},
		// A Land its clause sets aside (an observer, an abstention) is
		// not a party: "…, Hessen ist Beobachter im Verbund".
		{"Welche Länder gehören dem Verbund für Funkdaten an?", []corpus.LandCode{"SN", "TH"}, "p8"},
		// unless the question asks for just that
		{"Welches Land enthielt sich bei der Wahl des Sprechers im Verbund für Funkdaten?", []corpus.LandCode{"BY"}, "p8"},
		// A sentence that names no Land, in minutes whose Land is a guess
		// (the chair's): the next sentence of its paragraph says who.
		{"Wer führt das Projekt Funkregister?", []corpus.LandCode{"BY", "HE"}, "p9"},
		// "Mit Sachsen wird … aufgebaut" in Brandenburg's programme: both
		{"Welche Länder bauen ein gemeinsames Rechenzentrum für Forstdaten auf?", []corpus.LandCode{"BB", "SN"}, "p10"},
		// a dash before "und" joins a part that shares the verb
		{"In welchen Ländern nutzen Gemeinden die Vereinsapp?", []corpus.LandCode{"HE", "SL"}, "p11"},
		// "auch" in a sentence that names what the document is about
		// (the platform) adds its Land to the best sentence's; not when
		// it is negated, nor a Land that only looked at it
		{"Welche Länder korrigieren Klassenarbeiten mit der Plattform Lernkiste?", []corpus.LandCode{"SN", "TH"}, "p12"},
		// "wir gemeinsam mit Thüringen": the partner and the Land of "wir"
		{"Welche Länder haben gemeinsam ein Ausweichrechenzentrum in Suhl gebaut?", []corpus.LandCode{"SN", "TH"}, "p13"},
		// the town the question names is context: Erfurt does not make
		// Thüringen the one who builds it
		{"Welches Land baut den Datenhub auf, den die Konferenz in Erfurt beschlossen hat?", []corpus.LandCode{"HE"}, "p14"},
		// a Land in another item of a numbered list is not the one the
		// question's item is about: better silence than Bayern
		{"Welches Land soll ein Kompetenzzentrum für Spieledaten vorschlagen?", nil, ""},
		// "anders als X, das …": the question's words in X's relative
		// clause make X the answer, not the Land it is set against
		{"Welches Land betreibt seine Schulserver über einen eigenen Landesbetrieb?", []corpus.LandCode{"HE"}, "p16"},
		// "die Landesregierung" that goes without it is no party
		{"Welche Länder nutzen den Datendienst Funkblick?", nil, ""},
		// "Wer …" takes the partner and the Land of "wir" as it takes a list
		{"Wer hat ein Ausweichrechenzentrum in Suhl gebaut?", []corpus.LandCode{"SN", "TH"}, "p13"},
		// and the Land after "gemeinsam mit" with the Land before it
		{"Wer baut die Datenbank Flurstück auf?", []corpus.LandCode{"TH", "ST"}, "p24"},
		// "Beide Länder" are the two the sentence before names
		{"Welche Länder verbinden ihre Verwaltungsnetze zum Datennetz Mitte?", []corpus.LandCode{"SN", "TH"}, "p18"},
		// A sentence that goes on from one of the two before it, which
		// names the exercise, with a word of the question of its own
		// ("mitgeübt": "beteiligt"); not the observer
		{"Welche Länder haben bei der Übung Eisregen 58 mitgeübt?", []corpus.LandCode{"HE", "NI", "TH"}, "p19"},
		// the Land the question names is an answer where the sentence
		// lists it with others; not one that tried it and chose another
		{"Welche Länder nutzen die Bremer Lernplattform Kreidestaub?", []corpus.LandCode{"BB", "HB"}, "p20"},
		// "auch" with the product the document repeats (not "KI", which
		// the sentence does not name); "auch wenn" concedes
		{"In welchen Landesverwaltungen ist das KI-Diktierprogramm Tintenfass im Einsatz?", []corpus.LandCode{"SN", "TH"}, "p21"},
		// a Land inside a quoted name of the question is no context to
		// leave out
		{"Welche Länder haben die Einkaufsgemeinschaft „Hauptstadtregion kauft ein“ gegründet?", []corpus.LandCode{"BE", "BB"}, "p22"},
		// the sentences under an agenda item are about it
		{"Welche Länder übernehmen die Federführung beim Leitfaden zur Funkverschlüsselung?", []corpus.LandCode{"HH", "SN"}, "p23"},
		// a river that ends the name of the thing asked about names the
		// river alone: "liegt auch am Rhein" is no "auch" for the store
		{"Welche Länder sichern ihre Grundbuchdaten im Datenspeicher Rhein?", []corpus.LandCode{"HE", "RP"}, "p25"},
		// a region in a compound name of the question is no context to
		// leave out
		{"Welche Länder stehen hinter dem Hauptstadtregion-Konto?", []corpus.LandCode{"BE", "BB"}, "p26"},
		// "die drei Verbundländer" are the three the text named before;
		// not the guest
		{"Welche Länder bauen die gemeinsame Funkwache auf?", []corpus.LandCode{"BY", "HE", "SL"}, "p43"},
		// an office asked for by its field: the field is a word the answer
		// a sentence that uses the name a sentence before introduced
		// ("die … Posteingangslösung „Brief Süd“ … freigegeben") says
		// what that one says of it: the maker and the users are there
		{"In welchen Ländern arbeitet die Landesverwaltung mit der Posteingangslösung des Funkwerks?", []corpus.LandCode{"BY", "HE"}, "p51"},
		// "Wo …" where the question names the owner by its adjective: the
		// owner answers where the text places the use in it
		{"Wo wird die Vereinskasse der saarländischen Digitalagentur eingesetzt?", []corpus.LandCode{"SL", "HB"}, "p52"},
		// English "handing over" is "übergeben": those who hand files over,
		// not the Land that built the platform
		{"Which Länder are handing over e-files through the Aktenfähre?", []corpus.LandCode{"BY", "HE"}, "p53"},
		// "den Hut aufhaben" is to lead: "Federführung"
		{"Wer hat beim Wasserregister im Wasserrat den Hut auf?", []corpus.LandCode{"HB", "SN"}, "p54"},
		// "die Ministerien des Landes": the document's Land (of its town)
		{"Welche Landesregierung hat ihre Ministerien komplett auf den Messenger Möwenruf umgestellt?", []corpus.LandCode{"SH"}, "p55"},
		// "flächendeckend" is "komplett"
		{"Wo sind die Ministerien komplett an das Glasfasernetz Weser angeschlossen?", []corpus.LandCode{"HB"}, "p58"},
		// a Land after a state's noun is context, not a name's owner
		{"Wo außer im Bundesland Hessen wird der Chatbot Paragraphenfuchs eingesetzt?", []corpus.LandCode{"TH"}, "p59"},
		// a partner in a sentence that denies it the use is none
		{"Welche Länder nutzen Kranichruf?", []corpus.LandCode{"SL"}, "p60"},
		// a later clause that names the product by a noun that refers
		// back to it ("den Dienst") speaks of it
		{"Welche Landesverwaltungen halten ihre Videokonferenzen mit Möwenblick ab?", []corpus.LandCode{"SH", "TH"}, "p61"},
		// the other side of a comparison ("Anders als in Sachsen, …") is
		// the document's Land
		{"Welches Land betreibt seine Landescloud komplett in kommunaler Trägerschaft?", []corpus.LandCode{"ST"}, "p62"},
		// "Anders als erwartet" compares nothing with a Land: the
		// document's Land (Hessen) is no answer
		{"Welches Land setzt den Chatbot Wiesel in allen Ämtern ein?", nil, "p63"},
		// a referring noun with another product's name after it ("die
		// Plattform Kranichblick") does not refer back
		{"Welche Länder nutzen den Videokonferenzdienst Seeadler?", []corpus.LandCode{"SH"}, "p64"},
		// the Land that founded a body "gemeinsam mit" the others belongs
		// to it as they do
		{"Welche Länder gehören dem Nordverbund für Leichte Sprache an?", []corpus.LandCode{"HB", "HH", "NI"}, "p56"},
		// a Land's code that ends a product's name ("Lingua HH") owns it:
		// it answers where a sentence places the use in it
		{"Wo übersetzen Behörden ihre Bescheide mit der Plattform Lingua HH?", []corpus.LandCode{"HH", "HB", "SH"}, "p57"},
		// the town a meeting was held in ("Auf ihrer Herbstkonferenz in
		// Erfurt") is no party to what it decided
		{"Welche Länder pilotieren das Register für Funkmasten, das die Landesminister beschlossen haben?", []corpus.LandCode{"HE", "SN"}, "p65"},
		{"Welche Länder übernehmen die Warnapp für Waldbrände, die die Staatssekretäre beschlossen haben?", []corpus.LandCode{"BE", "ST"}, "p69"},
		// "Antwort: Mit Thüringen betreiben wir": the partner and the
		// Land of "wir"
		{"Welche Länder betreiben die Lernplattform Kreidekasten?", []corpus.LandCode{"HE", "TH"}, "p67"},
		// the Land the question names as where the forum is held is an
		// answer where it is the partner of the others ("Gemeinsam mit
		// Thüringen und Sachsen will Hessen …")
		{"Which states are putting forward the charter for open interfaces at the data forum in Hessen?", []corpus.LandCode{"HE", "SN", "TH"}, "p70"},
		// but not where the sentence names the venue's Land again as who
		// acts ("in Sachsen hat der Freistaat …")
		{"Welches Land hat ein Register für Schallschutzwände vorgestellt?", []corpus.LandCode{"SN"}, "p71"},
		// "wir" of a federal office in a town is no Land
		{"Welche Länder betreiben die Lernplattform Kreidedose?", []corpus.LandCode{"HH"}, "p72"},
		// an English "exercise" is a German "Übung"
		{"Whose CERT teams actually ran the Hochwasser 2083 cyber exercise?", []corpus.LandCode{"HE", "TH"}, "p68"},
		// has ("Justizverwaltung")
		{"Welche Justizverwaltung lässt sich Schreiben und Ladungen vom Assistenten Tintenkiel vorformulieren?", []corpus.LandCode{"SN"}, "p44"},
		// a relative clause that sets its own Land aside does not make
		// it a party ("das … eine eigene Lösung entwickelt hat")
		{"Welche Länder melden Funklöcher über das Funkportal Weser?", []corpus.LandCode{"HB"}, "p45"},
		// "Das Verfahren" is the product the sentence before named
		{"Welches Land prüft Antragsteller per Video mit Blickfang?", []corpus.LandCode{"TH"}, "p46"},
		// words no document has ("unterstützen", "Grenzgänger") weigh
		// less than the product's name that one has
		{"Welche Länder unterstützen Grenzgänger mit dem PendelFalken?", []corpus.LandCode{"RP"}, "p47"},
		// but not where the question asks who refused it: the name alone
		// says nothing of that
		{"Welches Land hat dem PendelFalken eine Absage erteilt?", nil, ""},
		// an office of the document's Land "hat gemeinsam mit den
		// Aufsichtsbehörden Bremens und Hamburgs": all three
		{"Welche Datenschutzbehörden prüfen gemeinsam die Lernplattform Möwenflug?", []corpus.LandCode{"HB", "HH", "SH"}, "p48"},
		// who abstained: a sentence that says so, not the host's words
		// about the contract
		{"Welche Länder haben sich beim Funknetzvertrag der Stimme enthalten?", []corpus.LandCode{"HB", "HE"}, "p49"},
		// "Welche Datenschutzbehörden" asks for Länder; the sentence after
		// the one naming the paper says whose ("veröffentlicht",
		// "erarbeitet" and "herausgegeben" are synonyms)
		{"Welche Datenschutzbehörden haben die Handreichung zu Sprachmodellen herausgegeben?", []corpus.LandCode{"HB", "SN"}, "p27"},
		// an abbreviation the document defines for a group is not the
		// Land it also spells ("LSA", Sachsen-Anhalt)
		{"Wer gehört zum Länderbund Offene Arbeitsplätze?", []corpus.LandCode{"BE", "HB", "HH"}, "p28"},
		// "Wo …": the Land that "auch" does the same is a place too; the
		// question's plural finds the singular ("Funklöcher", "Funkloch-")
		{"Wo können Bürger Funklöcher per App melden?", []corpus.LandCode{"HE", "TH"}, "p29"},
		// a partner in the title is not the document's Land; the dateline's
		// town is, and builds it with the partner
		{"Welche Länder bauen gemeinsam an der Landesdatenplattform?", []corpus.LandCode{"HB", "NI"}, "p30"},
		// "Wer …": every Land after "gemeinsam mit" is a partner of the one
		// before it
		{"Wer betreibt das Lagezentrum Küste?", []corpus.LandCode{"HB", "HH", "SH"}, "p31"},
		// what the question sets its answer against ("statt Amtsfuchs")
		// is not what it asks
		{"Welches Land hat den Sprachassistenten Isarbot statt Amtsfuchs gebaut?", []corpus.LandCode{"BY"}, "p32"},
		// a sentence about another product of the kind ("der Chatbot
		// KRANICH") does not answer for the one the question names
		{"In welchen Ländern beantwortet der Chatbot FEDERWERK Bürgerfragen?", []corpus.LandCode{"HE"}, "p33"},
		// the partner that opens the sentence ("Gemeinsam mit dem
		// Freistaat Thüringen startet Hessen …") is an answer beside the
		// Land after the verb
		{"Wer steckt hinter dem Pendlerportal „Ohne Umweg“?", []corpus.LandCode{"HE", "TH"}, "p35"},
		// a Land set aside in one clause ("dass … Bremen auf ein Programm
		// … verzichtet") is set aside in its sentence, also where an
		// office of it speaks ("der Bremer Städtetag")
		{"Welche Länder helfen ihren Gemeinden mit Funklotsen?", []corpus.LandCode{"NI"}, "p36"},
		// a question's singular finds the text's umlaut plural
		// ("Modellland", "Modellländer")
		{"Wer ist bei der Erprobung des Funkregisters als Modellland dabei?", []corpus.LandCode{"HB", "HE", "TH"}, "p37"},
		// a question in a document asks, it does not answer ("Hat sich
		// das Land … beteiligt?"); after "Nein." a sentence says what is
		// not so
		{"Welche Länder haben beim Probelauf Hagelschlag mitgemacht?", []corpus.LandCode{"HB", "HH"}, "p39"},
		{"Welche Länder betreiben das Lernportal Wattwurm?", []corpus.LandCode{"HB", "SL"}, "p41"},
		// a relative clause that holds the question's nouns answers it
		{"Welches Land hat seine Schulserver bei einem Landesbetrieb?", []corpus.LandCode{"HE"}, "p16"},
		// a relative clause that holds only a name of the question
		// ("Gesellschafter von Datenhafen") does not make its Land a party
		{"Welche Länder sind an das Portal Lotsennetz von Datenhafen angeschlossen?", []corpus.LandCode{"HB", "HH"}, "p42"},
		// Nothing relevant: silence, not a guess.
		{"Welches Land hat eine Behörde für Schiffsdaten aufgebaut?", nil, ""},
	}
	for _, c := range cases {
		t.Run(c.q, func(t *testing.T) {
			a, err := e.Ask(context.Background(), c.q)
			if err != nil {
				t.Fatal(err)
			}
			got := codesOf(a.Answer.Laender)
			if !slices.Equal(got, c.want) {
				t.Fatalf("got %v, want %v (text %q)", got, c.want, a.Text)
			}
			if len(c.want) == 0 {
				return
			}
			if a.Source != "text" || a.Confidence <= 0 {
				t.Errorf("source %q confidence %v, want text with a confidence", a.Source, a.Confidence)
			}
			for _, l := range a.Answer.Laender {
				if len(l.Evidence) == 0 || l.Evidence[0].Doc != c.doc || l.Source != "text" {
					t.Fatalf("%s: evidence %+v, want a sentence of %s", l.Code, l.Evidence, c.doc)
				}
				d := passageDocs[slices.IndexFunc(passageDocs, func(d corpus.Document) bool { return d.ID == c.doc })]
				ev := l.Evidence[0]
				if got := string([]rune(d.Text)[ev.Span[0]:ev.Span[1]]); got != ev.Quote {
					t.Fatalf("span %v holds %q, quote is %q", ev.Span, got, ev.Quote)
				}
			}
		})
	}
}

// A sentence that names an answer Land in one list with others makes them
// answers too, though another sentence, about that Land alone, reads the
// question better.
func TestAskPeersOfAnAnswerLand(t *testing.T) {
	docs := []corpus.Document{
		{ID: "s1", File: "s1.txt", Title: "Küstenschutz", Date: "2059-02",
			Text: "Niedersachsen beteiligt sich zudem an der Übung „Sturmflut 59“, die im Frühjahr 2059 in Emden stattfindet."},
		{ID: "s2", File: "s2.txt", Title: "Deichbruch geprobt", Date: "2059-04",
			Text: "Diesen Fall haben Bremen, Niedersachsen und Hamburg im April 2059 bei der Übung „Sturmflut 59“ durchgespielt. Schleswig-Holstein sagte seine Teilnahme ab."},
	}
	a := askOver(t, &fakeKnowledge{}, docs, "Welche Länder haben bei der Übung Sturmflut 59 mitgemacht?")
	if got := codesOf(a.Answer.Laender); !slices.Equal(got, []corpus.LandCode{"HB", "HH", "NI"}) {
		t.Fatalf("got %v, want [HB HH NI] (text %q)", got, a.Text)
	}
	for _, l := range a.Answer.Laender {
		if l.Code != "NI" && (len(l.Evidence) == 0 || l.Evidence[0].Doc != "s2") {
			t.Errorf("%s: evidence %+v, want the sentence of s2 that lists it", l.Code, l.Evidence)
		}
	}
}

// A question about a working group of a series is not about the series'
// chair (engine.chair then leaves it to the passages).
func TestNamesSubBody(t *testing.T) {
	p := newPassageEngine().p
	for q, want := range map[string]bool{
		"Wer leitet die neue Arbeitsgruppe Netzsicherheit der D16?":      true,
		"Wer sitzt dem Lenkungskreis des IT-Planungsrats vor?":           true,
		"Wer hatte 2067 den Vorsitz der D16?":                            false,
		"Wer leitet die D16?":                                            false,
		"Welche Länder sind in der Arbeitsgruppe und im IT-Planungsrat?": false,
	} {
		if got := p.namesSubBody(q); got != want {
			t.Errorf("namesSubBody(%q) = %v, want %v", q, got, want)
		}
	}
}

func TestAskFromPassagesNeverNamesTheQuestionsLand(t *testing.T) {
	e := newPassageEngine()
	a, err := e.Ask(context.Background(), "Welches Land hatte vor Berlin beim Glasfaserausbau die Spitze?")
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(codesOf(a.Answer.Laender), "BE") {
		t.Fatalf("answer %v names Berlin, which the question names itself", codesOf(a.Answer.Laender))
	}
}

func TestWantedAnswer(t *testing.T) {
	cases := []struct {
		q    string
		want want
	}{
		{"Welches Land hat eine Cyberwehr?", wantLand},
		{"In welchem Bundesland liegt Kiel?", wantLand},
		{"Welcher Senat hat das Gesetz beschlossen?", wantLand},
		{"Welches Landesparlament hat das Gesetz beschlossen?", wantLand},
		{"Welche Länder haben eine KI-Strategie?", wantLaender},
		{"In welchen Ländern sitzt die Agentur bei der Förderbank?", wantLaender},
		{"Welchen beiden Vorsitzländern dankte der Kanzler?", wantLaender},
		{"Which states have an AI strategy?", wantLaender},
		{"Which state hosted the congress?", wantLand},
		{"Welche Landes-CERTs teilen ihre Meldungen?", wantLaender},
		{"Welches Landes-CERT meldete den Angriff?", wantLand},
		{"In welchen Landesverwaltungen wird die E-Akte eingesetzt?", wantLaender},
		{"Welche Landesbehörde prüft die Anträge?", wantLand},
		{"Welche Justizverwaltung setzt die Software ein?", wantLand},
		{"Welche Finanzverwaltungen nutzen das Verfahren?", wantLaender},
		{"Which tax administration uses the assistant?", wantLand},
		{"Wer hatte 2019 den Vorsitz?", wantPlace},
		{"Was beschloss die Konferenz?", wantNone},
	}
	for _, c := range cases {
		var fs []string
		for _, t := range tokenize(c.q) {
			fs = append(fs, t.fold)
		}
		if got := wantedAnswer(fs); got != c.want {
			t.Errorf("%q: got %v, want %v", c.q, got, c.want)
		}
	}
}

func TestLandLists(t *testing.T) {
	e := newPassageEngine()
	cases := []struct {
		txt  string
		want [][]corpus.LandCode
	}{
		{"In Bayern, Hessen und Sachsen gibt es das nicht, wohl aber in Bremen.", [][]corpus.LandCode{{"BY", "HE", "SN"}, {"HB"}}},
		// a region names two Länder with one span
		{"Die Hauptstadtregion und Hamburg arbeiten zusammen.", [][]corpus.LandCode{{"BE", "BB", "HH"}}},
		// an article before a member does not end the list
		{"Thüringen sowie das Saarland", [][]corpus.LandCode{{"TH", "SL"}}},
		{"Das Zentrum wird von Rheinland-Pfalz und dem Saarland betrieben, nicht von Hessen.", [][]corpus.LandCode{{"RP", "SL"}, {"HE"}}},
	}
	for _, c := range cases {
		var got [][]corpus.LandCode
		for _, l := range landLists(c.txt, e.lands.Find(c.txt)) {
			var codes []corpus.LandCode
			for _, h := range l {
				codes = append(codes, h.Land)
			}
			got = append(got, codes)
		}
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("%q: got %v, want %v", c.txt, got, c.want)
		}
	}
}

// FuzzPassageLaender reads Länder from any sentence without panicking.
func FuzzPassageLaender(f *testing.F) {
	for _, d := range passageDocs {
		f.Add(d.Text)
	}
	f.Add("Die Hauptstadtregion, Berlin-Brandenburg und das Land Bremen.")
	e := newPassageEngine()
	f.Fuzz(func(t *testing.T, txt string) {
		d := corpus.Document{ID: "f", File: "f.txt", Text: txt}
		var sents []sentenceInfo
		for _, s := range german.Sentences(txt) {
			toks := german.Tokenize(txt[s.Start:s.End])
			sents = append(sents, sentenceInfo{start: s.Start, end: s.End, toks: toks, stems: stemsOf(toks)})
		}
		for i := range sents {
			e.sentenceLaender(d, sents, i, docLand{land: "BE"}, []int{0}, textQuestion{exclude: map[corpus.LandCode]bool{}})
		}
	})
}

func TestAskTopicsFromPassages(t *testing.T) {
	docs := []corpus.Document{
		{ID: "t1", File: "t1.txt", Title: "Länder einig", Date: "2031-05",
			Text: "Am 3. Mai 2031 haben die Länder den „Pakt für Funknetze“ beschlossen. Der Pakt für Funknetze soll Funklöcher schließen."},
		{ID: "t2", File: "t2.txt", Title: "Wetter", Date: "2031",
			Text: "Im Mai regnete es viel."},
	}
	a := askOver(t, &fakeKnowledge{}, docs, "Was haben die Länder am 3. Mai 2031 beschlossen?")
	if a.Source != "text" || len(a.Answer.Topics) == 0 || a.Answer.Topics[0].Label != "Pakt für Funknetze" {
		t.Fatalf("source %q topics %+v, want the quoted name first, from text", a.Source, a.Answer.Topics)
	}
	if ev := a.Answer.Topics[0].Evidence; len(ev) == 0 || ev[0].Doc != "t1" {
		t.Fatalf("evidence %+v, want the sentence of t1", ev)
	}
}

// TestPassagesOfTheSeriesAsked checks that a question about one body's chair
// reads only documents that name that body: the chair of another
// conference, told in the same words, is no answer.
func TestPassagesOfTheSeriesAsked(t *testing.T) {
	docs := []corpus.Document{
		{ID: "s1", File: "s1.txt", Title: "Konferenz der Datenschützer", Date: "2033-05",
			Text: "Die Datenschutzkonferenz tagte in Mainz. Den Vorsitz der Konferenz hat in diesem Jahr Rheinland-Pfalz inne, als die Erklärung zur Lagebildpflege verabschiedet wurde."},
	}
	a := askOver(t, &fakeKnowledge{}, docs, "Welches Land führte den Vorsitz der Innenministerkonferenz, als die Erklärung zur Lagebildpflege verabschiedet wurde?")
	if len(a.Answer.Laender) > 0 {
		t.Errorf("answered %v from another body's document (%s)", a.Answer.Laender[0].Code, a.Text)
	}
	// the same question about the body the document names is answered
	a = askOver(t, &fakeKnowledge{}, docs, "Welches Land führte den Vorsitz der Datenschutzkonferenz, als die Erklärung zur Lagebildpflege verabschiedet wurde?")
	if len(a.Answer.Laender) != 1 || a.Answer.Laender[0].Code != "RP" {
		t.Errorf("got %+v, want RP (%s)", a.Answer.Laender, a.Text)
	}
}

// TestTextListOverTopicFacts checks a question the topic facts read only in
// part: the Länder of the passage that reads all of it answer, those the
// graph ties to the topic too marked "graph"; a Land the graph alone gives
// for the topic is not the answer.
// TestRefusalIsNoTopicFact asks who does without a thing: the graph's
// facts of who has its topic are no answer, a sentence that says who
// refused is.
func TestRefusalIsNoTopicFact(t *testing.T) {
	k := &fakeKnowledge{landTopics: []corpus.LandTopic{
		{Land: "HH", Topic: "ki", Relation: corpus.RelHas, Evidence: ev("x_hh.txt", "Hamburg setzt den KI-Assistenten Amtsfix ein.", "2031-03-01")},
	}}
	docs := []corpus.Document{{ID: "t2", File: "t2.txt", Title: "KI-Assistent Amtsfix", Date: "2031-11-07",
		Text: "Hamburg setzt den KI-Assistenten Amtsfix in allen Bezirksämtern ein. Bayern verzichtet auf den KI-Assistenten Amtsfix und entwickelt einen eigenen."}}
	a := askOver(t, k, docs, "Welche Länder verzichten auf den KI-Assistenten Amtsfix?")
	if got := codesOf(a.Answer.Laender); !slices.Equal(got, []corpus.LandCode{"BY"}) {
		t.Errorf("got %v, want [BY] (%s)", got, a.Text)
	}
	// where no sentence says who refused, nobody did
	docs[0].Text = "Hamburg setzt den KI-Assistenten Amtsfix in allen Bezirksämtern ein."
	a = askOver(t, k, docs, "Welche Länder verzichten auf den KI-Assistenten Amtsfix?")
	if got := codesOf(a.Answer.Laender); len(got) != 0 {
		t.Errorf("got %v, want none: the graph records who has it (%s)", got, a.Text)
	}
	// a refusal of something else keeps the graph's answer
	for _, q := range []string{"Welche Länder verzichten dank KI auf Papierakten?", "Welche Länder setzen KI ein, um die Ablehnung von Anträgen zu begründen?"} {
		a = askOver(t, k, docs, q)
		if got := codesOf(a.Answer.Laender); !slices.Contains(got, "HH") {
			t.Errorf("%q: got %v, want HH from the graph (%s)", q, got, a.Text)
		}
	}
}

func TestTextListOverTopicFacts(t *testing.T) {
	k := &fakeKnowledge{landTopics: []corpus.LandTopic{
		{Land: "HE", Topic: "ki", Relation: corpus.RelAdopted, Evidence: ev("x_he.txt", "Hessen beschließt eine KI-Agenda.", "2031-03-01")},
		{Land: "SN", Topic: "ki", Relation: corpus.RelHas, Evidence: ev("x_sn.txt", "Sachsen richtet ein KI-Labor ein.", "2031-04-01")},
	}}
	docs := []corpus.Document{{ID: "t1", File: "t1.txt", Title: "Beschluss zu Haftungsregeln für KI", Date: "2031-11-07",
		Text: "Die Konferenz beschloss einheitliche Haftungsregeln für KI in der Verwaltung. Eingebracht hatten den Beschlussvorschlag zu Haftungsregeln für KI Bayern und Sachsen."}}
	a := askOver(t, k, docs, "Welche Länder haben den Beschlussvorschlag zu Haftungsregeln für KI eingebracht?")
	got := map[corpus.LandCode]string{}
	for _, l := range a.Answer.Laender {
		got[l.Code] = l.Source
	}
	if len(got) != 2 || got["BY"] == "" || got["SN"] != "graph" {
		t.Errorf("got %v, want BY (text) and SN (graph and text), not HE (%s)", got, a.Text)
	}
}

// TestRankingQuestionNeedsARankingSentence checks that a ranking question
// ("am weitesten") is answered by the sentence that ranks, not by one that
// names the thing asked about and a Land without ranking it.
func TestRankingQuestionNeedsARankingSentence(t *testing.T) {
	docs := []corpus.Document{{ID: "r1", File: "r1.txt", Title: "Glasfaser-Vergleich 2036", Date: "2036-04-01",
		Text: "Beim Glasfaserausbau kommt Thüringen nur langsam voran. An der Spitze liegen die Stadtstaaten Hamburg und Bremen, gefolgt von Berlin."}}
	a := askOver(t, &fakeKnowledge{}, docs, "Welche Länder sind beim Glasfaserausbau am weitesten?")
	var got []corpus.LandCode
	for _, l := range a.Answer.Laender {
		got = append(got, l.Code)
	}
	if fmt.Sprint(got) != "[HB HH]" {
		t.Errorf("got %v, want [HB HH] (%s)", got, a.Text)
	}
}

// TestAskDefinedAbbreviation: a sentence that names the thing asked only by
// the abbreviation its document defined earlier answers a question that
// names it in full ("… Fördermittelportals" and "des LFP"), while the same
// abbreviation in another document, defined there as something else, does
// not.
func TestAskDefinedAbbreviation(t *testing.T) {
	ctx := context.Background()
	ix, err := search.NewMemory(search.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	docs := []corpus.Document{
		{ID: "ab1", File: "ab1.txt", Title: "Beschlussprotokoll der Ländertagung", Date: "2037-03",
			Text: "Die Runde begrüßt das Konzept für ein Länderübergreifendes Fördermittelportal (LFP). " +
				"Die Kosten trägt der Bund zur Hälfte. " +
				"Rheinland-Pfalz und Thüringen beteiligen sich ab Juni am LFP."},
		{ID: "ab2", File: "ab2.txt", Title: "Meldung aus dem Landtag", Date: "2037-04",
			Text: "Die Landesfachstelle Pflege (LFP) in Bayern beteiligt sich an der Erprobung neuer Formate."},
	}
	if err := ix.Put(ctx, docs); err != nil {
		t.Fatal(err)
	}
	e := New(&fakeKnowledge{}, ix, nil, nil)
	a, err := e.Ask(ctx, "Welche Länder beteiligen sich am länderübergreifenden Fördermittelportal?")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := codesOf(a.Answer.Laender), []corpus.LandCode{"RP", "TH"}; !slices.Equal(got, want) {
		t.Fatalf("Länder = %v, want %v (%s)", got, want, a.Text)
	}
	for _, l := range a.Answer.Laender {
		if len(l.Evidence) == 0 || l.Evidence[0].Doc != "ab1" || !strings.Contains(l.Evidence[0].Quote, "am LFP") {
			t.Errorf("%s: evidence %+v, want the sentence of ab1 with the abbreviation", l.Code, l.Evidence)
		}
	}
}

// TestAgendaAndDiscussion: an agenda heading and a sentence about what a
// meeting discussed speak of no Land, so the document's does not stand in.
func TestAgendaAndDiscussion(t *testing.T) {
	for _, tc := range []struct {
		s                  string
		agenda, discussion bool
	}{
		{"TOP 1 Staatsvertrag über gemeinsame Seekabeltrassen", true, false},
		{"Tagesordnungspunkt 3: Haushalt", true, false},
		{"Weitere Themen der Runde waren die Haushalte.", false, true},
		{"Die Runde beriet über den Staatsvertrag.", false, true},
		{"Hessen baut eine Cyberwehr auf.", false, false},
		{"Top-Thema bleibt die Cloud.", false, true},
	} {
		toks := german.Tokenize(tc.s)
		if got := german.AgendaItem(tc.s); got != tc.agenda {
			t.Errorf("german.AgendaItem(%q) = %v", tc.s, got)
		}
		if got := discusses(toks); got != tc.discussion {
			t.Errorf("discusses(%q) = %v", tc.s, got)
		}
	}
}

// TestRelativeHolds checks when a relative clause after a Land says what
// the question asks of it: not where the clause sets its Land aside itself.
func TestRelativeHolds(t *testing.T) {
	cases := []struct {
		s     string
		words []string // the question's words the sentence holds
		want  bool
	}{
		{"Hessen, das seine Schulserver über einen eigenen Landesbetrieb betreibt, setzt auf Bayern.", []string{"Schulserver", "betreibt"}, true},
		{"Hessen, das mit dem Portal Antrag eine eigene Lösung entwickelt hat, wurde als Vergleichsbeispiel vorgestellt.", []string{"Portal", "Antrag"}, false},
		{"Hessen, das ebenfalls Trägerland von Dataport ist, setzt auf seine eigene Akte.", []string{"Dataport"}, false},
	}
	for _, c := range cases {
		toks := german.Tokenize(c.s)
		var hits []int
		for i, tk := range toks {
			if slices.Contains(c.words, tk.Raw) {
				hits = append(hits, i)
			}
		}
		if got := relativeHolds(toks, toks[0].End, hits); got != c.want {
			t.Errorf("%q: got %v, want %v", c.s, got, c.want)
		}
	}
}

// TestTextEvidenceFromTwoDocuments checks that a second document saying the
// same, less well, is cited beside the best one.
func TestTextEvidenceFromTwoDocuments(t *testing.T) {
	docs := []corpus.Document{
		{ID: "k1", File: "k1.txt", Title: "Kiebitz im Einsatz", Date: "2078-01",
			Text: "Bremen und Hamburg betreiben gemeinsam das Lernportal Kiebitz für ihre Schulen."},
		{ID: "k2", File: "k2.txt", Title: "Protokoll", Date: "2078-02",
			Text: "Bremen und Hamburg betreiben das Lernportal Kiebitz seit Mai gemeinsam."},
	}
	a := askOver(t, &fakeKnowledge{}, docs, "Welche Länder betreiben das Lernportal Kiebitz für ihre Schulen?")
	if got := codesOf(a.Answer.Laender); !slices.Equal(got, []corpus.LandCode{"HB", "HH"}) {
		t.Fatalf("got %v, want [HB HH]", got)
	}
	for _, l := range a.Answer.Laender {
		var from []corpus.DocID
		for _, ev := range l.Evidence {
			from = append(from, ev.Doc)
		}
		if !slices.Contains(from, "k1") || !slices.Contains(from, "k2") {
			t.Errorf("%s: evidence from %v, want both documents", l.Code, from)
		}
	}
}

// A document that introduces a name in every sentence costs what a short
// one does: what a name stands for is bounded and shared.
func TestIntroducedNamesBounded(t *testing.T) {
	e := newPassageEngine()
	var b strings.Builder
	for i := range 400 {
		fmt.Fprintf(&b, "Das Amt Nummer%d nutzt die Software „Akte Nord“ für Akten%d Post%d Briefe%d. ", i, i, i, i)
	}
	txt := b.String()
	var sents []sentenceInfo
	for _, s := range german.Sentences(txt) {
		toks := german.Tokenize(txt[s.Start:s.End])
		sents = append(sents, sentenceInfo{start: s.Start, end: s.End, toks: toks, stems: stemsOf(toks)})
	}
	e.introducedNames(txt, sents, nil)
	for i, s := range sents {
		if len(s.named) == 0 || len(s.named) > maxIntroduced*maxNames {
			t.Fatalf("sentence %d: %d named stems, want 1 to %d", i, len(s.named), maxIntroduced*maxNames)
		}
	}
}

// TestPlaceOfUse: where a sentence places a use in a Land (the Land at the
// word given).
func TestPlaceOfUse(t *testing.T) {
	for _, tc := range []struct {
		s    string
		land string
		want bool
	}{
		{"Die Kasse ist in 40 saarländischen Gemeinden im Einsatz.", "saarländischen", true},
		{"Die Kasse ist in Hessen im Einsatz.", "Hessen", true},
		{"Die Kasse wurde im saarländischen Landtag vorgestellt.", "saarländischen", false},
		{"Die Kasse wurde im saarländischen Auftrag entwickelt.", "saarländischen", false},
		{"Hessen hat die Kasse entwickelt.", "Hessen", false},
	} {
		toks := german.Tokenize(tc.s)
		i := slices.IndexFunc(toks, func(t german.Token) bool { return t.Raw == tc.land })
		if got := placeOfUse(toks, i); got != tc.want {
			t.Errorf("%q at %q: got %v, want %v", tc.s, tc.land, got, tc.want)
		}
	}
}

// TestCodeInNameOwns checks that a Land's code in the name of the thing a
// question asks about, ending it or opening a dotted name, makes that Land
// the thing's owner, whatever the question asks (not only "wo"); the
// owner answers where a sentence places the use in it.
func TestCodeInNameOwns(t *testing.T) {
	e := newPassageEngine()
	for _, tc := range []struct {
		q    string
		want corpus.LandCode
	}{
		{"Welche Landesverwaltungen nutzen die KI-Plattform NRW.Denkwerk?", "NW"},
		{"Welche Länder übersetzen mit der Plattform Lingua HH?", "HH"},
		{"Wo nutzt man die Plattform MV.Lotse?", "MV"},
		{"In welchen Ländern wird NRW.Denkwerk genutzt?", "NW"},
		{"Welche Länder arbeiten mit der Landesregierung NRW zusammen?", ""},
		{"Welche Länder nutzen die Plattform Seeadler wie NRW?", ""},
	} {
		qu := e.p.parse(tc.q)
		tq := e.analyseText(tc.q, qu)
		var got corpus.LandCode
		for l := range tq.owner {
			got = l
		}
		if got != tc.want {
			t.Errorf("%q: owner %q, want %q", tc.q, got, tc.want)
		}
	}
}

// TestNegotiatedPartnerIsNone asks about a platform that an interview's
// Land only negotiates about with another: "Mit Hamburg verhandeln wir
// noch" makes neither Hamburg a party nor the Land of "wir" its partner.
func TestNegotiatedPartnerIsNone(t *testing.T) {
	doc := corpus.Document{ID: "p73", File: "p73.txt", Title: "Interview mit der Bremer Senatorin", Date: "2085-04",
		Text: "Frau Lea Beispiel ist Senatorin der Freien Hansestadt Bremen.\n\nFrage: Wie steht es um die Lernplattform?\n\nAntwort: Mit Hamburg verhandeln wir noch über die Lernplattform Griffelbox."}
	a := askOver(t, &fakeKnowledge{}, []corpus.Document{doc}, "Welche Länder betreiben die Lernplattform Griffelbox?")
	if got := codesOf(a.Answer.Laender); len(got) != 0 {
		t.Errorf("got %v, want none (text %q)", got, a.Text)
	}
}

// TestWithPartner checks which Land a sentence opening with "Mit" makes
// the partner of its subject: not a model, a help or one negotiated with.
func TestWithPartner(t *testing.T) {
	for _, tc := range []struct {
		s    string
		land string
		want bool
	}{
		{"Mit Hamburg betreiben wir die Lernplattform.", "Hamburg", true},
		{"Antwort: Mit Hamburg betreiben wir die Lernplattform.", "Hamburg", true},
		{"Mit Thüringen und Sachsen will Berlin eine Charta vorlegen.", "Thüringen", true},
		{"Mit Mecklenburg-Vorpommern wird ein gemeinsamer Verbund aufgebaut.", "Mecklenburg", true},
		{"Mit Hamburg als Vorbild baut Bremen die Lernplattform auf.", "Hamburg", false},
		{"Mit Hamburgs Hilfe baut Bremen die Lernplattform auf.", "Hamburgs", false},
		{"Mit Hamburg im Rücken baut Bremen die Lernplattform auf.", "Hamburg", false},
		{"Mit Hamburg verhandeln wir noch über die Lernplattform.", "Hamburg", false},
	} {
		toks := german.Tokenize(tc.s)
		i := slices.IndexFunc(toks, func(t german.Token) bool { return t.Raw == tc.land })
		if got := withPartner(toks, i); got != tc.want {
			t.Errorf("%q at %q: got %v, want %v", tc.s, tc.land, got, tc.want)
		}
	}
}

// TestModelIsNoParty asks who builds a platform that a sentence builds with
// another Land as its model: "Mit Hamburg als Vorbild baut Bremen …" makes
// Bremen the answer, not Hamburg.
func TestModelIsNoParty(t *testing.T) {
	doc := corpus.Document{ID: "p74", File: "p74.txt", Title: "Neue Lernplattform", Date: "2085-05",
		Text: "Mit Hamburg als Vorbild baut Bremen die Lernplattform Tafelwerk auf."}
	a := askOver(t, &fakeKnowledge{}, []corpus.Document{doc}, "Welche Länder bauen die Lernplattform Tafelwerk auf?")
	if got := codesOf(a.Answer.Laender); !slices.Equal(got, []corpus.LandCode{"HB"}) {
		t.Errorf("got %v, want [HB] (text %q)", got, a.Text)
	}
}

// TestThingNamedElsewhere asks about a thing that the answering sentence
// names only by an abbreviation, a referring noun or its owner's code, or
// that the question tells by a relative clause the document says in other
// sentences. Each case fails without its rule.
func TestThingNamedElsewhere(t *testing.T) {
	for _, tc := range []struct {
		name    string
		abbrevs map[string]string
		docs    []corpus.Document
		q       string
		want    []corpus.LandCode
	}{
		{
			// the abbreviation's sentence takes the stems of the sentences
			// that name it in full
			name:    "abbreviation",
			abbrevs: map[string]string{"ZKA": "Zentralen Kfz-Anmeldedienst"},
			docs: []corpus.Document{{ID: "r1", File: "r1.txt", Title: "Ergebnisprotokoll", Date: "2090-03",
				Text: "Das Ministerium stellt den Zentralen Kfz-Anmeldedienst (ZKA) vor, über den Halter ihre Fahrzeuge bei den Zulassungsstellen aller Kreise anmelden können. Der Rat nimmt das Konzept zur Kenntnis.\n\nBeschluss:\n1. Bremen und Thüringen erklären sich bereit, den ZKA ab Herbst 2090 zu erproben."}},
			q:    "Welche Länder testen den Online-Dienst für Fahrzeuganmeldungen bei Zulassungsstellen?",
			want: []corpus.LandCode{"HB", "TH"},
		},
		{
			// "Das Verfahren" after the sentence that tells the
			// "Baugenehmigungsverfahren"; "einzureichen" is "eingereicht"
			name: "referent compound",
			docs: []corpus.Document{{ID: "r2", File: "r2.txt", Title: "Werkstatt Bauen digital", Date: "2090-04",
				Text: "Vorgestellt wurde das Baugenehmigungsverfahren, bei dem Papierpläne von den Bauherren nicht mehr selbst eingereicht werden müssen.\n\nDas Verfahren wird bereits in Bayern und Hessen erprobt."}},
			q:    "Wo kann man eine Baugenehmigung beantragen, ohne Papierpläne selbst einzureichen?",
			want: []corpus.LandCode{"BY", "HE"},
		},
		{
			// "Das Produkt" after a question is the title's thing, used
			// where it is placed
			name: "title referent",
			docs: []corpus.Document{{ID: "r3", File: "r3.txt", Title: "Antwort der Staatsregierung zur elektronischen Poststelle „Postwerk“", Date: "2090-05", Land: "SN",
				Text: "Frage 2. Nutzen andere Länder dasselbe Produkt?\n\nDas Produkt wird neben Sachsen auch in Bremen und im Saarland eingesetzt."}},
			q:    "Welche Länder arbeiten mit der Poststelle Postwerk?",
			want: []corpus.LandCode{"HB", "SL", "SN"},
		},
		{
			// the owner of "NRW.Anker" uses it where its document names no
			// Land; a cloud of others that is not named so is another
			name: "owner's code",
			docs: []corpus.Document{
				{ID: "r4", File: "r4.txt", Title: "Landescloud „NRW.Anker“ in Betrieb", Date: "2090-06", Land: "NW",
					Text: "Der Landesbetrieb hat die Landescloud „NRW.Anker“ in den Regelbetrieb übernommen. Auf der Plattform laufen ab sofort 60 Fachverfahren der Landesverwaltung."},
				{ID: "r5", File: "r5.txt", Title: "Gemeinsame Cloud", Date: "2090-06",
					Text: "Bremen und Hamburg wollen künftig die Software ihrer Verwaltungen gemeinsam in einer Cloud betreiben."},
			},
			q:    "Which states run administrative software on the NRW.Anker cloud?",
			want: []corpus.LandCode{"NW"},
		},
		{
			// the relative clause tells which workshop: the title and the
			// other sentences say where it was decided
			name: "relative clause",
			docs: []corpus.Document{{ID: "r6", File: "r6.txt", Title: "DMK in Kassel: Länder gründen gemeinsame Datenwerkstatt", Date: "2090-07", Land: "HE",
				Text: "Die Digitalministerkonferenz hat am 3. Juli in Kassel getagt. Zur Cloud verabschiedeten die Ministerinnen und Minister gemeinsame Leitlinien.\n\nDie Gemeinsame Datenwerkstatt soll Verwaltungsdaten nutzbar machen. Den Aufbau der Datenwerkstatt tragen Berlin, Bremen und Hessen. Bayern hat sich enthalten."}},
			q:    "Wer steht hinter der gemeinsamen Datenwerkstatt, die die Digitalminister in Kassel beschlossen haben?",
			want: []corpus.LandCode{"BE", "HB", "HE"},
		},
		{
			// "Über die Plattform …" speaks of the Länder of the sentence
			// before that names it, not of the document's alone
			name: "referent's Länder",
			docs: []corpus.Document{{ID: "r14", File: "r14.txt", Title: "Senat beschließt Bildungsstrategie", Date: "2091-01", Land: "HB",
				Text: "Ein Vorzeigeprojekt ist die gemeinsame Lernplattform, die Bremen und Niedersachsen bis 2095 aufbauen. Über die Plattform sollen Schulen künftig Lernmaterial aus einer Hand beziehen können."}},
			q:    "Wer steckt hinter der geplanten Plattform für Lernmaterial aus einer Hand?",
			want: []corpus.LandCode{"HB", "NI"},
		},
		{
			// "Das Projekt Kreidedose" is another project than the one of
			// the sentence before
			name: "named referent",
			docs: []corpus.Document{{ID: "r15", File: "r15.txt", Title: "Landesregierung startet Projekt Kreidedose", Date: "2091-02", Land: "SH",
				Text: "Die Landesregierung hat heute ihre Bildungsstrategie vorgestellt. Hamburg und Bremen haben 2090 das Pilotprojekt Datenlotse abgeschlossen. Das Projekt Kreidedose startet im Herbst an 40 Schulen."}},
			q:    "Welche Länder starten das Projekt Kreidedose?",
			want: []corpus.LandCode{"SH"},
		},
		{
			// a sentence before that sets its Land aside leaves the
			// document's
			name: "referent set aside",
			docs: []corpus.Document{{ID: "r16", File: "r16.txt", Title: "Neues Bürgerportal", Date: "2091-03", Land: "HE",
				Text: "Hessen hat am Montag ein neues Bürgerportal freigeschaltet. Bayern hat eine Beteiligung am Portal abgelehnt. Über das Portal können Bürgerinnen und Bürger künftig ihren Wohnsitz digital ummelden."}},
			q:    "In welchen Ländern kann man den Wohnsitz digital über ein Portal ummelden?",
			want: []corpus.LandCode{"HE"},
		},
		{
			// Länder counted are not the document's
			name: "counted Länder",
			docs: []corpus.Document{{ID: "r7", File: "r7.txt", Title: "Neue KI-Werkstatt", Date: "2090-08", Land: "BB",
				Text: "Vier Länder bauen ab dem Sommer eine KI-Werkstatt für Sprachmodelle auf.\n\nBaden-Württemberg und Hessen bringen als Gründungsmitglieder der KI-Werkstatt ihre Modelle ein."}},
			q:    "Welche Länder bauen die KI-Werkstatt für Sprachmodelle auf?",
			want: []corpus.LandCode{"BW", "HE"},
		},
		{
			// Länder named after the sentence's subject do not take the
			// document's Land away
			name: "other Länder after the subject",
			docs: []corpus.Document{{ID: "r8", File: "r8.txt", Title: "Lernplattform Tafelwerk startet", Date: "2090-09", Land: "BY",
				Text: "Das Kultusministerium stellt allen Schulen ab Herbst die Lernplattform „Tafelwerk“ kostenfrei zur Verfügung; weitere Länder haben bereits Interesse angemeldet."}},
			q:    "Welches Land stellt seinen Schulen die Lernplattform Tafelwerk zur Verfügung?",
			want: []corpus.LandCode{"BY"},
		},
		{
			// a conference's venue stays a venue before a participle of use
			name: "venue before a use",
			docs: []corpus.Document{{ID: "r9", File: "r9.txt", Title: "Innenministerkonferenz", Date: "2090-10",
				Text: "Auf ihrer Herbstkonferenz in Thüringen haben die Innenminister den Polizei-Messenger eingeführt."}},
			q: "Welche Länder haben den Polizei-Messenger eingeführt?",
		},
		{
			// "Das Produkt" after another product told is that one, not
			// the title's
			name: "referent of another thing",
			docs: []corpus.Document{{ID: "r10", File: "r10.txt", Title: "Kleine Anfrage zum Messenger „Funkspruch“", Date: "2090-11", Land: "SN",
				Text: "Frage 1. Welcher Messenger wird genutzt?\n\nDie Landesverwaltung nutzt den Messenger „Funkspruch“.\n\nFrage 2. Welche Videokonferenzsoftware wird genutzt?\n\nGenutzt wird „Bildruf“. Das Produkt wird auch in Bremen eingesetzt."}},
			q:    "Welche Länder setzen den Messenger Funkspruch ein?",
			want: []corpus.LandCode{"SN"},
		},
		{
			name: "referent of the question's thing",
			docs: []corpus.Document{{ID: "r11", File: "r11.txt", Title: "Antwort zur Schulcloud „Wolke S“", Date: "2090-11", Land: "TH",
				Text: "Frage 4. Setzt das Land für die Zeugnisse eine Fachanwendung ein?\n\nDie Anwendung wird auch in Hessen genutzt."}},
			q: "Welche Länder nutzen die Schulcloud Wolke S?",
		},
		{
			// the Bund acts in the owner's document
			name: "owner's document, another actor",
			docs: []corpus.Document{{ID: "r12", File: "r12.txt", Title: "Landescloud „NRW.Anker“ in Betrieb", Date: "2090-12", Land: "NW",
				Text: "Die Landescloud „NRW.Anker“ ist in Betrieb. Der Bund prüft, ob er die Plattform für eigene Fachverfahren übernimmt."}},
			q: "Wer prüft eine Übernahme von NRW.Anker für eigene Fachverfahren?",
		},
		{
			// a Land in the question's relative clause is no context
			name: "Land in the relative clause",
			docs: []corpus.Document{{ID: "r13", File: "r13.txt", Title: "Plattformen", Date: "2090-12",
				Text: "Bremen hat die Plattform „Hafenblick“ entwickelt.\n\nSachsen nutzt seit 2090 die Plattform „Elbblick“ aus Dresden."}},
			q: "Welche Länder nutzen die Plattform, die Bremen entwickelt hat?",
		},
		{
			// "und auch" continues the next sentence's list: it names who
			// did it
			name: "list with auch",
			docs: []corpus.Document{{ID: "r18", File: "r18.txt", Title: "Gemeinsamer Dienst", Date: "2091-03",
				Text: "Der Dienst „Wegweiser“ wurde 2090 gemeinsam entwickelt. Beteiligt waren Hamburg, Bremen und auch Berlin."}},
			q:    "Welche Länder haben den Dienst Wegweiser entwickelt?",
			want: []corpus.LandCode{"BE", "HB", "HH"},
		},
		{
			// the next sentence adds others ("auch"): the sentence before
			// is the document's Land's, where the Land is a guess
			name: "others added",
			docs: []corpus.Document{{ID: "r17", File: "r17.txt", Title: "Interview mit dem Staatssekretär", Date: "2091-03",
				Text: "Jan Probe ist Staatssekretär in Schleswig-Holstein.\n\nDer Chatbot Fördelotse beantwortet inzwischen 5 000 Bürgerfragen im Monat. Den Chatbot nutzen inzwischen auch Bremen und das Saarland."}},
			q:    "Wo beantwortet der Chatbot Fördelotse Bürgerfragen?",
			want: []corpus.LandCode{"HB", "SH", "SL"},
		},
		{
			// "nach Berlin und Hessen das dritte Land": the Länder before
			// did the same; one that only announced it did not yet
			name: "ordinal after others",
			docs: []corpus.Document{{ID: "r30", File: "r30.txt", Title: "Antrag auf Wohngeld jetzt online", Date: "2101-02", Land: "SN",
				Text: "Ab heute können Mieterinnen und Mieter in Sachsen ihr Wohngeld vollständig online beantragen. Sachsen ist damit nach Berlin und Hessen das dritte Land, in dem der Antrag ohne Formular gestellt wird. Thüringen hat angekündigt, den Online-Antrag ebenfalls einzuführen."}},
			q:    "Wo kann man Wohngeld schon vollständig online beantragen?",
			want: []corpus.LandCode{"BE", "HE", "SN"},
		},
		{
			// a question about a change is answered by an announcement
			name: "announced change",
			docs: []corpus.Document{{ID: "r31", File: "r31.txt", Title: "Bürosoftware Werkstück", Date: "2101-03",
				Text: "Thüringen hat angekündigt, seine Ministerien bis 2102 auf den Büroarbeitsplatz Werkstück umzustellen."}},
			q:    "Welche Länder stellen auf den Büroarbeitsplatz Werkstück um?",
			want: []corpus.LandCode{"TH"},
		},
		{
			// "ist selbst aber nicht Pilotland": the question's word negated
			name: "negated word",
			docs: []corpus.Document{{ID: "r32", File: "r32.txt", Title: "Datenraum Nord", Date: "2101-04",
				Text: "Im Datenraum Nord teilen Verwaltungen ihre Geodaten.\n\n- Bremen und Hamburg stellen dafür Datensätze bereit.\n- Berlin koordiniert den Austausch mit dem Bund, ist selbst aber nicht Pilotland des Datenraums."}},
			q:    "Welche Länder sind Pilotländer des Datenraums Nord?",
			want: nil,
		},
		{
			// "wie angekündigt" is not the Land's own announcement
			name: "as announced",
			docs: []corpus.Document{{ID: "r37", File: "r37.txt", Title: "Wohngeld online", Date: "2101-05",
				Text: "Hessen bietet den Online-Antrag für Wohngeld wie angekündigt seit Mai an."}},
			q:    "Welche Länder bieten den Online-Antrag für Wohngeld schon an?",
			want: []corpus.LandCode{"HE"},
		},
		{
			// a question about what is done: an announcement is no answer
			name: "announced only",
			docs: []corpus.Document{{ID: "r33", File: "r33.txt", Title: "Wohngeld online", Date: "2101-05",
				Text: "Brandenburg bietet den Online-Antrag für Wohngeld seit März an. Rheinland-Pfalz hat angekündigt, den Online-Antrag für Wohngeld ebenfalls anzubieten."}},
			q:    "Welche Länder bieten den Online-Antrag für Wohngeld schon an?",
			want: []corpus.LandCode{"BB"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var hits []search.Hit
			for _, d := range tc.docs {
				hits = append(hits, search.Hit{Doc: d})
			}
			a, err := New(&fakeKnowledge{}, &fakeSearcher{hits: hits, abbrevs: tc.abbrevs}, nil, nil).Ask(context.Background(), tc.q)
			if err != nil {
				t.Fatal(err)
			}
			got := codesOf(a.Answer.Laender)
			slices.Sort(got)
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v (text %q)", got, tc.want, a.Text)
			}
		})
	}
}

// TestUsedThere checks that a Land after "in" is where a thing is used when
// a participle of use follows in its clause, and not a town of making.
func TestUsedThere(t *testing.T) {
	for _, tc := range []struct {
		s, land string
		want    bool
	}{
		{"Das Produkt wird auch in Thüringen und im Saarland eingesetzt.", "Thüringen", true},
		{"Die App wird seit Mai in Bremen genutzt.", "Bremen", true},
		{"Das in Hamburg entwickelte System wird in Bayern eingesetzt.", "Hamburg", false},
		{"Die Konferenz tagte in Kiel, die Software wird eingesetzt.", "Kiel", false},
		{"Die Minister trafen sich in Bremen.", "Bremen", false},
	} {
		toks := german.Tokenize(tc.s)
		i := slices.IndexFunc(toks, func(t german.Token) bool { return t.Raw == tc.land })
		if got := usedThere(toks, i); got != tc.want {
			t.Errorf("%q at %q: got %v, want %v", tc.s, tc.land, got, tc.want)
		}
	}
}

// TestDocLandTieIsNone checks that a document naming two Länder equally
// often, neither in its title nor alone in a sentence, has no Land: before,
// one of the two was taken at random.
func TestDocLandTieIsNone(t *testing.T) {
	e := newPassageEngine()
	txt := "Der Rat beschließt das Konzept. Bremen und Thüringen erproben den Dienst."
	var sents []sentenceInfo
	for _, s := range german.Sentences(txt) {
		toks := german.Tokenize(txt[s.Start:s.End])
		sents = append(sents, sentenceInfo{start: s.Start, end: s.End, toks: toks, stems: stemsOf(toks)})
	}
	for range 20 {
		if got := e.docLand(corpus.Document{Title: "Beschluss", Text: txt}, txt, sents); got.land != "" {
			t.Fatalf("document Land %q, want none", got.land)
		}
	}
}

// TestSeveralLaender checks the sentences that speak of Länder by their
// number or in general, which name no document's Land.
func TestSeveralLaender(t *testing.T) {
	for s, want := range map[string]bool{
		"Vier Länder bauen ab dem Sommer eine Werkstatt auf.":                              true,
		"Mehrere Bundesländer haben Interesse signalisiert.":                               true,
		"Länder gründen eine Werkstatt":                                                    true,
		"Andere Länder haben Interesse an der Plattform bekundet.":                         true,
		"DMK in Kiel: Länder gründen eine Werkstatt":                                       false,
		"Das Land stellt die Plattform bereit; weitere Länder haben Interesse angemeldet.": false,
		"Das Land baut ab dem Sommer eine Werkstatt auf.":                                  false,
		"Die Werkstatt steht allen Ländern offen.":                                         false,
		"Die Zahl der beteiligten Länder wird 2090 geprüft.":                               false,
		"In 12 Länder wurden bereits 400 Geräte ausgeliefert.":                             false,
	} {
		if got := severalLaender(german.Tokenize(s)); got != want {
			t.Errorf("%q: got %v, want %v", s, got, want)
		}
	}
}
