package answer

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/search"
)

// fakeKnowledge serves fixed facts.
type fakeKnowledge struct {
	landTopics []corpus.LandTopic
	meetings   []corpus.MeetingMention
	chairs     []corpus.ChairTerm
	strategies []corpus.Strategy
	people     []corpus.Person
	topics     []corpus.TopicMention
	err        error
}

func (f *fakeKnowledge) TopicMentions(_ context.Context, topic corpus.TopicID) ([]corpus.TopicMention, error) {
	var out []corpus.TopicMention
	for _, tm := range f.topics {
		if topic == "" || tm.Topic == topic {
			out = append(out, tm)
		}
	}
	return out, f.err
}

func (f *fakeKnowledge) LandTopics(_ context.Context, land corpus.LandCode, topic corpus.TopicID) ([]corpus.LandTopic, error) {
	var out []corpus.LandTopic
	for _, lt := range f.landTopics {
		if (land == "" || lt.Land == land) && (topic == "" || lt.Topic == topic) {
			out = append(out, lt)
		}
	}
	return out, f.err
}

func (f *fakeKnowledge) MeetingMentions(context.Context) ([]corpus.MeetingMention, error) {
	return f.meetings, f.err
}

func (f *fakeKnowledge) Meetings(context.Context) ([]corpus.Meeting, error) {
	return corpus.MergeMeetings(f.meetings, f.chairs), f.err
}

func (f *fakeKnowledge) ChairTerms(context.Context) ([]corpus.ChairTerm, error) {
	return f.chairs, f.err
}

func (f *fakeKnowledge) Strategies(_ context.Context, land corpus.LandCode) ([]corpus.Strategy, error) {
	var out []corpus.Strategy
	for _, s := range f.strategies {
		if land == "" || s.Land == land {
			out = append(out, s)
		}
	}
	return out, f.err
}

func (f *fakeKnowledge) People(_ context.Context, land corpus.LandCode) ([]corpus.Person, error) {
	var out []corpus.Person
	for _, p := range f.people {
		if land == "" || p.Land == land {
			out = append(out, p)
		}
	}
	return out, f.err
}

// fakeSearcher returns its hits for any query (or those match accepts) and
// records the requests.
type fakeSearcher struct {
	hits  []search.Hit
	match func(q string) bool
	reqs  []search.Request
	err   error
	// abbrevs are the abbreviations the index would read from a text
	// that holds them, with their long forms
	abbrevs map[string]string
}

// Abbreviations returns the abbreviations of f.abbrevs that text defines
// in brackets, as the index does.
func (f *fakeSearcher) Abbreviations(text string) [][2]string {
	var out [][2]string
	for a, long := range f.abbrevs {
		if strings.Contains(text, long+" ("+a+")") {
			out = append(out, [2]string{long, a})
		}
	}
	return out
}

func (f *fakeSearcher) Search(_ context.Context, req search.Request) (*search.Result, error) {
	f.reqs = append(f.reqs, req)
	if f.err != nil {
		return nil, f.err
	}
	if f.match != nil && !f.match(req.Query) {
		return &search.Result{}, nil
	}
	return &search.Result{Total: uint64(len(f.hits)), Hits: f.hits}, nil
}

// ev returns the evidence of a one-sentence document.
func ev(file, quote string, date corpus.Date) corpus.Evidence {
	d := corpus.Document{ID: corpus.NewDocID(file), File: file, Title: "T " + file, Date: date, Text: quote}
	return corpus.EvidenceAt(&d, 0, len(quote))
}

// testFacts are synthetic facts written for these tests.
func testFacts() *fakeKnowledge {
	return &fakeKnowledge{
		landTopics: []corpus.LandTopic{
			{Land: "BW", Topic: "cyberwehr", Relation: corpus.RelHas, Evidence: ev("a_bw.txt", "Baden-Württemberg stellt eine Cyberwehr für Betriebe auf.", "2018-01-10")},
			{Land: "BY", Topic: "cybersicherheit", Relation: corpus.RelHas, Evidence: ev("b_by.txt", "Bayern eröffnet ein Landesamt für IT-Sicherheit.", "2018-02-01")},
			{Land: "HE", Topic: "ki", Relation: corpus.RelAdopted, Evidence: ev("c_he.txt", "Hessen beschließt eine KI-Agenda.", "2020-03-01")},
			{Land: "SN", Topic: "cybersicherheit", Relation: corpus.RelHas, Evidence: ev("l_sn.txt", "Sachsen gründet eine Cybersicherheitsagentur für seine Behörden.", "2021-05-01")},
			{Land: "HB", Topic: "open-data", Relation: corpus.RelAdopted, Evidence: ev("m_hb.txt", "Bremen beschließt ein Open-Data-Gesetz.", "2022-02-01")},
			{Land: "HH", Topic: "open-data", Relation: corpus.RelHas, Evidence: ev("n_hh.txt", "Hamburg betreibt ein Portal für offene Daten.", "2022-03-01")},
		},
		meetings: []corpus.MeetingMention{
			{Series: "digitalkoordinatoren", Ordinal: 1, Start: "2019-06-21", Place: "Potsdam", Venue: "Staatskanzlei", Hosts: []corpus.LandCode{"BB"},
				Topics:   []corpus.TopicID{"cyberwehr", "verwaltung", "ki"},
				Evidence: ev("d_bb.txt", "Die Länder berichten in Potsdam über Cyberwehr, digitale Verwaltung und KI.", "2019-06-19")},
			{Series: "digitalkoordinatoren", Planned: true, Place: "Erfurt", Topics: []corpus.TopicID{"laendlicher-raum"},
				Evidence: ev("d_bb.txt", "Das nächste Treffen soll in Erfurt stattfinden.", "2019-06-19")},
			{Series: "d16", Start: "2023", Place: "München", Chairs: []corpus.LandCode{"BY"},
				Evidence: ev("e_by.txt", "Bayern lädt als Vorsitzland die D16 nach München.", "2023-03-01")},
			{Series: "d16", Start: "2023-11-08", End: "2023-11-09", Place: "Berlin", Chairs: []corpus.LandCode{"BE", "BB"},
				Evidence: ev("f_be.txt", "Berlin und Brandenburg empfangen die D16 in Berlin.", "2023-11-01")},
			{Series: "dmk", Ordinal: 1, Start: "2024-04-19", Place: "Potsdam", Chairs: []corpus.LandCode{"BE", "BB"},
				Evidence: ev("g_bb.txt", "Die erste DMK tagt in Potsdam.", "2024-04-10")},
			{Series: "dmk", Ordinal: 4, Start: "2025-11-24", Place: "Berlin",
				Evidence: ev("h_be.txt", "Die vierte DMK kommt in Berlin zusammen.", "2025-11-20")},
		},
		chairs: []corpus.ChairTerm{
			{Series: "d16", Lands: []corpus.LandCode{"BW"}, From: "2022-01-01", To: "2022-12-31", Evidence: ev("i_bw.txt", "Baden-Württemberg führt 2022 den Vorsitz der D16.", "2022-05-01")},
			{Series: "d16", Lands: []corpus.LandCode{"BY"}, From: "2023-01-01", To: "2023-06-30", Evidence: ev("e_by.txt", "Bayern übernimmt zum Jahreswechsel den Vorsitz.", "2023-01-02")},
			{Series: "d16", Lands: []corpus.LandCode{"BE", "BB"}, From: "2023-07-01", To: "2024-12-31", Evidence: ev("f_be.txt", "Berlin und Brandenburg teilen sich ab Juli 2023 den Vorsitz.", "2023-07-01")},
			{Series: "dmk", Lands: []corpus.LandCode{"RP"}, From: "2025-01-01", To: "2025-12-31", Evidence: ev("j_rp.txt", "Rheinland-Pfalz hat 2025 den Vorsitz der DMK.", "2025-01-05")},
		},
		strategies: []corpus.Strategy{
			{ID: "ST-digitales-land-2030", Land: "ST", Title: "Digitales Land 2030", Year: 2023, Evidence: ev("k_st.txt", "Sachsen-Anhalt beschließt die Strategie Digitales Land 2030.", "2023-09-05")},
		},
		people: []corpus.Person{
			{ID: "erika-muster", Name: "Erika Muster", Role: "Staatssekretärin und Digitalkoordinatorin", Land: "BB", Date: "2019-06-19", Evidence: ev("d_bb.txt", "Staatssekretärin Erika Muster koordiniert die Digitalpolitik.", "2019-06-19")},
			{ID: "max-beispiel", Name: "Max Beispiel", Role: "Minister der Finanzen", Land: "BB", Date: "2021-01-01", Evidence: ev("l_bb.txt", "Finanzminister Max Beispiel stellt den Haushalt vor.", "2021-01-01")},
			{ID: "hans-hesse", Name: "Hans Hesse", Role: "Minister für Digitales", Land: "HE", Date: "2022-01-01", Evidence: ev("m_he.txt", "Minister für Digitales Hans Hesse eröffnet die Messe.", "2022-01-01")},
		},
	}
}

func newTestEngine(k Knowledge, s Searcher) *Engine {
	return New(k, s, corpus.Laender(), corpus.DefaultThesaurus())
}

func codesOf(ls []Land) []corpus.LandCode {
	var out []corpus.LandCode
	for _, l := range ls {
		out = append(out, l.Code)
	}
	return out
}

func TestAskLaender(t *testing.T) {
	e := newTestEngine(testFacts(), &fakeSearcher{})
	tests := []struct {
		q        string
		want     []corpus.LandCode
		wantFile string
	}{
		{"Welche Länder haben eine Cyberwehr?", []corpus.LandCode{"BW"}, "a_bw.txt"},
		{"Which Länder have a Cyberwehr?", []corpus.LandCode{"BW"}, "a_bw.txt"},
		{"Welche Bundesländer haben Cyberwehren?", []corpus.LandCode{"BW"}, "a_bw.txt"},
		{"Welche Länder kümmern sich um Cybersicherheit?", []corpus.LandCode{"BW", "BY", "SN"}, "b_by.txt"},
		// A compound more specific than its topic needs evidence naming it.
		{"Welche Länder haben eine Cybersicherheitsagentur?", []corpus.LandCode{"SN"}, "l_sn.txt"},
		{"Welche Länder haben ein Cyberwehr-Notfalltelefon?", nil, ""},
		{"In welchen Bundesländern gibt es ein Open-Data-Gesetz?", []corpus.LandCode{"HB"}, "m_hb.txt"},
		{"Welche Länder haben Open Data?", []corpus.LandCode{"HB", "HH"}, "n_hh.txt"},
		{"Welche Bundesländer haben eine Digitalstrategie?", []corpus.LandCode{"ST"}, "k_st.txt"},
		{"Hat Bayern eine Cyberwehr?", nil, ""},
		{"Wer hatte 2022 den Vorsitz der D16?", []corpus.LandCode{"BW"}, "i_bw.txt"},
		{"Wer hatte 2023 den Vorsitz der D16?", []corpus.LandCode{"BY", "BE", "BB"}, "f_be.txt"},
		{"Wer hat 2025 den Vorsitz der Digitalministerkonferenz?", []corpus.LandCode{"RP"}, "j_rp.txt"},
		{"Who chaired the DMK in 2025?", []corpus.LandCode{"RP"}, "j_rp.txt"},
		{"Wer hatte beim Treffen in München den Vorsitz?", []corpus.LandCode{"BY"}, "e_by.txt"},
		{"Welche Länder nahmen am ersten Treffen der Digitalkoordinatoren teil?", []corpus.LandCode{"BB"}, "d_bb.txt"},
		{"Welches Land war Gastgeber der ersten Konferenz der Digitalkoordinatoren?", []corpus.LandCode{"BB"}, "d_bb.txt"},
		{"Welches Land leitete 2022 die D16?", []corpus.LandCode{"BW"}, "i_bw.txt"},
		{"Which Länder took part in the D17 meeting in Frankfurt?", nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.q, func(t *testing.T) {
			a, err := e.Ask(context.Background(), tc.q)
			if err != nil {
				t.Fatal(err)
			}
			got := codesOf(a.Answer.Laender)
			if !slices.Equal(got, tc.want) {
				t.Fatalf("laender: got %v, want %v (text %q)", got, tc.want, a.Text)
			}
			if len(tc.want) == 0 {
				if a.Text != nothing(a.Interpretation.Lang) {
					t.Errorf("text: got %q, want the nothing-found text", a.Text)
				}
				return
			}
			found := false
			for _, l := range a.Answer.Laender {
				if len(l.Evidence) == 0 {
					t.Errorf("Land %s: got no evidence", l.Code)
				}
				for _, x := range l.Evidence {
					found = found || x.File == tc.wantFile
				}
			}
			if !found {
				t.Errorf("got no evidence from %s in %+v", tc.wantFile, a.Answer.Laender)
			}
		})
	}
}

func TestAskMeeting(t *testing.T) {
	e := newTestEngine(testFacts(), &fakeSearcher{})
	tests := []struct {
		q     string
		start corpus.Date
		place string
	}{
		{"Wo und wann fand die erste Konferenz der Digitalkoordinatoren der Länder statt?", "2019-06-21", "Potsdam"},
		{"Where did the first conference of the Länder digital coordinators take place?", "2019-06-21", "Potsdam"},
		{"When did the 4th DMK take place?", "2025-11-24", "Berlin"},
		{"Wo tagte die vierte Digitalministerkonferenz?", "2025-11-24", "Berlin"},
		{"Wann fand die 1. DMK statt?", "2024-04-19", "Potsdam"},
		{"Wann tagte die D16 2023 in Berlin?", "2023-11-08", "Berlin"},
		{"Wann tagte die D16 in München?", "2023", "München"},
		{"Wann fand die letzte DMK statt?", "2025-11-24", "Berlin"},
		{"Wann fand das erste Treffen der D16 statt?", "2023", "München"},
	}
	for _, tc := range tests {
		t.Run(tc.q, func(t *testing.T) {
			a, err := e.Ask(context.Background(), tc.q)
			if err != nil {
				t.Fatal(err)
			}
			if len(a.Answer.Meetings) == 0 {
				t.Fatalf("got no meetings (interpretation %+v)", a.Interpretation)
			}
			m := a.Answer.Meetings[0]
			if m.Start != tc.start || m.Place != tc.place {
				t.Errorf("first meeting: got %s %s, want %s %s", m.Start, m.Place, tc.start, tc.place)
			}
			if len(m.Evidence) == 0 {
				t.Errorf("first meeting: got no evidence")
			}
			if !strings.Contains(a.Text, tc.place) {
				t.Errorf("text %q: want it to name %s", a.Text, tc.place)
			}
		})
	}
}

func TestAskMeetingNotNumbered(t *testing.T) {
	e := newTestEngine(testFacts(), &fakeSearcher{})
	for _, q := range []string{"Wann fand die 2. DMK statt?", "When did the third DMK take place?"} {
		a, err := e.Ask(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Answer.Meetings) != 0 || a.Text != nothing(a.Interpretation.Lang) {
			t.Errorf("%s: got %d meetings (%q), want none: the corpus has no such meeting", q, len(a.Answer.Meetings), a.Text)
		}
	}
}

func TestAskAgenda(t *testing.T) {
	e := newTestEngine(testFacts(), &fakeSearcher{})
	for _, q := range []string{
		"Welche Themen standen beim ersten Treffen der Digitalkoordinatoren 2019 in Potsdam auf der Tagesordnung?",
		"What was on the agenda of the first meeting of the digital coordinators?",
	} {
		t.Run(q, func(t *testing.T) {
			a, err := e.Ask(context.Background(), q)
			if err != nil {
				t.Fatal(err)
			}
			var labels []string
			for _, tp := range a.Answer.Topics {
				labels = append(labels, tp.Label)
				if len(tp.Evidence) == 0 {
					t.Errorf("topic %s: got no evidence", tp.ID)
				}
			}
			slices.Sort(labels)
			want := []string{"Cyberwehr", "Digitale Verwaltung", "Künstliche Intelligenz"}
			if !slices.Equal(labels, want) {
				t.Errorf("topics: got %q, want %q", labels, want)
			}
			if slices.Contains(labels, "Digitalisierung im ländlichen Raum") {
				t.Errorf("topics: got the planned meeting's topic")
			}
		})
	}
}

func TestAskProfiles(t *testing.T) {
	e := newTestEngine(testFacts(), &fakeSearcher{})
	tests := []struct {
		q          string
		strategies []string
		people     []string
	}{
		{"Welche Strategie hat Sachsen-Anhalt?", []string{"Digitales Land 2030"}, nil},
		{"Which digital strategy does Saxony-Anhalt have?", []string{"Digitales Land 2030"}, nil},
		{"Welche Strategie hat Sachsen-Anhalt 2019 beschlossen?", nil, nil},
		{"Welche Strategie hat Berlin?", nil, nil},
		{"Wer ist Brandenburgs Digitalkoordinator?", nil, []string{"Erika Muster"}},
		{"Wer ist in Brandenburg Minister?", nil, []string{"Max Beispiel"}},
		{"Who is the digital minister of Hessen?", nil, []string{"Hans Hesse"}},
		{"Who is the digital minister of Brandenburg?", nil, nil},
		{"Wer war 2021 Minister in Brandenburg?", nil, []string{"Max Beispiel"}},
		{"Wer ist in Brandenburg zuständig?", nil, []string{"Max Beispiel", "Erika Muster"}},
		{"Wer war 2019 in Brandenburg zuständig?", nil, []string{"Erika Muster", "Max Beispiel"}},
	}
	for _, tc := range tests {
		t.Run(tc.q, func(t *testing.T) {
			a, err := e.Ask(context.Background(), tc.q)
			if err != nil {
				t.Fatal(err)
			}
			var ss, ps []string
			for _, s := range a.Answer.Strategies {
				ss = append(ss, s.Title)
			}
			for _, p := range a.Answer.People {
				ps = append(ps, p.Name)
				if len(p.Evidence) == 0 {
					t.Errorf("person %s: got no evidence", p.Name)
				}
			}
			if !slices.Equal(ss, tc.strategies) || !slices.Equal(ps, tc.people) {
				t.Errorf("got strategies %q people %q, want %q %q", ss, ps, tc.strategies, tc.people)
			}
			if len(ss)+len(ps) == 0 && a.Text != nothing(a.Interpretation.Lang) {
				t.Errorf("text: got %q, want the nothing-found text", a.Text)
			}
		})
	}
}

func TestAskFallback(t *testing.T) {
	hit := search.Hit{Doc: corpus.Document{ID: "d1", File: "x.txt", Title: "X", Kind: corpus.KindNews}, Score: 1.5, Highlights: []string{"über <mark>Strobl</mark>"}}
	s := &fakeSearcher{hits: []search.Hit{hit}}
	e := newTestEngine(testFacts(), s)
	a, err := e.Ask(context.Background(), "Tell me about Thomas Strobl!")
	if err != nil {
		t.Fatal(err)
	}
	if a.Interpretation.Intent != IntentFallback {
		t.Fatalf("intent: got %s, want %s", a.Interpretation.Intent, IntentFallback)
	}
	if len(a.Answer.Documents) != 1 || a.Answer.Documents[0].Doc.File != "x.txt" {
		t.Errorf("documents: got %+v, want the one hit", a.Answer.Documents)
	}
	if len(s.reqs) != 1 || s.reqs[0].Query != "Tell me Thomas Strobl" || s.reqs[0].Limit != FallbackLimit {
		t.Errorf("search requests: got %+v, want one for the content words", s.reqs)
	}
	if !strings.Contains(a.Text, "1 document matches") {
		t.Errorf("text: got %q, want it to count the documents", a.Text)
	}

	// Without a document holding every word, any word will do.
	s = &fakeSearcher{hits: []search.Hit{hit}, match: func(q string) bool { return strings.Contains(q, " OR ") }}
	e = newTestEngine(testFacts(), s)
	a, err = e.Ask(context.Background(), "Tell me about Thomas Strobl!")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Answer.Documents) != 1 || len(s.reqs) != 2 || s.reqs[1].Query != "Tell OR me OR Thomas OR Strobl" {
		t.Errorf("got documents %+v after requests %+v, want the hit of the OR query", a.Answer.Documents, s.reqs)
	}

	// A query the index rejects is no error: nothing found.
	e = newTestEngine(testFacts(), &fakeSearcher{err: &search.QueryError{Pos: 1, Msg: "bad"}})
	a, err = e.Ask(context.Background(), "Tell me about Thomas Strobl")
	if err != nil || a.Text != nothing("en") {
		t.Errorf("rejected query: got %q, %v, want the nothing-found text", a.Text, err)
	}
}

func TestAskNothing(t *testing.T) {
	e := newTestEngine(&fakeKnowledge{}, &fakeSearcher{})
	for _, tc := range parseCases {
		if tc.q == "" {
			continue
		}
		t.Run(tc.name, func(t *testing.T) {
			a, err := e.Ask(context.Background(), tc.q)
			if err != nil {
				t.Fatal(err)
			}
			r := a.Answer
			if r.Laender == nil || r.Meetings == nil || r.Topics == nil || r.People == nil || r.Strategies == nil || r.Documents == nil {
				t.Fatalf("got a null list in %+v", r)
			}
			if n := len(r.Laender) + len(r.Meetings) + len(r.Topics) + len(r.People) + len(r.Strategies) + len(r.Documents); n != 0 {
				t.Errorf("got %d records from an empty corpus", n)
			}
			if a.Text != nothing(a.Interpretation.Lang) {
				t.Errorf("text: got %q, want %q", a.Text, nothing(a.Interpretation.Lang))
			}
		})
	}
}

// TestAskOnlyTiedLaender checks that no answer names a Land that no fact ties
// to what was asked, whatever the question.
func TestAskOnlyTiedLaender(t *testing.T) {
	k := testFacts()
	// Mentions of Länder near the words, without a tying fact, must not count.
	k.meetings = append(k.meetings, corpus.MeetingMention{Series: "d17", Start: "2019-09-27", Place: "Frankfurt am Main",
		Participants: []corpus.LandCode{"NW", "SL"}, Evidence: ev("n.txt", "Vertreter aus NRW und dem Saarland nehmen teil.", "2019-09-28")})
	e := newTestEngine(k, &fakeSearcher{})
	tied := map[corpus.LandCode]bool{}
	for _, lt := range k.landTopics {
		tied[lt.Land] = true
	}
	for _, c := range k.chairs {
		for _, l := range c.Lands {
			tied[l] = true
		}
	}
	for _, m := range k.meetings {
		for _, l := range m.Chairs {
			tied[l] = true
		}
	}
	for _, s := range k.strategies {
		tied[s.Land] = true
	}
	// Taking part ties a Land to a meeting, for the question who took part.
	took := map[corpus.LandCode]bool{}
	for _, m := range k.meetings {
		for _, l := range slices.Concat(m.Hosts, m.Chairs, m.Participants) {
			took[l] = true
		}
	}
	for _, tc := range parseCases {
		t.Run(tc.name, func(t *testing.T) {
			a, err := e.Ask(context.Background(), tc.q)
			if tc.q == "" {
				if !errors.Is(err, corpus.ErrInvalid) {
					t.Errorf("empty question: got %v, want ErrInvalid", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for _, l := range a.Answer.Laender {
				ok := tied[l.Code] || a.Interpretation.Intent == IntentParticipants && took[l.Code]
				if !ok || len(l.Evidence) == 0 {
					t.Errorf("got Land %s without a tying fact", l.Code)
				}
			}
		})
	}
}

func TestAskError(t *testing.T) {
	boom := errors.New("boom")
	e := newTestEngine(&fakeKnowledge{err: boom}, &fakeSearcher{err: boom})
	for _, tc := range parseCases {
		if tc.q == "" || strings.Trim(tc.q, "?!„“") == "" {
			continue
		}
		t.Run(tc.name, func(t *testing.T) {
			if _, err := e.Ask(context.Background(), tc.q); !errors.Is(err, boom) {
				t.Errorf("got %v, want the backend's error", err)
			}
		})
	}
}

func TestDate(t *testing.T) {
	tests := []struct {
		d      corpus.Date
		de, en string
	}{
		{"2019-06-21", "21.6.2019", "21 June 2019"},
		{"2019-06", "Juni 2019", "June 2019"},
		{"2019", "2019", "2019"},
	}
	for _, tc := range tests {
		if got := date(tc.d, "de"); got != tc.de {
			t.Errorf("date(%s, de): got %q, want %q", tc.d, got, tc.de)
		}
		if got := date(tc.d, "en"); got != tc.en {
			t.Errorf("date(%s, en): got %q, want %q", tc.d, got, tc.en)
		}
	}
}

func BenchmarkParse(b *testing.B) {
	reg, th := corpus.Laender(), corpus.DefaultThesaurus()
	for b.Loop() {
		for _, tc := range parseCases {
			Parse(tc.q, reg, th)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(parseCases)), "ns/question")
}

func TestAskNegatedNamesNoLand(t *testing.T) {
	e := newTestEngine(testFacts(), &fakeSearcher{})
	tests := []struct {
		q        string
		wantText string
	}{
		{"Welche Länder haben keine Cyberwehr?", "Baden-Württemberg"},
		{"Which Länder have no Cyberwehr?", "Baden-Württemberg"},
		{"Welche Länder sind ohne Digitalstrategie?", "Sachsen-Anhalt"},
	}
	for _, tc := range tests {
		t.Run(tc.q, func(t *testing.T) {
			a, err := e.Ask(context.Background(), tc.q)
			if err != nil {
				t.Fatal(err)
			}
			if !a.Interpretation.Negated {
				t.Errorf("interpretation: got negated=false, want true")
			}
			if len(a.Answer.Laender) != 0 {
				t.Errorf("laender: got %v, want none (the corpus records what Länder have, not what they lack)", codesOf(a.Answer.Laender))
			}
			if !strings.Contains(a.Text, tc.wantText) {
				t.Errorf("text: got %q, want it to name %s as the Land the corpus ties to the topic", a.Text, tc.wantText)
			}
		})
	}
}

// TestAskHostOfYear asks for the host of a series' meeting in a year with
// two meetings: the one that names a host answers, even when an earlier,
// vaguer one (a month only) ranks the same.
func TestAskHostOfYear(t *testing.T) {
	f := &fakeKnowledge{meetings: []corpus.MeetingMention{
		{Series: "d16", Start: "2027-02", Evidence: ev("n_a.txt", "Im Februar will die Runde wieder tagen.", "2027-01-05")},
		{Series: "d16", Start: "2027-09-14", Place: "Hamburg", Hosts: []corpus.LandCode{"HH"}, Chairs: []corpus.LandCode{"NI"},
			Evidence: ev("n_b.txt", "Gastgeber der D16 in Hamburg war die Hansestadt Hamburg.", "2027-09-15")},
	}}
	e := newTestEngine(f, &fakeSearcher{})
	a, err := e.Ask(context.Background(), "Welches Land war 2027 Gastgeber der D16?")
	if err != nil {
		t.Fatal(err)
	}
	if a.Interpretation.Intent != IntentHost {
		t.Fatalf("intent: got %s, want %s", a.Interpretation.Intent, IntentHost)
	}
	if got := codesOf(a.Answer.Laender); !slices.Equal(got, []corpus.LandCode{"HH"}) {
		t.Errorf("hosts: got %v, want [HH]", got)
	}
}

// TestLeftoverReadsHostWords checks the words a host question may use in
// place of the graph's: its season (the intent reads it as months) and a
// verb of hosting ("empfangen"). Read, they leave the text nothing to
// override the meeting's host with (a spring conference's "Gastgeberland"
// had answered a question about the autumn).
func TestLeftoverReadsHostWords(t *testing.T) {
	e := newTestEngine(&fakeKnowledge{}, &fakeSearcher{})
	for _, tc := range []struct {
		q      string
		intent Intent
	}{
		{"Welches Land war im Herbst 2080 Gastgeber der DMK?", IntentHost},
		{"Welches Land hat 2080 die DMK als Gastgeber empfangen?", IntentHost},
		{"Welches Land hat die Digitalministerinnen und -minister im Herbst 2080 als Gastgeber empfangen?", IntentHost},
	} {
		qu := e.p.parse(tc.q)
		if qu.Intent != tc.intent {
			t.Errorf("%q: intent %s, want %s", tc.q, qu.Intent, tc.intent)
			continue
		}
		if n := e.leftover(qu, e.analyseText(tc.q, qu)); n != 0 {
			t.Errorf("%q: %d words left unread, want 0", tc.q, n)
		}
	}
}

// TestAskMeetingByItsWords asks when and where a group met, naming no
// series but a month: of that month's meetings, the one whose sentence
// holds the question's words answers, not the first of the month.
func TestAskMeetingByItsWords(t *testing.T) {
	f := &fakeKnowledge{meetings: []corpus.MeetingMention{
		{Series: "cdsk", Start: "2084-06-02", Place: "Berlin", Evidence: ev("m_a.txt", "Die Chefinnen und Chefs der Staatskanzleien trafen sich am 2. Juni 2084 in Berlin.", "2084-06-03")},
		{Series: "cyberübung", Start: "2084-06-09", End: "2084-06-10", Place: "Kiel",
			Evidence: ev("m_b.txt", "Zur gemeinsamen Cyberübung trafen sich die Leitungen der Landes-CERTs am 9. und 10. Juni 2084 in Kiel.", "2084-06-12")},
	}}
	e := newTestEngine(f, &fakeSearcher{})
	for _, q := range []string{
		"When and where did the heads of the state CERTs meet in June 2084?",
		"Wann und wo trafen sich die Leitungen der Landes-CERTs im Juni 2084?",
	} {
		a, err := e.Ask(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Answer.Meetings) == 0 || a.Answer.Meetings[0].Place != "Kiel" {
			t.Errorf("%q: got meetings %+v (intent %s), want the one in Kiel first", q, a.Answer.Meetings, a.Interpretation.Intent)
		}
	}
}

// TestAskMeetingByItsWordsOnly asks where and when a gathering took place,
// naming neither its series, a time nor a place: the meeting whose
// sentences hold the question's names answers, and none where no meeting
// holds them.
func TestAskMeetingByItsWordsOnly(t *testing.T) {
	f := &fakeKnowledge{meetings: []corpus.MeetingMention{
		{Series: "cdsk", Start: "2086-02-02", Place: "Berlin", Evidence: ev("m_c.txt", "Die Chefinnen und Chefs der Staatskanzleien trafen sich am 2. Februar 2086 in Berlin.", "2086-02-03")},
		{Series: "leitstellenübung", Start: "2086-03-09", Place: "Cottbus",
			Evidence: ev("m_d.txt", "Die Leitstellen haben die Übung „Blackout 7“ am 9. März 2086 in Cottbus abgehalten.", "2086-03-12")},
	}}
	e := newTestEngine(f, &fakeSearcher{})
	a, err := e.Ask(context.Background(), "Wo und wann haben die Leitstellen die Übung Blackout 7 abgehalten?")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Answer.Meetings) == 0 || a.Answer.Meetings[0].Place != "Cottbus" {
		t.Errorf("got meetings %+v (intent %s), want the one in Cottbus first", a.Answer.Meetings, a.Interpretation.Intent)
	}
	// "the last" is the latest, whatever words the earlier one shares
	f2 := &fakeKnowledge{meetings: []corpus.MeetingMention{
		{Series: "cdsk", Start: "2090-02-02", Place: "Berlin", Evidence: ev("m_e.txt", "Die Chefinnen und Chefs der Staatskanzleien trafen sich am 2. Februar 2090 in Berlin zu einem Treffen.", "2090-02-03")},
		{Series: "cdsk", Start: "2091-02-02", Place: "Mainz", Evidence: ev("m_f.txt", "Die Chefinnen und Chefs der Staatskanzleien kamen am 2. Februar 2091 in Mainz zusammen.", "2091-02-03")},
	}}
	a, err = newTestEngine(f2, &fakeSearcher{}).Ask(context.Background(), "Wo fand das letzte Treffen statt?")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Answer.Meetings) == 0 || a.Answer.Meetings[0].Place != "Mainz" {
		t.Errorf("last meeting: got %+v, want the one in Mainz first", a.Answer.Meetings)
	}
	a, err = e.Ask(context.Background(), "Wo und wann haben die Rettungsdienste die Übung Sturmnacht abgehalten?")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Answer.Meetings) != 0 {
		t.Errorf("got meetings %+v, want none: no meeting holds the question's names", a.Answer.Meetings)
	}
}

// When a meeting's own sentence does not name an agenda topic, the answer
// cites the sentence where the reporting document names it, and the label
// shows the document's word.
func TestAskAgendaTopicFromDocument(t *testing.T) {
	report := ev("o_sh.txt", "Die D16 kam im Mai 2036 in Lübeck zusammen.", "2036-05-09")
	agenda := ev("o_sh.txt", "Beraten wurde vor allem über den Glasfaserausbau auf dem Land.", "2036-05-09")
	f := &fakeKnowledge{
		meetings: []corpus.MeetingMention{{Series: "d16", Start: "2036-05", Place: "Lübeck", Topics: []corpus.TopicID{"breitband"}, Evidence: report}},
		topics:   []corpus.TopicMention{{Topic: "breitband", Evidence: agenda}, {Topic: "breitband", Evidence: ev("other.txt", "Glasfaser für alle.", "2030-01-01")}},
	}
	a, err := newTestEngine(f, &fakeSearcher{}).Ask(context.Background(), "Welche Themen standen beim D16-Treffen 2036 in Lübeck auf der Tagesordnung?")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Answer.Topics) != 1 {
		t.Fatalf("topics: got %+v, want one", a.Answer.Topics)
	}
	tp := a.Answer.Topics[0]
	if !strings.Contains(tp.Label, "Breitband") || !strings.Contains(tp.Label, "Glasfaser") {
		t.Errorf("label: got %q, want the topic and the document's word", tp.Label)
	}
	if len(tp.Evidence) != 1 || tp.Evidence[0].Quote != agenda.Quote {
		t.Errorf("evidence: got %+v, want only the agenda sentence of the meeting's document", tp.Evidence)
	}
}

// A body that ingest named by the form of its name is found by that name
// in a question, with the words of its name in any case and hyphenation.
func TestAskOpenSeriesByName(t *testing.T) {
	f := &fakeKnowledge{meetings: []corpus.MeetingMention{
		{Series: "itplr", Start: "2058-06-27", Place: "Wiesbaden", Evidence: ev("q_he.txt", "Der IT-Planungsrat tagte am 27. Juni 2058 in Wiesbaden.", "2058-06-28")},
		{Series: "konferenz-der-landes-certs", Start: "2058-09-03", Place: "Magdeburg", Evidence: ev("q_st.txt", "Die Konferenz der Landes-CERTs tagte am 3. September 2058 in Magdeburg.", "2058-09-04")},
	}}
	a, err := newTestEngine(f, &fakeSearcher{}).Ask(context.Background(), "Wann tagte die Konferenz der Landes-CERTs 2058?")
	if err != nil {
		t.Fatal(err)
	}
	if a.Interpretation.Series != "konferenz-der-landes-certs" {
		t.Errorf("series: got %q, want konferenz-der-landes-certs", a.Interpretation.Series)
	}
	if len(a.Answer.Meetings) == 0 || a.Answer.Meetings[0].Place != "Magdeburg" {
		t.Errorf("meetings: got %+v, want the Magdeburg conference first", a.Answer.Meetings)
	}
}

// A meeting its own documents name by a season ("Frühjahrssitzung") is of
// that season, though its month is outside it; a meeting known only by its
// year does not come first.
func TestAskSeasonItsDocumentsName(t *testing.T) {
	f := &fakeKnowledge{meetings: []corpus.MeetingMention{
		{Series: "d16", Start: "2058", Place: "Hannover", Evidence: ev("q_ni.txt", "Die D16 tagt 2058 auch in Hannover.", "2058-01-05")},
		{Series: "d16", Start: "2058-02-26", Place: "Erfurt", Evidence: ev("q_th.txt", "Ergebnisprotokoll der Frühjahrssitzung 2058 der D16, Erfurt, 26. Februar 2058", "2058-03-01")},
	}}
	a, err := newTestEngine(f, &fakeSearcher{}).Ask(context.Background(), "Wo tagte die D16 im Frühjahr 2058?")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Answer.Meetings) == 0 || a.Answer.Meetings[0].Place != "Erfurt" {
		t.Errorf("meetings: got %+v, want the Erfurt spring session first", a.Answer.Meetings)
	}
}

// A gathering named by who gathers ("treffen der länder-certs") is found
// by the group and a word ending in the gathering, umlauts and all.
func TestAskOpenSeriesByGroup(t *testing.T) {
	f := &fakeKnowledge{meetings: []corpus.MeetingMention{
		{Series: "itplr", Start: "2058-06-27", Place: "Wiesbaden", Evidence: ev("q_he.txt", "Der IT-Planungsrat tagte am 27. Juni 2058 in Wiesbaden.", "2058-06-28")},
		{Series: "treffen der länder-certs", Start: "2058-09-03", Place: "Magdeburg", Evidence: ev("q_st.txt", "Zum Verbundtreffen der Länder-CERTs kamen am 3. September 2058 in Magdeburg 40 Fachleute zusammen.", "2058-09-04")},
	}}
	a, err := newTestEngine(f, &fakeSearcher{}).Ask(context.Background(), "Wann trafen sich die Länder-CERTs zu ihrem Jahrestreffen?")
	if err != nil {
		t.Fatal(err)
	}
	if a.Interpretation.Series != "treffen der länder-certs" || len(a.Answer.Meetings) == 0 || a.Answer.Meetings[0].Place != "Magdeburg" {
		t.Errorf("series %q, meetings %+v: want the Magdeburg meeting of the Länder-CERTs", a.Interpretation.Series, a.Answer.Meetings)
	}
}

// An agenda item that no thesaurus topic names is answered in the words of
// its title, citing its line; one a topic of the meeting names is not
// listed twice: the topic takes its title and cites it.
func TestAskAgendaItems(t *testing.T) {
	report := ev("p_mv.txt", "Die D16 tagte am 4. Juni 2058 in Rostock.", "2058-06-05")
	item := ev("p_mv.txt", "TOP 2 – Wärmerückgewinnung in Landesrechenzentren", "2058-06-05")
	covered := ev("p_mv.txt", "TOP 3 – Glasfaserausbau im ländlichen Raum", "2058-06-05")
	f := &fakeKnowledge{meetings: []corpus.MeetingMention{{
		Series: "d16", Start: "2058-06-04", Place: "Rostock", Topics: []corpus.TopicID{"breitband"}, Evidence: report,
		Agenda: []corpus.AgendaItem{{Title: "Wärmerückgewinnung in Landesrechenzentren", Evidence: item}, {Title: "Glasfaserausbau im ländlichen Raum", Evidence: covered}},
	}}}
	a, err := newTestEngine(f, &fakeSearcher{}).Ask(context.Background(), "Worüber hat die D16 im Juni 2058 in Rostock beraten?")
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, tp := range a.Answer.Topics {
		labels = append(labels, tp.Label)
		if tp.ID == "" && (len(tp.Evidence) != 1 || tp.Evidence[0].Quote != item.Quote) {
			t.Errorf("item %q: evidence %+v, want its line", tp.Label, tp.Evidence)
		}
	}
	if len(labels) != 2 || labels[0] != "Glasfaserausbau im ländlichen Raum" || labels[1] != "Wärmerückgewinnung in Landesrechenzentren" {
		t.Errorf("topics: got %q, want the topic in the words of the item that names it, then the item no topic names", labels)
	}
	if a.Answer.Topics[0].ID != "breitband" || a.Answer.Topics[0].Evidence[0].Quote != covered.Quote {
		t.Errorf("topic %+v: want breitband citing its agenda item first", a.Answer.Topics[0])
	}
	if !strings.Contains(a.Text, "Wärmerückgewinnung") {
		t.Errorf("text %q does not name the item", a.Text)
	}
}

// A meeting's chairs support a chair answer only where the chair terms that
// cover its date allow them: a guest named as chair of one meeting does not
// become chair of the year.
func TestAskChairMeetingChairsCheckedByTerms(t *testing.T) {
	term := ev("t_th.txt", "Thüringen führt den Vorsitz der D16 vom 1. Juli 2046 bis 30. Juni 2047.", "2046-06-01")
	meet := ev("u_st.txt", "Die D16 tagte 2046 in Erfurt mit Gästen aus Sachsen-Anhalt.", "2046-09-01")
	f := &fakeKnowledge{
		chairs:   []corpus.ChairTerm{{Series: "d16", Lands: []corpus.LandCode{"TH"}, From: "2046-07-01", To: "2047-06-30", Evidence: term}},
		meetings: []corpus.MeetingMention{{Series: "d16", Start: "2046-09-10", Place: "Erfurt", Chairs: []corpus.LandCode{"ST", "TH"}, Evidence: meet}},
	}
	a, err := newTestEngine(f, &fakeSearcher{}).Ask(context.Background(), "Wer hatte 2046 den Vorsitz der D16?")
	if err != nil {
		t.Fatal(err)
	}
	if got := codesOf(a.Answer.Laender); !slices.Equal(got, []corpus.LandCode{"TH"}) {
		t.Errorf("laender: got %v, want [TH]", got)
	}
}

// A month in a chair question narrows the year to it: "ab Oktober 2046" is
// the Land that takes over then, not the one it follows.
func TestAskChairInMonth(t *testing.T) {
	a1 := ev("t_a.txt", "Niedersachsen hat den Vorsitz der D16 seit Oktober 2045.", "2045-10-02")
	a2 := ev("t_b.txt", "Zum 1. Oktober 2046 übernimmt Sachsen den Vorsitz der D16.", "2046-09-20")
	f := &fakeKnowledge{chairs: []corpus.ChairTerm{
		{Series: "d16", Lands: []corpus.LandCode{"NI"}, From: "2045-10", To: "2046-09-30", Evidence: a1},
		{Series: "d16", Lands: []corpus.LandCode{"SN"}, From: "2046-10-01", To: "2047-09-30", Evidence: a2},
	}}
	e := newTestEngine(f, &fakeSearcher{})
	for q, want := range map[string][]corpus.LandCode{
		"Welches Land hat ab Oktober 2046 den Vorsitz der D16?": {"SN"},
		"Wer hatte im Mai 2046 den Vorsitz der D16?":            {"NI"},
		"Wer hatte 2046 den Vorsitz der D16?":                   {"NI", "SN"},
	} {
		a, err := e.Ask(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		if got := codesOf(a.Answer.Laender); !slices.Equal(got, want) {
			t.Errorf("%s: got %v, want %v", q, got, want)
		}
	}
}
