package german

import (
	"fmt"
	"strings"
	"testing"
)

// exampleSlots reads slots from an example's brackets: a slot starts where
// its bracket starts and ends after the bracket's last word.
type exampleSlots struct {
	toks []Token
	a    Annotated
}

func (e exampleSlots) SlotAt(kind string, i int) (int, bool) {
	k, _, _ := strings.Cut(kind, ":")
	r, ok := e.a.Slots[k]
	if !ok || e.toks[i].Start != r[0] {
		return 0, false
	}
	j := i
	for j < len(e.toks) && e.toks[j].End <= r[1] {
		j++
	}
	return j, true
}

// TestPhraseExamples runs every rule of the built-in table on its own
// example: the rule must match with its anchor at the ">" and each slot on
// its bracketed words. The extractors' tests check the facts the rules give.
func TestPhraseExamples(t *testing.T) {
	if len(DefaultPhrases.rules) == 0 {
		t.Fatal("the phrase table is empty")
	}
	for _, r := range DefaultPhrases.rules {
		t.Run(r.Family+"/"+r.Name, func(t *testing.T) {
			a := r.Annotated()
			toks := Tokenize(a.Text)
			k := -1
			for i, tk := range toks {
				if tk.Start == a.Anchor {
					k = i
				}
			}
			ms := DefaultPhrases.Match(r.Family, toks, exampleSlots{toks, a})
			if k >= 0 {
				ms = DefaultPhrases.MatchAt(r.Family, toks, exampleSlots{toks, a}, k)
			}
			var hit *PhraseMatch
			for _, m := range ms {
				if m.Rule == r {
					hit = &m
					break
				}
			}
			if hit == nil {
				t.Fatalf("line %d: pattern %q does not match its example %q", r.Line, r.Pattern, a.Text)
			}
			if a.Anchor >= 0 && (hit.Anchor < 0 || toks[hit.Anchor].Start != a.Anchor) {
				t.Errorf("anchor at token %d, want at byte %d", hit.Anchor, a.Anchor)
			}
			for _, el := range r.elems {
				if el.slot == "" {
					continue
				}
				k, _, _ := strings.Cut(el.slot, ":")
				got, matched := hit.Slots[k]
				if _, ok := a.Slots[k]; !ok || !matched {
					if !el.optional {
						t.Errorf("the example does not mark slot %s, or the match did not fill it", k)
					}
					continue
				}
				if toks[got[0]].Start != a.Slots[k][0] || toks[got[1]-1].End != a.Slots[k][1] {
					t.Errorf("slot %s = %q, want %q", k, a.Text[toks[got[0]].Start:toks[got[1]-1].End], a.Text[a.Slots[k][0]:a.Slots[k][1]])
				}
			}
		})
	}
}

// TestPhraseEngine checks the pattern elements on small invented rules.
func TestPhraseEngine(t *testing.T) {
	table := strings.Join([]string{
		"t\tprefix\tübernimm* den vorsitz\tx",
		"t\toptional\tder neue? vorsitz\tx",
		"t\tclause\t^ für LAND … >\tx",
		"t\tcomma\tLAND , vertreten durch >\tx",
		"t\tend\twird LAND $\tx",
		"t\tnearest\tLAND … zum vorsitz\tx",
		"t\tcolon\tvorsitz : LAND $\tx",
	}, "\n")
	p, err := ParsePhrases(table)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text   string
		anchor string // the word the anchor must fall on, or ""
		want   string // rule names that match, in table order
	}{
		{"Bremen übernimmt den Vorsitz.", "", "prefix"},
		{"Bremen übernahm den Vorsitz.", "", ""},
		{"Der neue Vorsitz und der Vorsitz.", "", "optional optional"},
		{"Für Hessen sprach die Ministerin.", "Ministerin", "clause"},
		{"Die Rede für Hessen hielt Ministerin X.", "Ministerin", ""},      // "für" does not open the clause
		{"Für Hessen, so hieß es, sprach Ministerin X.", "Ministerin", ""}, // the gap does not cross a comma
		{"Hessen, vertreten durch Ministerin X.", "", "comma"},             // the comma is in the pattern
		{"Hessen vertreten durch Ministerin X.", "", ""},                   // … and required
		{"Den Vorsitz wird Hessen führen.", "", ""},                        // no clause end after the Land
		{"Den Vorsitz wird Hessen, danach Bayern führen.", "", "end"},      // a comma ends the clause
	} {
		toks := Tokenize(tc.text)
		ms := p.Match("t", toks, landSlots{toks})
		if tc.anchor != "" {
			ms = nil
			for i, tk := range toks {
				if tk.Raw == tc.anchor {
					ms = p.MatchAt("t", toks, landSlots{toks}, i)
				}
			}
		}
		var got []string
		for _, m := range ms {
			got = append(got, m.Rule.Name)
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("%q: matched %v, want %q", tc.text, got, tc.want)
		}
	}
	if _, err := ParsePhrases("a\tb\tc"); err == nil {
		t.Error("a row of three fields parsed")
	}
}

// landSlots reads LAND as the words Hessen and Bayern.
type landSlots struct{ toks []Token }

func (l landSlots) SlotAt(kind string, i int) (int, bool) {
	if kind == "LAND" && (l.toks[i].Raw == "Hessen" || l.toks[i].Raw == "Bayern") {
		return i + 1, true
	}
	return 0, false
}

// FuzzPhrases parses any table row and runs it over any sentence: neither
// may panic, and every match lies inside the sentence with its anchor and
// slots in order.
func FuzzPhrases(f *testing.F) {
	f.Add("LAND , vertreten durch >", "Den Vorsitz hat Hessen, vertreten durch Staatssekretärin A. B.")
	f.Add("^ für das? LAND … >", "Für Bayern sprach, so hieß es, Ministerin X.")
	f.Add("x? y? … : LAND $", "x: Hessen")
	f.Add("… … >", "")
	f.Fuzz(func(t *testing.T, pattern, text string) {
		p, err := ParsePhrases("f\tn\t" + strings.ReplaceAll(strings.ReplaceAll(pattern, "\t", " "), "\n", " ") + "\tx")
		if err != nil {
			return
		}
		toks := Tokenize(text)
		for _, m := range p.Match("f", toks, landSlots{toks}) {
			if m.From < 0 || m.To > len(toks) || m.From > m.To {
				t.Fatalf("match [%d,%d) outside %d tokens", m.From, m.To, len(toks))
			}
			if m.Anchor >= 0 && (m.Anchor < m.From || m.Anchor >= len(toks)) {
				t.Fatalf("anchor %d outside the match [%d,%d)", m.Anchor, m.From, m.To)
			}
			for k, r := range m.Slots {
				if r[0] < m.From || r[1] > m.To || r[0] >= r[1] {
					t.Fatalf("slot %s %v outside the match [%d,%d)", k, r, m.From, m.To)
				}
			}
		}
	})
}

// BenchmarkPhraseMatchAtLongList runs the anchored match at every word of
// a sentence that lists 2,000 names, as the people extractor does for each
// person: the cost per anchor stays bounded.
func BenchmarkPhraseMatchAtLongList(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("Für Hessen kamen ")
	for i := range 2000 {
		fmt.Fprintf(&sb, "Ministerin Name%d, ", i)
	}
	toks := Tokenize(sb.String())
	b.ReportAllocs()
	for b.Loop() {
		for k := 0; k < len(toks); k += 50 {
			DefaultPhrases.MatchAt("clause-land", toks, landSlots{toks}, k)
		}
	}
}
