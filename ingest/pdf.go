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
	r, err := pdf.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return content{}, fmt.Errorf("read PDF: %w", err)
	}
	var out strings.Builder
	var pageErr error
	for i := 1; i <= min(r.NumPage(), maxPDFPages); i++ {
		t, err := pdfPage(r, i)
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

// pdfPage returns the text of page i, its lines in the order of the content
// stream.
func pdfPage(r *pdf.Reader, i int) (s string, err error) {
	defer func() {
		if v := recover(); v != nil {
			s, err = "", fmt.Errorf("page %d: %v", i, v)
		}
	}()
	p := r.Page(i)
	if p.V.IsNull() {
		return "", nil
	}
	return layoutPDF(p.Content().Text), nil
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
