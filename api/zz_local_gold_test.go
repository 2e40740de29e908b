package api

import (
	"context"
	"os"
	"os/exec"
	"net/http/httptest"
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/graph"
	"github.com/laendergraph/laendergraph/ingest"
	"github.com/laendergraph/laendergraph/ingest/extract"
	"github.com/laendergraph/laendergraph/ingest/meeting"
	"github.com/laendergraph/laendergraph/search"
)

type tee struct {
	g  *graph.Store
	ix *search.Index
}

func (t tee) Documents(ctx context.Context) ([]corpus.Document, error) { return t.g.Documents(ctx) }
func (t tee) Put(ctx context.Context, exts []corpus.Extraction) error {
	if err := t.g.Put(ctx, exts); err != nil {
		return err
	}
	var docs []corpus.Document
	for _, x := range exts {
		docs = append(docs, x.Document)
	}
	return t.ix.Put(ctx, docs)
}

func TestZZLocalGold(t *testing.T) {
	ctx := context.Background()
	g, _ := graph.NewMemory()
	ix, _ := search.NewMemory(search.Options{})
	f, err := os.Open("/work/shared/corpus/sources.jsonl")
	if err != nil {
		t.Skip(err)
	}
	m, _, err := ingest.ReadManifest(f)
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New(corpus.Laender(), corpus.DefaultThesaurus())
	p := ingest.New(tee{g, ix}, ingest.Options{Extractor: x, Meetings: meeting.New(x), Manifest: m})
	sum, err := p.Run(ctx, []ingest.Input{{FS: os.DirFS("/work/shared/corpus"), Root: "docs", Name: "docs"}})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("summary %+v", sum)
	srv := httptest.NewServer(New(Config{Graph: g, Index: ix}))
	defer srv.Close()
	if u := os.Getenv("HOLD"); u != "" {
		os.WriteFile("/tmp/srvurl", []byte(srv.URL), 0o644)
		<-make(chan struct{})
	}
	out, _ := exec.Command("python3", "/work/shared/tools/goldcheck", "--base", srv.URL, "--gold", "/work/shared/corpus/gold.jsonl").CombinedOutput()
	t.Logf("%s", out)
}
