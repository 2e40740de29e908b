package graph

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	ckv "github.com/cayleygraph/cayley/graph/kv"

	"github.com/laendergraph/laendergraph/corpus"
)

// journalHarness is a LevelDB graph with its fingerprint journal and the
// extractions it should hold.
type journalHarness struct {
	t    *testing.T
	dir  string
	mode string // "cache": the cache is loaded; "snapshot": writes keep the snapshot as an ingest does
	s    *Store
	want map[corpus.DocID]corpus.Extraction
}

func newJournalHarness(t *testing.T, mode string) *journalHarness {
	h := &journalHarness{t: t, dir: filepath.Join(t.TempDir(), "graph"), mode: mode, want: map[corpus.DocID]corpus.Extraction{}}
	h.s = h.open(true)
	t.Cleanup(func() { h.s.Close() })
	return h
}

// open opens the graph; without journal, as a program that does not keep
// one.
func (h *journalHarness) open(journal bool) *Store {
	h.t.Helper()
	s, err := open(context.Background(), h.dir, cgraph.Options{"nosync": true, ckv.OptNoBloom: true})
	if err != nil {
		h.t.Fatal(err)
	}
	if !journal {
		s.journal.path = ""
	}
	if h.mode == "cache" {
		warm(h.t, s, true)
	}
	return s
}

func (h *journalHarness) reopen() {
	h.t.Helper()
	if err := h.s.Close(); err != nil {
		h.t.Fatal(err)
	}
	h.s = h.open(true)
}

// write runs fn on s, between TrackSnapshot and SaveSnapshot in the mode
// "snapshot".
func (h *journalHarness) write(s *Store, fn func(s *Store) error) {
	h.t.Helper()
	if h.mode == "snapshot" {
		if err := s.TrackSnapshot(); err != nil {
			h.t.Fatal(err)
		}
	}
	if err := fn(s); err != nil {
		h.t.Fatal(err)
	}
	if h.mode == "snapshot" {
		if err := s.SaveSnapshot(context.Background()); err != nil {
			h.t.Fatal(err)
		}
	}
}

func (h *journalHarness) put(s *Store, exts ...corpus.Extraction) {
	h.t.Helper()
	h.write(s, func(s *Store) error { return s.Put(context.Background(), exts) })
	for _, x := range exts {
		h.want[x.Document.ID] = x
	}
}

func (h *journalHarness) delete(ids ...corpus.DocID) {
	h.t.Helper()
	h.write(h.s, func(s *Store) error { return s.Delete(context.Background(), ids) })
	for _, id := range ids {
		delete(h.want, id)
	}
}

// check calls Catalogue and checks that it answers what the graph holds,
// reading the fingerprints from "journal" or from the "graph".
func (h *journalHarness) check(from string) {
	h.t.Helper()
	ctx := context.Background()
	j := &h.s.journal
	fromJournal, fromGraph := j.fromJournal, j.fromGraph
	got, err := h.s.Catalogue(ctx)
	if err != nil {
		h.t.Fatalf("Catalogue: %v", err)
	}
	var want []corpus.Document
	for _, x := range h.want {
		want = append(want, stored(x.Document))
	}
	slices.SortFunc(want, func(a, b corpus.Document) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.ID, b.ID))
	})
	if d := diff(got, want); d != "" {
		h.t.Errorf("Catalogue (from the %s): %s", from, d)
	}
	// The fingerprints equal those of the graph, read as Document reads them.
	for _, d := range got {
		doc, err := h.s.Document(ctx, d.ID)
		if err != nil {
			h.t.Fatal(err)
		}
		if !reflect.DeepEqual(d.Fingerprint, doc.Fingerprint) {
			h.t.Errorf("Catalogue's fingerprint of %s differs from the graph's", d.ID)
		}
	}
	gotFrom := fmt.Sprintf("journal %d, graph %d", j.fromJournal-fromJournal, j.fromGraph-fromGraph)
	wantFrom := "journal 1, graph 0"
	if from == "graph" {
		wantFrom = "journal 0, graph 1"
	}
	if gotFrom != wantFrom {
		h.t.Errorf("Catalogue read the fingerprints from: got %s, want %s", gotFrom, wantFrom)
	}
	if j.err != nil {
		h.t.Errorf("journal: %v", j.err)
	}
	// The journal shows the graph now.
	var now graphState
	err = h.s.read(ctx, func(v *view) error {
		now, err = j.state(v)
		return err
	})
	if err != nil {
		h.t.Fatal(err)
	}
	if at, ok := journalTail(j.path); !ok || at != now {
		h.t.Errorf("journal after Catalogue: ends at %+v (%v), want %+v", at, ok, now)
	}
}

// records returns the number of records of the journal.
func (h *journalHarness) records() int {
	h.t.Helper()
	f, err := os.Open(h.s.journal.path)
	if err != nil {
		h.t.Fatal(err)
	}
	defer f.Close()
	_, n, _, err := readJournal(context.Background(), bufio.NewReader(f))
	if err != nil {
		h.t.Fatal(err)
	}
	return n
}

// edit changes the file of the journal.
func (h *journalHarness) edit(fn func([]byte) []byte) {
	h.t.Helper()
	path := h.dir + journalSuffix
	data, err := os.ReadFile(path)
	if err != nil {
		h.t.Fatal(err)
	}
	if err := os.WriteFile(path, fn(data), 0o600); err != nil {
		h.t.Fatal(err)
	}
}

// retexted returns x with more text, so another fingerprint.
func retexted(x corpus.Extraction, more string) corpus.Extraction {
	x.Document.Text += " " + more
	x.Document.Fingerprint = corpus.NewFingerprint(x.Document.Text)
	return x
}

// TestFingerprintJournal checks that Catalogue answers from the journal
// what the graph holds, through writes, reopening and compaction, and that
// a journal that does not show the graph is not used but written anew.
func TestFingerprintJournal(t *testing.T) {
	for _, mode := range []string{"cache", "snapshot"} {
		t.Run(mode, func(t *testing.T) {
			h := newJournalHarness(t, mode)
			a, b := extractionA(t), extractionB(t)
			// A journal starts with the empty graph.
			h.put(h.s, a, b, synthetic(1), synthetic(2), synthetic(3))
			h.check("journal")
			h.check("journal")

			// Writes keep it current.
			h.put(h.s, retexted(a, "Ein neuer Absatz über Breitband in allen Kreisen des Landes."), synthetic(4))
			h.delete(b.Document.ID, synthetic(2).Document.ID)
			h.check("journal")
			h.reopen()
			h.check("journal")

			if mode == "snapshot" {
				// Without a snapshot Catalogue reads the graph, fingerprints
				// and all; a current journal is left as it is.
				if err := os.Remove(h.dir + snapshotSuffix); err != nil {
					t.Fatal(err)
				}
				h.reopen()
				before, err := os.ReadFile(h.dir + journalSuffix)
				if err != nil {
					t.Fatal(err)
				}
				h.check("graph")
				if h.s.journal.written != 0 {
					t.Errorf("a current journal was written anew %d times", h.s.journal.written)
				}
				if after, _ := os.ReadFile(h.dir + journalSuffix); !bytes.Equal(after, before) {
					t.Error("a current journal changed")
				}
				warm(t, h.s, true) // writes the snapshot again
				h.reopen()
				h.check("journal")
			}

			// A journal that does not show the graph is read from the graph
			// and written anew.
			spoil := []struct {
				name string
				do   func()
			}{
				{"garbage at the end", func() { h.edit(func(d []byte) []byte { return append(d, "\x00Müll"...) }) }},
				{"cut in a record", func() { h.edit(func(d []byte) []byte { return d[:len(d)-commitSize-7] }) }},
				{"cut in the commit", func() { h.edit(func(d []byte) []byte { return d[:len(d)-3] }) }},
				{"uncommitted record", func() {
					// as a crash between a write's records and its commit leaves it
					h.edit(func(d []byte) []byte {
						var buf bytes.Buffer
						w := newJournalWriter(&buf, int64(len(d)))
						w.print(a.Document.ID, corpus.NewFingerprint("ganz andere Worte als vorher im Text"))
						w.flush()
						return append(d, buf.Bytes()...)
					})
				}},
				{"damaged before its end", func() {
					h.edit(func(d []byte) []byte { d[len(journalHeader)] = 'X'; return d })
				}},
				{"another version", func() {
					h.edit(func(d []byte) []byte { d[len(journalHeader)-2]++; return d })
				}},
				{"empty", func() { h.edit(func([]byte) []byte { return nil }) }},
				{"missing", func() { os.Remove(h.dir + journalSuffix) }},
				{"graph written behind its back", func() {
					h.s.Close()
					other := h.open(false)
					h.put(other, synthetic(5))
					if err := other.Close(); err != nil {
						t.Fatal(err)
					}
					h.s = h.open(true)
				}},
				{"graph rewritten behind its back, as many quads", func() {
					// A program that does not keep the journal (an earlier
					// build) gives a document another text: its text and
					// fingerprint quads are replaced, the number of quads
					// stays.
					h.s.Close()
					other := h.open(false)
					before := storedQuadCount(t, other)
					x := h.want[a.Document.ID]
					h.put(other, retexted(x, "Noch ein Satz."))
					if after := storedQuadCount(t, other); after != before {
						t.Fatalf("the rewrite changed the number of quads from %d to %d", before, after)
					}
					if err := other.Close(); err != nil {
						t.Fatal(err)
					}
					h.s = h.open(true)
				}},
			}
			for _, sp := range spoil {
				outer := h.t
				t.Run(sp.name, func(t *testing.T) {
					h.t = t
					defer func() { h.t = outer }()
					h.reopen()
					sp.do()
					h.reopen()
					h.check("graph")
					h.check("journal")
				})
			}

			// A write to a journal that does not show the graph removes it.
			h.edit(func(d []byte) []byte { return append(d, 0) })
			h.reopen()
			h.put(h.s, retexted(synthetic(1), "Nachtrag"))
			if _, err := os.Stat(h.dir + journalSuffix); err == nil {
				t.Error("a write kept a journal that did not show the graph")
			}
			h.check("graph")
			h.check("journal")

			// Compaction: many versions of few documents.
			live := len(h.want)
			for round := range 3 {
				var exts []corpus.Extraction
				for _, x := range h.want {
					exts = append(exts, retexted(x, fmt.Sprintf("Fassung %d.", round)))
				}
				for _, x := range exts {
					h.put(h.s, x) // one write each
				}
			}
			if n := h.records(); n <= 2*live {
				t.Fatalf("the journal holds %d records of %d documents; want more than twice", n, live)
			}
			compacted := h.s.journal.compacted
			h.check("journal")
			if h.s.journal.compacted != compacted+1 {
				t.Errorf("compacted %d times, want 1", h.s.journal.compacted-compacted)
			}
			if n := h.records(); n != live {
				t.Errorf("after compaction the journal holds %d records, want %d", n, live)
			}
			h.check("journal")
			h.reopen()
			h.check("journal")
		})
	}
}

// TestFingerprintJournalMemory checks that a graph in memory keeps no
// journal and Catalogue still gives the fingerprints.
func TestFingerprintJournalMemory(t *testing.T) {
	s := openMemory(t)
	a := extractionA(t)
	put(t, s, a)
	got, err := s.Catalogue(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if want := []corpus.Document{stored(a.Document)}; !reflect.DeepEqual(got, want) {
		t.Errorf("Catalogue: got %+v, want %+v", got, want)
	}
	if s.journal.path != "" || s.journal.fromJournal+s.journal.fromGraph != 0 {
		t.Errorf("a graph in memory used a journal (%q)", s.journal.path)
	}
}

// storedQuadCount returns the number of quads of s.
func storedQuadCount(tb testing.TB, s *Store) int64 {
	tb.Helper()
	var n int64
	err := s.read(context.Background(), func(v *view) error {
		var err error
		n, err = storedQuads(v)
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return n
}

// TestOpenRemovesLeftovers checks that opening the graph removes the
// temporary files that a process stopped while writing the journal or the
// snapshot left beside it, and nothing else.
func TestOpenRemovesLeftovers(t *testing.T) {
	h := newJournalHarness(t, "cache")
	h.put(h.s, synthetic(1))
	if err := h.s.Close(); err != nil {
		t.Fatal(err)
	}
	parent := filepath.Dir(h.dir)
	leftovers := []string{"graph" + journalSuffix + "-2718.tmp", "graph" + snapshotSuffix + "-3141.tmp"}
	kept := []string{"graph" + journalSuffix + "-notes.txt", "other" + journalSuffix + "-1.tmp", "graph" + journalSuffix}
	for _, name := range append(slices.Clone(leftovers), kept[:2]...) {
		if err := os.WriteFile(filepath.Join(parent, name), []byte("halb geschrieben"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	h.s = h.open(true)
	for _, name := range leftovers {
		if _, err := os.Stat(filepath.Join(parent, name)); err == nil {
			t.Errorf("%s is still there after opening the graph", name)
		}
	}
	for _, name := range kept {
		if _, err := os.Stat(filepath.Join(parent, name)); err != nil {
			t.Errorf("opening the graph removed %s: %v", name, err)
		}
	}
	h.check("journal")
}
