package meeting

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/ingest/text"
)

// TestHeaderFields checks a meeting recorded by minutes whose date, town
// and chair stand in header fields, not in a sentence.
func TestHeaderFields(t *testing.T) {
	s := "Lenkungskreis Datenräume der Länder\nProtokoll der 4. Sitzung\n\n" +
		"Ort: Erfurt, Staatskanzlei\nDatum: 14. März 2031\nVorsitz: Thüringen\nTeilnehmende Länder: Thüringen, Bayern, Bremen\n\n" +
		"1. Begrüßung\n\nDer Lenkungskreis berät den Entwurf. Die nächste Sitzung ist für den Herbst geplant."
	doc := &corpus.Document{Text: s, Date: "2031-03-20"}
	ms, _ := testExtractor.Extract(doc, text.Sentences(s))
	if len(ms) == 0 {
		t.Fatal("no meeting")
	}
	m := ms[0]
	if m.Start != "2031-03-14" || m.Place != "Erfurt" || len(m.Chairs) != 1 || m.Chairs[0] != "TH" {
		t.Errorf("meeting %s in %q chaired by %v; want 2031-03-14 in Erfurt chaired by TH", m.Start, m.Place, m.Chairs)
	}
	if len(m.Participants) != 2 || m.Participants[0] != "BY" || m.Participants[1] != "HB" {
		t.Errorf("participants %v, want [BY HB] (the chair is no mere participant)", m.Participants)
	}
	if want := "Protokoll der 4. Sitzung\n\nOrt: Erfurt, Staatskanzlei\nDatum: 14. März 2031\nVorsitz: Thüringen\nTeilnehmende Länder: Thüringen, Bayern, Bremen"; m.Evidence.Quote != want {
		t.Errorf("evidence %q, want the heading and the fields", m.Evidence.Quote)
	}
}

// TestHeaderFieldInvitation checks that the Land a header names as
// inviting ("Einladung: Sachsen") hosts the meeting, beside the chair.
func TestHeaderFieldInvitation(t *testing.T) {
	for _, field := range []string{"Einladung: Sachsen (Gastgeberland)", "Gastgebendes Land: Sachsen", "Einladendes Land: Sachsen", "Eingeladen von: Sachsen"} {
		t.Run(field, func(t *testing.T) { testHeaderFieldHost(t, field) })
	}
}

func testHeaderFieldHost(t *testing.T, field string) {
	s := "Digitalministerkonferenz\nErgebnisprotokoll der Sitzung in Dresden\n\n" +
		"Termin: 9. Oktober 2031\nOrt: Dresden, Ständehaus\n" + field + "\nVorsitz: Hamburg\n\n" +
		"1. Begrüßung\n\nDie Runde nimmt den Bericht zur Kenntnis."
	doc := &corpus.Document{Text: s, Date: "2031-10-20"}
	ms, _ := testExtractor.Extract(doc, text.Sentences(s))
	if len(ms) == 0 {
		t.Fatal("no meeting")
	}
	m := ms[0]
	if m.Start != "2031-10-09" || m.Place != "Dresden" || !slices.Equal(m.Hosts, []corpus.LandCode{"SN"}) || !slices.Equal(m.Chairs, []corpus.LandCode{"HH"}) {
		t.Errorf("meeting %s in %q hosted by %v chaired by %v; want 2031-10-09 in Dresden hosted by SN chaired by HH", m.Start, m.Place, m.Hosts, m.Chairs)
	}
}

// TestMoreMeetingForms checks meetings told by the members of a
// conference, in a seaside town, under a "Präsidentschaft", and two weeks
// before the publication day.
func TestMoreMeetingForms(t *testing.T) {
	checkFirstMeetings(t, []meetingCase{
		{"Die Innenminister der Länder haben am 3. Mai 2031 in Kiel getagt.", "2031-05-05", "imk 2031-05-03- Kiel [] hosts []"},
		{"Die Innenministerkonferenz tagte vom 16. bis 18. Juni 2032 im Ostseebad Warnemünde.", "2032-06-18", "imk 2032-06-16-2032-06-18 Warnemünde [] hosts []"},
		{"Die Kultusministerkonferenz hat am 11. März 2032 in Saarbrücken unter der Präsidentschaft des Saarlandes getagt.", "2032-03-20", "kmk 2032-03-11- Saarbrücken [SL] hosts [SL]"},
		{"Die Innenministerkonferenz war vor zwei Wochen in Stuttgart zusammengekommen.", "2031-10-02", "imk 2031-09-18- Stuttgart [] hosts []"},
		// the CdS-Konferenz by its members, without the Senatskanzleien
		{"Am 5. Mai 2033 kamen die Chefinnen und Chefs der Staatskanzleien der Länder in Erfurt zusammen.", "2033-05-06", "cdsk 2033-05-05- Erfurt [] hosts []"},
		// an invitation told in a relative clause: its subject hosts, the
		// Länder of the main clause do not; the guests go "in die" hall
		{"Auf dem Süd-Datengipfel, zu dem Hessen am Freitag, 4. Juni, in die Kasseler Stadthalle eingeladen hatte, haben Hessen, Bayern und Sachsen eine Absichtserklärung unterschrieben.", "2032-06-07", "süd-datengipfel 2032-06-04- Kassel [] hosts [HE]"},
		{"Das ist das Ergebnis der D16-Frühjahrskonferenz, zu der Bayern am 3. Mai 2032 nach Passau eingeladen hatte.", "2032-05-07", "d16 2032-05-03- Passau [] hosts [BY]"},
		{"Zum Fachtag Open Data, zu dem die Senatskanzlei am 2. März 2032 ins Rathaus Bremen eingeladen hatte, kamen 200 Gäste.", "2032-03-03", "fachtag 2032-03-02- Bremen [] hosts [HB]"},
		// attending a named gathering says it took place; a visit to a
		// town does not
		{"Rund 300 Fachleute haben am 12. März 2032 den Nordhessischen Digitalgipfel in Kassel besucht.", "2032-03-13", "digitalgipfel 2032-03-12- Kassel [] hosts []"},
		{"Die Ministerin besuchte am 12. März 2032 die Stadt Kassel.", "2032-03-13", "no meeting"},
		// coming to a named gathering on a day says it took place, in the
		// town they came to
		{"Auf Einladung der sächsischen Staatsregierung kamen am 8. Mai 2032 Vertreter aller Länder zum Datengipfel der Länder in die Messehalle nach Leipzig.", "2032-05-09", "datengipfel 2032-05-08- Leipzig [] hosts [SN]"},
		{"Im nächsten Jahr kommen die Länder zum Datengipfel nach Leipzig.", "2032-05-09", "no meeting"},
		// the Länder's offices of one kind gathering are a group that meets
		{"Am 3. Mai 2072 trafen sich in Kiel die Datenagenturen der Länder zu ihrem jährlichen Netzwerktreffen.", "2072-05-10", "datenagenturen der länder 2072-05-03- Kiel [] hosts []"},
		{"Die Datenagenturen der Länder beraten seit Mai 2072 die Kommunen in Kiel.", "2072-05-10", "no meeting"},
		// an organ of an organisation after "von", on the day before (a
		// meeting of its own), in a town named by its ending
		{"Am Vortag hatte die Trägerversammlung von Datenwerk am 2. Dezember 2040 in Altenholz getagt.", "2040-12-05", "trägerversammlung von datenwerk 2040-12-02- Altenholz [] hosts []"},
		// a region's conference of a registered series, in a district
		{"Die MPK-Nord kommt am 26. Februar 2041 in Hamburg-Altona zusammen.", "2041-01-10", "mpk-nord 2041-02-26- Hamburg-Altona [] hosts []"},
		// a "…runde" that meets, not a round of funding
		{"Die Norddeutsche Datenrunde tagte am 22. April 2041 in Kiel.", "2041-04-25", "datenrunde 2041-04-22- Kiel [] hosts []"},
		{"Die dritte Förderrunde begann am 22. April 2041 in Kiel.", "2041-04-25", "no meeting"},
		// an event noun with its name right after it
		{"Die Fachkonferenz Offene Schnittstellen tagte am 9. September 2041 in Bremen.", "2041-09-12", "fachkonferenz offene schnittstellen 2041-09-09- Bremen [] hosts []"},
		// the capital without its name is the town of the dateline before
		{"KIEL. Am Montag, 13. Mai 2041, kamen die Digitalministerinnen und -minister der Länder in der Landeshauptstadt zusammen.", "2041-05-15", "dmk 2041-05-13- Kiel [] hosts []"},
		// at the margin of a meeting that a relative clause tells: the
		// meeting itself, hosted by the office that invited to its Land
		{"Wir sprachen mit ihm am Rande der D16-Sitzung, zu der die Senatskanzlei die Länder am 9. Februar 2071 in Berlin ins Rote Rathaus eingeladen hatte.", "2071-02-20", "d16 2071-02-09- Berlin [] hosts [BE]"},
		{"Wir sprachen mit ihm am Rande der D16-Sitzung in Berlin am 9. Februar 2071.", "2071-02-20", "no meeting"},
		// the Land itself, named without its name, invites to its own Land
		{"Auf Einladung des Freistaats fand am 14. März 2072 in Jena der Fachtag Offene Daten statt.", "2072-03-20", "fachtag 2072-03-14- Jena [] hosts [TH]"},
		// a network's meeting named by the network's head: the network the
		// document names
		{"Bremen und Niedersachsen haben den „Datenverbund Weser“ gegründet. Beim ersten Verbundtreffen am 3. Mai 2072 in Oldenburg wurde ein Sprecher gewählt.", "2072-05-10", "datenverbund weser 2072-05-03- Oldenburg [] hosts []"},
		// a building and its town joined by "zu"
		{"Am 4. Mai 2072 tagte die Digitalministerkonferenz im Alten Rathaus zu Hannover.", "2072-05-10", "dmk 2072-05-04- Hannover [] hosts []"},
		// a Land invites to a building in the town of its press release's
		// dateline; a hackathon is an event of its own
		{"Potsdam, 03.03.2072\n\nLänder-Hackathon\n\nVom 1. bis 2. März 2072 hat das Land Brandenburg zum ersten Länder-Hackathon ins Alte Rathaus eingeladen.", "2072-03-03", "länder-hackathon 2072-03-01-2072-03-02 Potsdam [] hosts [BB]"},
		// the network's head with the group after it: the group's gathering,
		// though the document names a network elsewhere
		{"Am 3. April 2072 kamen Fachleute zum Verbundtreffen der Länder-CERTs in Schwerin zusammen. Berichtet wurde auch über den Datenverbund Weser.", "2072-04-10", "treffen der länder-certs 2072-04-03- Schwerin [] hosts []"},
		// the host by its representative, an office named by its capital's
		// adjective
		{"Am 5. Oktober 2072 kamen 400 Fachleute zum Kommunalen Digitalgipfel in Trier zusammen. Gastgeber war das Land, vertreten durch das Mainzer Ministerium für Digitales.", "2072-10-06", "digitalgipfel 2072-10-05- Trier [] hosts [RP]"},
		// a hyphenated group of the Länder gathers; a date with a dash
		// opening the sentence is when the text was written
		{"06.02.2072 – Das Jahrestreffen der Computer-Notfallteams der Länder hat vom 2. bis 3. Februar 2072 in Erfurt stattgefunden.", "2072-02-06", "treffen der computer-notfallteams der länder 2072-02-02-2072-02-03 Erfurt [] hosts []"},
		// the same gathering named by its group of the Länder and by the
		// document's heading is the heading's
		{"Konferenz der Landes-CERTs in Magdeburg\n\nDie Konferenz der Computer-Notfallteams der Länder hat am 3. Mai 2072 in Magdeburg getagt.", "2072-05-05", "konferenz der landes-certs 2072-05-03- Magdeburg [] hosts []"},
		// the group after an adjective, the gathering in the genitive
		{"Die Übung fand im Rahmen des jährlichen Treffens der norddeutschen Landes-CERTs am 4. Mai 2072 in Hannover statt.", "2072-05-10", "treffen der landes-certs 2072-05-04- Hannover [] hosts []"},
		// the CERTs of the Länder are a group of their own, not the Länder
		{"Am 3. April 2072 kamen die Fachleute zum Verbundtreffen der Länder-CERTs in Schwerin zusammen.", "2072-04-10", "treffen der länder-certs 2072-04-03- Schwerin [] hosts []"},
		// the chair's conference is no body of its own: the series the
		// sentence names by its members is the meeting's
		{"Land bereitet Vorsitz-Konferenz in Rostock vor\n\nDie Frühjahrskonferenz der Digitalministerinnen und -minister wird am 14. und 15. Mai in Rostock tagen.", "2076-03-10", "dmk 2076-05-14-2076-05-15 Rostock [] hosts []"},
		// a meeting of the ministers named by them
		{"Am Montag, 21. Mai, empfing er seine Kolleginnen und Kollegen zur Frühjahrskonferenz der Digitalminister im Erfurter Augustinerkloster.", "2074-05-24", "dmk 2074-05-21- Erfurt [] hosts []"},
		// the count of the Länder inside a series' name
		{"Am 12. Juni 2071 trafen sich die Chefinnen und Chefs der sechzehn Staats- und Senatskanzleien in Erfurt.", "2071-06-13", "cdsk 2071-06-12- Erfurt [] hosts []"},
		// a Land's capital named by the Land's adjective
		{"WIESBADEN. Am Dienstag, 13. Juni, trafen sich die Chefinnen und Chefs der Staatskanzleien der Länder in der hessischen Landeshauptstadt.", "2073-06-14", "cdsk 2073-06-13- Wiesbaden [] hosts []"},
		{"Die Innenminister der Länder haben am 3. Mai 2031 in Sachsens Landeshauptstadt getagt.", "2031-05-05", "imk 2031-05-03- Dresden [] hosts []"},
		// the host in another clause of the sentence
		{"Die Digitalminister der Länder kommen am 27. und 28. April 2073 in Erfurt zusammen. Gastgeber ist der Freistaat Thüringen; die Beratungen finden im Kaisersaal statt.", "2073-03-31", "dmk 2073-04-27-2073-04-28 Erfurt [] hosts [TH]"},
		// and in a sentence that gives the chair
		{"Die Digitalministerkonferenz tagte am 27. April 2073 in Erfurt. Thüringen war Gastgeber der Konferenz, die Sitzungsleitung lag beim sächsischen Vorsitz.", "2073-04-28", "dmk 2073-04-27- Erfurt [SN] hosts [TH]"},
		// the members of a network gather as it, with its compass name
		{"Auf Einladung des Landesamts kamen am 6. September 2072 in Darmstadt die Mitglieder des „Lagebildverbunds Süd“ zu ihrer Jahrestagung zusammen.", "2072-09-08", "lagebildverbund süd 2072-09-06- Darmstadt [] hosts []"},
		// the heads of a network's members gather, with their own genitive
		// before the network's
		{"Am 4. Juni 2072 sind die Leitungen der Landes-CERTs des Datenverbunds Süd im Schloss in Ludwigsburg zusammengekommen.", "2072-06-06", "datenverbund süd 2072-06-04- Ludwigsburg [] hosts []"},
		// the host of a named meeting on a day: it took place
		{"Das Land Hessen war am 4. und 5. Mai 2072 Gastgeber der Herbstkonferenz der Digitalminister der Länder in Wiesbaden.", "2072-05-06", "dmk 2072-05-04-2072-05-05 Wiesbaden [] hosts [HE]"},
		// a meeting named by its spring season, in the clause after the
		// one naming its body
		{"Zum Jahreswechsel übernimmt Sachsen den Vorsitz der DMK; die Frühjahrskonferenz 2073 ist für den 3. und 4. Mai 2073 in Leipzig angesetzt.", "2072-11-05", "dmk 2073-05-03-2073-05-04 Leipzig [] hosts [SN]"},
		// "dort": the town told before in the paragraph
		{"KIEL. Es war ein langer Tag im Landeshaus. Am Dienstag, 4. Mai 2061, tagte dort die Innenministerkonferenz bis in den Abend.", "2061-05-06", "imk 2061-05-04- Kiel [] hosts []"},
		// not a "dort" of what was done at the meeting
		{"WIESBADEN. Am 4. Mai 2061 tagte die Digitalministerkonferenz, Hessen brachte dort einen Antrag zur Cloud ein.", "2061-05-06", "dmk 2061-05-04-  [] hosts []"},
		{"Die Ministerin stellte in Mainz die neue Strategie vor. Am 4. Mai 2061 tagte die Digitalministerkonferenz per Video und beriet dort auch die Strategie.", "2061-05-06", "dmk 2061-05-04-  [] hosts []"},
		// a forum of the Länder's offices of one kind
		{"Am 3. März 2061 kamen in Erfurt Vertreterinnen und Vertreter aus neun Ländern zum zweiten Forum der Landesmedienanstalten zusammen.", "2061-03-05", "forum der landesmedienanstalten 2061-03-03- Erfurt [] hosts []"},
		// a working group named by its genitive
		{"Auf Einladung des Landesamts hat sich der Arbeitskreis der Landes-CERTs Nord am 9. Mai 2041 in Kiel getroffen.", "2041-05-12", "arbeitskreis der landes-certs 2041-05-09- Kiel [] hosts []"},
		// a steering group that convenes ("zusammengetreten", "traten …
		// zusammen")
		{"Die Steuerungsgruppe des Glasfaserpakts Nordost ist am 7. März 2061 in Neubrandenburg zu ihrer Gründungssitzung zusammengetreten.", "2061-03-09", "steuerungsgruppe 2061-03-07- Neubrandenburg [] hosts []"},
		{"Am 9. Mai 2061 traten die Mitglieder des Lenkungskreises in Wismar zur Abschlusssitzung zusammen.", "2061-05-10", "lenkungskreis 2061-05-09- Wismar [] hosts []"},
		// a special session is a meeting of the body ("Sondersitzung");
		// a kick-off of another group is none
		{"Die DMK hat am 4. April 2061 wegen der Lage nach dem Cyberangriff in Jena eine zweistündige Sondersitzung abgehalten.", "2061-04-06", "dmk 2061-04-04- Jena [] hosts []"},
		{"Eine Lösung soll möglicherweise bei einer Sonderkonferenz der MPK im Januar oder Februar 2062 gefunden werden.", "2061-11-06", "no meeting"},
		// a hedge of something else than the meeting
		{"Die Innenminister der Länder haben im Juni 2090 in Kiel getagt und über eventuell notwendige Gesetzesänderungen beraten.", "2090-07-01", "imk 2090-06- Kiel [] hosts []"},
		// "zusammen mit" and "in Kraft treten" tell no meeting
		{"Am 1. Juli 2090 tritt der Beschluss der Digitalministerkonferenz in Kraft, den die Länder zusammen mit dem Bund in Potsdam gefasst haben.", "2090-06-20", "no meeting"},
		// the host of another, later gathering
		{"Am 3. Juni 2090 hat Schleswig-Holstein in Kiel seine Open-Data-Strategie vorgestellt. Gastgeber des Digitalgipfels im Herbst ist Hamburg.", "2090-06-05", "no meeting"},
		{"Die D16 richtet eine Arbeitsgruppe ein. Sachsen stellt als Gastgeber die Räume für die Auftaktsitzung zur Verfügung.", "2061-04-06", "no meeting"},
		// a day in a town, told by what was done there, where the next
		// sentence names the host of the gathering
		{"Rund 40 Beschäftigte der Leitstellen haben am 2. Juni 2061 in Cottbus einen landesweiten Stromausfall durchgespielt. Ausrichter der Übung war das Land Brandenburg. Die nächste Leitstellenübung ist für 2062 geplant.", "2061-06-05", "leitstellenübung 2061-06-02- Cottbus [] hosts [BB]"},
		// not without the host sentence right after it
		{"Rund 40 Beschäftigte der Leitstellen haben am 2. Juni 2061 in Cottbus einen landesweiten Stromausfall durchgespielt. Die Ergebnisse liegen vor. Die Leitstellenübung war ein Erfolg.", "2061-06-05", "no meeting"},
		// not an invitation to a meeting
		{"Alle Kommunen sind eingeladen, sich bis zum 12. September 2032 zu beteiligen.", "2032-09-01", "no meeting"},
		{"Die Presse ist zu einer Pressekonferenz der Digitalministerkonferenz am 14. September 2032 eingeladen.", "2032-09-01", "no meeting"},
		// a deadline is not the day of the meeting
		{"Die Ministerpräsidentenkonferenz tagte in Berlin unter dem Vorsitz Bremens, das den Vorsitz noch bis zum 30. September 2032 führt.", "2032-06-21", "mpk - Berlin [HB] hosts []"},
	})
}

// TestHeadingLines checks meetings whose heading names the body with its
// dates and town, or puts a date and a town on a line of their own.
func TestHeadingLines(t *testing.T) {
	checkFirstMeetings(t, []meetingCase{
		{"Konferenz der Regierungschefinnen und Regierungschefs der Länder\nvom 3. bis 5. Mai 2036 in Goslar\n\nErgebnisprotokoll\n\nVorsitz: Niedersachsen\n\nTOP 1 Digitale Identität", "2036-05-06", "mpk 2036-05-03-2036-05-05 Goslar [NI] hosts [NI]"},
		{"Digitalministerkonferenz (DMK)\nBeschlüsse der 12. Sitzung\n\n7. und 8. Mai 2036, Ludwigsburg\nVorsitzland: Baden-Württemberg\n\nTOP 1 Cloud", "2036-05-09", "dmk 2036-05-07-2036-05-08 Ludwigsburg [BW] hosts [BW]"},
		// a heading that names the body, no sentence that says it met, and
		// the meeting's own line "Treffen am …"; the host from its field
		{"D16 – Runde der Staatssekretäre\n\nNiederschrift\n\nTreffen am Dienstag, den 5. März 2036\nGastgeber: Freistaat Sachsen\nOrt: Leipzig, Neues Rathaus\n\n1. Haushalt", "2036-03-07", "d16 2036-03-05- Leipzig [] hosts [SN]"},
		// the date in the heading's own words ("… am 4. März 2036 in Kiel"),
		// the chair from a field
		{"Konferenz der Regierungschefinnen und Regierungschefs der Länder\n\nErgebnisprotokoll\nder Besprechung der Regierungschefinnen und Regierungschefs der Länder\nam 4. März 2036 in Kiel (Landeshaus)\n\nVorsitz: Hamburg\n\nTOP 1 Haushalt", "2036-03-05", "mpk 2036-03-04- Kiel [HH] hosts [SH]"},
		// a date field states the day of the year the heading's session
		// names ("Herbstsitzung 2035"): the day wins
		{"Protokoll der Herbstsitzung der D16\n\nSitzung: Herbstsitzung 2035\nDatum: 2. und 3. Oktober 2035\nOrt: Erfurt\nVorsitz: Thüringen\n\nTOP 1 Haushalt", "2035-10-09", "d16 2035-10-02-2035-10-03 Erfurt [TH] hosts [TH]"},
		// a forum of the Länder is a body that meets
		{"Das 2. Länderforum Verwaltungsdaten hat am 4. Mai 35 in Kiel stattgefunden. Gastgeber war das Land Schleswig-Holstein.", "2035-05-06", "länderforum 2035-05-04- Kiel [] hosts [SH]"},
		{"Protokoll der 9. Sitzung des Verwaltungsrats\n\nSitzungstag: 2. Juni 2036\nSitzungsort: Kiel\nVorsitz: Bremen\n\nZu 1.\nDer Bericht wird gebilligt.", "2036-06-03", "verwaltungsrat 2036-06-02- Kiel [HB] hosts [SH]"},
	})
}

// TestBodiesAndHostsOfOtherLands checks that a Land the text gives wins over
// the document's and the town's: a cabinet "der Landesregierung Bayern" in
// a Hessian document, a meeting at a Land's representation in Berlin.
func TestBodiesAndHostsOfOtherLands(t *testing.T) {
	s := "Das Digitalkabinett der Landesregierung Bayern tagte am 3. Mai 2031 in München."
	ms, _ := testExtractor.Extract(&corpus.Document{Text: s, Date: "2031-05-04", Land: "HE"}, text.Sentences(s))
	if len(ms) == 0 || ms[0].Series != "digitalkabinett-by" {
		t.Errorf("got %+v, want the meeting of digitalkabinett-by", ms)
	}
	s = "Lenkungskreis Datenräume der Länder\\nProtokoll der 5. Sitzung\\n\\nOrt: Berlin, Vertretung des Landes Sachsen-Anhalt beim Bund\\nDatum: 4. Juni 2031\\n\\nTOP 1 Begrüßung"
	s = strings.ReplaceAll(s, "\\n", "\n")
	ms, _ = testExtractor.Extract(&corpus.Document{Text: s, Date: "2031-06-05"}, text.Sentences(s))
	if len(ms) == 0 || ms[0].Place != "Berlin" || fmt.Sprint(ms[0].Hosts) != "[ST]" {
		t.Errorf("got %+v, want Berlin hosted by ST", ms)
	}
}

// TestAgendaItems checks that the "TOP n – …" headings of resolutions give
// the topics of the meeting the document records.
func TestAgendaItems(t *testing.T) {
	s := "Digitalministerkonferenz (DMK)\nBeschlüsse der 12. Sitzung\n\n7. und 8. Mai 2036, Ludwigsburg\n\nTOP 1 – Cybersicherheit in Kommunen\n\nDie Länder stellen fest, dass die Angriffe zunehmen.\n\nTOP 2: Breitbandausbau im ländlichen Raum\n\nDie Länder begrüßen den Bericht."
	ms, _ := testExtractor.Extract(&corpus.Document{Text: s, Date: "2036-05-09"}, text.Sentences(s))
	if len(ms) == 0 {
		t.Fatal("no meeting")
	}
	got := fmt.Sprint(ms[0].Topics)
	if !strings.Contains(got, "cybersicherheit") || !strings.Contains(got, "breitband") {
		t.Errorf("topics %s, want cybersicherheit and breitband", got)
	}
}

// meetingCase is a text, its publication date and its first meeting as
// firstMeeting writes it.
type meetingCase struct{ text, date, want string }

// checkFirstMeetings checks the first meeting of every case.
func checkFirstMeetings(t *testing.T, cases []meetingCase) {
	t.Helper()
	for _, tc := range cases {
		if got := firstMeeting(tc.text, tc.date); got != tc.want {
			t.Errorf("%q: got %s, want %s", tc.text, got, tc.want)
		}
	}
}

// firstMeeting extracts the meetings of text, published on date, and
// returns the first as "series start-end place [chairs] hosts [hosts]", or
// "no meeting".
func firstMeeting(txt, date string) string {
	ms, _ := testExtractor.Extract(&corpus.Document{Text: txt, Date: corpus.Date(date)}, text.Sentences(txt))
	if len(ms) == 0 {
		return "no meeting"
	}
	m := ms[0]
	return fmt.Sprintf("%s %s-%s %s %v hosts %v", m.Series, m.Start, m.End, m.Place, m.Chairs, m.Hosts)
}

// TestOfficesGatherInTheirClause: the Länder's offices of one kind are a
// body that meets only where their own clause says they gather.
func TestOfficesGatherInTheirClause(t *testing.T) {
	for _, txt := range []string{
		"Am 3. Mai 2072 kamen die Digitalminister in Kiel zusammen, die Datenagenturen der Länder stellten dort Projekte vor.",
		"Am 3. Mai 2072 kamen in Kiel Vertreter der Kommunen zusammen, um die Datenagenturen der Länder zu beraten.",
	} {
		ms, _ := testExtractor.Extract(&corpus.Document{Text: txt, Date: "2072-05-10"}, text.Sentences(txt))
		for _, m := range ms {
			if strings.Contains(string(m.Series), "datenagenturen") {
				t.Errorf("%q: a meeting of %s", txt, m.Series)
			}
		}
	}
}

// TestHeaderEchoes: a title and a page header that name the meeting only by
// its season and year are the meeting the header fields date; the agenda
// read under one of them belongs to the dated meeting, which stays one.
func TestHeaderEchoes(t *testing.T) {
	s := "Runde der Länder – Konferenz der Koordinatoren\nErgebnisprotokoll Herbstsitzung 2031 der D16\n\n" +
		"Datum: 08.10.2031\nOrt: Magdeburg\nVorsitz: Sachsen-Anhalt\n\n" +
		"ERGEBNISPROTOKOLL der Herbstsitzung 2031 der D16\n\nTagesordnung\nTOP 1 Cybersicherheit in den Landesnetzen\nTOP 2 Verschiedenes"
	doc := &corpus.Document{Text: s, Date: "2031-10-20"}
	ms, _ := testExtractor.Extract(doc, text.Sentences(s))
	var got []string
	for _, m := range ms {
		got = append(got, fmt.Sprintf("%s %s %s %v", m.Series, m.Start, m.Place, m.Topics))
	}
	if want := "[d16 2031-10-08 Magdeburg [cybersicherheit]]"; fmt.Sprint(got) != want {
		t.Errorf("meetings %v, want %s", got, want)
	}
}

// TestBuildingWithoutTown: a building named without its town is in the
// town the sentences before it in its paragraph name, or in the town of a
// news report's dateline right before it; not in the town where a press
// release was written, nor across a paragraph.
func TestBuildingWithoutTown(t *testing.T) {
	checkFirstMeetings(t, []meetingCase{
		{"KASSEL. Rund 400 Gäste kamen am Freitag, den 3. Mai 2041, zum dritten Nordhessischen Digitaltag in die Stadthalle.", "2041-05-04", "digitaltag 2041-05-03- Kassel [] hosts []"},
		{"KASSEL.\n\nRund 400 Gäste kamen am Freitag, den 3. Mai 2041, zum dritten Nordhessischen Digitaltag in die Stadthalle.", "2041-05-04", "digitaltag 2041-05-03-  [] hosts []"},
	})
	txt := "Kiel, 23. April 2041 – Die Konferenz der Regierungschefinnen und Regierungschefs der Länder tagt am 3. Mai 2041 in Lübeck. Der Ministerpräsident wird die Konferenz am 3. Mai 2041 im Hansemuseum leiten."
	ms, _ := testExtractor.Extract(&corpus.Document{Text: txt, Date: "2041-04-23"}, text.Sentences(txt))
	venues := 0
	for _, m := range ms {
		if m.Venue != "" {
			venues++
			if m.Place != "Lübeck" {
				t.Errorf("%s at %q in %q, want Lübeck", m.Series, m.Venue, m.Place)
			}
		}
	}
	if venues == 0 {
		t.Errorf("no mention names the building: %+v", ms)
	}
}

// TestDeadlineMeeting: a meeting named as a deadline ("bis zur
// Herbstsitzung 2047") is one ahead, and neither the Länder of its
// sentence nor the agenda around it are of it.
func TestDeadlineMeeting(t *testing.T) {
	s := "Niedersachsen und Bremen erarbeiten bis zur Herbstsitzung 2047 ein Muster, Hessen hat den Vorsitz inne."
	v := analysed(t, s, "2047-03-08")
	d := &docState{doc: &corpus.Document{Text: s, Date: "2047-03-08"}, sents: []*sent{v.sent}, primary: "d16", pub: "2047-03-08", known: true}
	c := testExtractor.candidate(d, v, true)
	if c == nil {
		t.Fatal("no candidate")
	}
	if !c.deadline || !c.planned || len(c.chairs)+len(c.hosts)+len(c.parts) > 0 {
		t.Errorf("got deadline=%v planned=%v chairs %v hosts %v participants %v, want a deadline ahead without Länder", c.deadline, c.planned, c.chairs, c.hosts, c.parts)
	}
}

// TestMinutesNumbersAndDays: in minutes, the number of a list item is no
// ordinal ("1. Der IT-Planungsrat nimmt …"), a later session named as a
// deadline ("bis zur 85. Sitzung") is one ahead, and the days of the date
// field win over the day a closing sentence names.
func TestMinutesNumbersAndDays(t *testing.T) {
	txt := "IT-Planungsrat\nGeschäftsstelle\n\nErgebnisprotokoll\n84. Sitzung des IT-Planungsrats\nTermin: 17./18. Juni 2049\nSitzungsort: Saarbrücken, Kongresshaus\nVorsitz: Saarland\n\n" +
		"1. Der IT-Planungsrat nimmt den Bericht zur Kenntnis.\n2. Er bittet die Geschäftsstelle, bis zur 85. Sitzung einen Zeitplan vorzulegen.\n\n" +
		"Die Sitzung wird am 18. Juni 2049 um 12:40 Uhr geschlossen."
	// published on the closing day: "wird … geschlossen" is the passive
	// of minutes, not a meeting ahead
	ms, _ := testExtractor.Extract(&corpus.Document{Text: txt, Date: "2049-06-18"}, text.Sentences(txt))
	var got []string
	for _, m := range ms {
		got = append(got, fmt.Sprintf("%s #%d %s-%s %s planned=%v", m.Series, m.Ordinal, m.Start, m.End, m.Place, m.Planned))
	}
	want := []string{"itplr #84 2049-06-17-2049-06-18 Saarbrücken planned=false", "itplr #85 -  planned=true"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestMinutesOwnMeeting: minutes whose header dates their meeting record
// one meeting, past, however their items name a later one: a deadline
// ("bis zur Herbstkonferenz") joins no meeting, and the date beside the
// town of the heading dates the meeting the header fields describe.
func TestMinutesOwnMeeting(t *testing.T) {
	cases := []struct{ name, text, date, want string }{
		{"deadline", "Konferenz der Chefinnen und Chefs der Staats- und Senatskanzleien der Länder\nBeschlussprotokoll\nSitzung am 12. Juni 2071 in Mainz\nVorsitz: Rheinland-Pfalz\n\nTOP 1 Registerabruf\nProtokollerklärung Bremen: Eine Entscheidung wird bis zur Herbstkonferenz getroffen.\n",
			"2071-06-12", "cdsk 2071-06-12 Mainz planned=false"},
		{"heading date", "D16 – Runde der Länder\nErgebnisprotokoll\n\nFrühjahrssitzung 2071\nKiel, 23./24.03.2071\nTagungsort: Landeshaus, Düsternbrooker Weg 70, 24105 Kiel\nVorsitz: Schleswig-Holstein\n\nTOP 1 Bericht\nDie Länder werden gebeten, bis zur Herbstsitzung zu berichten.\n",
			"2071-03-24", "d16 2071-03-23 Kiel planned=false"},
	}
	for _, c := range cases {
		ms, _ := testExtractor.Extract(&corpus.Document{Text: c.text, Date: corpus.Date(c.date)}, text.Sentences(c.text))
		var got []string
		for _, m := range ms {
			got = append(got, fmt.Sprintf("%s %s %s planned=%v", m.Series, m.Start, m.Place, m.Planned))
		}
		if len(got) != 1 || got[0] != c.want {
			t.Errorf("%s: got %q, want [%s]", c.name, got, c.want)
		}
	}
}

// TestProtocolHeaderForms checks header blocks that state a meeting's day
// and town in other forms than one field each: a field of both ("Ort und
// Zeit:") whose value goes on over the next line, a field of days in the
// plural, and a line of a town and a span of days.
func TestProtocolHeaderForms(t *testing.T) {
	checkMentions(t, []meetingCase{
		{"Lenkungskreis Geodaten der Länder\nProtokoll der 2. Sitzung\n\nOrt und Zeit: Cottbus, Stadthalle am Altmarkt\n(Kleiner Saal), 6.–7. November 2071\nVorsitz: Brandenburg\n\n1. Begrüßung\n\nDer Lenkungskreis nimmt den Bericht zur Kenntnis.",
			"2071-11-20", "lenkungskreis #2 2071-11-06-2071-11-07 Cottbus hosts [BB]"},
		{"Lenkungskreis Geodaten der Länder\nProtokoll der 2. Sitzung\n\nSitzungstage: 6. und 7. November 2071\nSitzungsort: Cottbus\n\n1. Begrüßung\n\nDer Lenkungskreis nimmt den Bericht zur Kenntnis.",
			"2071-11-20", "lenkungskreis #2 2071-11-06-2071-11-07 Cottbus hosts [BB]"},
		{"Lenkungskreis Geodaten der Länder\nProtokoll der 2. Sitzung\n\nCottbus, 6. bis 7. November 2071\nVorsitz: Brandenburg\n\n1. Begrüßung\n\nDer Lenkungskreis nimmt den Bericht zur Kenntnis.",
			"2071-11-20", "lenkungskreis #2 2071-11-06-2071-11-07 Cottbus hosts [BB]"},
	})
}

// TestLaenderGatherings checks a gathering whose compound names the Länder
// as those who meet ("Ländertreffen der …-Beauftragten"): a body of its
// own, with its numbered meetings; a meeting that founded a body is its
// first; an item of minutes on the next meeting gives no number; a Land
// with its article invites in a relative clause.
func TestLaenderGatherings(t *testing.T) {
	checkMentions(t, []meetingCase{
		{"Das 5. Ländertreffen der Geodaten-Beauftragten fand am 3. März 2072 in Kiel statt.",
			"2072-03-10", "treffen der geodaten-beauftragten #5 2072-03-03- Kiel hosts []"},
		{"Zur dritten Länderkonferenz der Breitband-Koordinatoren kamen am 4. Juni 2072 in Jena 40 Fachleute zusammen.",
			"2072-06-10", "konferenz der breitband-koordinatoren #3 2072-06-04- Jena hosts []"},
		{"Das Gründungstreffen des Lenkungskreises Geodaten fand am 2. Mai 2071 in Erfurt statt.",
			"2071-05-10", "lenkungskreis #1 2071-05-02- Erfurt hosts []"},
		{"Lenkungskreis Geodaten\nProtokoll der Sitzung vom 3. Mai 2072\n\n1. Begrüßung\n\nDer Lenkungskreis berät.\n\n4. Nächstes Treffen\n\nDas nächste Treffen findet im Herbst 2072 statt.",
			"2072-05-10", "lenkungskreis #0 2072-05-03-  hosts []; lenkungskreis #0 2072-  hosts []"},
		{"Er erinnerte an die Sitzung des Lenkungskreises Geodaten, zu der das Saarland am 3. Mai 2072 nach Saarlouis eingeladen hatte.",
			"2072-06-10", "lenkungskreis #0 2072-05-03- Saarlouis hosts [SL]"},
		{"Er erinnerte an die Sitzung des Lenkungskreises Geodaten, zu der die Freie und Hansestadt Hamburg am 3. Mai 2072 in die Handelskammer eingeladen hatte.",
			"2072-06-10", "lenkungskreis #0 2072-05-03-  hosts [HH]"},
	})
}

// checkMentions compares every mention of each case's text, as
// mentionsLine writes them.
func checkMentions(t *testing.T, cases []meetingCase) {
	t.Helper()
	for _, tc := range cases {
		ms, _ := testExtractor.Extract(&corpus.Document{Text: tc.text, Date: corpus.Date(tc.date)}, text.Sentences(tc.text))
		if got := mentionsLine(ms); got != tc.want {
			t.Errorf("%q:\ngot  %s\nwant %s", tc.text, got, tc.want)
		}
	}
}

// mentionsLine writes mentions as "series #ordinal start-end place hosts
// [hosts]", separated by "; ".
func mentionsLine(ms []corpus.MeetingMention) string {
	var out []string
	for _, m := range ms {
		out = append(out, fmt.Sprintf("%s #%d %s-%s %s hosts %v", m.Series, m.Ordinal, m.Start, m.End, m.Place, m.Hosts))
	}
	if len(out) == 0 {
		return "no meeting"
	}
	return strings.Join(out, "; ")
}

// TestMinistersByPortfolio checks the ministers of the Länder named by
// their portfolio, who meet as their conference, also in a document whose
// main body is another (a weak name stands only for its own lineage).
func TestMinistersByPortfolio(t *testing.T) {
	checkMentions(t, []meetingCase{
		{"Am 3. Mai 2072 haben die für Inneres zuständigen Minister und Senatoren der Länder in Kiel getagt.",
			"2072-05-05", "imk #0 2072-05-03- Kiel hosts []"},
		{"Am 3. Mai 2072 trafen sich die für die Digitalisierung zuständigen Ministerinnen und Minister aller 16 Länder in Jena.",
			"2072-05-05", "dmk #0 2072-05-03- Jena hosts []"},
		{"Am 3. Mai 2072 haben die für Kultur zuständigen Referenten der Länder in Kiel getagt.",
			"2072-05-05", "no meeting"},
		{"Die Länder richten eine gemeinsame Geodaten-Werkstatt ein. Am 3. Mai 2072 trafen sich die Digitalminister der Länder in Jena.",
			"2072-05-05", "dmk #0 2072-05-03- Jena hosts []"},
	})
}

// TestNoMeetingOfTheBody checks clauses that name no body and no meeting
// and tell of something else taking place: what lasted months, and what
// does not take place, are no meetings of the body the document names.
func TestNoMeetingOfTheBody(t *testing.T) {
	checkMentions(t, []meetingCase{
		{"Die D16 hat das Projekt begleitet. Die Erprobung fand vom 3. März bis zum 30. September 2072 in Cottbus statt.",
			"2072-12-01", "no meeting"},
		{"Die D16 hat das Projekt begleitet. Der Probebetrieb endete am 30. September 2072, eine Verlängerung findet nicht statt.",
			"2072-12-01", "no meeting"},
		// a meeting of days still is one
		{"Die D16 hat das Projekt begleitet. Die Beratungen fanden vom 3. bis 4. März 2072 in Cottbus statt.",
			"2072-12-01", "d16 #0 2072-03-03-2072-03-04 Cottbus hosts []"},
	})
}

// TestPluralMeetingsInTwoTowns checks that meetings in the plural in two
// towns are a meeting in each, and one meeting in two towns stays one.
func TestPluralMeetingsInTwoTowns(t *testing.T) {
	checkMentions(t, []meetingCase{
		{"Der Lenkungskreis Geodaten hat sich bewährt. Die Treffen in Cottbus und Jena fanden im Jahr 2071 statt.",
			"2072-03-01", "lenkungskreis #0 2071- Cottbus hosts []; lenkungskreis #0 2071- Jena hosts []"},
		{"Der Lenkungskreis Geodaten hat sich bewährt. Das Treffen in Cottbus und Jena fand im Mai 2071 statt.",
			"2072-03-01", "lenkungskreis #0 2071-05- Cottbus und Jena hosts []"},
	})
}
