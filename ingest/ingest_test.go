package ingest

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/ingest/extract"
	"github.com/laendergraph/laendergraph/ingest/meeting"
	"github.com/laendergraph/laendergraph/ingest/text"
)

var update = flag.Bool("update", false, "rewrite generated files in testdata")

// memStore is an in-memory Store.
type memStore struct {
	mu   sync.Mutex
	docs map[corpus.DocID]corpus.Extraction
	puts [][]corpus.Extraction
	err  error // returned by Put when set
}

func newMemStore() *memStore { return &memStore{docs: map[corpus.DocID]corpus.Extraction{}} }

func (s *memStore) Documents(ctx context.Context) ([]corpus.Document, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]corpus.Document, 0, len(s.docs))
	for _, e := range s.docs {
		out = append(out, e.Document)
	}
	return out, nil
}

func (s *memStore) Put(ctx context.Context, exts []corpus.Extraction) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return s.err
	}
	s.puts = append(s.puts, exts)
	for _, e := range exts {
		s.docs[e.Document.ID] = e
	}
	return nil
}

// byFile returns the stored document at file.
func (s *memStore) byFile(tb testing.TB, file string) corpus.Extraction {
	tb.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.docs[corpus.NewDocID(file)]
	if !ok {
		tb.Fatalf("document %s: got none stored, want one", file)
	}
	return e
}

func (s *memStore) files() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, e := range s.docs {
		out = append(out, e.Document.File)
	}
	sort.Strings(out)
	return out
}

// recorder is a Progress that records its calls.
type recorder struct {
	mu      sync.Mutex
	started int
	steps   map[string]Outcome
	done    int
}

func (r *recorder) Start(total int) { r.started = total; r.steps = map[string]Outcome{} }
func (r *recorder) Step(file string, o Outcome, err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.steps[file] = o
}
func (r *recorder) Done() { r.done++ }

var (
	extractorOnce sync.Once
	extractor     *extract.Extractor
	meetings      *meeting.Extractor
)

// testOptions returns Options with the project's extractors and a fixed clock.
func testOptions(tb testing.TB) Options {
	tb.Helper()
	extractorOnce.Do(func() {
		extractor = extract.New(corpus.Laender(), corpus.DefaultThesaurus())
		meetings = meeting.New(extractor)
	})
	return Options{
		Extractor: extractor,
		Meetings:  meetings,
		Now:       func() time.Time { return time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC) },
	}
}

func runOnce(tb testing.TB, store Store, opts Options, inputs ...Input) Summary {
	tb.Helper()
	sum, err := New(store, opts).Run(context.Background(), inputs)
	if err != nil {
		tb.Fatalf("Run: got error %v, want none", err)
	}
	return sum
}

// buildPDF returns a minimal valid PDF with one page showing lines in
// Helvetica (WinAnsiEncoding), one per text line.
func buildPDF(lines ...string) []byte {
	var b bytes.Buffer
	var offsets []int
	obj := func(body string) {
		offsets = append(offsets, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", len(offsets), body)
	}
	b.WriteString("%PDF-1.4\n")
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
	obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>")
	var cs strings.Builder
	cs.WriteString("BT /F1 12 Tf 14 TL 72 770 Td\n")
	for _, l := range lines {
		fmt.Fprintf(&cs, "(%s) Tj T*\n", pdfString(l))
	}
	cs.WriteString("ET")
	obj(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", cs.Len(), cs.String()))
	obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, o := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref)
	return b.Bytes()
}

// pdfString escapes s for a PDF literal string in WinAnsiEncoding.
func pdfString(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x80:
			b.WriteRune(r)
		default:
			c, ok := charmap.Windows1252.EncodeRune(r)
			if !ok {
				c = '?'
			}
			fmt.Fprintf(&b, "\\%03o", c)
		}
	}
	return b.String()
}

var pdfLines = []string{
	"Digitale Verwaltung in Düsseldorf",
	"Die Landeshauptstadt stellt ihre Bürgerdienste schrittweise online.",
	"Bis Ende des Jahres sollen zwanzig weitere Dienste folgen.",
}

// generatedFixtures are the binary fixtures, written by TestFixtures -update.
func generatedFixtures() map[string][]byte {
	rng := rand.New(rand.NewPCG(7, 11))
	random := make([]byte, 2048)
	for i := range random {
		random[i] = byte(rng.Uint32())
	}
	latin1, err := charmap.Windows1252.NewEncoder().Bytes([]byte(
		"Digitalgipfel in Düsseldorf\n\nDie Landesregierung lädt zum Digitalgipfel nach Düsseldorf ein. " +
			"Themen sind Künstliche Intelligenz, Glasfaser und die Verwaltung der Zukunft – für Bürgerinnen und Bürger.\n"))
	if err != nil {
		panic(err)
	}
	pdf := buildPDF(pdfLines...)
	return map[string][]byte{
		"bericht.pdf": pdf,
		"kaputt.pdf":  pdf[:len(pdf)*6/10],
		"zufall.html": random,
		"latin1.txt":  latin1,
	}
}

func TestFixtures(t *testing.T) {
	for name, want := range generatedFixtures() {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join("testdata", "fixtures", name)
			if *update {
				if err := os.WriteFile(p, want, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			got, err := os.ReadFile(p)
			if err != nil {
				t.Fatalf("read fixture (run with -update to create it): %v", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("got %d bytes in %s, want the %d generated ones (run with -update)", len(got), p, len(want))
			}
		})
	}
}

func TestRunFixtures(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "fixtures", "quellen.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, bad, err := ReadManifest(f)
	if err != nil || len(bad) > 0 {
		t.Fatalf("ReadManifest: got %v, %v, want no errors", err, bad)
	}
	inputs, err := InputsFromPaths([]string{filepath.Join("testdata", "fixtures")})
	if err != nil {
		t.Fatal(err)
	}
	store := newMemStore()
	opts := testOptions(t)
	opts.Manifest = m
	rec := &recorder{}
	opts.Progress = rec
	opts.BatchSize = 2
	sum := runOnce(t, store, opts, inputs...)

	failures := map[string]error{}
	for _, fe := range sum.Failures {
		failures[filepath.Base(fe.Path)] = fe
	}
	failTests := []struct {
		file string
		want error
		msg  string
	}{
		{"empty.txt", ErrEmptyFile, "empty file"},
		{"zufall.html", text.ErrBinary, "not text: binary content"},
		{"kaputt.pdf", nil, "PDF"},
	}
	for _, tt := range failTests {
		t.Run("fails/"+tt.file, func(t *testing.T) {
			err, ok := failures[tt.file]
			if !ok {
				t.Fatalf("got no failure for %s, want one (failures: %v)", tt.file, sum.Failures)
			}
			var fe FileError
			if !errors.As(err, &fe) || fe.Path != filepath.Join("testdata", "fixtures", tt.file) {
				t.Errorf("got %#v, want a FileError with path testdata/fixtures/%s", err, tt.file)
			}
			if tt.want != nil && !errors.Is(err, tt.want) {
				t.Errorf("got %v, want it to wrap %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("got %q, want it to say %q", err, tt.msg)
			}
			if got := rec.steps[fe.Path]; got != Failed {
				t.Errorf("progress step: got %q, want %q", got, Failed)
			}
		})
	}
	if len(sum.Failures) != len(failTests) {
		t.Errorf("failures: got %v, want %d", sum.Failures, len(failTests))
	}
	if len(sum.Skips) != 1 || !errors.Is(sum.Skips[0], ErrUnsupported) || !strings.Contains(sum.Skips[0].Error(), "unsupported file type .csv") {
		t.Errorf("skips: got %v, want daten.csv as unsupported file type .csv", sum.Skips)
	}

	textTests := []struct {
		file, format string
		has, hasNot  []string
	}{
		{"latin1.txt", "txt", []string{"Düsseldorf", "Künstliche Intelligenz", "Zukunft – für"}, nil},
		{"seite.html", "html", []string{"Gießen erprobt", "Bauaufsicht prüft", "- Antrag online stellen"},
			[]string{"SKRIPT", "tracking", "font-family", "Cookies", "Startseite", "Impressum", "JavaScript", "Facebook", "&szlig;"}},
		{"notiz.md", "md", []string{"Offene Daten in der Landesverwaltung\n", "ab sofort ihre", "als offene Daten.", "im Datenportal.", "- Verkehrsdaten", "Offene Daten schaffen"},
			[]string{"**", "](", "https://", "Diagramm", "#", "> "}},
		{"umbruch.txt", "txt", []string{"Digitalisierung der Schulen", "Informations-Technik", "Bund-\nund Länder"}, []string{"Digitali-"}},
		{"bericht.pdf", "pdf", []string{"Digitale Verwaltung in Düsseldorf\nDie Landeshauptstadt stellt ihre Bürgerdienste"}, nil},
		{"unterordner/bericht.txt", "txt", []string{"zwölf neue Onlinedienste"}, nil},
	}
	for _, tt := range textTests {
		t.Run("text/"+tt.file, func(t *testing.T) {
			d := store.byFile(t, tt.file).Document
			if d.Format != tt.format {
				t.Errorf("format: got %q, want %q", d.Format, tt.format)
			}
			for _, s := range tt.has {
				if !strings.Contains(d.Text, s) {
					t.Errorf("got text %q, want it to contain %q", d.Text, s)
				}
			}
			for _, s := range tt.hasNot {
				if strings.Contains(d.Text, s) {
					t.Errorf("got text %q, want it without %q", d.Text, s)
				}
			}
			if d.ID != corpus.NewDocID(tt.file) || d.ContentHash == "" || d.Fingerprint.Shingles == 0 || d.IngestedAt.IsZero() {
				t.Errorf("got id %q hash %q fingerprint %d ingested %v, want all set", d.ID, d.ContentHash, d.Fingerprint.Shingles, d.IngestedAt)
			}
		})
	}
	if got, want := store.files(), []string{"bericht.pdf", "latin1.txt", "notiz.md", "seite.html", "umbruch.txt", "unterordner/bericht.txt"}; !equalStrings(got, want) {
		t.Errorf("stored files: got %v, want %v", got, want)
	}
	if sum.Added != 6 || sum.Skipped != 1 || sum.Failed != 3 {
		t.Errorf("summary: got %+v, want 6 added, 1 skipped, 3 failed", sum)
	}
	if rec.started != 10 || len(rec.steps) != 10 || rec.done != 1 {
		t.Errorf("progress: got start %d, %d steps, done %d, want 10, 10, 1", rec.started, len(rec.steps), rec.done)
	}
	for _, b := range store.puts {
		if len(b) > 2 {
			t.Errorf("got a batch of %d, want at most 2", len(b))
		}
	}
	t.Run("metadata", func(t *testing.T) {
		d := store.byFile(t, "seite.html").Document
		if d.Title != "Digitaler Bauantrag in Gießen" || d.Date != "2024-03-05" || d.Kind != corpus.KindNews || d.Source != "https://www.example.org/giessen" {
			t.Errorf("got title %q date %q kind %q source %q, want the manifest's", d.Title, d.Date, d.Kind, d.Source)
		}
		if d := store.byFile(t, "notiz.md").Document; d.Title != "Offene Daten in der Landesverwaltung" || d.Kind != corpus.KindOther {
			t.Errorf("got title %q kind %q, want the first heading and other", d.Title, d.Kind)
		}
		if d := store.byFile(t, "latin1.txt").Document; d.Title != "Digitalgipfel in Düsseldorf" {
			t.Errorf("got title %q, want the first line", d.Title)
		}
	})
}

func equalStrings(a, b []string) bool {
	return strings.Join(a, "\x00") == strings.Join(b, "\x00")
}

// slowStore is a memStore whose writes take a while and honour their
// context, as the index and the graph on disk do.
type slowStore struct{ *memStore }

func (s slowStore) Put(ctx context.Context, exts []corpus.Extraction) error {
	select {
	case <-time.After(20 * time.Millisecond):
	case <-ctx.Done():
		return ctx.Err()
	}
	return s.memStore.Put(ctx, exts)
}

// TestRunWritesWhileExtracting checks that every batch is stored, the last
// one too, while batches are written during extraction.
func TestRunWritesWhileExtracting(t *testing.T) {
	dir := t.TempDir()
	const n = 9
	for i := range n {
		text := fmt.Sprintf("Meldung %d\n\nBaden-Württemberg baut eine Cyberwehr auf. Das ist Meldung Nummer %d über %s.", i, i, strings.Repeat("Verwaltung ", i+1))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("m%02d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	inputs, err := InputsFromPaths([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	for _, batch := range []int{1, 2, 4, 100} {
		t.Run(fmt.Sprint("batch ", batch), func(t *testing.T) {
			store := slowStore{newMemStore()}
			opts := testOptions(t)
			opts.BatchSize = batch
			sum, err := New(store, opts).Run(context.Background(), inputs)
			if err != nil {
				t.Fatalf("got error %v, want none", err)
			}
			if got := len(store.files()); got != n || sum.Added != n {
				t.Errorf("got %d stored, %d added, want %d", got, sum.Added, n)
			}
		})
	}
}

// failingStore is a slowStore whose write number fail (counting from 1)
// fails; the writes after it would succeed.
type failingStore struct {
	slowStore
	fail  int
	calls *int
}

var errWrite = errors.New("disk full")

func (s failingStore) Put(ctx context.Context, exts []corpus.Extraction) error {
	s.mu.Lock()
	*s.calls++
	n := *s.calls
	s.mu.Unlock()
	if n == s.fail {
		return errWrite
	}
	return s.slowStore.Put(ctx, exts)
}

// TestRunWriteFails checks that a failed write ends the run with its error
// and that no batch after it is stored, although batches are queued behind
// the write in flight.
func TestRunWriteFails(t *testing.T) {
	dir := t.TempDir()
	const n = 9
	for i := range n {
		text := fmt.Sprintf("Meldung %d\n\nHessen baut ein Rechenzentrum. Meldung Nummer %d über %s.", i, i, strings.Repeat("Breitband ", i+1))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("m%02d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	inputs, err := InputsFromPaths([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	for _, fail := range []int{1, 2, 5} {
		t.Run(fmt.Sprint("write ", fail), func(t *testing.T) {
			calls := 0
			store := failingStore{slowStore: slowStore{newMemStore()}, fail: fail, calls: &calls}
			opts := testOptions(t)
			opts.BatchSize = 1
			_, err := New(store, opts).Run(context.Background(), inputs)
			if !errors.Is(err, errWrite) {
				t.Fatalf("got error %v, want %v", err, errWrite)
			}
			if got := len(store.puts); got != fail-1 {
				t.Errorf("got %d batches stored, want the %d before the failed one", got, fail-1)
			}
			if calls != fail {
				t.Errorf("got %d writes tried, want %d: none after the failed one", calls, fail)
			}
		})
	}
}
