package graph

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
)

func TestParseQuery(t *testing.T) {
	for _, tc := range []struct {
		q    string
		want string // the parsed query, as queryString writes it
	}{
		{"land:BW -hat-> thema", "land=BW -[has]1..1-> topic"},
		{"  thema:ki <-hat|beschlossen- land  ", "topic=ki <-[has adopted]1..1- land"},
		{"land -VORSITZ-> reihe:d16", "land -[chairs]1..1-> series=d16"},
		{"person~Müller -gehört-> land", "person~Müller -[memberOf]1..1-> land"},
		{`person~"Erika Beispiel" -mitglied-> land:*`, "person~Erika Beispiel -[memberOf]1..1-> land"},
		{"land:„Baden-Württemberg“ --> *", "land=Baden-Württemberg -[]1..1-> *"},
		{"land:BB -*1..2- strategie", "land=BB -[]1..2- strategy"},
		{"land:BB -nennt*2- *", "land=BB -[mentions]2..2- *"},
		{"land:BB -*- *", "land=BB -[]1..6- *"},
		{"land:BB <-*- *", "land=BB <-[]1..6- *"},
		{"land:BB -*..2- *", "land=BB -[]1..2- *"},
		{"dokument -has-> *~cyber", "document -[has]1..1-> *~cyber"},
		{"*", "*"},
	} {
		t.Run(tc.q, func(t *testing.T) {
			q, err := ParseQuery(tc.q)
			if err != nil {
				t.Fatalf("got error %v, want %s", err, tc.want)
			}
			if got := queryString(q); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}

// queryString writes a parsed query in a form tests compare.
func queryString(q *Query) string {
	node := func(p NodePattern) string {
		s := string(p.Kind)
		if s == "" {
			s = "*"
		}
		if p.Name != "" {
			s += "=" + p.Name
		}
		if p.Label != "" {
			s += "~" + p.Label
		}
		return s
	}
	parts := []string{node(q.Start)}
	for _, st := range q.Steps {
		rels := "[" + strings.Join(st.Relations, " ") + "]" + itoa(st.Min) + ".." + itoa(st.Max)
		switch st.Dir {
		case Out:
			parts = append(parts, "-"+rels+"->")
		case In:
			parts = append(parts, "<-"+rels+"-")
		default:
			parts = append(parts, "-"+rels+"-")
		}
		parts = append(parts, node(st.Node))
	}
	return strings.Join(parts, " ")
}

func itoa(n int) string { return string(rune('0' + n)) }

func TestParseQueryErrors(t *testing.T) {
	for _, tc := range []struct {
		q    string
		pos  int    // 1-based, as the message says
		want string // part of the message
	}{
		{"", 1, "leer"},
		{"-hat-> thema", 1, "beginnt mit einem Knoten"},
		{"land:BW thema", 9, "folgt ein Schritt"},
		{"land:BW -hat->", 15, "fehlt der Knoten"},
		{"land:BW -hat-> -hat-> thema", 16, "zwischen zwei Schritten"},
		{"land:BW -kennt-> thema", 10, "unbekannte Beziehung „kennt“"},
		{"land:BW -hat|kennt-> thema", 14, "unbekannte Beziehung „kennt“"},
		{"stadt:Ulm", 1, "unbekannte Knotenart „stadt“"},
		{"land: -hat-> thema", 6, "fehlt der Name"},
		{"land:BW-hat->thema", 1, "Leerzeichen"},
		{"land:BW <-hat-> thema", 9, "eine Richtung"},
		{"land:BW >hat thema", 9, "folgt ein Schritt"},
		{"land:BW -hat*9-> thema", 13, "Zahl von 1 bis 6"},
		{"land:BW -hat*3..1-> thema", 13, "größer"},
		{"land:BW -*4- * -*3- *", 16, "höchstens 6"},
		{`person~"Erika`, 8, "Anführungszeichen"},
		{"person~ -hat-> *", 7, "fehlt der Text"},
		{strings.Repeat("a", MaxQueryLen+1), MaxQueryLen + 1, "höchstens 500"},
	} {
		t.Run(tc.q, func(t *testing.T) {
			_, err := ParseQuery(tc.q)
			var qe *QueryError
			if !errors.As(err, &qe) {
				t.Fatalf("got %v, want a *QueryError", err)
			}
			if !errors.Is(err, corpus.ErrInvalid) {
				t.Errorf("got %v, want it to be corpus.ErrInvalid", err)
			}
			if qe.Pos+1 != tc.pos {
				t.Errorf("position: got %d, want %d (%s)", qe.Pos+1, tc.pos, qe.Msg)
			}
			if !strings.Contains(qe.Msg, tc.want) {
				t.Errorf("message: got %q, want it to contain %q", qe.Msg, tc.want)
			}
		})
	}
}

func TestQueryRun(t *testing.T) {
	s := openMemory(t)
	a := extractionA(t)
	put(t, s, a, extractionB(t))
	g, err := BuildEntities(context.Background(), s, EntityFilter{})
	if err != nil {
		t.Fatal(err)
	}
	docA := "doc:" + string(a.Document.ID)
	for _, tc := range []struct {
		q    string
		want []string // end nodes, in order
		hops int      // links of every row's path
	}{
		{"land:BW -hat-> thema", []string{"topic:cyberwehr"}, 1},
		{"land:bw -hat|beschlossen-> thema", []string{"topic:cyberwehr", "topic:digitalstrategie"}, 1},
		{"land:Baden-Württemberg -beschlossen-> *", []string{"topic:digitalstrategie"}, 1},
		{"thema:KI <-strategie- land", []string{"land:HE"}, 1},
		{"land -vorsitz-> reihe:d16", []string{"series:d16"}, 1},
		{"reihe:d16 <-vorsitz- land", []string{"land:BE", "land:BY"}, 1},
		{"person~beispiel -gehört-> land", []string{"land:BB"}, 1},
		{"person -gehört-> land -gastgeber-> reihe", []string{"series:digitalkoordinatoren"}, 2},
		{"strategie -von-> land <-herausgeber- dokument", []string{docA}, 2},
		{"land:HE -teilnahme-> reihe <-teilnahme- land", []string{"land:BW", "land:BY", "land:HE"}, 2},
		{"land:TH -vorsitz-> *", nil, 0},
		{"land:XX", nil, 0},
		{"land:BB -*2- strategie", []string{"strategy:BW-digital-bw"}, 2},
		{"land:BW --> thema -*1..2- person", []string{"person:erika-beispiel"}, 0},
		{"land:HE -gegründet-> organisation <-leitet- person", []string{"person:max-muster"}, 2},
		{"land:Hessen -verabschiedet-> gesetz", []string{"law:HE-cybersicherheitsgesetz"}, 1},
		{"land:TH -beigetreten-> organisation~datenverbund", []string{"org:datenverbund"}, 1},
	} {
		t.Run(tc.q, func(t *testing.T) {
			q, err := ParseQuery(tc.q)
			if err != nil {
				t.Fatal(err)
			}
			res, err := q.Run(context.Background(), g, QueryLimits{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range res.Rows {
				got = append(got, r.Node.ID)
				p := r.Path
				if p.Nodes[len(p.Nodes)-1].ID != r.Node.ID || len(p.Steps) != len(p.Nodes)-1 {
					t.Errorf("row %s: path %v does not end there", r.Node.ID, p.Nodes)
				}
				if tc.hops > 0 && len(p.Steps) != tc.hops {
					t.Errorf("row %s: got %d links, want %d", r.Node.ID, len(p.Steps), tc.hops)
				}
				if !q.Start.matches(p.Nodes[0]) {
					t.Errorf("row %s: path starts at %s, which the query does not start at", r.Node.ID, p.Nodes[0].ID)
				}
				for _, st := range p.Steps {
					if len(st.Links) == 0 {
						t.Errorf("row %s: hop %s–%s has no link", r.Node.ID, st.From, st.To)
					}
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			if res.Total != len(tc.want) || res.Truncated {
				t.Errorf("total %d (truncated %v), want %d", res.Total, res.Truncated, len(tc.want))
			}
		})
	}
}

func TestQueryLimits(t *testing.T) {
	s := openMemory(t)
	put(t, s, syntheticBatch(0, 150)...)
	g, err := BuildEntities(context.Background(), s, EntityFilter{})
	if err != nil {
		t.Fatal(err)
	}
	broad, err := ParseQuery("* -*1..6- *")
	if err != nil {
		t.Fatal(err)
	}

	res, err := broad.Run(context.Background(), g, QueryLimits{Results: 7})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rows) != 7 || !res.Truncated || res.Total <= 7 {
		t.Errorf("results: got %d rows of %d (truncated %v), want 7 of more", len(res.Rows), res.Total, res.Truncated)
	}
	if res.Work <= 1000 {
		t.Fatalf("the broad query looked at %d links only; the limits below need more", res.Work)
	}

	_, err = broad.Run(context.Background(), g, QueryLimits{Work: 1000})
	if !errors.Is(err, ErrQueryTooBroad) {
		t.Errorf("work limit: got %v, want ErrQueryTooBroad", err)
	}

	// A context that ends after its second look: the query must stop at its
	// next look, within queryCheckEvery links.
	ctx := &endingContext{Context: context.Background(), after: 2}
	_, err = broad.Run(ctx, g, QueryLimits{})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("time limit: got %v, want context.DeadlineExceeded", err)
	}
	if n := ctx.calls.Load(); n != 3 {
		t.Errorf("time limit: the query looked at its context %d times, want 3 (it went on after the end)", n)
	}
}

// endingContext reports the end of its deadline from its (after+1)-th call
// of Err on, and counts the calls.
type endingContext struct {
	context.Context
	after int64
	calls atomic.Int64
}

func (c *endingContext) Err() error {
	if c.calls.Add(1) > c.after {
		return context.DeadlineExceeded
	}
	return nil
}

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"land:BW -hat-> thema", `person~"A B" <-*1..3- *`, "thema:ki <-hat|beschlossen- land -vorsitz-> reihe:d16", "-->", "„"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseQuery(s)
		if err != nil {
			var qe *QueryError
			if !errors.As(err, &qe) {
				t.Fatalf("ParseQuery(%q): got %T %v, want a *QueryError", s, err, err)
			}
			return
		}
		hops := 0
		for _, st := range q.Steps {
			if st.Min < 1 || st.Max < st.Min {
				t.Fatalf("ParseQuery(%q): step repeats %d..%d", s, st.Min, st.Max)
			}
			hops += st.Max
		}
		if hops > MaxQueryHops {
			t.Fatalf("ParseQuery(%q): %d hops, at most %d allowed", s, hops, MaxQueryHops)
		}
	})
}
