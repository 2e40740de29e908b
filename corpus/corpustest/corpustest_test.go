package corpustest

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/laendergraph/laendergraph/corpus"
)

func TestLocate(t *testing.T) {
	// base/repo/go.mod, base/repo/sub/dir, and base/shared/corpus/sources.jsonl
	// only in the cases that have a corpus.
	for _, tc := range []struct {
		name          string
		gomod, corpus bool
		wantErr       string
	}{
		{name: "corpus beside the repository", gomod: true, corpus: true},
		{name: "no corpus", gomod: true, wantErr: "sources.jsonl"},
		{name: "no go.mod", corpus: true, wantErr: "no go.mod"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			base := t.TempDir()
			repo := filepath.Join(base, "repo")
			start := filepath.Join(repo, "sub", "dir")
			mkdir(t, start)
			if tc.gomod {
				write(t, filepath.Join(repo, "go.mod"), "module x\n")
			}
			want := filepath.Join(base, "shared", "corpus")
			if tc.corpus {
				mkdir(t, want)
				write(t, filepath.Join(want, "sources.jsonl"), "")
			}
			got, err := locate(start)
			if tc.wantErr != "" {
				// The "no go.mod" case assumes none above the temporary folder.
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Errorf("got %q, %v, want an error about %s", got, err, tc.wantErr)
				}
				return
			}
			if err != nil || got != want {
				t.Errorf("got %q, %v, want %q", got, err, want)
			}
		})
	}
}

func TestDecodeJSONL(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []GoldItem
		wantErr  bool
	}{
		{name: "empty", in: ""},
		{name: "blank lines", in: "\n{\"id\":\"a\",\"type\":\"search\",\"must_files\":[\"01_\"]}\n  \n{\"id\":\"b\",\"year\":2019}\n",
			want: []GoldItem{{ID: "a", Type: "search", MustFiles: []string{"01_"}}, {ID: "b", Year: 2019}}},
		{name: "bad line", in: "{\"id\":\"a\"}\n{\"id\":\n", wantErr: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := decodeJSONL[GoldItem]([]byte(tc.in))
			if (err != nil) != tc.wantErr || !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got %+v, %v, want %+v, error %v", got, err, tc.want, tc.wantErr)
			}
		})
	}
}

// TestSharedCorpus checks the documents and gold items read from the shared
// corpus.
func TestSharedCorpus(t *testing.T) {
	m := Manifest(t)
	docs := Documents(t)
	if len(docs) == 0 || len(docs) != len(m) {
		t.Fatalf("got %d documents, want one for each of the %d manifest lines", len(docs), len(m))
	}
	for i, d := range docs {
		s := m[i]
		if d.File != s.File || !strings.HasPrefix(d.File, "docs/") {
			t.Errorf("%s: got file %q, want the manifest's, under docs/", s.File, d.File)
		}
		if d.ID != corpus.NewDocID(s.File) {
			t.Errorf("%s: got ID %s, want %s", s.File, d.ID, corpus.NewDocID(s.File))
		}
		if d.Date != "" && (!d.Date.Known() || string(d.Date) != s.Date) {
			t.Errorf("%s: got date %q, want the manifest's %q or none", s.File, d.Date, s.Date)
		}
		if d.Date == "" && corpus.Date(s.Date).Known() {
			t.Errorf("%s: got no date, want the manifest's %q", s.File, s.Date)
		}
		if strings.TrimSpace(d.Text) == "" || !norm.NFC.IsNormalString(d.Text) {
			t.Errorf("%s: got %d bytes of text (NFC %v), want NFC text", s.File, len(d.Text), norm.NFC.IsNormalString(d.Text))
		}
	}
	gold := Gold(t)
	if len(gold) == 0 {
		t.Fatal("got no gold items, want some")
	}
	for _, g := range gold {
		if g.ID == "" || g.Type == "" {
			t.Errorf("got gold item %+v, want an id and a type", g)
		}
	}
}

func mkdir(tb testing.TB, dir string) {
	tb.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
}

func write(tb testing.TB, path, content string) {
	tb.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		tb.Fatal(err)
	}
}
