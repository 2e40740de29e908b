package ingest

import (
	"fmt"
	"path/filepath"
	"testing"
)

func TestScratchMeta(t *testing.T) {
	dir := sharedCorpus(t)
	inputs, _ := InputsFromPaths([]string{filepath.Join(dir, "docs")})
	store := newMemStore()
	opts := testOptions(t)
	runOnce(t, store, opts, inputs...)
	for _, f := range store.files() {
		d := store.byFile(t, f).Document
		fmt.Printf("%-14.14s | %-10s | %-13s | %-2s | %.90s\n", f, d.Date, d.Kind, d.Land, d.Title)
	}
}
