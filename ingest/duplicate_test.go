package ingest

import (
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
)

// TestOriginalsDuplicateOf checks the indexed lookup against comparing a
// text with every original: texts recombined from a small stock of
// sentences (so that many shingles are shared by many texts), of many
// lengths, and excerpts, extensions and edits of them.
func TestOriginalsDuplicateOf(t *testing.T) {
	for _, c := range []struct {
		name    string
		lookups int
	}{{"index", 300}, {"linear", linearLookups}} {
		t.Run(c.name, func(t *testing.T) {
			o := newOriginals(c.lookups)
			if o.linear != (c.name == "linear") {
				t.Fatalf("newOriginals(%d): linear is %v", c.lookups, o.linear)
			}
			testOriginals(t, o)
		})
	}
}

// testOriginals compares o's lookups with a comparison of every original.
func testOriginals(t *testing.T, o *originals) {
	r := rand.New(rand.NewSource(7))
	words := strings.Fields("Land Bund Netz Daten Amt Portal Schule Stadt Kreis Plan Geld Jahr Ziel Team Rat Haus Weg Bahn Funk Glas")
	stock := make([]string, 60)
	for i := range stock {
		var b strings.Builder
		for w := 0; w < 6+r.Intn(10); w++ {
			b.WriteString(words[r.Intn(len(words))])
			b.WriteByte(' ')
		}
		stock[i] = b.String() + "."
	}
	text := func(sentences int) []string {
		s := make([]string, sentences)
		for i := range s {
			s[i] = stock[r.Intn(len(stock))]
			if r.Intn(3) == 0 { // a sentence of its own
				s[i] = fmt.Sprintf("Vorgang %d vom %d. Mai. ", r.Int63(), r.Intn(28)) + s[i]
			}
		}
		return s
	}
	var all []original
	var bases [][]string
	for i := range 150 {
		s := text(2 + r.Intn(30))
		bases = append(bases, s)
		id := corpus.DocID(fmt.Sprintf("o%d", i))
		fp := corpus.NewFingerprint(strings.Join(s, " "))
		o.add(id, fp)
		all = append(all, original{id: id, fp: fp})
	}
	found := 0
	for q := range 300 {
		base := bases[r.Intn(len(bases))]
		var s []string
		switch q % 4 {
		case 0: // an excerpt
			from := r.Intn(len(base))
			s = base[from : from+1+r.Intn(len(base)-from)]
		case 1: // the text and more
			s = append(append([]string(nil), base...), text(1+r.Intn(10))...)
		case 2: // a few sentences changed
			s = append([]string(nil), base...)
			for range 1 + r.Intn(3) {
				s[r.Intn(len(s))] = text(1)[0]
			}
		default: // another text
			s = text(2 + r.Intn(30))
		}
		fp := corpus.NewFingerprint(strings.Join(s, " "))
		id := corpus.DocID(fmt.Sprintf("q%d", q))
		want := corpus.DocID("")
		for _, g := range all {
			if fp.SameText(g.fp) {
				want = g.id
				break
			}
		}
		got, ok := o.duplicateOf(id, fp)
		if got != want || ok != (want != "") {
			t.Fatalf("query %d (%d shingles): got %q, %v, want %q", q, fp.Shingles, got, ok, want)
		}
		if ok {
			found++
		}
	}
	t.Logf("%d of 300 repeat an original", found)
	if found < 60 {
		t.Errorf("only %d of 300 queries repeat an original; the test needs more", found)
	}
	// A dropped original is no longer found; the next one that fits is.
	fp := all[0].fp
	o.drop(all[0].id)
	if got, _ := o.duplicateOf("x", fp); got == all[0].id {
		t.Errorf("got the dropped original %q", got)
	}
	if got, ok := o.duplicateOf(all[1].id, all[1].fp); got == all[1].id {
		t.Errorf("got the document itself: %q, %v", got, ok)
	}
}

// FuzzSelectSmallest checks that selectSmallest puts the k smallest values
// first: every value before k is at most every value from k on, and the
// values are the same.
func FuzzSelectSmallest(f *testing.F) {
	f.Add([]byte{5, 1, 4, 1, 5, 9, 2, 6}, 3)
	f.Add([]byte{7, 7, 7, 7}, 2)
	f.Add([]byte{}, 0)
	f.Fuzz(func(t *testing.T, b []byte, k int) {
		if len(b) == 0 {
			return
		}
		k = 1 + int(uint(k)%uint(len(b)))
		a := make([]uint64, len(b))
		for i, v := range b {
			a[i] = uint64(v%16)<<32 | uint64(i)
		}
		want := slices.Clone(a)
		slices.Sort(want)
		selectSmallest(a, k)
		got := slices.Clone(a)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Fatalf("values changed: %v", a)
		}
		maxHead := slices.Max(a[:k])
		for _, v := range a[k:] {
			if v < maxHead {
				t.Fatalf("k=%d: %d after %d in %v", k, v, maxHead, a)
			}
		}
	})
}
