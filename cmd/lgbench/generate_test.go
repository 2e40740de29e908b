package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// digest returns a hash over every file below dir, and the files' extensions.
func digest(tb testing.TB, dir string) ([]byte, map[string]int) {
	tb.Helper()
	h := sha256.New()
	exts := map[string]int{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		h.Write([]byte(rel))
		h.Write(b)
		exts[filepath.Ext(p)]++
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return h.Sum(nil), exts
}

func TestGenerate(t *testing.T) {
	tests := []struct {
		name string
		n    int
		seed uint64
	}{
		{"small", 40, 1},
		{"larger", 400, 1},
		{"other seed", 400, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, b := t.TempDir(), t.TempDir()
			ga, err := generate(a, tc.n, tc.seed)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := generate(b, tc.n, tc.seed); err != nil {
				t.Fatal(err)
			}
			da, exts := digest(t, a)
			if db, _ := digest(t, b); !bytes.Equal(da, db) {
				t.Errorf("two runs with seed %d gave different files, want the same", tc.seed)
			}
			manifest, err := os.ReadFile(ga.manifest)
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimSpace(string(manifest)), "\n")
			if len(lines) != tc.n {
				t.Errorf("got %d manifest lines, want %d", len(lines), tc.n)
			}
			kinds := []string{"press-release", "news", "web-page", "strategy", "other"}
			for _, l := range lines {
				var d doc
				if err := json.Unmarshal([]byte(l), &d); err != nil {
					t.Fatalf("manifest line %q: %v", l, err)
				}
				if !slices.Contains(kinds, d.Kind) || len(d.Date) != 10 || d.Title == "" || !strings.HasPrefix(d.Source, "https://") {
					t.Errorf("manifest line %q: want a known kind, a full date, a title and a source", l)
				}
				if _, err := os.Stat(filepath.Join(a, d.File)); err != nil {
					t.Errorf("manifest names %s: %v", d.File, err)
				}
			}
			if tc.n >= 400 && (exts[".md"] == 0 || exts[".html"] == 0 || exts[".txt"] == 0) {
				t.Errorf("got files %v, want txt, md and html", exts)
			}
		})
	}
}

func TestNounZipfTail(t *testing.T) {
	seen := map[string]bool{}
	for rank := range uint64(vocabulary) {
		seen[noun(rank)] = true
	}
	if len(seen) < vocabulary*9/10 {
		t.Errorf("got %d distinct words for %d ranks, want nearly all distinct", len(seen), vocabulary)
	}
}

func TestPercentiles(t *testing.T) {
	var ds []time.Duration
	for i := 1; i <= 100; i++ {
		ds = append(ds, time.Duration(i)*time.Millisecond)
	}
	p50, p99, mx := percentiles(ds)
	if p50 != 50*time.Millisecond || p99 != 99*time.Millisecond || mx != 100*time.Millisecond {
		t.Errorf("got p50 %v p99 %v max %v, want 50ms 99ms 100ms", p50, p99, mx)
	}
}
