package meeting

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/corpus/corpustest"
	"github.com/laendergraph/laendergraph/ingest/extract"
	"github.com/laendergraph/laendergraph/ingest/text"
)

// corpusDocs reads the shared corpus as the pipeline would: normalised text
// and its fingerprint, metadata from the manifest.
func corpusDocs(tb testing.TB) []*corpus.Document {
	tb.Helper()
	var docs []*corpus.Document
	for _, d := range corpustest.Documents(tb) {
		d.Text = text.Normalize(d.Text)
		d.Fingerprint = corpus.NewFingerprint(d.Text)
		docs = append(docs, &d)
	}
	return docs
}

// meetingMatches is the gold checker's rule for a "meeting" item.
func meetingMatches(m corpus.Meeting, g corpustest.GoldItem) bool {
	start, end := string(m.Start), string(m.End)
	if end == "" {
		end = start
	}
	if g.Start != "" && !(start == g.Start || start != "" && end != "" && start <= g.Start && g.Start <= end) {
		return false
	}
	if g.Place != "" && !strings.Contains(strings.ToLower(m.Place), strings.ToLower(g.Place)) {
		return false
	}
	if g.Year != 0 && !strings.HasPrefix(start, itoa4(g.Year)) {
		return false
	}
	if !subset(g.Hosts, m.Hosts) || !subset(g.Chairs, m.Chairs) {
		return false
	}
	if g.ConflictDate != "" {
		found := false
		for _, c := range m.Conflicts {
			b, _ := json.Marshal(c)
			found = found || strings.Contains(string(b), g.ConflictDate)
		}
		return found
	}
	return true
}

func subset(want []string, got []corpus.LandCode) bool {
	for _, w := range want {
		ok := false
		for _, g := range got {
			ok = ok || string(g) == w
		}
		if !ok {
			return false
		}
	}
	return true
}

var yearRE = regexp.MustCompile(`\b(19|20)\d\d\b`)

// TestSharedCorpus runs the extractor over the shared corpus, merges the
// meetings and checks the gold items about meetings and chairs. It runs once
// with every document and once with near-duplicate documents dropped, as the
// pipeline drops them.
func TestSharedCorpus(t *testing.T) {
	docs := corpusDocs(t)
	gold := corpustest.Gold(t)
	x := extract.New(corpus.Laender(), corpus.DefaultThesaurus())
	e := New(x)
	for _, dedup := range []bool{false, true} {
		name := "all"
		if dedup {
			name = "without duplicates"
		}
		t.Run(name, func(t *testing.T) {
			var ms []corpus.MeetingMention
			var cs []corpus.ChairTerm
			var kept []*corpus.Document
			for _, d := range docs {
				dup := false
				for _, k := range kept {
					dup = dup || dedup && d.Fingerprint.SameText(k.Fingerprint)
				}
				if dup {
					continue
				}
				kept = append(kept, d)
				doc := *d
				sents := text.Sentences(doc.Text)
				m, c := e.Extract(&doc, sents)
				for _, mm := range m {
					checkEvidence(t, &doc, mm.Evidence)
				}
				for _, cc := range c {
					checkEvidence(t, &doc, cc.Evidence)
				}
				ms, cs = append(ms, m...), append(cs, c...)
			}
			if dedup && len(kept) == len(docs) {
				t.Errorf("no duplicate dropped: got %d documents, want fewer than %d", len(kept), len(docs))
			}
			meetings := corpus.MergeMeetings(ms, cs)
			for _, m := range meetings {
				t.Logf("meeting %s %s %s–%s %q %q hosts=%v chairs=%v topics=%v conflicts=%d planned=%v evidence=%d",
					m.ID, m.Series, m.Start, m.End, m.Place, m.Venue, m.Hosts, m.Chairs, m.Topics, len(m.Conflicts), m.Planned, len(m.Evidence))
			}
			checked := 0
			for _, g := range gold {
				switch {
				case g.Type == "meeting":
					checked++
					ok := false
					for _, m := range meetings {
						ok = ok || meetingMatches(m, g)
					}
					if !ok {
						t.Errorf("%s: no meeting matches %+v", g.ID, g)
					} else {
						t.Logf("%s: ok", g.ID)
					}
				case g.Type == "ask_laender" && strings.Contains(g.Q, "Vorsitz"):
					checked++
					year := yearRE.FindString(g.Q)
					var series corpus.SeriesID
					for _, w := range strings.Fields(g.Q) {
						if id, ok := corpus.LookupSeries(strings.Trim(w, "?.,!„“\"")); ok {
							series = id
						}
					}
					if year == "" || series == "" {
						t.Errorf("%s: cannot read year and series from %q", g.ID, g.Q)
						continue
					}
					got := map[string]bool{}
					for _, term := range corpus.ChairsDuring(cs, series, corpus.Date(year), corpus.Date(year)) {
						for _, l := range term.Lands {
							got[string(l)] = true
						}
					}
					bad := false
					for _, l := range g.Must {
						if !got[l] {
							t.Errorf("%s: ChairsDuring(%s, %s) lacks %s: got %v", g.ID, series, year, l, got)
							bad = true
						}
					}
					for _, l := range g.MustNot {
						if got[l] {
							t.Errorf("%s: ChairsDuring(%s, %s) has %s: got %v", g.ID, series, year, l, got)
							bad = true
						}
					}
					if !bad {
						t.Logf("%s: ok (%s %s: %v)", g.ID, series, year, got)
					}
				}
			}
			if checked == 0 {
				t.Errorf("no gold item about meetings or chairs in gold.jsonl")
			}
		})
	}
}

// checkEvidence verifies that an evidence quote is the document's text at
// its code-point span.
func checkEvidence(tb testing.TB, doc *corpus.Document, ev corpus.Evidence) {
	tb.Helper()
	rs := []rune(doc.Text)
	if ev.Span[0] < 0 || ev.Span[1] > len(rs) || ev.Span[0] > ev.Span[1] {
		tb.Fatalf("%s: span %v out of range", doc.File, ev.Span)
	}
	if got := string(rs[ev.Span[0]:ev.Span[1]]); got != ev.Quote {
		tb.Fatalf("%s: text at span %v is %q, quote is %q", doc.File, ev.Span, got, ev.Quote)
	}
	if ev.Doc != doc.ID || ev.Date != doc.Date {
		tb.Fatalf("%s: evidence names doc %s date %s, want %s %s", doc.File, ev.Doc, ev.Date, doc.ID, doc.Date)
	}
}
