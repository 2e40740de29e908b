package graph

import (
	"bytes"
	"context"
	"encoding/gob"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
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

	// And one of the graph before a change that kept its number of quads,
	// as a program that does not remove the snapshot (an earlier build)
	// leaves it: a document's text replaced.
	warm(t, s, true)
	if old, err = os.ReadFile(snap); err != nil {
		t.Fatal(err)
	}
	before := storedQuadCount(t, s)
	a3 := retexted(a2, "Ein Satz mehr.")
	put(t, s, a3)
	if after := storedQuadCount(t, s); after != before {
		t.Fatalf("the new text changed the number of quads from %d to %d", before, after)
	}
	if err := os.WriteFile(snap, old, 0o600); err != nil {
		t.Fatal(err)
	}
	s = reopen(s)
	holds(t, s, a3)
	if exists() || s.cache.fromSnapshot != 0 {
		t.Errorf("a snapshot of the graph before a change of as many quads was kept (%d loads from it)", s.cache.fromSnapshot)
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

// TestSnapshotLog checks that a bulk write without the cache loaded
// (TrackSnapshot, writes, SaveSnapshot) leaves a snapshot that shows the
// graph as it is: from an empty graph, and from a graph whose snapshot it
// brings up to date, with documents added, replaced and deleted; and none
// when there is no snapshot to start from.
func TestSnapshotLog(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "graph")
	snap := dir + snapshotSuffix
	a, b, a2 := extractionA(t), extractionB(t), changed(t)
	s1, s2, s3 := synthetic(1), synthetic(2), synthetic(3)
	var s *Store
	reopen := func() {
		t.Helper()
		if s != nil {
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
		}
		var err error
		if s, err = Open(ctx, dir); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() { s.Close() })
	exists := func() bool {
		_, err := os.Stat(snap)
		return err == nil
	}
	leftovers := func(step string) {
		t.Helper()
		for _, suffix := range []string{baseSuffix, spoolSuffix} {
			if _, err := os.Stat(snap + suffix); err == nil {
				t.Errorf("%s: %s left behind", step, snap+suffix)
			}
		}
	}
	// fromSnapshot checks that a new start loads the cache from the
	// snapshot and that it holds want, as the graph does.
	fromSnapshot := func(step string, want ...corpus.Extraction) {
		t.Helper()
		reopen()
		if err := s.Warm(ctx); err != nil {
			t.Fatal(err)
		}
		if s.cache.fromSnapshot != 1 {
			t.Fatalf("%s: loaded %d times from the snapshot, want 1", step, s.cache.fromSnapshot)
		}
		holds(t, s, want...)
		reopen() // the cache not loaded, as an ingest starts
	}
	del := func(ids ...corpus.DocID) {
		t.Helper()
		if err := s.Delete(ctx, ids); err != nil {
			t.Fatal(err)
		}
	}
	track := func() {
		t.Helper()
		if err := s.TrackSnapshot(); err != nil {
			t.Fatal(err)
		}
	}
	save := func() {
		t.Helper()
		if err := s.SaveSnapshot(ctx); err != nil {
			t.Fatal(err)
		}
	}

	reopen()
	track()
	put(t, s, a, b, s1)
	put(t, s, a2) // replaces a
	del(b.Document.ID)
	put(t, s, b, s2)
	del(s2.Document.ID)
	save()
	leftovers("from an empty graph")
	fromSnapshot("from an empty graph", a2, b, s1)

	track()
	if exists() {
		t.Fatal("the snapshot stayed in place while it is brought up to date")
	}
	put(t, s, a, s3) // a replaces a2
	del(s1.Document.ID, "no-such-document")
	save()
	leftovers("from a snapshot")
	fromSnapshot("from a snapshot", a, b, s3)

	// Stopped before SaveSnapshot: no snapshot, no leftovers after the
	// next TrackSnapshot, which then has nothing to start from.
	track()
	put(t, s, s1)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = nil
	for _, suffix := range []string{baseSuffix, spoolSuffix} { // as a kill leaves them
		if err := os.WriteFile(snap+suffix, []byte("left over"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	reopen()
	if exists() {
		t.Fatal("a snapshot after a write without SaveSnapshot")
	}
	track()
	put(t, s, s2)
	save()
	leftovers("without a snapshot to start from")
	if exists() {
		t.Error("a snapshot written from a log without a base")
	}
	holds(t, s, a, b, s3, s1, s2)
}

// TestStatsWhileLoading checks that Stats and Generation answer while the
// cache loads (holding its lock, as a load from the snapshot does for
// seconds at 100,000 documents): a server's /healthz asks for both. They
// would wait for the load, and the test would not end, if they took the
// lock. The count comes from the snapshot's header, or from the graph when
// there is no snapshot, and follows the writes.
func TestStatsWhileLoading(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "graph")
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	put(t, s, extractionA(t), extractionB(t))
	warm(t, s, true)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	loading := func(want int) {
		t.Helper()
		s.cache.mu.Lock()
		defer s.cache.mu.Unlock()
		gen := s.Generation()
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.Documents != want {
			t.Errorf("generation %d: got %d documents while loading, want %d", gen, st.Documents, want)
		}
	}
	loading(2) // from the snapshot's header
	if err := os.Remove(dir + snapshotSuffix); err != nil {
		t.Fatal(err)
	}
	loading(2) // kept for the generation
	if err := s.Delete(ctx, []corpus.DocID{extractionB(t).Document.ID}); err != nil {
		t.Fatal(err)
	}
	loading(1) // counted in the graph after the write
}

// TestSnapshotParts checks that a snapshot's records, written in parts,
// read back whole and in order, one part after another and side by side,
// and that a snapshot written before the parts (its records one by one)
// is still read, from the file to the loaded cache.
func TestSnapshotParts(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	n := 2*partRecords + 3
	var recs []snapRecord
	for i := range n {
		recs = append(recs, snapRecord{Doc: corpus.Document{ID: corpus.DocID(fmt.Sprintf("d%05d", i)), File: fmt.Sprintf("f%d.txt", i)}})
	}
	path := filepath.Join(dir, "parts.cache")
	err := writeSnapshotFile(path, snapHeader{Signature: snapshotSignature, Documents: n}, func(put func(snapRecord) error) error {
		for _, r := range recs {
			if err := put(r); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	v := &view{ctx: ctx}
	var got []corpus.DocID
	if err := eachBaseRecord(v, path, func(r snapRecord) error { got = append(got, r.Doc.ID); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != n || got[0] != recs[0].Doc.ID || got[n-1] != recs[n-1].Doc.ID {
		t.Errorf("in order: got %d records (%v … %v), want %d", len(got), got[0], got[len(got)-1], n)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dec := gob.NewDecoder(f)
	var h snapHeader
	if err := dec.Decode(&h); err != nil {
		t.Fatal(err)
	}
	if h.Parts != 3 {
		t.Errorf("got %d parts, want 3", h.Parts)
	}
	seen := map[corpus.DocID]bool{}
	if err := decodeParts(v, dec, h, func(r *snapRecord) { seen[r.Doc.ID] = true }); err != nil {
		t.Fatal(err)
	}
	if len(seen) != n {
		t.Errorf("side by side: got %d records, want %d", len(seen), n)
	}
	// A header that promises more than the parts hold is an error.
	if err := writeSnapshotFile(path, snapHeader{Documents: n + 1}, func(put func(snapRecord) error) error { return put(recs[0]) }); err == nil {
		t.Error("a snapshot with fewer records than its header says was written")
	}

	// A graph whose snapshot was written before the parts and the horizon,
	// its records one by one, for the graph as it is: it is not read (it
	// may show another graph of as many quads), and Warm writes a new one.
	gdir := filepath.Join(dir, "graph")
	s, err := Open(ctx, gdir)
	if err != nil {
		t.Fatal(err)
	}
	a, b := extractionA(t), extractionB(t)
	put(t, s, a, b)
	warm(t, s, true)
	snap := gdir + snapshotSuffix
	var old []snapRecord
	if err := eachBaseRecord(v, snap, func(r snapRecord) error { old = append(old, r); return nil }); err != nil {
		t.Fatal(err)
	}
	quads, err := storedQuads(newView(ctx, s.qs))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	enc := gob.NewEncoder(&buf)
	if err := enc.Encode(struct {
		Signature string
		Quads     int64
		Documents int
	}{snapshotSignature, quads, len(old)}); err != nil {
		t.Fatal(err)
	}
	for _, r := range old {
		if err := enc.Encode(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(snap, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	s, err = Open(ctx, gdir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Warm(ctx); err != nil {
		t.Fatal(err)
	}
	if s.cache.fromSnapshot != 0 {
		t.Errorf("loaded %d times from a snapshot without the graph's horizon, want 0", s.cache.fromSnapshot)
	}
	holds(t, s, a, b)
	nf, err := os.Open(snap)
	if err != nil {
		t.Fatalf("Warm wrote no new snapshot: %v", err)
	}
	defer nf.Close()
	var nh snapHeader
	if err := gob.NewDecoder(nf).Decode(&nh); err != nil {
		t.Fatal(err)
	}
	if nh.Horizon == 0 || nh.Parts == 0 {
		t.Errorf("the new snapshot's header %+v names no horizon or no parts", nh)
	}
}

// TestCatalogueFromSnapshot checks that Catalogue, before the cache is
// loaded, reads the documents from a snapshot that shows the graph and their
// fingerprints from the graph, and lists what it lists from the graph alone.
func TestCatalogueFromSnapshot(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "graph")
	a, b := extractionA(t), extractionB(t)
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	put(t, s, a, b)
	warm(t, s, true) // writes the snapshot
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	// track: as an ingest does, the snapshot is first made the base of a
	// log (TrackSnapshot), saved again after the run (SaveSnapshot)
	catalogue := func(track bool) ([]corpus.Document, int) {
		t.Helper()
		s, err := Open(ctx, dir)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if track {
			if err := s.TrackSnapshot(); err != nil {
				t.Fatal(err)
			}
			defer func() {
				if err := s.SaveSnapshot(ctx); err != nil {
					t.Errorf("SaveSnapshot after Catalogue: %v", err)
				}
			}()
		}
		got, err := s.Catalogue(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if s.cache.loaded {
			t.Errorf("Catalogue loaded the cache")
		}
		return got, s.cache.fromSnapshot
	}
	want := []corpus.Document{stored(a.Document), stored(b.Document)}
	for _, track := range []bool{false, true, false} {
		fromSnap, n := catalogue(track)
		if n != 1 {
			t.Errorf("Catalogue (track %v) read the snapshot %d times, want 1", track, n)
		}
		if !reflect.DeepEqual(fromSnap, want) {
			t.Errorf("Catalogue (track %v) from the snapshot: got %+v, want %+v", track, fromSnap, want)
		}
	}
	if err := os.Remove(dir + snapshotSuffix); err != nil {
		t.Fatal(err)
	}
	fromGraph, n := catalogue(false)
	if n != 0 || !reflect.DeepEqual(fromGraph, want) {
		t.Errorf("Catalogue from the graph (%d snapshot reads): got %+v, want %+v", n, fromGraph, want)
	}
}
