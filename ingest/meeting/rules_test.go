package meeting

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
)

// analysed returns a sentence analysed as Extract would, in a document
// published on pub.
func analysed(tb testing.TB, s string, pub corpus.Date) view {
	tb.Helper()
	d := &docState{doc: &corpus.Document{Text: s, Date: pub}, pub: pub, known: pub != ""}
	st := testExtractor.newSent(0, 0, s)
	d.sents = []*sent{st}
	testExtractor.resolveSeries(d)
	testExtractor.analyse(d, st)
	return newView(st, 0, len(s))
}

func TestOrdinal(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"Die erste Digitalministerkonferenz tagt in Potsdam.", 1},
		{"Die 4. Digitalministerkonferenz fand in Berlin statt.", 4},
		{"Zur dritten Konferenz der Digitalkoordinatoren kamen alle Länder.", 3},
		{"Die erste bundesweite Arbeitstagung der Digitalkoordinatoren der Länder fand statt.", 1},
		{"Erstmals trafen sich die Digitalminister der Länder.", 1},
		{"Die konstituierende Sitzung der Digitalministerkonferenz fand in Potsdam statt.", 1},
		{"Die 2. Digitalministerkonferenz fand unter dem Vorsitz von Sachsen statt.", 2},
		// ordinals of a part of the series
		{"Das erste D16-Treffen unter dem gemeinsamen Vorsitz von Berlin und Brandenburg findet statt.", 0},
		{"Das erste Treffen der D16 unter dem Vorsitz Hamburgs findet statt.", 0},
		{"Ich freue mich auf das erste Digitalministertreffen in der gemeinsamen Vorsitzzeit.", 0},
		{"Es ist das erste Treffen seit 2020.", 0},
		{"Das erste Treffen in diesem Jahr findet in Kiel statt.", 0},
		{"Erstmals unter dem Vorsitz Bremens trafen sich die Digitalminister.", 0},
		// no meeting
		{"Als eines der ersten Bundesländer hat Bayern ein Landesamt.", 0},
		{"Im Juli übernehmen erstmals zwei Länder den Vorsitz.", 0},
		{"Am 4. Mai tagte die Konferenz.", 0},
	}
	for _, tt := range tests {
		t.Run(tt.s, func(t *testing.T) {
			v := analysed(t, tt.s, "")
			if got := v.ordinal(v.cues()); got != tt.want {
				t.Errorf("got %d, want %d", got, tt.want)
			}
		})
	}
}

func TestPlaces(t *testing.T) {
	tests := []struct {
		s    string
		want string // place|venue, ...
	}{
		{"Die Konferenz fand in Potsdam statt.", "[Potsdam|]"},
		{"Das Treffen fand in Frankfurt am Main statt.", "[Frankfurt am Main|]"},
		{"Sie kamen in Heidelberg und Walldorf zusammen.", "[Heidelberg und Walldorf|]"},
		{"Sie tagen in Neuhardenberg.", "[Neuhardenberg|]"},
		{"Sie tagen in der Landeshauptstadt Mainz.", "[Mainz|]"},
		{"Die Konferenz findet in Rheinland-Pfalz statt.", "[Rheinland-Pfalz|]"},
		{"Die Sitzung erfolgt am Hasso-Plattner-Institut (HPI) in Potsdam.", "[|Hasso-Plattner-Institut (HPI) Potsdam|]"},
		{"Die Konferenz tagt im Potsdamer HPI.", "[Potsdam|HPI]"},
		{"Es ging bei den Beratungen im Brandenburg-Saal der Staatskanzlei um Austausch.", "[|Brandenburg-Saal der Staatskanzlei]"},
		{"Sie trafen sich in der Unternehmenszentrale von DE-CIX in Frankfurt am Main.", "[|Unternehmenszentrale von DE-CIX Frankfurt am Main|]"},
		{"Die Tagung begann im Ozeaneum Stralsund.", "[Stralsund|Ozeaneum]"},
		{"Sie fand auf dem Campus der Technischen Universität Chemnitz statt.", "[Chemnitz|Campus der Technischen Universität]"},
		{"Sie fand auf dem Campus der Sächsischen Technischen Universität Chemnitz–Zwickau statt.", "[Chemnitz|Campus der Sächsischen Technischen Universität]"},
		// no places
		{"Die Digitalisierung in Deutschland und in Sachen Verwaltung.", "[]"},
		{"In der Regel im Rahmen der Konferenz und im Fokus der Länder.", "[]"},
		{"Die Heidelberger Erklärung wurde verabschiedet.", "[]"},
		// a town adjective before a street noun is an address
		{"Sie tagten in der Stadthalle am Potsdamer Platz.", "[|Stadthalle]"},
		{"Im Zentrum der Beratungen stand die Cloud.", "[]"},
	}
	for _, tt := range tests {
		t.Run(tt.s, func(t *testing.T) {
			v := analysed(t, tt.s, "")
			var got []string
			for _, p := range v.places {
				got = append(got, p.place+"|"+p.venue)
			}
			if fmt.Sprint(got) != tt.want {
				t.Errorf("got %v, want %s", got, tt.want)
			}
		})
	}
}

func TestHostsAndChairs(t *testing.T) {
	tests := []struct {
		s             string
		hosts, chairs string
	}{
		{"Die Konferenz findet auf Einladung Brandenburgs statt.", "[BB]", "[]"},
		{"Sie tagt auf Einladung der Digitalverantwortlichen von Brandenburg und Berlin, Staatssekretär X und Y.", "[BE BB]", "[]"},
		{"Brandenburgs Digitalkoordinator empfängt seine Kollegen aus allen Bundesländern.", "[BB]", "[]"},
		{"Thüringen hat den Staffelposten übernommen und wird zur nächsten Konferenz einladen.", "[TH]", "[]"},
		{"Eingeladen hatte das Land Bremen.", "[HB]", "[]"},
		{"Das Treffen wird von Hessen ausgerichtet.", "[HE]", "[]"},
		{"Berlin und Hamburg sind zur Konferenz eingeladen.", "[]", "[]"},
		{"Die Konferenz tagte unter dem Vorsitz von Bayerns Digitalministerin.", "[]", "[BY]"},
		{"Sie verständigten sich unter Vorsitz des baden-württembergischen Ministers.", "[]", "[BW]"},
		{"Das Treffen unter dem gemeinsamen Vorsitz von Berlin und Brandenburg findet statt.", "[]", "[BE BB]"},
		{"Beim Treffen im Brandenburg-Saal unter Vorsitz Hessens waren Gäste aus Sachsen.", "[]", "[HE]"},
		{"Sie tagten unter der Leitung der sächsischen Ministerin für Digitales, Anna Beispiel, und des Staatssekretärs des Landes Hessen, Max Muster, bei der dritten Konferenz.", "[]", "[HE SN]"},
		{"Sie tagten unter der Leitung der sächsischen Ministerin, Anna Beispiel, und der Präsidentin des Bundesamts, Eva Muster, in Bonn.", "[]", "[SN]"},
		// the chair's Land as an adjective before the chair word
		{"Der Gipfel fand in Husum statt, unter schleswig-holsteinischem Vorsitz.", "[]", "[SH]"},
		{"Sie tagten unter hessischer und sächsischer Leitung.", "[]", "[HE SN]"},
		{"Unter den hessischen Gästen war auch der Vorsitzende des Landkreistags.", "[]", "[]"},
	}
	for _, tt := range tests {
		t.Run(tt.s, func(t *testing.T) {
			v := analysed(t, tt.s, "")
			skip := v.skipSpans()
			h := uniqLands(corpus.Laender(), v.hostsOf(skip))
			c := uniqLands(corpus.Laender(), v.chairsOf(skip))
			if fmt.Sprint(h) != tt.hosts || fmt.Sprint(c) != tt.chairs {
				t.Errorf("got hosts %v chairs %v, want %s %s", h, c, tt.hosts, tt.chairs)
			}
		})
	}
}

func TestChairPeriod(t *testing.T) {
	tests := []struct {
		s        string
		pub      corpus.Date
		from, to corpus.Date
	}{
		{"Berlin und Brandenburg werden ab 1. Juli 2023 für 18 Monate bis Ende 2024 den Vorsitz innehaben.", "", "2023-07-01", "2024"},
		{"Hamburg hat ab 1. Januar 2026 für 12 Monate den Vorsitz.", "", "2026-01-01", "2026-12-31"},
		{"Bremen übernimmt ab Juli 2026 für anderthalb Jahre den Vorsitz.", "", "2026-07", "2027-12-31"},
		{"Für das Jahr 2025 liegt der Vorsitz bei Rheinland-Pfalz.", "", "2025", "2025"},
		{"Im Jahr 2022 leitete Baden-Württemberg das Gremium.", "", "2022", "2022"},
		{"Im Juli 2023 übernehmen Berlin und Brandenburg den Vorsitz bis Ende 2024.", "", "2023-07", "2024"},
		{"Brandenburg und Berlin teilen sich in diesem Jahr den Vorsitz.", "2024-04-12", "2024", "2024"},
		{"Seit Juli hat Hessen den Vorsitz.", "2023-11-07", "2023-07", ""},
		{"Hessen übernimmt 2026 den Vorsitz.", "", "2026", ""},
		{"Brandenburg und Berlin teilen sich in diesem Jahr den Vorsitz.", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.s, func(t *testing.T) {
			v := analysed(t, tt.s, tt.pub)
			d := &docState{doc: &corpus.Document{Text: tt.s}, sents: []*sent{v.sent}, pub: tt.pub, known: tt.pub != ""}
			from, to := testExtractor.chairPeriod(d, 0, v.sent)
			if from != tt.from || to != tt.to {
				t.Errorf("got %q..%q, want %q..%q", from, to, tt.from, tt.to)
			}
		})
	}
}

func TestSeriesNames(t *testing.T) {
	tests := []struct {
		s    string
		want string
	}{
		{"Das D16-Treffen und die Digitalministerkonferenz (DMK)", "[d16 dmk]"},
		{"des D16-Digitalministertreffens", "[d16]"},
		{"die Digitalkoordinatorinnen und ‑koordinatoren der Länder", "[digitalkoordinatoren]"},
		{"die D160 und die Fachministerkonferenzen", "[]"},
		{"soll zu einer Digitalministerkonferenz weiterentwickelt werden", "[dmk(target)]"},
		{"Zu den Beschlüssen der 1. Digitalministerkonferenz", "[dmk]"},
		{"Erstmals kamen die Digitalkoordinatoren aller Länder zusammen.", "[digitalkoordinatoren]"},
		{"Die Digitalkoordinatoren berieten.", "[]"},
		{"Die Konferenz der Regierungschefinnen und Regierungschefs der Länder (MPK) tagte.", "[mpk]"},
		{"Der Vorsitz im IT-Planungsrates", "[itplr]"},
		// bodies found by the form of their name, with the Land the name gives
		{"Das hessische Digitalkabinett tagte.", "[digitalkabinett-he]"},
		{"Das Digitalkabinett der Hessischen Landesregierung und das Digitalkabinett tagten.", "[digitalkabinett-he digitalkabinett]"},
		{"Die Europaministerkonferenz (EMK) und die Agrarministerkonferenz Sachsens", "[emk agrarministerkonferenz-sn]"},
	}
	for _, tt := range tests {
		t.Run(tt.s, func(t *testing.T) {
			var got []string
			for _, h := range testExtractor.findSeries(tt.s) {
				n := string(h.series)
				if h.target {
					n += "(target)"
				}
				got = append(got, n)
			}
			if fmt.Sprint(got) != tt.want {
				t.Errorf("got %v, want %s", got, tt.want)
			}
		})
	}
}

func TestLandBodyInDocument(t *testing.T) {
	doc := parseFixture("b", "date: 2031-03-21\n---\nDigitalkabinett tagt in Landshut\n\nLandshut, 21. März 2031 (lby) – Das Digitalkabinett der Bayerischen Staatsregierung ist am Freitag im Rathaus zusammengekommen.")
	ms, _ := testExtractor.Extract(doc, sentencesOf(doc.Text))
	if len(ms) != 1 || ms[0].Series != "digitalkabinett-by" || ms[0].Start != "2031-03-21" || ms[0].Place != "Landshut" || fmt.Sprint(ms[0].Chairs) != "[BY]" {
		t.Errorf("got %+v, want one meeting of digitalkabinett-by on 2031-03-21 in Landshut chaired by BY", ms)
	}
}

func TestSeatOfGovernment(t *testing.T) {
	doc := parseFixture("s", "date: 2031-03-21\n---\nDie Europaministerkonferenz tagte am 20. März 2031 im Landtag Schleswig-Holstein.")
	ms, _ := testExtractor.Extract(doc, sentencesOf(doc.Text))
	if len(ms) != 1 || ms[0].Place != "Kiel" {
		t.Errorf("got %+v, want one meeting in Kiel, the seat of the Landtag", ms)
	}
}

func TestDatesInQuotesAndStamps(t *testing.T) {
	doc := parseFixture("q", "date: 2019-06-26\n---\n[26.6.2019] Die Digitalkoordinatoren der Länder trafen sich am 21. Juni 2019 in Potsdam. „Die heutige Konferenz ist wichtig“, sagte er.")
	ms, _ := testExtractor.Extract(doc, sentencesOf(doc.Text))
	if len(ms) != 1 || ms[0].Start != "2019-06-21" {
		t.Errorf("got %+v, want one meeting on 2019-06-21 (no stamp, no quoted \"heute\")", ms)
	}
}

func TestChairTerms(t *testing.T) {
	tests := []struct {
		text string
		want string
	}{
		{"Nach Bayern übernimmt 2024 Hessen den Vorsitz der D16.", "[d16 [HE] 2024..]"},
		// a chair of one body is never the chair of another: the D16 named
		// before does not take the IT-Planungsrat's chair
		{"Die D16 tagt bald. Der Vorsitz im IT-Planungsrat liegt 2024 bei Hessen.", "[itplr [HE] 2024..2024]"},
		{"Die D16 tagt bald. Der Vorsitz im Digitalrat liegt 2024 bei Hessen.", "[digitalrat [HE] 2024..2024]"}, // a body of its own, not the D16
		{"Wir freuen uns, dass Berlin zusammen mit Brandenburg den Vorsitz der D16 übernimmt.", "[]"},
		{"Der Vorsitz der DMK wechselt jährlich.", "[]"},
		{"Der DMK-Vorsitz liegt 2026 bei Hamburg und Bremen.", "[dmk [HB HH] 2026..2026]"},
		{"Die D16 tagte 2022. Im Jahr 2022 leitete Sachsen das Gremium. Thüringen übernimmt jetzt im neuen Jahr.", "[d16 [SN] 2022..2022 d16 [TH] 2023..]"},
		{"Die D16 tagte 2040. Im Jahr 2040 leitete Hessen das Gremium. Bayern übernimmt jetzt im neuen Jahr, 2042 folgen Berlin und Brandenburg.", "[d16 [HE] 2040..2040 d16 [BE BB] 2042.. d16 [BY] 2041..2041]"},
		{"Der Vorsitz der D16 liegt 2040 bei Hessen; danach folgt Bayern.", "[d16 [HE] 2040..2040]"},
		{"Die D16 hatte 2040 nicht wie üblich einen Vorsitz, sondern Hessen und Bayern sprachen nacheinander für sie.", "[]"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			doc := parseFixture("c", tt.text)
			_, cs := testExtractor.Extract(doc, sentencesOf(doc.Text))
			var got []string
			for _, c := range cs {
				got = append(got, fmt.Sprintf("%s %v %s..%s", c.Series, c.Lands, c.From, c.To))
			}
			if fmt.Sprint(got) != tt.want {
				t.Errorf("got %v, want %s", got, tt.want)
			}
		})
	}
}

func TestDateline(t *testing.T) {
	tests := []struct {
		s    string
		want corpus.Date
	}{
		{"Potsdam, 12.4.2024 – Die Konferenz tagt am 19.4.2024.", "2024-04-12"},
		{"Frankfurt am Main, 27.9.2019 – An diesem Freitag trafen sie sich.", "2019-09-27"},
		{"Kiel, den 6. März 2026 - Die Konferenz beginnt.", "2026-03-06"},
		{"Halle (Saale), Montag, 2.2.2026 – Die Runde tagt.", "2026-02-02"},
		{"Erfurt, 3.5.2026\nDie Runde tagt.", "2026-05-03"},
		{"Kiel/Lübeck, 4.3.2031 – Die Runde hat am vergangenen Montag getagt.", "2031-03-04"},
		{"Schwerin / Frankfurt am Main, 4.3.2031 – Die Runde tagt.", "2031-03-04"},
		// no dateline
		{"Heute, 21.6.2019, tagt die Konferenz in Potsdam.", ""},
		{"Am 21.6.2019 tagt die Konferenz in Potsdam.", ""},
		{"Die Konferenz tagt in Potsdam, 21.6.2019 – so der Plan.", ""},
		{"Potsdam, Juni 2019 – Die Konferenz tagt.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.s, func(t *testing.T) {
			end, got := datelineOf(tt.s)
			if got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if (end > 0) != (tt.want != "") {
				t.Errorf("got end %d for date %q", end, got)
			}
		})
	}
}

func TestYearTurn(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"Zum Jahreswechsel 2022/23 ging der Vorsitz an Bayern.", 2023},
		{"Zur Jahreswende 2024/2025 übernimmt Hessen.", 2025},
		{"Zum Jahreswechsel 1999/00 begann es.", 0}, // not one year on within the century
		{"Zum Jahreswechsel 2022/24 begann es.", 0},
		{"Im Haushaltsjahr 2022/23 gab es Mittel.", 0},
	}
	for _, tt := range tests {
		t.Run(tt.s, func(t *testing.T) {
			if got, _ := yearTurn(tt.s); got != tt.want {
				t.Errorf("got %d, want %d", got, tt.want)
			}
		})
	}
}

func TestNounSeries(t *testing.T) {
	tests := []struct {
		s    string
		want corpus.SeriesID
	}{
		{"Das Konzept der Digitalministerkonferenz soll bis zur D16-Sitzung im November vorliegen.", "d16"},
		{"Für die Digitalministerkonferenz beginnt die Sitzung der D16 am Morgen.", "d16"},
		{"Die D16 bereitet die Digitalministerkonferenz vor.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.s, func(t *testing.T) {
			v := analysed(t, tt.s, "")
			h, _ := v.nounSeries()
			if h.series != tt.want {
				t.Errorf("got %q, want %q", h.series, tt.want)
			}
		})
	}
}

// TestMeetingAndChairKinds checks kinds of statement that mix meetings and
// chairs: a chair of one meeting is no term, a host is no chair, a change
// of chair reported as done at the turn of the year dates to the year of
// writing, questions and links to other articles state nothing.
func TestMeetingAndChairKinds(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		meetings string // series #ordinal start place hosts chairs
		chairs   string // series lands from..to
	}{
		{
			name:     "change reported as done in January",
			text:     "date: 2031-01-08\n---\nKiel, 08.01.2031 – Mit dem Jahreswechsel ist der Vorsitz der DMK an Bremen gegangen.",
			meetings: "[]",
			chairs:   "[dmk [HB] 2031..]",
		},
		{
			name:     "change announced in December",
			text:     "date: 2031-12-15\n---\nZum Jahreswechsel geht der Vorsitz der DMK an Bremen.",
			meetings: "[]",
			chairs:   "[dmk [HB] 2032..]",
		},
		{
			name:     "chair of one meeting, host apart",
			text:     "date: 2031-03-04\n---\nErfurt, 04.03.2031 – Gastgeber war Thüringen, den Vorsitz führte Bremen: Im Kaisersaal hat heute die 4. DMK getagt.",
			meetings: "[dmk #4 2031-03-04 Erfurt [TH] [HB]]",
			chairs:   "[]",
		},
		{
			name:     "host who chairs this year",
			text:     "date: 2031-06-02\n---\nDie Länder haben am 1. Juni 2031 in Mainz zur DMK getagt. Gastgeber war das Land Rheinland-Pfalz, das in diesem Jahr den Vorsitz der DMK innehat.",
			meetings: "[dmk #0 2031-06-01 Mainz [RP] []]",
			chairs:   "[dmk [RP] 2031..2031]",
		},
		{
			name:     "a term and a meeting in one sentence",
			text:     "date: 2031-02-01\n---\nDer Vorsitz der DMK liegt 2031 bei Bremen; die 3. DMK findet am 2. Mai 2031 in Bremerhaven statt.",
			meetings: "[dmk #3 2031-05-02 Bremerhaven [HB] []]",
			chairs:   "[dmk [HB] 2031..2031]",
		},
		{
			name:     "the chair hosts a meeting in its own Land",
			text:     "date: 2034-01-10\n---\nSeit Januar leitet Sachsen die DMK. Die 20. DMK tagt am 3. und 4. Juni 2034 in Leipzig.",
			meetings: "[dmk #20 2034-06-03 Leipzig [SN] []]",
			chairs:   "[dmk [SN] 2034-01..]",
		},
		{
			name:     "the chair does not host a meeting in another Land",
			text:     "date: 2034-01-10\n---\nSeit Januar leitet Sachsen die DMK. Die 20. DMK tagt am 3. und 4. Juni 2034 in Erfurt.",
			meetings: "[dmk #20 2034-06-03 Erfurt [] []]",
			chairs:   "[dmk [SN] 2034-01..]",
		},
		{
			name:     "chair term in a relative clause with a time",
			text:     "date: 2031-02-01\n---\nDie Runde bereitet die Beschlüsse der DMK vor, deren Vorsitz in diesem Jahr Bremen innehat.",
			meetings: "[]",
			chairs:   "[dmk [HB] 2031..2031]",
		},
		{
			name:     "chair term in a relative clause, meeting in the main clause",
			text:     "date: 2036-04-02\n---\nHessen und Thüringen, die in diesem Jahr gemeinsam den Vorsitz der Digitalministerkonferenz (DMK) innehaben, laden am kommenden Mittwoch (9. April) zur ersten Sitzung ihres Vorsitzjahres nach Fulda ein.",
			meetings: "[dmk #0 2036-04-09 Fulda [HE TH] [HE TH]]",
			chairs:   "[dmk [HE TH] 2036..2036]",
		},
		{
			name:     "former chair is no chair of the next meeting",
			text:     "date: 2031-12-01\n---\nDie 5. DMK findet am 3. März 2032 in Kiel statt. Der bisherige Vorsitzende, Bayerns Minister, gratulierte.",
			meetings: "[dmk #5 2032-03-03 Kiel [] []]",
			chairs:   "[]",
		},
		{
			name:     "yesterday's meeting at the dateline's town",
			text:     "date: 2031-09-10\n---\nMainz, 10.09.2031 – Auf Einladung von Rheinland-Pfalz haben sich die Digitalminister der Länder gestern zur DMK versammelt.",
			meetings: "[dmk #0 2031-09-09 Mainz [RP] []]",
			chairs:   "[]",
		},
		{
			name:     "questions state nothing",
			text:     "date: 2031-09-10\n---\nHat Bremen 2031 den Vorsitz der DMK? Tagt die DMK am 4. Mai 2031 in Bremen?",
			meetings: "[]",
			chairs:   "[]",
		},
		{
			name:     "the day a meeting ended, after two days",
			text:     "date: 2031-11-14\n---\nNach zwei Konferenztagen ist am heutigen Freitag die Herbstkonferenz der DMK in Kiel zu Ende gegangen.",
			meetings: "[dmk #0 2031-11-13 Kiel [] []]",
			chairs:   "[]",
		},
		{
			name:     "the day a meeting ended, its first day unknown",
			text:     "date: 2031-11-14\n---\nAm heutigen Freitag ging die DMK in Kiel zu Ende.",
			meetings: "[dmk #0 2031-11 Kiel [] []]",
			chairs:   "[]",
		},
		{
			name:     "a list item's header fields",
			text:     "date: 2031-05-20\n---\nErgebnisniederschrift der DMK\n\n- Termin: 10./11. Mai 2031\n- Tagungsort: Potsdam\n- Vorsitzland: Brandenburg\n\nDie Konferenz beschließt.",
			meetings: "[dmk #0 2031-05-10 Potsdam [BB] [BB]]",
			chairs:   "[]",
		},
		{
			name:     "a Land government's session is no meeting of the document's series",
			text:     "date: 2031-03-13\n---\nDie Bayerische Staatsregierung hat in ihrer heutigen Sitzung die Cloudstrategie beschlossen. Die DMK berät im Mai in Kiel darüber.",
			meetings: "[dmk #0 2031-05 Kiel [] []]",
			chairs:   "[]",
		},
		{
			name:     "the Land a chair's relative clause refers to, not the one coordinated after it",
			text:     "date: 2031-11-17\n---\nBrandenburg, das in diesem Jahr den Vorsitz der DMK führt, und der Freistaat Sachsen haben ein Testfeld vereinbart.",
			meetings: "[]",
			chairs:   "[dmk [BB] 2031..2031]",
		},
		{
			name:     "an invitation to an event, the Land after the verb",
			text:     "date: 2031-04-02\n---\nZum Auftakt lädt Mecklenburg-Vorpommern die Länder am 14. und 15. Mai 2031 zur ersten Datenwerkstatt nach Rostock ein.",
			meetings: "[datenwerkstatt #0 2031-05-14 Rostock [MV] []]",
			chairs:   "[]",
		},
		{
			name:     "an event's programme: heading, date line and organisers",
			text:     "date: 2031-07-01\n---\nKommunaler Digitaltag 2031\n\n17. September 2031 · Stadthalle, Magdeburg\n\nVeranstalter: Ministerium des Landes Sachsen-Anhalt und Thüringer Finanzministerium.",
			meetings: "[digitaltag #0 2031-09-17 Magdeburg [ST TH] []]",
			chairs:   "[]",
		},
		{
			name:     "a network's annual meeting named by its genitive",
			text:     "date: 2031-03-21\n---\nGastgeber der Jahrestagung des Sicherheitsverbunds der Landes-CERTs war Hessen: Die Fachleute trafen sich am 19. März 2031 in Kassel.",
			meetings: "[sicherheitsverbund der landes-certs #0 2031-03-19 Kassel [HE] []]",
			chairs:   "[]",
		},
		{
			name:     "a group's conference, its date in the next sentence",
			text:     "date: 2031-01-25\n---\nZuvor hatte in Trier die Konferenz der Landes-CERTs getagt. Die Konferenz fand am 21.–22.01.2031 unter dem Vorsitz von Rheinland-Pfalz statt.",
			meetings: "[konferenz der landes-certs #0 2031-01-21 Trier [RP] [RP]]",
			chairs:   "[]",
		},
		{
			name:     "an organisation's annual meeting named by its acronym",
			text:     "date: 2031-09-17\n---\nRund 160 Fachleute sind am 15. September 2031 zur Jahrestagung des CERT Süd in Ulm zusammengekommen. Gastgeber war das Land Baden-Württemberg.",
			meetings: "[cert süd #0 2031-09-15 Ulm [BW] []]",
			chairs:   "[]",
		},
		{
			name:     "a known series' own name is no genitive body",
			text:     "date: 2031-10-20\n---\nD16 – Konferenz der CIOs der Länder\n\nDie D16 tagte am 8. Oktober 2031 in Magdeburg.",
			meetings: "[d16 #0 2031-10-08 Magdeburg [] []]",
			chairs:   "[]",
		},
		{
			name:     "a page header's season meeting is the dated meeting of the fields",
			text:     "date: 2031-10-20\n---\nErgebnisprotokoll Herbstsitzung 2031 der D16\n\nDatum: 08.10.2031\nOrt: Magdeburg\n\nERGEBNISPROTOKOLL der Herbstsitzung 2031 der D16\n\nTagesordnung\nTOP 1 Cybersicherheit in den Landesnetzen",
			meetings: "[d16 #0 2031-10-08 Magdeburg [ST] []]",
			chairs:   "[]",
		},
		{
			name:     "links to other articles state nothing",
			text:     "date: 2031-09-10\n---\nDie DMK tagt am 4. Oktober 2031 in Kiel.\n\nMehr zum Thema:\n» Bremen übernimmt DMK-Vorsitz\n» Dritte DMK: Beschlüsse zur Cloud",
			meetings: "[dmk #0 2031-10-04 Kiel [] []]",
			chairs:   "[]",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parseFixture("k", tt.text)
			ms, cs := testExtractor.Extract(doc, sentencesOf(doc.Text))
			var gm, gc []string
			for _, m := range ms {
				gm = append(gm, fmt.Sprintf("%s #%d %s %s %v %v", m.Series, m.Ordinal, m.Start, m.Place, m.Hosts, m.Chairs))
			}
			for _, c := range cs {
				gc = append(gc, fmt.Sprintf("%s %v %s..%s", c.Series, c.Lands, c.From, c.To))
			}
			if fmt.Sprint(gm) != tt.meetings {
				t.Errorf("meetings: got %v, want %s", gm, tt.meetings)
			}
			if fmt.Sprint(gc) != tt.chairs {
				t.Errorf("chairs: got %v, want %s", gc, tt.chairs)
			}
		})
	}
}

func TestAgendaForms(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"list after a colon", "date: 2031-05-06\n---\nDie DMK tagte am 5. Mai 2031 in Kiel. Auf der Tagesordnung standen:\n\n- die Cyberwehr\n- Open Source in Schulen\n\nDas Wetter war gut.", "[cyberwehr open-source]"},
		{"further points", "date: 2031-05-06\n---\nDie DMK tagte am 5. Mai 2031 in Kiel. Weitere Punkte waren die Registermodernisierung und die Barrierefreiheit.", "[barrierefreiheit registermodernisierung]"},
		{"agreement on a theme", "date: 2031-05-06\n---\nDie DMK tagte am 5. Mai 2031 in Kiel. Einig waren sich die Länder beim Breitbandausbau: Er müsse schneller gehen.", "[breitband]"},
		{"no agenda word", "date: 2031-05-06\n---\nDie DMK tagte am 5. Mai 2031 in Kiel.\n\n- die Cyberwehr", "[]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parseFixture("a", tt.text)
			ms, _ := testExtractor.Extract(doc, sentencesOf(doc.Text))
			if len(ms) != 1 {
				t.Fatalf("got %d meetings, want 1: %+v", len(ms), ms)
			}
			if got := fmt.Sprint(ms[0].Topics); got != tt.want {
				t.Errorf("got topics %s, want %s", got, tt.want)
			}
		})
	}
}

// TestAgendaTarget checks which meeting of a document an agenda belongs to.
func TestAgendaTarget(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // start place topics, per meeting
	}{
		{
			name: "agenda after a look back at an earlier meeting",
			text: "date: 2034-03-02\n---\nDie DMK kommt morgen in Jena zusammen. Sie tagt damit zum dritten Mal in Thüringen – die erste Sitzung hatte 2021 in Erfurt stattgefunden.\n\nTagesordnung:\n1. Bericht zur Cyberwehr\n2. Open Data in den Kommunen",
			want: "[2034-03-03 Jena [cyberwehr open-data] 2021 Erfurt []]",
		},
		{
			name: "a year alone right after the dated meeting",
			text: "date: 2034-06-10\n---\nAm 9. Juni 2034 hat Hessen die 20. DMK in Kassel ausgerichtet. Es war die erste Sitzung unter dem Vorsitz des Landes, das die Runde im Jahr 2034 leitet.\n\nAuf der Tagesordnung standen:\n• die Registermodernisierung\n• Open Data in den Kommunen",
			want: "[2034-06-09 Kassel [open-data registermodernisierung]]",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parseFixture("a", tt.text)
			ms, _ := testExtractor.Extract(doc, sentencesOf(doc.Text))
			var got []string
			for _, m := range ms {
				got = append(got, fmt.Sprintf("%s %s %v", m.Start, m.Place, m.Topics))
			}
			if s := fmt.Sprint(got); s != tt.want {
				t.Errorf("got %s, want %s", s, tt.want)
			}
		})
	}
}

// TestAgendaItemTitles checks the agenda items a meeting keeps in the words of
// their titles, themes the thesaurus may not know.
func TestAgendaItemTitles(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // start place [titles], per meeting
	}{
		{
			name: "bullets below an agenda lead-in",
			text: "date: 2057-05-06\n---\nDie DMK tagte am 5. Mai 2057 in Kiel. Auf der Tagesordnung standen:\n\n- Wärmerückgewinnung in Landesrechenzentren\n- Nachwuchs für die Verwaltungs-IT\n\nDas Wetter war gut.",
			want: "[2057-05-05 Kiel [Wärmerückgewinnung in Landesrechenzentren Nachwuchs für die Verwaltungs-IT]]",
		},
		{
			name: "resolutions below 'Beschluss:' are no agenda items",
			text: "date: 2057-05-06\n---\nDie DMK tagte am 5. Mai 2057 in Kiel. Beschluss:\n1. Die DMK nimmt den Bericht zur Kenntnis.\n2. Die Länder bilden eine Arbeitsgruppe.",
			want: "[2057-05-05 Kiel []]",
		},
		{
			name: "numbered items of minutes belong to the meeting of the header, not to the next one announced",
			text: "# Ergebnisniederschrift der Frühjahrssitzung 2057 der D16\n\n- Datum: 3. April 2057\n- Ort: Rostock\n- Vorsitz: Mecklenburg-Vorpommern\n\nTOP 1 – Begrüßung\n\nTOP 2 – Wärmerückgewinnung in Landesrechenzentren\n\nDie Länder berichten.\n\nTOP 3 – Termine\n\nDie Herbstsitzung 2057 findet am 20. Oktober 2057 in Greifswald statt.",
			want: "[2057-04-03 Rostock [Wärmerückgewinnung in Landesrechenzentren] 2057-10-20 Greifswald []]",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parseFixture("a", tt.text)
			ms, _ := testExtractor.Extract(doc, sentencesOf(doc.Text))
			var got []string
			for _, m := range ms {
				var titles []string
				for _, it := range m.Agenda {
					titles = append(titles, it.Title)
					if !strings.Contains(it.Evidence.Quote, it.Title) {
						t.Errorf("item %q: its evidence %q does not give it", it.Title, it.Evidence.Quote)
					}
				}
				got = append(got, fmt.Sprintf("%s %s %v", m.Start, m.Place, titles))
			}
			slices.Sort(got)
			if s := fmt.Sprint(got); s != tt.want {
				t.Errorf("got %s, want %s", s, tt.want)
			}
		})
	}
}
