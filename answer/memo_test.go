package answer

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
)

// generationalFacts is fakeKnowledge that counts its writes.
type generationalFacts struct {
	*fakeKnowledge
	gen        uint64
	reads      int // calls of ChairTerms
	topicReads int // calls of LandTopics
}

func (g *generationalFacts) Generation() uint64 { return g.gen }

func (g *generationalFacts) ChairTerms(ctx context.Context) ([]corpus.ChairTerm, error) {
	g.reads++
	return g.fakeKnowledge.ChairTerms(ctx)
}

func (g *generationalFacts) LandTopics(ctx context.Context, land corpus.LandCode, topic corpus.TopicID) ([]corpus.LandTopic, error) {
	g.topicReads++
	return g.fakeKnowledge.LandTopics(ctx, land, topic)
}

// TestMemoSameAnswers checks that an engine keeping what it derives per
// generation answers as one that reads the knowledge for every question,
// the first time and from what it kept.
func TestMemoSameAnswers(t *testing.T) {
	ctx := context.Background()
	plain := newTestEngine(testFacts(), &fakeSearcher{})
	kept := newTestEngine(&generationalFacts{fakeKnowledge: testFacts()}, &fakeSearcher{})
	for _, q := range []string{
		"Welche Länder haben eine Cyberwehr?",
		"Welche Länder kümmern sich um Cybersicherheit?",
		"Welche Länder haben eine Cybersicherheitsagentur?",
		"Welche Bundesländer haben eine Digitalstrategie?",
		"Hat Bayern eine Cyberwehr?",
		"Welche Länder haben keine Cyberwehr?",
		"Wer hatte 2023 den Vorsitz der D16?",
		"Wer hatte beim Treffen in München den Vorsitz?",
		"Welche Länder nahmen am ersten Treffen der Digitalkoordinatoren teil?",
		"Wo und wann fand die erste Digitalministerkonferenz statt?",
	} {
		want, err := plain.Ask(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		for _, pass := range []string{"first", "kept"} {
			got, err := kept.Ask(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%q (%s): got %+v, want %+v", q, pass, got, want)
			}
		}
	}
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

	// Länder with a topic: read once per generation; after a write, Prepare
	// derives the answers to the topics asked before.
	const qCyber = "Welche Länder haben eine Cyberwehr?"
	chairs("topic", qCyber, "BW")
	chairs("topic, again", qCyber, "BW")
	if k.topicReads != 1 {
		t.Errorf("read the facts of a topic %d times in one generation, want 1", k.topicReads)
	}
	k.landTopics = append(k.landTopics, corpus.LandTopic{Land: "NI", Topic: "cyberwehr", Relation: corpus.RelHas,
		Evidence: ev("o_ni.txt", "Niedersachsen baut eine Cyberwehr auf.", "2023-05-01")})
	k.gen++
	if err := e.Prepare(ctx); err != nil {
		t.Fatal(err)
	}
	if k.topicReads != 2 {
		t.Errorf("Prepare read the facts of the topic asked before %d times, want once more (2)", k.topicReads)
	}
	chairs("topic after a write", qCyber, "BW", "NI")
	if k.topicReads != 2 {
		t.Errorf("read the facts of a topic %d times after Prepare, want 2", k.topicReads)
	}
}

// TestMeetingTextStems checks that a meeting merged from many documents
// that repeat one sentence gives the words of that sentence once, and keeps
// the words of every other sentence and title.
func TestMeetingTextStems(t *testing.T) {
	one := corpus.Evidence{Quote: "Die Runde der Digitalstaatssekretäre tagte in Kiel.", Title: "Treffen in Kiel"}
	other := corpus.Evidence{Quote: "Beraten wurde über Cloud-Angebote der Länder.", Title: "Treffen in Kiel"}
	single := meetingTextStems(corpus.Meeting{Series: "d16", Evidence: []corpus.Evidence{one}})
	merged := meetingTextStems(corpus.Meeting{Series: "d16", Evidence: []corpus.Evidence{one, one, other, one, other}})
	seen := map[string]bool{}
	for _, s := range merged {
		if seen[s] {
			t.Errorf("stem %q twice in %q", s, merged)
		}
		seen[s] = true
	}
	if !slices.Equal(merged[:len(single)], single) {
		t.Errorf("merged stems %q do not start with the single mention's %q", merged, single)
	}
	for _, w := range []string{"kiel", "cloud"} {
		if !slices.ContainsFunc(merged, func(s string) bool { return s == w || strings.HasPrefix(s, w) }) {
			t.Errorf("no stem of %q in %q", w, merged)
		}
	}
}
