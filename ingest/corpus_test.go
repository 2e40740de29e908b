package ingest

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/corpus/corpustest"
)

func TestSharedCorpus(t *testing.T) {
	dir := corpustest.Dir(t)
	mf, err := os.Open(filepath.Join(dir, "sources.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer mf.Close()
	m, bad, err := ReadManifest(mf)
	if err != nil || len(bad) > 0 {
		t.Fatalf("ReadManifest: got %v, %v, want no errors", err, bad)
	}
	inputs, err := InputsFromPaths([]string{filepath.Join(dir, "docs")})
	if err != nil {
		t.Fatal(err)
	}
	store := newMemStore()
	opts := testOptions(t)
	opts.Manifest = m
	sum := runOnce(t, store, opts, inputs...)
	if sum.Failed != 0 || sum.Skipped != 0 {
		t.Errorf("got failures %v and skips %v, want none", sum.Failures, sum.Skips)
	}
	if got := len(store.files()); got != 28 {
		t.Errorf("got %d documents, want 28", got)
	}

	byBase := map[string]corpus.Document{}
	for _, f := range store.files() {
		byBase[f] = store.byFile(t, f).Document
	}
	for _, e := range m.Entries() {
		base := filepath.Base(e.File)
		d, ok := byBase[base]
		if !ok {
			t.Errorf("%s: got no document, want one", base)
			continue
		}
		if d.Title != e.Title {
			t.Errorf("%s: got title %q, want the manifest's %q", base, d.Title, e.Title)
		}
		if e.Date != "" && d.Date != e.Date {
			t.Errorf("%s: got date %q, want the manifest's %q", base, d.Date, e.Date)
		}
		if d.Kind != e.Kind || d.Source != e.Source {
			t.Errorf("%s: got kind %q source %q, want the manifest's %q %q", base, d.Kind, d.Source, e.Kind, e.Source)
		}
	}

	var pairs []string
	for _, d := range byBase {
		if d.DuplicateOf == "" {
			continue
		}
		for _, o := range byBase {
			if o.ID == d.DuplicateOf {
				pair := []string{prefixOf(d.File), prefixOf(o.File)}
				sort.Strings(pair)
				pairs = append(pairs, strings.Join(pair, "+"))
			}
		}
	}
	// 000 and 02 are the same press release in two forms. 12 is, word for
	// word, the first part of the page 003 holds in full (same title in the
	// manifest): by containment it is the same text too.
	sort.Strings(pairs)
	if got, want := strings.Join(pairs, " "), "000+02 003+12"; got != want {
		t.Errorf("duplicate pairs: got %q, want %q", got, want)
	}
}

// prefixOf returns the number before the first "_" of a corpus file name.
func prefixOf(file string) string {
	p, _, _ := strings.Cut(filepath.Base(file), "_")
	return p
}
