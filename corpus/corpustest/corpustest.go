// Package corpustest reads the shared test corpus for tests: the documents
// in docs/, their manifest sources.jsonl and the gold questions gold.jsonl.
//
// It is for tests only; no production code imports it. The corpus lies
// beside the repository's clone, at <repo root>/../shared/corpus, and every
// function here skips the calling test when it is absent.
package corpustest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/laendergraph/laendergraph/corpus"
)

// Dir returns <repo root>/../shared/corpus, the repository root being the
// first folder above the working directory that holds go.mod. It skips the
// test when there is no such corpus.
func Dir(tb testing.TB) string {
	tb.Helper()
	wd, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	dir, err := locate(wd)
	if err != nil {
		tb.Skipf("../shared/corpus not found: %v (the shared test corpus lies beside the repository's clone)", err)
	}
	return dir
}

// locate returns ../shared/corpus beside the first folder at or above start
// that holds go.mod, or why there is none.
func locate(start string) (string, error) {
	root, err := repoRoot(start)
	if err != nil {
		return "", err
	}
	dir := filepath.Join(filepath.Dir(root), "shared", "corpus")
	if _, err := os.Stat(filepath.Join(dir, "sources.jsonl")); err != nil {
		return "", err
	}
	return dir, nil
}

// repoRoot returns the first folder at or above start that holds go.mod.
func repoRoot(start string) (string, error) {
	root := start
	for {
		if _, err := os.Stat(filepath.Join(root, "go.mod")); err == nil {
			return root, nil
		}
		parent := filepath.Dir(root)
		if parent == root {
			return "", fmt.Errorf("no go.mod at or above %s", start)
		}
		root = parent
	}
}

// Source is one line of the manifest sources.jsonl.
type Source struct {
	File   string `json:"file"` // slash-separated, relative to the corpus folder ("docs/…")
	Source string `json:"source"`
	Title  string `json:"title"`
	Date   string `json:"date"` // ISO date, partial date or "unknown"
	Kind   string `json:"kind"`
}

// Manifest returns the lines of sources.jsonl in file order.
func Manifest(tb testing.TB) []Source {
	tb.Helper()
	return readJSONL[Source](tb, filepath.Join(Dir(tb), "sources.jsonl"))
}

// Documents returns every document of the manifest, in its order, as
// corpus.Document: File as the manifest has it ("docs/…"), ID
// corpus.NewDocID(File), Title, Source and Kind from the manifest, Date from
// the manifest or empty where it is unknown, and the file's text in NFC.
// The text is not otherwise normalised; callers that need the pipeline's
// normalisation apply it themselves.
func Documents(tb testing.TB) []corpus.Document {
	tb.Helper()
	dir := Dir(tb)
	var docs []corpus.Document
	for _, s := range Manifest(tb) {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(s.File)))
		if err != nil {
			tb.Fatal(err)
		}
		date := corpus.Date(s.Date)
		if !date.Known() {
			date = ""
		}
		docs = append(docs, corpus.Document{
			ID:     corpus.NewDocID(s.File),
			File:   s.File,
			Title:  norm.NFC.String(s.Title),
			Source: s.Source,
			Date:   date,
			Kind:   corpus.Kind(s.Kind),
			Text:   norm.NFC.String(string(b)),
		})
	}
	return docs
}

// GoldItem is one line of gold.jsonl. Which fields are set depends on Type.
type GoldItem struct {
	ID   string `json:"id"`
	Type string `json:"type"` // ask_laender, ask_topics, ask_meeting, meeting, strategy, person, search, duplicates
	Q    string `json:"q"`

	// Answers: Land codes or words the answer must and must not hold, and
	// file-name prefixes of which one must give evidence.
	Must        []string `json:"must"`
	MustNot     []string `json:"must_not"`
	EvidenceAny []string `json:"evidence_any"`

	// Meetings.
	Start        string   `json:"start"`
	Place        string   `json:"place"`
	Year         int      `json:"year"` // also a strategy's year
	Hosts        []string `json:"hosts"`
	Chairs       []string `json:"chairs"`
	ConflictDate string   `json:"conflict_date"`

	// Strategies and people.
	Land  string `json:"land"`
	Title string `json:"title"`
	Name  string `json:"name"`
	Role  string `json:"role"`

	// Search hits and duplicates, as file-name prefixes.
	MustFiles    []string `json:"must_files"`
	MustNotFiles []string `json:"must_not_files"`
	Files        []string `json:"files"`
}

// Gold returns the items of gold.jsonl in file order.
func Gold(tb testing.TB) []GoldItem {
	tb.Helper()
	return ReadGold(tb, filepath.Join(Dir(tb), "gold.jsonl"))
}

// ReadGold returns the items of a gold file in the form of gold.jsonl, such
// as the project's own questions over the demo corpus.
func ReadGold(tb testing.TB, path string) []GoldItem {
	tb.Helper()
	return readJSONL[GoldItem](tb, path)
}

// readJSONL decodes every non-blank line of the file at path.
func readJSONL[T any](tb testing.TB, path string) []T {
	tb.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	out, err := decodeJSONL[T](b)
	if err != nil {
		tb.Fatalf("%s: %v", filepath.Base(path), err)
	}
	return out
}

// decodeJSONL decodes every non-blank line of b.
func decodeJSONL[T any](b []byte) ([]T, error) {
	var out []T
	for i, ln := range bytes.Split(b, []byte("\n")) {
		if len(bytes.TrimSpace(ln)) == 0 {
			continue
		}
		var v T
		if err := json.Unmarshal(ln, &v); err != nil {
			return nil, fmt.Errorf("line %d: %w", i+1, err)
		}
		out = append(out, v)
	}
	return out, nil
}
