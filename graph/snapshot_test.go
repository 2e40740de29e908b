package graph

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
)

// TestSnapshot checks that a reopened graph answers from the snapshot Warm
// wrote as it does from the graph, that a write removes the snapshot before
// it changes the graph, and that a snapshot that does not match the graph is
// ignored and removed.
func TestSnapshot(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "graph")
	snap := dir + snapshotSuffix
	a, b, a2 := extractionA(t), extractionB(t), changed(t)
	reopen := func(s *Store) *Store {
		t.Helper()
		if s != nil {
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
		}
		s, err := Open(ctx, dir)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	exists := func() bool {
		_, err := os.Stat(snap)
		return err == nil
	}
	s := reopen(nil)
	t.Cleanup(func() { s.Close() })
	put(t, s, a, b)
	if exists() {
		t.Fatal("a snapshot before Warm")
	}
	warm(t, s, true)
	if !exists() {
		t.Fatal("no snapshot after Warm")
	}
	s = reopen(s)
	if err := s.Warm(ctx); err != nil {
		t.Fatal(err)
	}
	if s.cache.fromSnapshot != 1 {
		t.Errorf("loaded %d times from the snapshot, want 1", s.cache.fromSnapshot)
	}
	holds(t, s, a, b) // from the snapshot, then from the graph
	if !exists() {
		t.Fatal("the snapshot went on reading")
	}

	// A write removes it; the next start loads from the graph.
	put(t, s, a2)
	if exists() {
		t.Error("the snapshot outlived a Put")
	}
	s = reopen(s)
	holds(t, s, a2, b)

	// A snapshot of other documents is ignored.
	warm(t, s, true)
	old, err := os.ReadFile(snap)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(ctx, []corpus.DocID{b.Document.ID}); err != nil {
		t.Fatal(err)
	}
	if exists() {
		t.Error("the snapshot outlived a Delete")
	}
	if err := os.WriteFile(snap, old, 0o600); err != nil {
		t.Fatal(err)
	}
	s = reopen(s)
	holds(t, s, a2)
	if exists() || s.cache.fromSnapshot != 0 {
		t.Errorf("a snapshot that does not match the graph was kept (%d loads from it)", s.cache.fromSnapshot)
	}

	// So is one that is cut off.
	warm(t, s, true)
	s = reopen(s)
	data, err := os.ReadFile(snap)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(snap, data[:len(data)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	holds(t, s, a2)
	if s.cache.fromSnapshot != 0 {
		t.Errorf("loaded %d times from a cut-off snapshot, want 0", s.cache.fromSnapshot)
	}
}
