package api

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/search"
)

// Text returns the document's text and marks every occurrence of q.
func (f *fakeIndex) Text(_ context.Context, id corpus.DocID, q string) (search.Text, error) {
	if f.err != nil {
		return search.Text{}, f.err
	}
	for _, d := range f.docs {
		if d.ID != id {
			continue
		}
		t := search.Text{Text: d.Text}
		for off := 0; q != ""; {
			i := strings.Index(d.Text[off:], q)
			if i < 0 {
				break
			}
			s := utf8.RuneCountInString(d.Text[:off+i])
			t.Marks = append(t.Marks, [2]int{s, s + utf8.RuneCountInString(q)})
			off += i + len(q)
		}
		return t, nil
	}
	return search.Text{}, fmt.Errorf("text of %s: %w", id, corpus.ErrNotFound)
}

func TestDocumentText(t *testing.T) {
	env := newTestEnv(t)
	a := env.g.exts[0].Document
	b := env.g.exts[1].Document
	for _, tc := range []struct {
		name, path string
		status     int
		// quotes are the quotes of the evidence spans, in order; marks the
		// marked text; labels some fact labels that must appear.
		quotes, marks, labels []string
	}{
		{"facts", "/api/v1/documents/" + string(a.ID) + "/text", 200,
			[]string{"Baden-Württemberg stellt eine Cyberwehr auf.", "Die Strategie digital@bw gilt seit 2017.",
				"Die Cyberagentur Baden-Württemberg (CABW) wurde 2017 gegründet; ihre Grundlage ist das Cybergesetz, das der Landtag 2016 beschlossen hat."}, nil,
			[]string{"nennt Baden-Württemberg", "Baden-Württemberg – Cyberwehr (hat)", "Strategie: digital@bw (2017)",
				"Organisation: Cyberagentur Baden-Württemberg, gegründet 2017", "Gesetz: Cybergesetz, beschlossen 2016"}},
		{"query marks", "/api/v1/documents/" + string(b.ID) + "/text?q=" + url.QueryEscape("Cyberwehr"), 200,
			[]string{"Brandenburg lädt die Digitalkoordinatoren am 21.6.2019 nach Potsdam ein.", "Auf der Tagesordnung stehen Berichte zur Cyberwehr.", "Staatssekretär Max Muster leitet das Treffen.",
				"Brandenburg ist dem IT-Dienstleister Datenhafen beigetreten."},
			[]string{"Cyberwehr"}, []string{"Person: Max Muster, Staatssekretär", "Treffen: 1. Konferenz der Digitalkoordinatoren der Länder, 2019-06-21, Potsdam",
				"Organisation: Datenhafen, Mitglied (Brandenburg)"}},
		{"unknown", "/api/v1/documents/nope/text", 404, nil, nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, body, rec := get(t, env.h, tc.path)
			if status != tc.status {
				t.Fatalf("status: got %d, want %d (%s)", status, tc.status, rec.Body.String())
			}
			if status != 200 {
				return
			}
			text, _ := body["text"].(string)
			runes := []rune(text)
			var quotes, labels []string
			for _, e := range body["evidence"].([]any) {
				span := e.(map[string]any)["span"].([]any)
				s, end := int(span[0].(float64)), int(span[1].(float64))
				q := e.(map[string]any)["quote"].(string)
				if got := string(runes[s:end]); got != q {
					t.Errorf("span %v: text there is %q, quote %q", span, got, q)
				}
				quotes = append(quotes, q)
				for _, f := range e.(map[string]any)["facts"].([]any) {
					labels = append(labels, f.(map[string]any)["label"].(string))
				}
			}
			if strings.Join(quotes, "|") != strings.Join(tc.quotes, "|") {
				t.Errorf("quotes: got %q, want %q", quotes, tc.quotes)
			}
			for _, l := range tc.labels {
				if !strings.Contains(strings.Join(labels, "|"), l) {
					t.Errorf("labels: got %q, want one %q", labels, l)
				}
			}
			var marks []string
			for _, m := range body["marks"].([]any) {
				m := m.([]any)
				marks = append(marks, string(runes[int(m[0].(float64)):int(m[1].(float64))]))
			}
			if strings.Join(marks, "|") != strings.Join(tc.marks, "|") {
				t.Errorf("marks: got %q, want %q", marks, tc.marks)
			}
			if dig(body, "document", "id") != string(a.ID) && dig(body, "document", "id") != string(b.ID) {
				t.Errorf("document: got %v", dig(body, "document"))
			}
		})
	}
}
