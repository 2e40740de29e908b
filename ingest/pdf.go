package ingest

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/ledongthuc/pdf"
)

// errNotPDF reports a .pdf file without a PDF header.
var errNotPDF = errors.New("not a PDF: no %PDF header")

// pdfContent returns the text of a PDF, page by page (pages separated by a
// form feed). The PDF library panics on some malformed files; a panic is an
// error for this file. A page that cannot be read is left out; the file fails
// only when no page yields text, or when it is over one of lim's limits (an
// error wrapping ErrLimit): more pages than MaxPDFPages, page contents that
// inflate to more than MaxPDFInflated bytes, longer than PDFTimeout.
func pdfContent(b []byte, lim Limits) (c content, err error) {
	lim = lim.withDefaults()
	defer func() {
		if v := recover(); v != nil {
			if e, ok := v.(error); ok && errors.Is(e, ErrLimit) {
				c, err = content{}, fmt.Errorf("read PDF: %w", e)
				return
			}
			c, err = content{}, fmt.Errorf("read PDF: corrupt file: %v", v)
		}
	}()
	if !bytes.Contains(b[:min(len(b), 1024)], []byte("%PDF-")) {
		return content{}, errNotPDF
	}
	if err := checkXrefChain(b); err != nil {
		return content{}, fmt.Errorf("read PDF: %w", err)
	}
	br := &budgetReader{r: bytes.NewReader(b), left: pdfReadBudget + pdfReadFactor*int64(len(b))}
	if lim.PDFTimeout > 0 {
		br.deadline = time.Now().Add(lim.PDFTimeout)
		br.timeout = lim.PDFTimeout
	}
	r, err := pdf.NewReader(br, int64(len(b)))
	if err != nil {
		return content{}, fmt.Errorf("read PDF: %w", err)
	}
	maxPages := lim.MaxPDFPages
	if maxPages < 0 {
		maxPages = math.MaxInt32
	}
	pages, err := pdfPages(r, maxPages)
	if err != nil {
		return content{}, fmt.Errorf("read PDF: %w", err)
	}
	inflate := &inflateBudget{limit: lim.MaxPDFInflated}
	var out strings.Builder
	var pageErr error
	for i, p := range pages {
		t, err := pdfPage(p, i+1, inflate)
		if br.timedOut {
			err = br.timeoutErr() // the library may have turned it into a page error
		}
		if errors.Is(err, ErrLimit) {
			return content{}, fmt.Errorf("read PDF: %w", err)
		}
		if err != nil {
			pageErr = cmp.Or(pageErr, err)
			continue
		}
		out.WriteString(t)
		out.WriteString("\f")
	}
	if strings.TrimSpace(out.String()) == "" && pageErr != nil {
		return content{}, fmt.Errorf("read PDF: %w", pageErr)
	}
	return content{text: out.String()}, nil
}

// The PDF library loops forever on some cyclic structures (object streams
// that extend each other). It reads the file anew for every object it
// resolves, so a budget of bytes read turns such a loop into a read error,
// which the library raises as a panic. The same reads check the deadline of
// Limits.PDFTimeout: every stream the library inflates reads its compressed
// bytes through them.
const (
	pdfReadBudget = 256 << 20
	pdfReadFactor = 1024
)

var errPDFBudget = errors.New("read budget exhausted (cyclic structure?)")

// budgetReader is an io.ReaderAt that fails once it has read its budget or
// its deadline (if set) has passed.
type budgetReader struct {
	r        *bytes.Reader
	left     int64
	deadline time.Time
	timeout  time.Duration
	timedOut bool
}

func (b *budgetReader) timeoutErr() error {
	return fmt.Errorf("%w: reading took longer than %s", ErrLimit, b.timeout)
}

func (b *budgetReader) ReadAt(p []byte, off int64) (int, error) {
	if b.left <= 0 {
		return 0, errPDFBudget
	}
	if !b.deadline.IsZero() && time.Now().After(b.deadline) {
		// A panic, not an error: the library swallows some read errors,
		// and the time is up whatever it was doing.
		b.timedOut = true
		panic(b.timeoutErr())
	}
	n, err := b.r.ReadAt(p, off)
	b.left -= int64(n)
	return n, err
}

// inflateBudget counts the bytes that page contents inflate to.
type inflateBudget struct {
	limit int64 // negative: no limit
	used  int64
}

// check reads the content streams of page p to their end, counting what they
// inflate to, and fails with ErrLimit once the budget is spent. Reading them
// before the library interprets them keeps a decompression bomb from filling
// memory with glyphs: the reading itself holds only a small buffer.
func (ib *inflateBudget) check(p pdf.Page) error {
	if ib.limit < 0 {
		return nil
	}
	c := p.V.Key("Contents")
	streams := []pdf.Value{c}
	if c.Kind() == pdf.Array {
		streams = streams[:0]
		for i := 0; i < c.Len(); i++ {
			streams = append(streams, c.Index(i))
		}
	}
	for _, s := range streams {
		if s.Kind() != pdf.Stream {
			continue
		}
		n, _ := io.Copy(io.Discard, io.LimitReader(s.Reader(), ib.limit-ib.used+1))
		ib.used += n
		if ib.used > ib.limit {
			return fmt.Errorf("%w: page contents inflate to more than %s", ErrLimit, megabytes(ib.limit))
		}
	}
	return nil
}

// checkXrefChain follows the chain of cross-reference sections from the
// final startxref through their /Prev entries, as the library will, and fails
// where the chain loops (the library would follow it forever) or where a
// section declares more objects than maxPDFObjects (the library would
// allocate a table for all of them). It reads the sections' dictionaries
// with patterns, not a parser: what it cannot read it leaves to the library.
func checkXrefChain(b []byte) error {
	i := bytes.LastIndex(b, []byte("startxref"))
	if i < 0 {
		return nil
	}
	m := pdfStartxref.FindSubmatch(b[i:min(len(b), i+64)])
	if m == nil {
		return nil
	}
	off, err := strconv.ParseInt(string(m[1]), 10, 64)
	seen := map[int64]bool{}
	for err == nil && off >= 0 && off < int64(len(b)) {
		if seen[off] {
			return fmt.Errorf("corrupt file: the cross-reference sections form a loop (/Prev %d)", off)
		}
		if len(seen) >= maxXrefSections {
			return fmt.Errorf("%w: more than %d cross-reference sections", ErrLimit, maxXrefSections)
		}
		seen[off] = true
		sec := b[off:min(int64(len(b)), off+xrefWindow)]
		var dict []byte
		if bytes.HasPrefix(bytes.TrimLeft(sec, " \t\r\n"), []byte("xref")) {
			t := bytes.Index(sec, []byte("trailer"))
			if t < 0 {
				return nil
			}
			if err := checkXrefTable(sec[:t]); err != nil {
				return err
			}
			dict = sec[t:]
			if e := bytes.Index(dict, []byte("startxref")); e >= 0 {
				dict = dict[:e]
			}
		} else {
			e := bytes.Index(sec, []byte("stream"))
			if e < 0 {
				return nil
			}
			dict = sec[:e]
		}
		if m := pdfSize.FindSubmatch(dict); m != nil {
			if n, err := strconv.ParseInt(string(m[1]), 10, 64); err != nil || n > maxPDFObjects {
				return fmt.Errorf("%w: a cross-reference section declares more than %d objects", ErrLimit, maxPDFObjects)
			}
		}
		m := pdfPrev.FindSubmatch(dict)
		if m == nil {
			return nil
		}
		off, err = strconv.ParseInt(string(m[1]), 10, 64)
	}
	return nil
}

// checkXrefTable checks the subsection headers ("first count") of a
// cross-reference table.
func checkXrefTable(t []byte) error {
	for _, m := range pdfSubsection.FindAllSubmatch(t, -1) {
		first, err1 := strconv.ParseInt(string(m[1]), 10, 64)
		n, err2 := strconv.ParseInt(string(m[2]), 10, 64)
		if err1 != nil || err2 != nil || first+n > maxPDFObjects {
			return fmt.Errorf("%w: a cross-reference table declares more than %d objects", ErrLimit, maxPDFObjects)
		}
	}
	return nil
}

const (
	maxXrefSections = 256
	xrefWindow      = 4 << 20
	maxPDFObjects   = 8 << 20
)

var (
	pdfStartxref  = regexp.MustCompile(`^startxref\s+(\d+)`)
	pdfPrev       = regexp.MustCompile(`/Prev\s+(\d+)`)
	pdfSize       = regexp.MustCompile(`/Size\s+(\d+)`)
	pdfSubsection = regexp.MustCompile(`(?m)^\s*(\d+)\s+(\d+)\s*$`)
)

// pdfPages returns the pages of the page tree in order. Unlike the library's
// Reader.Page it survives a cyclic tree: depth and visits are bounded.
// It fails with ErrLimit when there are more than maxPages pages.
func pdfPages(r *pdf.Reader, maxPages int) ([]pdf.Page, error) {
	var pages []pdf.Page
	visits := 0
	var walk func(v pdf.Value, depth int)
	walk = func(v pdf.Value, depth int) {
		visits++
		if depth > 64 || visits > 4*maxPages+64 || len(pages) > maxPages {
			return
		}
		switch v.Key("Type").Name() {
		case "Pages":
			kids := v.Key("Kids")
			for i := 0; i < kids.Len(); i++ {
				walk(kids.Index(i), depth+1)
			}
		case "Page":
			pages = append(pages, pdf.Page{V: v})
		}
	}
	walk(r.Trailer().Key("Root").Key("Pages"), 0)
	if len(pages) > maxPages {
		return nil, fmt.Errorf("%w: more than %d pages", ErrLimit, maxPages)
	}
	return pages, nil
}

// pdfPage returns the text of page p (number i), its lines in the order of
// the content stream.
// Its inflated contents count against ib.
func pdfPage(p pdf.Page, i int, ib *inflateBudget) (s string, err error) {
	defer func() {
		if v := recover(); v != nil {
			if e, ok := v.(error); ok && errors.Is(e, ErrLimit) {
				panic(v) // the whole file fails
			}
			s, err = "", fmt.Errorf("page %d: %v", i, v)
		}
	}()
	if err := ib.check(p); err != nil {
		return "", err
	}
	// The library looks up inherited resources along /Parent without end;
	// a chain that does not end soon is cyclic.
	v := p.V
	for range 64 {
		if v.IsNull() || !v.Key("Resources").IsNull() {
			return layoutPDF(p.Content().Text), nil
		}
		v = v.Key("Parent")
	}
	return "", fmt.Errorf("page %d: cyclic page tree", i)
}

// layoutPDF joins the glyphs of a page into lines: a line break where the
// baseline moves by more than half the font size (a blank line where it moves
// by nearly two lines), a space where the text jumps back or leaves a gap of
// more than a fifth of the font size after the previous glyph.
func layoutPDF(glyphs []pdf.Text) string {
	var b strings.Builder
	var prev pdf.Text
	have := false
	for _, g := range glyphs {
		if g.S == "" || g.S == "\n" {
			continue
		}
		if have {
			size := math.Max(math.Abs(prev.FontSize), 1)
			dy := math.Abs(g.Y - prev.Y)
			switch {
			case dy > 1.8*size:
				b.WriteString("\n\n")
			case dy > 0.5*size:
				b.WriteByte('\n')
			case g.X < prev.X-size:
				b.WriteByte(' ')
			case prev.W > 0 && g.X-(prev.X+prev.W) > 0.2*size:
				b.WriteByte(' ')
			}
		}
		b.WriteString(g.S)
		prev, have = g, true
	}
	return b.String()
}
