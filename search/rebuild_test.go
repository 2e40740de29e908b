package search

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestRebuild rebuilds an index of analysis version 1: the documents come
// back whole, the new index has the pair tokens and finds what a fresh
// index finds, and no temporary folder is left.
func TestRebuild(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "index")
	old := version1Index(t, dir)
	docs := speedDocs()
	if err := old.Put(ctx, docs); err != nil {
		t.Fatal(err)
	}
	all := func(ix *Index) map[string]Hit {
		out := map[string]Hit{}
		err := ix.Each(ctx, Request{WithText: true}, func(h Hit) error {
			h.Score = 0
			out[string(h.Doc.ID)] = h
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	before := all(old)
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}
	n, err := Rebuild(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n != len(docs) {
		t.Errorf("rebuilt %d documents, want %d", n, len(docs))
	}
	ix, err := Open(ctx, dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if !ix.fields.pairs {
		t.Error("the rebuilt index has no pair tokens")
	}
	if after := all(ix); !reflect.DeepEqual(after, before) {
		t.Errorf("rebuilt index holds %d documents, not the %d stored before as they were", len(after), len(before))
	}
	sameHits(t, ix, memIndex(t, AnalysisLaendergraph, docs))
	for _, d := range []string{dir + ".rebuild", dir + ".old"} {
		if _, err := os.Stat(d); !os.IsNotExist(err) {
			t.Errorf("%s left behind (%v)", d, err)
		}
	}
}
