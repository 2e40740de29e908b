package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/laendergraph/laendergraph/corpus"
)

// ManifestEntry is what a crawler recorded about one file.
type ManifestEntry struct {
	// File is the path relative to the manifest's folder: "docs/18_x.txt".
	File   string
	Source string      // URL, or a note where unknown
	Title  string      // "" when not recorded
	Date   corpus.Date // publication date; "" when unknown
	Kind   corpus.Kind // "" when not recorded; an unknown kind reads as "other"
	// Line is the manifest line the entry comes from.
	Line int
}

// Manifest is the content of a JSON Lines manifest, one object per line:
//
//	{"file": "docs/18_x.txt", "source": "https://…", "title": "…", "date": "2019-06-21", "kind": "press-release"}
//
// Its file paths are relative to the manifest's folder, while documents are
// named relative to the folder that was ingested; Lookup matches them by
// their longest common tail of path segments.
type Manifest struct {
	entries []ManifestEntry
	// byBase indexes entries by the last segment of their path.
	byBase map[string][]int
	// byFile indexes entries by their path.
	byFile map[string]int
}

// ErrDuplicateEntry reports a manifest line for a file that an earlier line
// names too. The later line is used: a crawler appends what it found last.
var ErrDuplicateEntry = errors.New("duplicate entry")

// LineError is a manifest line that could not be read (entirely or in part).
type LineError struct {
	Line int
	Err  error
}

// Error returns "manifest line N: reason".
func (e *LineError) Error() string { return fmt.Sprintf("manifest line %d: %v", e.Line, e.Err) }

// Unwrap returns the reason.
func (e *LineError) Unwrap() error { return e.Err }

// ReadManifest reads a JSON Lines manifest. A line that is not a JSON object
// with a "file" is left out and reported as a *LineError; a line with a bad
// "date" is kept without the date and reported too, and so is a second line
// for the same file, which replaces the first (the error wraps
// ErrDuplicateEntry). Blank lines are ignored.
// The error is set only when r fails.
func ReadManifest(r io.Reader) (*Manifest, []error, error) {
	m := &Manifest{byBase: map[string][]int{}, byFile: map[string]int{}}
	var bad []error
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if n == 1 {
			line = bytes.TrimPrefix(line, []byte("\uFEFF"))
		}
		if len(line) == 0 {
			continue
		}
		e, err := parseManifestLine(line)
		if err != nil {
			bad = append(bad, &LineError{Line: n, Err: err})
			if e.File == "" {
				continue
			}
		}
		e.Line = n
		if i, dup := m.byFile[e.File]; dup {
			bad = append(bad, &LineError{Line: n, Err: fmt.Errorf("%w: %s is on line %d too; line %d is used", ErrDuplicateEntry, e.File, m.entries[i].Line, n)})
			m.entries[i] = e
			continue
		}
		m.add(e)
	}
	if err := sc.Err(); err != nil {
		return m, bad, fmt.Errorf("read manifest: %w", err)
	}
	return m, bad, nil
}

// parseManifestLine reads one line. With an error, the entry is usable when
// its File is set.
func parseManifestLine(line []byte) (ManifestEntry, error) {
	var raw struct {
		File   string `json:"file"`
		Source string `json:"source"`
		Title  string `json:"title"`
		Date   string `json:"date"`
		Kind   string `json:"kind"`
	}
	if err := json.Unmarshal(line, &raw); err != nil {
		return ManifestEntry{}, fmt.Errorf("invalid JSON: %w", err)
	}
	file := cleanPath(raw.File)
	if file == "" || file == "." {
		return ManifestEntry{}, fmt.Errorf("no file: %w", corpus.ErrInvalid)
	}
	e := ManifestEntry{File: file, Source: strings.TrimSpace(raw.Source), Title: strings.TrimSpace(raw.Title)}
	if k := corpus.Kind(strings.ToLower(strings.TrimSpace(raw.Kind))); k != "" {
		e.Kind = k
		if !k.Valid() {
			e.Kind = corpus.KindOther
		}
	}
	d, err := parseManifestDate(raw.Date)
	e.Date = d
	return e, err
}

// parseManifestDate reads "2019-06-21", "2019-06", "2019" or "21.06.2019";
// "unknown" and "" are the empty Date.
func parseManifestDate(s string) (corpus.Date, error) {
	s = strings.TrimSpace(s)
	switch strings.ToLower(s) {
	case "", "unknown", "unbekannt", "n/a", "none", "null":
		return "", nil
	}
	if d := corpus.Date(s); d.Valid() {
		return d, nil
	}
	if len(s) >= 10 {
		if t, err := time.Parse(time.RFC3339, s); err == nil {
			return corpus.DateOf(t), nil
		}
		if d := corpus.Date(s[:10]); d.Valid() && (s[10] == 'T' || s[10] == ' ') {
			return d, nil
		}
	}
	for _, layout := range []string{"2.1.2006", "02.01.2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return corpus.DateOf(t), nil
		}
	}
	return "", fmt.Errorf("bad date %q: %w", s, corpus.ErrInvalid)
}

func (m *Manifest) add(e ManifestEntry) {
	m.byFile[e.File] = len(m.entries)
	m.byBase[path.Base(e.File)] = append(m.byBase[path.Base(e.File)], len(m.entries))
	m.entries = append(m.entries, e)
}

// Entries returns the entries in manifest order.
func (m *Manifest) Entries() []ManifestEntry { return append([]ManifestEntry(nil), m.entries...) }

// Lookup returns the entry for the document at file (Document.File). An
// entry matches when one path is a tail of the other in whole segments
// ("18_x.txt" and "docs/18_x.txt"); the longest match wins, and a tie between
// several entries is no match.
func (m *Manifest) Lookup(file string) (ManifestEntry, bool) {
	if m == nil {
		return ManifestEntry{}, false
	}
	file = cleanPath(file)
	best, bestLen, tie := -1, 0, false
	for _, i := range m.byBase[path.Base(file)] {
		n, ok := tailMatch(file, m.entries[i].File)
		switch {
		case !ok || n < bestLen:
		case n == bestLen:
			tie = true
		default:
			best, bestLen, tie = i, n, false
		}
	}
	if best < 0 || tie {
		return ManifestEntry{}, false
	}
	return m.entries[best], true
}

// tailMatch reports whether a is a segment-wise tail of b or b of a, and how
// many segments they share.
func tailMatch(a, b string) (int, bool) {
	as, bs := strings.Split(a, "/"), strings.Split(b, "/")
	n := 0
	for n < len(as) && n < len(bs) && as[len(as)-1-n] == bs[len(bs)-1-n] {
		n++
	}
	return n, n > 0 && (n == len(as) || n == len(bs))
}

// cleanPath returns p slash-separated, cleaned and in NFC (file systems
// differ in how they store umlauts), without a leading "./" or "/".
func cleanPath(p string) string {
	p = strings.TrimSpace(strings.ReplaceAll(p, `\`, "/"))
	if p == "" {
		return ""
	}
	p = path.Clean(norm.NFC.String(p))
	p = strings.TrimLeft(p, "/")
	for strings.HasPrefix(p, "../") {
		p = p[3:]
	}
	return p
}
