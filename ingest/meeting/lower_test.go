package meeting

import (
	"slices"
	"strings"
	"testing"

	"github.com/laendergraph/laendergraph/german"
	"github.com/laendergraph/laendergraph/ingest/dates"
)

// eventNounAll and networkNameAll are eventNoun and networkName as they
// were, the endings built per word: the references for eventNounForms
// and networkForms.
func eventNounAll(w string) bool {
	lw := strings.ToLower(w)
	return german.IsUpperInitial(w) && slices.ContainsFunc(eventNounEndings, func(e string) bool {
		return strings.HasSuffix(lw, e) || strings.HasSuffix(lw, e+"s")
	})
}

func networkNameAll(g string) (string, bool) {
	lg := strings.ToLower(g)
	for head, endings := range networkHeads {
		for _, e := range endings {
			if strings.HasSuffix(lg, head+e) && len(lg) > len(head+e)+3 {
				return g[:len(g)-len(e)], true
			}
		}
	}
	return "", false
}

var lowerWords = []string{"", "Treffen", "Treffens", "treffen", "Netzwerktreffen", "Jahrestagung", "Jahrestagungs", "KONFERENZ",
	"Sitzungen", "Arbeitskreises", "Arbeitskreiss", "Forums", "Fora", "Lagebildverbund", "Lagebildverbunds", "Lagebildverbundes",
	"Verbund", "Verbunds", "Netzwerkes", "Landesnetzwerk", "Bündnis", "Zukunftsbündnisses", "Zukunftsbündnis", "VERBAND",
	"Digitalverband", "Digitalverbands", "CERT-Verbunds", "Über-Treffen", "Straßenverbund", "ẞverbund", "Verbund\xff", "Äforum"}

func TestLowerForms(t *testing.T) {
	for _, w := range lowerWords {
		if got, want := eventNoun(w), eventNounAll(w); got != want {
			t.Errorf("eventNoun(%q) = %v, want %v", w, got, want)
		}
		for _, tok := range german.Tokenize(w) {
			if got, want := eventTok(tok), eventNounAll(tok.Raw); got != want {
				t.Errorf("eventTok(%q) = %v, want %v", tok.Raw, got, want)
			}
		}
		n, ok := networkName(w)
		if wn, wok := networkNameAll(w); n != wn || ok != wok {
			t.Errorf("networkName(%q) = %q, %v, want %q, %v", w, n, ok, wn, wok)
		}
	}
}

var hyphenWords = []string{"", "-", "a-b", "bund-länder-sitzung", "bund‐länder", "bund‑länder‐sitzung", "–", "a–b", "x\xff-", "-\xe2\x80", "\xe2\x80\x90", "\xe2\x80\x90\x80", "\xf0\xe2\x80\x91", "ä-ö‑ü"}

func TestLastHyphen(t *testing.T) {
	for _, w := range hyphenWords {
		if got, want := lastHyphen(w), strings.LastIndexAny(w, "-‐‑"); got != want {
			t.Errorf("lastHyphen(%q) = %d, want %d", w, got, want)
		}
	}
}

func FuzzLastHyphen(f *testing.F) {
	for _, w := range hyphenWords {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := lastHyphen(w), strings.LastIndexAny(w, "-‐‑"); got != want {
			t.Errorf("lastHyphen(%q) = %d, want %d", w, got, want)
		}
		if _, date := datelineOf(w); date != "" {
			if m := datelineRE.FindStringSubmatchIndex(w); m == nil {
				t.Errorf("datelineOf(%q) = %q without a match of datelineRE", w, date)
			}
		} else if m := datelineRE.FindStringIndex(w); m != nil {
			c := strings.IndexByte(w, ',')
			if c < 0 || !strings.ContainsAny(w[c:], "0123456789") {
				t.Errorf("datelineRE matches %q without a comma and a digit after it", w)
			}
		}
	})
}

func TestDatelineGuard(t *testing.T) {
	for _, s := range []string{"Berlin, 3. März 2024 – Die Länder", "Frankfurt am Main, den 12.03.2024\nText", "Kiel/Hamburg (dpa), 2024-03-05 | x",
		"Halle (Saale), Montag, 4. Mai 2023", "Die Länder, die 2024 tagten", "Berlin – 3. März 2024", "Berlin 3. März 2024,"} {
		_, got := datelineOf(s)
		m := datelineRE.FindStringSubmatchIndex(s)
		var want string
		if m != nil {
			if ds := dates.Find(s[m[2]:m[3]], ""); len(ds) == 1 && ds[0].Precision == dates.Day && ds[0].To == "" {
				want = string(ds[0].From)
			}
		}
		if string(got) != want {
			t.Errorf("datelineOf(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestSeriesKeyStarts checks that begins marks exactly the two-byte keys
// of byStart among all two-byte strings.
func TestSeriesKeyStarts(t *testing.T) {
	n := New(nil).aliases
	for k := 0; k < 1<<16; k++ {
		b := string([]byte{byte(k >> 8), byte(k)})
		if _, want := n.byStart[b]; n.begins(b) != want {
			t.Fatalf("begins(%q) = %v, want %v", b, !want, want)
		}
	}
}
