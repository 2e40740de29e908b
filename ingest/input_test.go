package ingest

import (
	"context"
	"slices"
	"testing"
	"testing/fstest"
)

// TestWalkPrefixSkip: Prefix names the files of an input from a folder
// above it, Skip leaves out folders that are inputs of their own.
func TestWalkPrefixSkip(t *testing.T) {
	fsys := fstest.MapFS{
		"a.txt":          {Data: []byte("a")},
		"sub/b.txt":      {Data: []byte("b")},
		"sub/deep/c.txt": {Data: []byte("c")},
		"other/d.txt":    {Data: []byte("d")},
	}
	tests := []struct {
		name string
		in   Input
		want []string
	}{
		{"plain", Input{FS: fsys, Root: "."}, []string{"a.txt", "other/d.txt", "sub/b.txt", "sub/deep/c.txt"}},
		{"prefix", Input{FS: fsys, Root: ".", Prefix: "docs/2024"}, []string{"docs/2024/a.txt", "docs/2024/other/d.txt", "docs/2024/sub/b.txt", "docs/2024/sub/deep/c.txt"}},
		{"skip", Input{FS: fsys, Root: ".", Skip: []string{"sub"}}, []string{"a.txt", "other/d.txt"}},
		{"skip deeper", Input{FS: fsys, Root: ".", Skip: []string{"sub/deep"}, Prefix: "x"}, []string{"x/a.txt", "x/other/d.txt", "x/sub/b.txt"}},
		{"folder below the root", Input{FS: fsys, Root: "sub", Skip: []string{"sub/deep"}}, []string{"b.txt"}},
		{"file with prefix", Input{FS: fsys, Root: "sub/b.txt", Prefix: "sub"}, []string{"sub/b.txt"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files, err := walk(context.Background(), []Input{tt.in})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range files {
				got = append(got, f.rel)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
