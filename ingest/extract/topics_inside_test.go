package extract

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// findAllInside is topicMatcher.find as it was: every term of inside tried
// on every long word. The reference for insideCandidates.
func (tm *topicMatcher) findAllInside(s string, toks []token) []TopicHit {
	var out []TopicHit
	for i := 0; i < len(toks); {
		var best *termMatcher
		bestEnd := 0
		for _, m := range tm.byKey[key(toks[i].lower)] {
			end, ok := m.matchAt(toks, i)
			if !ok {
				continue
			}
			if best == nil || end > bestEnd || (end == bestEnd && better(m, best)) {
				best, bestEnd = m, end
			}
		}
		if best == nil && utf8.RuneCountInString(toks[i].lower) > 8 {
			for _, m := range tm.inside {
				if m.matchInside(toks[i]) && (best == nil || len(m.term) > len(best.term)) {
					best, bestEnd = m, i+1
				}
			}
		}
		if best == nil {
			i++
			continue
		}
		st, en := toks[i].start, toks[bestEnd-1].end
		out = append(out, TopicHit{Topic: best.topic, Start: st, End: en, Form: s[st:en], Term: best.term})
		i = bestEnd
	}
	return out
}

// insideTexts are compounds around the thesaurus terms that match inside
// words: before and after other words, inflected, twice in a word.
func insideTexts() []string {
	x := New(testRegistry, testThesaurus)
	var out []string
	var b strings.Builder
	for i, m := range x.tm.inside {
		k := m.toks[0].raw
		low := m.toks[0].lower
		for _, w := range []string{"Landes" + low, "Ab" + low + "s", "Xy" + low, "Über" + low + "projekte", low + low, "Groß" + low + "en", "Län" + low + "ern", k + "-" + k} {
			b.WriteString(w)
			b.WriteByte(' ')
		}
		if i%7 == 6 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	return append(out, b.String(), "", "Cybersicherheitsagentur Bildungsteilhabe Verwaltungscloud Landescyberwehr", "Äöüßäöüßäöüß x\xffyyyyyyyyyy")
}

func TestFindInsideAsBefore(t *testing.T) {
	x := New(testRegistry, testThesaurus)
	for _, s := range insideTexts() {
		toks := tokenize(s)
		if got, want := x.tm.find(s, toks), x.tm.findAllInside(s, toks); !slices.Equal(got, want) {
			t.Errorf("find(%.60q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzFindInside(f *testing.F) {
	for _, s := range insideTexts() {
		f.Add(s)
	}
	x := New(testRegistry, testThesaurus)
	f.Fuzz(func(t *testing.T, s string) {
		toks := tokenize(s)
		if got, want := x.tm.find(s, toks), x.tm.findAllInside(s, toks); !slices.Equal(got, want) {
			t.Errorf("find(%q) = %v, want %v", s, got, want)
		}
	})
}
