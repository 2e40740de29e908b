package ingest

import (
	"bytes"
	"compress/flate"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/laendergraph/laendergraph/corpus"
)

// pdfWithPages returns a PDF with one page per content stream; with deflate
// the streams are given compressed, with /Filter /FlateDecode.
func pdfWithPages(streams [][]byte, deflate bool) []byte {
	var b bytes.Buffer
	var offsets []int
	obj := func(body string) int {
		offsets = append(offsets, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", len(offsets), body)
		return len(offsets)
	}
	b.WriteString("%PDF-1.4\n")
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	var kids []string
	for i := range streams {
		kids = append(kids, fmt.Sprintf("%d 0 R", 4+2*i))
	}
	obj(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(streams)))
	obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	for i, s := range streams {
		obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>", 5+2*i))
		filter := ""
		if deflate {
			filter = " /Filter /FlateDecode"
		}
		offsets = append(offsets, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n<< /Length %d%s >>\nstream\n", len(offsets), len(s), filter)
		b.Write(s)
		b.WriteString("\nendstream\nendobj\n")
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, o := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref)
	return b.Bytes()
}

// textStream returns a page content stream showing lines.
func textStream(lines ...string) []byte {
	var cs strings.Builder
	cs.WriteString("BT /F1 12 Tf 14 TL 72 770 Td\n")
	for _, l := range lines {
		fmt.Fprintf(&cs, "(%s) Tj T*\n", pdfString(l))
	}
	cs.WriteString("ET")
	return []byte(cs.String())
}

// zlibZeros returns a zlib stream that inflates to n MB of zero bytes,
// built in a few milliseconds: once the window holds zeros, deflate encodes
// every further megabyte of zeros as the same bytes, so one flushed block
// is repeated.
func zlibZeros(tb testing.TB, n int) []byte {
	tb.Helper()
	var out bytes.Buffer
	out.Write([]byte{0x78, 0x9c}) // zlib header, default compression
	zw, err := flate.NewWriter(&out, flate.BestCompression)
	if err != nil {
		tb.Fatal(err)
	}
	mb := make([]byte, 1<<20)
	block := func() []byte {
		start := out.Len()
		zw.Write(mb)
		zw.Flush()
		return append([]byte(nil), out.Bytes()[start:]...)
	}
	block() // fills the window
	b2, b3 := block(), block()
	if !bytes.Equal(b2, b3) {
		tb.Fatal("deflate blocks of zeros differ; cannot build the bomb cheaply")
	}
	for range n - 3 {
		out.Write(b3)
	}
	zw.Close()
	// Adler-32 of n MB of zeros: a = 1, b = n·2^20 mod 65521.
	out.Write(binary.BigEndian.AppendUint32(nil, uint32((n<<20)%65521)<<16|1))
	return out.Bytes()
}

// selfLoopPDF returns a valid PDF whose trailer's /Prev points at its own
// cross-reference table.
func selfLoopPDF(tb testing.TB) []byte {
	tb.Helper()
	p := buildPDF(pdfLines...)
	m := regexp.MustCompile(`startxref\n(\d+)`).FindSubmatch(p)
	xref, _ := strconv.Atoi(string(m[1]))
	return bytes.Replace(p, []byte("/Root 1 0 R >>"), fmt.Appendf(nil, "/Root 1 0 R /Prev %d >>", xref), 1)
}

func TestPDFLimits(t *testing.T) {
	var page bytes.Buffer
	zw, _ := flate.NewWriter(&page, flate.BestCompression)
	zw.Write(textStream(pdfLines...))
	zw.Close()
	small := append([]byte{0x78, 0x9c}, page.Bytes()...)
	small = binary.BigEndian.AppendUint32(small, adler32(textStream(pdfLines...)))
	three := pdfWithPages([][]byte{textStream(pdfLines[0]), textStream(pdfLines[1]), textStream(pdfLines[2])}, false)
	tests := []struct {
		name    string
		pdf     []byte
		lim     Limits
		wantErr string // "" for no error
	}{
		{"compressed page", pdfWithPages([][]byte{small}, true), Limits{}, ""},
		{"three pages", three, Limits{MaxPDFPages: 3}, ""},
		{"more pages than the limit", three, Limits{MaxPDFPages: 2}, "more than 2 pages"},
		{"inflates to 1 GB", pdfWithPages([][]byte{zlibZeros(t, 1024)}, true), Limits{}, "inflate to more than 64.0 MB"},
		{"inflates over the limit over several pages", pdfWithPages([][]byte{zlibZeros(t, 4), zlibZeros(t, 4)}, true), Limits{MaxPDFInflated: 6 << 20}, "inflate to more than 6.0 MB"},
		{"/Prev loop", selfLoopPDF(t), Limits{}, "form a loop"},
		{"huge /Size", bytes.Replace(buildPDF(pdfLines...), []byte("/Size 6"), []byte("/Size 4000000000"), 1), Limits{}, "declares more than"},
		{"huge subsection", bytes.Replace(buildPDF(pdfLines...), []byte("xref\n0 6\n"), []byte("xref\n2000000000 6\n"), 1), Limits{}, "declares more than"},
		{"timeout", buildPDF(pdfLines...), Limits{PDFTimeout: time.Nanosecond}, "took longer than 1ns"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := pdfContent(tt.pdf, tt.lim)
			if tt.wantErr == "" {
				if err != nil || !strings.Contains(c.text, "Düsseldorf") {
					t.Fatalf("got %q, %v, want the text and no error", c.text, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("got error %v, want one saying %q", err, tt.wantErr)
			}
			if tt.name != "/Prev loop" && !errors.Is(err, ErrLimit) {
				t.Errorf("got %v, want ErrLimit", err)
			}
		})
	}
}

func adler32(b []byte) uint32 {
	a, s := uint32(1), uint32(0)
	for _, c := range b {
		a = (a + uint32(c)) % 65521
		s = (s + a) % 65521
	}
	return s<<16 | a
}

// TestRunBadInput ingests a folder of good files among hostile ones: each
// bad file fails on its own with a clear reason, the good ones land.
func TestRunBadInput(t *testing.T) {
	dir := t.TempDir()
	docs := filepath.Join(dir, "docs")
	outside := filepath.Join(dir, "geheim.txt")
	write := func(name string, b []byte) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(docs, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(filepath.Join(docs, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(outside, []byte("Geheime Zugangsdaten der Landesverwaltung: root:x:0:0."), 0o644); err != nil {
		t.Fatal(err)
	}
	write("gut.txt", []byte(pressText))
	write("sub/gut.md", []byte("# Notiz\n\nDie Sitzung des Lenkungskreises wurde auf den Herbst verschoben. Ein neuer Termin folgt."))
	write("bericht.pdf", buildPDF(pdfLines...))
	write("bombe.pdf", pdfWithPages([][]byte{zlibZeros(t, 1024)}, true))
	write("schleife.pdf", selfLoopPDF(t))
	write("riesig.txt", bytes.Repeat([]byte("Die Landesregierung berichtet über den Ausbau der Netze. "), 20<<20/58+1))
	write("ein-fehler.txt", []byte("Baden-Württemberg übernimmt den Vorsitz \xe4 der Digitalministerkonferenz im Jahr 2030."))
	write("zwillinge.txt", []byte("Brandenburg startet ein Portal für digitale Verwaltungsleistungen der Kommunen."))
	if err := os.Symlink(outside, filepath.Join(docs, "link-raus.txt")); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	if err := os.Symlink("../../geheim.txt", filepath.Join(docs, "sub", "link-relativ.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("gut.txt", filepath.Join(docs, "link-innen.txt")); err != nil {
		t.Fatal(err)
	}
	m, lineErrs, err := ReadManifest(strings.NewReader(`{"file": "docs/zwillinge.txt", "title": "Erster Eintrag"}
{"file": "docs/zwillinge.txt", "title": "Zweiter Eintrag"}`))
	if err != nil {
		t.Fatal(err)
	}
	if len(lineErrs) != 1 || !errors.Is(lineErrs[0], ErrDuplicateEntry) {
		t.Errorf("manifest: got %v, want one duplicate entry", lineErrs)
	}

	inputs, err := InputsFromPaths([]string{docs})
	if err != nil {
		t.Fatal(err)
	}
	opts := testOptions(t)
	opts.Manifest = m
	opts.Limits.MaxFileSize = 10 << 20
	store := newMemStore()
	sum := runOnce(t, store, opts, inputs...)

	wantFailed := map[string]struct {
		err  error
		text string
	}{
		"bombe.pdf":            {ErrLimit, "inflate to more than 64.0 MB"},
		"schleife.pdf":         {nil, "form a loop"},
		"riesig.txt":           {ErrLimit, "file is 20.0 MB, the limit is 10.0 MB"},
		"link-raus.txt":        {ErrOutside, ""},
		"sub/link-relativ.txt": {ErrOutside, ""},
	}
	for _, f := range sum.Failures {
		rel, _ := filepath.Rel(docs, f.Path)
		want, ok := wantFailed[filepath.ToSlash(rel)]
		if !ok {
			t.Errorf("got failure %v, want none for this file", f)
			continue
		}
		delete(wantFailed, filepath.ToSlash(rel))
		if want.err != nil && !errors.Is(f, want.err) || !strings.Contains(f.Error(), want.text) {
			t.Errorf("%s: got %v, want %v saying %q", rel, f.Err, want.err, want.text)
		}
	}
	for name := range wantFailed {
		t.Errorf("%s: got no failure, want one", name)
	}
	wantFiles := []string{"bericht.pdf", "ein-fehler.txt", "gut.txt", "link-innen.txt", "sub/gut.md", "zwillinge.txt"}
	if got := store.files(); !equalStrings(got, wantFiles) {
		t.Errorf("stored: got %v, want %v", got, wantFiles)
	}
	if sum.Failed != 5 {
		t.Errorf("summary: got %+v, want 5 failed", sum)
	}
	if got := store.byFile(t, "ein-fehler.txt").Document.Text; !strings.Contains(got, "Baden-Württemberg") || !strings.Contains(got, "\uFFFD") {
		t.Errorf("one bad byte: got %q, want UTF-8 kept and the byte replaced", got)
	}
	if got := store.byFile(t, "zwillinge.txt").Document.Title; got != "Zweiter Eintrag" {
		t.Errorf("duplicate manifest lines: got title %q, want the later line's", got)
	}
}

// TestRunDemo checks that a demo run marks its documents and that a real
// document with the same text is not made a duplicate of a demo one: the demo
// corpus can be deleted, the real document keeps its facts.
func TestRunDemo(t *testing.T) {
	store := newMemStore()
	opts := testOptions(t)
	opts.Demo = true
	runOnce(t, store, opts, Input{FS: mapFS(map[string]string{"demo.txt": pressText}), Root: ".", Name: "demo"})
	if !store.byFile(t, "demo.txt").Document.Demo {
		t.Error("demo run: got a document without Demo, want it marked")
	}
	sum := runOnce(t, store, testOptions(t), Input{FS: mapFS(map[string]string{"echt.txt": pressText}), Root: ".", Name: "echt"})
	got := store.byFile(t, "echt.txt").Document
	if sum.Added != 1 || got.DuplicateOf != "" || got.Demo {
		t.Errorf("real copy of a demo text: got %+v, duplicate_of %q, demo %v; want added, no duplicate, no demo", sum, got.DuplicateOf, got.Demo)
	}
}

// pruneStore is a memStore that can delete.
type pruneStore struct{ *memStore }

func (s pruneStore) Delete(_ context.Context, ids []corpus.DocID) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, id := range ids {
		delete(s.docs, id)
	}
	return nil
}

func TestRunPrune(t *testing.T) {
	store := pruneStore{newMemStore()}
	files := map[string]string{
		"a.txt":     pressText,
		"sub/b.txt": "Bericht über die Breitbandversorgung im ländlichen Raum. Der Ausbau kommt voran, viele Haushalte sind bereits angeschlossen.",
	}
	runOnce(t, store, testOptions(t), Input{FS: mapFS(files), Root: ".", Name: "quelle"})
	delete(files, "sub/b.txt")
	files["c.md"] = "# Notiz\n\nDie Sitzung des Lenkungskreises wurde auf den Herbst verschoben. Ein neuer Termin folgt."

	opts := testOptions(t)
	sum := runOnce(t, store, opts, Input{FS: mapFS(files), Root: ".", Name: "quelle"})
	if got := store.files(); !equalStrings(got, []string{"a.txt", "c.md", "sub/b.txt"}) {
		t.Errorf("without --prune: got %v, want the gone file kept", got)
	}
	if len(sum.Pruned) != 0 {
		t.Errorf("without --prune: got pruned %v, want none", sum.Pruned)
	}
	opts.Prune = true
	sum = runOnce(t, store, opts, Input{FS: mapFS(files), Root: ".", Name: "quelle"})
	if got := store.files(); !equalStrings(got, []string{"a.txt", "c.md"}) {
		t.Errorf("with --prune: got %v, want a.txt and c.md", got)
	}
	if !equalStrings(sum.Pruned, []string{"sub/b.txt"}) {
		t.Errorf("with --prune: got pruned %v, want [sub/b.txt]", sum.Pruned)
	}
	// A run that finds nothing prunes nothing.
	_, err := New(store, opts).Run(context.Background(), []Input{{FS: mapFS(map[string]string{}), Root: ".", Name: "leer"}})
	if !errors.Is(err, corpus.ErrInvalid) || len(store.files()) != 2 {
		t.Errorf("prune over an empty folder: got %v and %v, want ErrInvalid and both documents kept", err, store.files())
	}
}

func TestHTMLElementLimit(t *testing.T) {
	page := "<html><body><main><p>Das Land Brandenburg eröffnet ein Digitallabor.</p>" + strings.Repeat("<div><span>x</span></div>", 600) + "</main></body></html>"
	tests := []struct {
		name    string
		lim     Limits
		wantErr bool
	}{
		{"default", Limits{}, false},
		{"over the limit", Limits{MaxHTMLElements: 1000}, true},
		{"no limit", Limits{MaxHTMLElements: -1}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := htmlContent([]byte(page), tt.lim)
			if got := errors.Is(err, ErrLimit); got != tt.wantErr {
				t.Errorf("got %v, want ErrLimit %v", err, tt.wantErr)
			}
		})
	}
	if n := htmlElements([]byte("<p>a < b</p><BR/><!-- c --><1>")); n != 2 {
		t.Errorf("htmlElements: got %d, want 2", n)
	}
}
