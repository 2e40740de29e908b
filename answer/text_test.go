package answer

import (
	"context"
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
)

// Chair answers name who held the chair when, in every surface that shows
// the answer's text.
func TestAskChairText(t *testing.T) {
	e := newTestEngine(testFacts(), &fakeSearcher{})
	for _, tc := range []struct {
		q, want string
		terms   int
	}{
		{"Wer hatte 2023 den Vorsitz der D16?", "Vorsitz der D16 2023: Bayern (1.1.2023 bis 30.6.2023); Berlin und Brandenburg gemeinsam (1.7.2023 bis 31.12.2024).", 2},
		{"Who chaired the D16 in 2023?", "Chair of the D16 in 2023: Bayern (from 1 January 2023 to 30 June 2023); Berlin and Brandenburg jointly (from 1 July 2023 to 31 December 2024).", 2},
		{"Wer hatte 2022 den Vorsitz der D16?", "Vorsitz der D16 2022: Baden-Württemberg (1.1.2022 bis 31.12.2022).", 1},
		// Meetings alone name the chair: no period to give.
		{"Wer hatte beim Treffen in München den Vorsitz?", "Vorsitz: Bayern.", 0},
	} {
		t.Run(tc.q, func(t *testing.T) {
			a, err := e.Ask(context.Background(), tc.q)
			if err != nil {
				t.Fatal(err)
			}
			if a.Text != tc.want {
				t.Errorf("text: got %q, want %q", a.Text, tc.want)
			}
			if len(a.Answer.ChairTerms) != tc.terms {
				t.Errorf("chair terms: got %d, want %d", len(a.Answer.ChairTerms), tc.terms)
			}
		})
	}
}

// A person's role comes with the date the sources state it.
func TestAskPersonText(t *testing.T) {
	e := newTestEngine(testFacts(), &fakeSearcher{})
	a, err := e.Ask(context.Background(), "Wer ist Brandenburgs Digitalkoordinator?")
	if err != nil {
		t.Fatal(err)
	}
	if want := "Brandenburg: Erika Muster (Staatssekretärin und Digitalkoordinatorin, Stand 19.6.2019)."; a.Text != want {
		t.Errorf("text: got %q, want %q", a.Text, want)
	}
}

func TestChairTermsMerge(t *testing.T) {
	v := Views{Reg: corpus.Laender()}
	e1 := ev("a.txt", "Berlin und Brandenburg übernehmen im Juli 2023 den Vorsitz.", "2023-06-30")
	e2 := ev("b.txt", "Ab dem 1. Juli 2023 leiten Brandenburg und Berlin die Runde.", "2023-07-02")
	e3 := ev("c.txt", "Bayern hat 2023 den Vorsitz.", "2023-01-02")
	e4 := ev("d.txt", "Im Jahr 2023 leitet Bayern das Gremium.", "2023-02-01")
	got := v.ChairTerms([]corpus.ChairTerm{
		{Series: "d16", Lands: []corpus.LandCode{"BE", "BB"}, From: "2023-07", To: "2024", Evidence: e1},
		{Series: "d16", Lands: []corpus.LandCode{"BB", "BE"}, From: "2023-07-01", To: "2024", Evidence: e2},
		{Series: "d16", Lands: []corpus.LandCode{"BY"}, From: "2023", Evidence: e3},
		{Series: "d16", Lands: []corpus.LandCode{"BY"}, From: "2023", Evidence: e4},
		{Series: "dmk", Lands: []corpus.LandCode{"BY"}, From: "2023", Evidence: e4},
	})
	if len(got) != 3 {
		t.Fatalf("got %d terms, want 3: %+v", len(got), got)
	}
	for i, want := range []struct {
		series   corpus.SeriesID
		from, to corpus.Date
		evidence int
	}{{"d16", "2023", "", 2}, {"dmk", "2023", "", 1}, {"d16", "2023-07-01", "2024", 2}} {
		g := got[i]
		if g.Series != want.series || g.From != want.from || g.To != want.to || len(g.Evidence) != want.evidence {
			t.Errorf("term %d: got %s %s–%s with %d evidence, want %s %s–%s with %d", i, g.Series, g.From, g.To, len(g.Evidence), want.series, want.from, want.to, want.evidence)
		}
	}
}

func TestConflictsText(t *testing.T) {
	one := []corpus.Evidence{ev("a.txt", "Die Konferenz tagte am 19. Juni 2019.", "2019-06-20")}
	two := append(one, ev("b.txt", "Am 19. Juni 2019 trafen sich die Länder.", "2019-06-20"))
	for _, tc := range []struct {
		name string
		cs   []corpus.Conflict
		lang string
		want string
	}{
		{"none", nil, "de", ""},
		{"date", []corpus.Conflict{{Field: "start", Value: "2019-06-19", Chosen: "2019-06-21", Evidence: one}}, "de", " Abweichend nennt 1 Quelle den 19.6.2019."},
		{"date en", []corpus.Conflict{{Field: "start", Value: "2019-06-19", Chosen: "2019-06-21", Evidence: one}}, "en", " 1 source gives the date 19 June 2019 instead."},
		{"month", []corpus.Conflict{{Field: "start", Value: "2019-07", Evidence: two}}, "de", " Abweichend nennen 2 Quellen als Datum Juli 2019."},
		{"place", []corpus.Conflict{{Field: "place", Value: "Berlin", Evidence: one}}, "de", " Abweichend nennt 1 Quelle als Ort Berlin."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := conflictsText(tc.cs, tc.lang); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
