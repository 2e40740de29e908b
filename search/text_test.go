package search

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
)

func TestText(t *testing.T) {
	ix := fixtureIndex(t, AnalysisLaendergraph)
	marked := func(text string, marks [][2]int) []string {
		r := []rune(text)
		var out []string
		for _, m := range marks {
			out = append(out, string(r[m[0]:m[1]]))
		}
		return out
	}
	for _, tc := range []struct {
		name, id, q string
		want        []string
	}{
		{"no query", "cyberwehr-bw", "", nil},
		{"word", "cyberwehr-bw", "Cyberwehr", []string{"Cyberwehr"}},
		{"compound part", "nrw-strategie", "Strategie", []string{"Digitalisierungsstrategie"}},
		{"after umlauts", "cyberwehr-bw", "Firmen", []string{"Firmen"}},
		{"phrase words merge", "teilhabe-bw", "digitale Teilhabe", []string{"digitalen Teilhabe", "digitalen"}},
		{"abbreviation", "dmk-2024", "KI", []string{"Künstliche Intelligenz"}},
		{"no match", "cyberwehr-bw", "Breitband", nil},
		{"only filters", "cyberwehr-bw", "land:BW", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ix.Text(context.Background(), corpus.DocID(tc.id), tc.q)
			if err != nil {
				t.Fatal(err)
			}
			var want corpus.Document
			for _, d := range fixtures() {
				if string(d.ID) == tc.id {
					want = d
				}
			}
			if got.Text != want.Text {
				t.Errorf("text: got %q, want %q", got.Text, want.Text)
			}
			if m := marked(got.Text, got.Marks); !slices.Equal(m, tc.want) {
				t.Errorf("marks: got %q, want %q", m, tc.want)
			}
		})
	}
	if _, err := ix.Text(context.Background(), "nope", ""); !errors.Is(err, corpus.ErrNotFound) {
		t.Errorf("unknown id: got %v, want ErrNotFound", err)
	}
	var qe *QueryError
	if _, err := ix.Text(context.Background(), "cyberwehr-bw", `"open`); !errors.As(err, &qe) {
		t.Errorf("bad query: got %v, want a QueryError", err)
	}
}
