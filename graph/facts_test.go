package graph

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
)

// TestFilteredReaders checks that every reader filtered by a Land or a topic
// (answered from the fact index) returns what the unfiltered reader returns
// filtered, in the same order, before and after writes change the index.
func TestFilteredReaders(t *testing.T) {
	ctx := context.Background()
	a, b, a2 := extractionA(t), extractionB(t), changed(t)
	s := openMemory(t)
	check := func(step string) {
		t.Helper()
		lts, err := s.LandTopics(ctx, FactFilter{})
		if err != nil {
			t.Fatal(err)
		}
		ms, err := s.Mentions(ctx, "")
		if err != nil {
			t.Fatal(err)
		}
		tms, err := s.TopicMentions(ctx, "")
		if err != nil {
			t.Fatal(err)
		}
		sts, err := s.Strategies(ctx, "")
		if err != nil {
			t.Fatal(err)
		}
		ps, err := s.People(ctx, "")
		if err != nil {
			t.Fatal(err)
		}
		os, err := s.Organisations(ctx, "")
		if err != nil {
			t.Fatal(err)
		}
		ls, err := s.Laws(ctx, "")
		if err != nil {
			t.Fatal(err)
		}
		topics := []corpus.TopicID{"no-such-topic"}
		for _, x := range lts {
			topics = append(topics, x.Topic)
		}
		for _, x := range tms {
			topics = append(topics, x.Topic)
		}
		for _, code := range append(corpus.Laender().Codes(), "XX") {
			got, err := s.LandTopics(ctx, FactFilter{Land: code})
			same(t, step, "LandTopics "+string(code), got, err, lts, func(x corpus.LandTopic) bool { return x.Land == code })
			for _, topic := range topics {
				got, err := s.LandTopics(ctx, FactFilter{Land: code, Topic: topic})
				same(t, step, fmt.Sprintf("LandTopics %s %s", code, topic), got, err, lts, func(x corpus.LandTopic) bool { return x.Land == code && x.Topic == topic })
			}
			gm, err := s.Mentions(ctx, code)
			same(t, step, "Mentions "+string(code), gm, err, ms, func(x corpus.Mention) bool { return x.Land == code })
			gs, err := s.Strategies(ctx, code)
			same(t, step, "Strategies "+string(code), gs, err, sts, func(x corpus.Strategy) bool { return x.Land == code })
			gp, err := s.People(ctx, code)
			same(t, step, "People "+string(code), gp, err, ps, func(x corpus.Person) bool { return x.Land == code })
			gor, err := s.Organisations(ctx, code)
			same(t, step, "Organisations "+string(code), gor, err, os, func(x corpus.Organisation) bool { return x.Land == code || x.By == code })
			gl, err := s.Laws(ctx, code)
			same(t, step, "Laws "+string(code), gl, err, ls, func(x corpus.Law) bool { return x.Land == code })
		}
		for _, topic := range topics {
			got, err := s.LandTopics(ctx, FactFilter{Topic: topic})
			same(t, step, "LandTopics "+string(topic), got, err, lts, func(x corpus.LandTopic) bool { return x.Topic == topic })
			gt, err := s.TopicMentions(ctx, topic)
			same(t, step, "TopicMentions "+string(topic), gt, err, tms, func(x corpus.TopicMention) bool { return x.Topic == topic })
		}
	}
	closed := func(ch <-chan struct{}) bool {
		select {
		case <-ch:
			return true
		default:
			return false
		}
	}
	gen, changed := s.Generation(), s.Changed()
	put(t, s, a, b)
	if s.Generation() == gen {
		t.Errorf("Generation stayed %d after a Put", gen)
	}
	if !closed(changed) {
		t.Error("Changed not closed after a Put")
	}
	check("after put")
	gen, changed = s.Generation(), s.Changed()
	check("read again")
	if s.Generation() != gen {
		t.Errorf("Generation moved from %d to %d on reads", gen, s.Generation())
	}
	if closed(changed) {
		t.Error("Changed closed by reads")
	}
	put(t, s, a2)
	if s.Generation() == gen {
		t.Errorf("Generation stayed %d after a replacing Put", gen)
	}
	if !closed(changed) {
		t.Error("Changed not closed after a replacing Put")
	}
	check("after replace")
	gen, changed = s.Generation(), s.Changed()
	if err := s.Delete(ctx, []corpus.DocID{b.Document.ID}); err != nil {
		t.Fatal(err)
	}
	if s.Generation() == gen {
		t.Errorf("Generation stayed %d after a Delete", gen)
	}
	if !closed(changed) {
		t.Error("Changed not closed after a Delete")
	}
	check("after delete")
}

// same reports when got is not the elements of all that keep accepts.
func same[T any](t *testing.T, step, name string, got []T, err error, all []T, keep func(T) bool) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %s: %v", step, name, err)
	}
	want := slices.DeleteFunc(slices.Clone(all), func(x T) bool { return !keep(x) })
	if len(want) == 0 {
		want = nil // readers return nil for nothing
	}
	if d := diff(got, want); d != "" {
		t.Errorf("%s: %s: %s", step, name, d)
	}
}
