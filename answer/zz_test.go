package answer

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/graph"
	"github.com/laendergraph/laendergraph/search"
)

func TestZZAsk(t *testing.T) {
	dir := os.Getenv("LGDATA")
	if dir == "" {
		t.Skip()
	}
	ctx := context.Background()
	g, err := graph.Open(ctx, filepath.Join(dir, "graph"))
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	ix, err := search.Open(ctx, filepath.Join(dir, "index"), search.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	e := New(zzK{g}, ix, nil, nil)
	q := os.Getenv("LGQ")
	qu := e.p.parse(q)
	tq := e.analyseText(q, qu)
	fmt.Printf("INTENT %v want=%v\n", qu.Intent, tq.want)
	for _, t := range tq.terms {
		fmt.Printf("TERM %q stems=%v syns=%d anchor=%v\n", t.raw, t.stems, len(t.syns), t.anchor)
	}
	_, err = e.scorePassages(ctx, tq, func(ds *docSents, i int, cov float64, hits []int) {
		s := ds.sents[i]
		fmt.Printf("SENT %.2f %s | %.150s\n", cov, ds.doc.File[:8], ds.doc.Text[s.start:s.end])
		for _, c := range e.sentenceLaender(ds.doc, ds.sents, i, docLand{ds.land, ds.sure}, hits, tq) {
			fmt.Printf("   CAND %s %.2f\n", c.land, c.score)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := e.Ask(ctx, q)
	fmt.Printf("ANSWER %s\n", a.Text)
	_ = corpus.LandCode("")
}

type zzK struct{ g *graph.Store }

func (k zzK) LandTopics(ctx context.Context, land corpus.LandCode, topic corpus.TopicID) ([]corpus.LandTopic, error) {
	return k.g.LandTopics(ctx, graph.FactFilter{Land: land, Topic: topic})
}
func (k zzK) MeetingMentions(ctx context.Context) ([]corpus.MeetingMention, error) {
	return k.g.MeetingMentions(ctx)
}
func (k zzK) Meetings(ctx context.Context) ([]corpus.Meeting, error) {
	return k.g.Meetings(ctx, graph.MeetingFilter{})
}
func (k zzK) ChairTerms(ctx context.Context) ([]corpus.ChairTerm, error) { return k.g.ChairTerms(ctx) }
func (k zzK) Strategies(ctx context.Context, land corpus.LandCode) ([]corpus.Strategy, error) {
	return k.g.Strategies(ctx, land)
}
func (k zzK) TopicMentions(ctx context.Context, topic corpus.TopicID) ([]corpus.TopicMention, error) {
	return k.g.TopicMentions(ctx, topic)
}
func (k zzK) People(ctx context.Context, land corpus.LandCode) ([]corpus.Person, error) {
	return k.g.People(ctx, land)
}
func (k zzK) Organisations(ctx context.Context, land corpus.LandCode) ([]corpus.Organisation, error) {
	return k.g.Organisations(ctx, land)
}
func (k zzK) Laws(ctx context.Context, land corpus.LandCode) ([]corpus.Law, error) {
	return k.g.Laws(ctx, land)
}
