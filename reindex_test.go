package main

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestReindex rebuilds the index of a data folder: the same documents are
// found afterwards, and a folder without an index is an error.
func TestReindex(t *testing.T) {
	in := t.TempDir()
	writeFiles(t, in, map[string][]byte{
		"a.txt": []byte("Baden-Württemberg stellt seine Digitalstrategie vor und baut eine Cyberwehr auf.\n"),
		"b.md":  []byte("# Hessen\n\nDie digitale Teilhabe älterer Menschen ist Ziel der Landesdigitalstrategie.\n"),
	})
	data := filepath.Join(t.TempDir(), "data")
	if code, _, errs := cli(t, "ingest", "--quiet", "--data", data, in); code != 0 {
		t.Fatalf("ingest: exit %d %s", code, errs)
	}
	before := storedFiles(t, data)
	search := func() string {
		t.Helper()
		code, out, errs := cli(t, "search", "--data", data, "--json", "Digitalstrategie")
		if code != 0 {
			t.Fatalf("search: exit %d %s", code, errs)
		}
		return out
	}
	if !strings.Contains(search(), `"file":"b.md"`) {
		t.Fatal("before reindex: Digitalstrategie does not find the Landesdigitalstrategie")
	}
	code, out, errs := cli(t, "reindex", "--data", data)
	if code != 0 || !strings.Contains(out, "reindexed 2 document(s)") {
		t.Fatalf("reindex: exit %d, out %q, err %q", code, out, errs)
	}
	if after := storedFiles(t, data); !slices.Equal(after, before) {
		t.Errorf("after reindex: got %v, want %v", after, before)
	}
	if !strings.Contains(search(), `"file":"b.md"`) {
		t.Error("after reindex: Digitalstrategie does not find the Landesdigitalstrategie")
	}
	if code, _, errs := cli(t, "reindex", "--data", t.TempDir()); code != 1 || !strings.Contains(errs, "no index") {
		t.Errorf("reindex of an empty folder: exit %d %q, want 1 and no index", code, errs)
	}
}
