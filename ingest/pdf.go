package ingest

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/ledongthuc/pdf"
)

// errNotPDF reports a .pdf file without a PDF header.
var errNotPDF = errors.New("not a PDF: no %PDF header")

// maxPDFPages bounds the pages read from one PDF (a corrupt page count must
// not keep a run busy).
const maxPDFPages = 5000

// pdfContent returns the text of a PDF, page by page (pages separated by a
// form feed). The PDF library panics on some malformed files; a panic is an
// error for this file. A page that cannot be read is left out; the file fails
// only when no page yields text.
func pdfContent(b []byte) (c content, err error) {
	defer func() {
		if v := recover(); v != nil {
			c, err = content{}, fmt.Errorf("read PDF: corrupt file: %v", v)
		}
	}()
	if !bytes.Contains(b[:min(len(b), 1024)], []byte("%PDF-")) {
		return content{}, errNotPDF
	}
	br := &budgetReader{r: bytes.NewReader(b), left: pdfReadBudget + pdfReadFactor*int64(len(b))}
	r, err := pdf.NewReader(br, int64(len(b)))
	if err != nil {
		return content{}, fmt.Errorf("read PDF: %w", err)
	}
	var out strings.Builder
	var pageErr error
	for i, p := range pdfPages(r) {
		t, err := pdfPage(p, i+1)
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

// The PDF library loops forever on some cyclic structures (a /Prev chain of
// cross-reference sections, object streams that extend each other). It reads
// the file anew for every object it resolves, so a budget of bytes read turns
// such a loop into a read error, which the library raises as a panic.
const (
	pdfReadBudget = 256 << 20
	pdfReadFactor = 1024
)

var errPDFBudget = errors.New("read budget exhausted (cyclic structure?)")

// budgetReader is an io.ReaderAt that fails once it has read its budget.
type budgetReader struct {
	r    *bytes.Reader
	left int64
}

func (b *budgetReader) ReadAt(p []byte, off int64) (int, error) {
	if b.left <= 0 {
		return 0, errPDFBudget
	}
	n, err := b.r.ReadAt(p, off)
	b.left -= int64(n)
	return n, err
}

// pdfPages returns the pages of the page tree in order. Unlike the library's
// Reader.Page it survives a cyclic tree: depth and visits are bounded.
func pdfPages(r *pdf.Reader) []pdf.Page {
	var pages []pdf.Page
	visits := 0
	var walk func(v pdf.Value, depth int)
	walk = func(v pdf.Value, depth int) {
		visits++
		if depth > 64 || visits > 4*maxPDFPages || len(pages) >= maxPDFPages {
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
	return pages
}

// pdfPage returns the text of page p (number i), its lines in the order of
// the content stream.
func pdfPage(p pdf.Page, i int) (s string, err error) {
	defer func() {
		if v := recover(); v != nil {
			s, err = "", fmt.Errorf("page %d: %v", i, v)
		}
	}()
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
