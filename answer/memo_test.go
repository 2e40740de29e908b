package answer

import (
	"context"
	"slices"
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
)

// generationalFacts is fakeKnowledge that counts its writes.
type generationalFacts struct {
	*fakeKnowledge
	gen   uint64
	reads int // calls of ChairTerms
}

func (g *generationalFacts) Generation() uint64 { return g.gen }

func (g *generationalFacts) ChairTerms(ctx context.Context) ([]corpus.ChairTerm, error) {
	g.reads++
	return g.fakeKnowledge.ChairTerms(ctx)
}

// TestMemoFollowsGenerations checks that meeting and chair questions read
// the whole graph once per generation of Generational knowledge, and that a
// write (a new generation) is answered from the new facts at once: a chair
// term removed is no longer an answer, one added is.
func TestMemoFollowsGenerations(t *testing.T) {
	ctx := context.Background()
	k := &generationalFacts{fakeKnowledge: testFacts()}
	e := newTestEngine(k, &fakeSearcher{})
	chairs := func(step, q string, want ...corpus.LandCode) {
		t.Helper()
		a, err := e.Ask(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if got := codesOf(a.Answer.Laender); !slices.Equal(got, want) {
			t.Errorf("%s: %q: got %v, want %v", step, q, got, want)
		}
	}
	const q2022 = "Wer hatte 2022 den Vorsitz der D16?"
	if err := e.Prepare(ctx); err != nil {
		t.Fatal(err)
	}
	chairs("before", q2022, "BW")
	chairs("before, again", q2022, "BW")
	chairs("before, a meeting question", "Wer hatte 2025 den Vorsitz der DMK?", "RP")
	if k.reads != 1 {
		t.Errorf("read the chair terms %d times in one generation, want 1", k.reads)
	}

	// A write: Baden-Württemberg's term is gone, Hessen's is new.
	var terms []corpus.ChairTerm
	for _, c := range k.chairs {
		if !slices.Contains(c.Lands, "BW") {
			terms = append(terms, c)
		}
	}
	terms = append(terms, corpus.ChairTerm{Series: "d16", Lands: []corpus.LandCode{"HE"}, From: "2022-01-01", To: "2022-12-31",
		Evidence: ev("k_he.txt", "Hessen führt 2022 den Vorsitz der D16.", "2022-02-01")})
	k.chairs = terms
	k.gen++
	chairs("after a write", q2022, "HE")
	if k.reads != 2 {
		t.Errorf("read the chair terms %d times in two generations, want 2", k.reads)
	}
}
