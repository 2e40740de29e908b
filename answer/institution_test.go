package answer

import (
	"context"
	"fmt"
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
)

// institutionFacts adds organisations and laws to the fixed facts.
type institutionFacts struct {
	*fakeKnowledge
	orgs []corpus.Organisation
	laws []corpus.Law
}

func (f institutionFacts) Organisations(context.Context, corpus.LandCode) ([]corpus.Organisation, error) {
	return f.orgs, nil
}

func (f institutionFacts) Laws(context.Context, corpus.LandCode) ([]corpus.Law, error) {
	return f.laws, nil
}

// TestInstitutionAnswers checks questions that name an organisation or a
// law in full: the answer is the Land the graph ties it to, even when the
// question names another Land, and a name in part or without a Land does
// not answer.
func TestInstitutionAnswers(t *testing.T) {
	ev := func(q string) corpus.Evidence {
		return corpus.Evidence{Doc: "d1", Quote: q, Span: [2]int{0, len([]rune(q))}}
	}
	k := institutionFacts{
		fakeKnowledge: testFacts(),
		orgs: []corpus.Organisation{
			{ID: "HB-landesamt-fuer-datenpflege", Name: "Landesamt für Datenpflege", Abbrev: "LDP", Land: "HB", Evidence: ev("Bremen gründet ein Landesamt für Datenpflege (LDP).")},
			{ID: "foederale-stelle", Name: "Föderale Stelle für Datenpflege", Evidence: ev("Die Föderale Stelle für Datenpflege berät.")},
		},
		laws: []corpus.Law{
			{ID: "SH-datenpflegegesetz", Title: "Gesetz zur Datenpflege in Schleswig-Holstein", Land: "SH", Evidence: ev("Der Landtag beschließt das Gesetz zur Datenpflege in Schleswig-Holstein.")},
		},
	}
	e := New(k, nil, nil, nil)
	for _, tc := range []struct {
		q    string
		want string // the Länder of the answer, "" for no institution answer
	}{
		{"Hat Hessen ein eigenes Landesamt für Datenpflege gegründet?", "HB"},
		{"Welches Land hat die LDP?", "HB"},
		{"Which Land passed the Gesetz zur Datenpflege?", "SH"},
		{"Welche Länder haben ein Landesamt?", ""},                 // a head alone names nothing
		{"Wer berät in der Föderalen Stelle für Datenpflege?", ""}, // no Land's institution
	} {
		a, err := e.Ask(context.Background(), tc.q)
		if err != nil {
			t.Fatalf("%q: %v", tc.q, err)
		}
		got := ""
		if a.Interpretation.Intent == IntentInstitution {
			for _, l := range a.Answer.Laender {
				got += string(l.Code)
			}
			if len(a.Answer.Laender) == 0 || len(a.Answer.Laender[0].Evidence) == 0 {
				t.Errorf("%q: an institution answer without evidence", tc.q)
			}
		}
		if got != tc.want {
			t.Errorf("%q: institution answer %q, want %q (%s)", tc.q, got, tc.want, a.Text)
		}
	}
}

func TestSeriesMatches(t *testing.T) {
	for _, tc := range []struct {
		asked, got corpus.SeriesID
		want       bool
	}{
		{"digitalkabinett", "digitalkabinett-by", true}, // a body by its form, any Land's
		{"digitalkabinett", "digitalkabinett", true},    // of no Land
		{"digitalkabinett", "digitalrat-by", false},     // another body
		{"dmk", "dmk", false},                           // registered series go by their lineage
		{"", "digitalkabinett-by", false},               // nothing asked
	} {
		if got := seriesMatches(tc.asked, tc.got); got != tc.want {
			t.Errorf("seriesMatches(%q, %q) = %v, want %v", tc.asked, tc.got, got, tc.want)
		}
	}
}

// BenchmarkInstitution measures a question against 50,000 organisation
// statements of 5,000 distinct names (a corpus of about 100,000
// documents): the names are analysed once, each question reads every
// statement.
func BenchmarkInstitution(b *testing.B) {
	k := institutionFacts{fakeKnowledge: testFacts()}
	codes := corpus.Laender().Codes()
	for i := range 50000 {
		n := i % 5000
		k.orgs = append(k.orgs, corpus.Organisation{
			ID: corpus.OrganisationID(fmt.Sprintf("o%d", n)), Name: fmt.Sprintf("Landesamt für Aufgabe %d und Datenpflege", n),
			Land: codes[n%len(codes)], Evidence: corpus.Evidence{Doc: corpus.DocID(fmt.Sprint(i)), Quote: "x"},
		})
	}
	e := New(k, nil, nil, nil)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := e.institution(ctx, "Welches Land hat ein Landesamt für Aufgabe 4711 und Datenpflege?"); err != nil {
			b.Fatal(err)
		}
	}
}

// TestFormBodyQuestions checks bodies a question names by their form.
func TestFormBodyQuestions(t *testing.T) {
	reg, th := corpus.Laender(), corpus.DefaultThesaurus()
	for _, tc := range []struct {
		q      string
		series corpus.SeriesID
		intent Intent
	}{
		{"Wer hatte 2030 den Vorsitz des Digitalkabinetts?", "digitalkabinett", IntentChair}, // genitive
		{"Welche Länder arbeiten in der Bund-Länder-Arbeitsgruppe Datenräume mit?", "bund-länder-arbeitsgruppe", IntentParticipants},
		{"Wann tagte der Lenkungskreis OZG?", "", IntentMeeting}, // a head alone names no one body
	} {
		q := Parse(tc.q, reg, th)
		if q.Series != tc.series || q.Intent != tc.intent {
			t.Errorf("%q: series %q intent %s, want %q %s", tc.q, q.Series, q.Intent, tc.series, tc.intent)
		}
	}
	// a kind of body, not a meeting: no series
	if q := Parse("Welche Länder haben ein Digitalkabinett eingerichtet?", reg, th); q.Series != "" {
		t.Errorf("a question for a kind of body got series %q", q.Series)
	}
}

// TestInstitutionKeepsAllEvidence checks that an institution answer keeps
// every statement, so that the API's evidence cap counts them all.
func TestInstitutionKeepsAllEvidence(t *testing.T) {
	k := institutionFacts{fakeKnowledge: testFacts()}
	for i := range 7 {
		q := fmt.Sprintf("Bremen gründet ein Landesamt für Datenpflege (%d).", i)
		k.orgs = append(k.orgs, corpus.Organisation{ID: "HB-ldp", Name: "Landesamt für Datenpflege", Land: "HB",
			Evidence: corpus.Evidence{Doc: corpus.DocID(fmt.Sprint("d", i)), Quote: q, Span: [2]int{0, len([]rune(q))}}})
	}
	a, err := New(k, nil, nil, nil).Ask(context.Background(), "Hat Hessen ein Landesamt für Datenpflege?")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Answer.Laender) != 1 || len(a.Answer.Laender[0].Evidence) != 7 {
		t.Errorf("got %+v, want HB with all 7 statements", a.Answer.Laender)
	}
}
