package corpus

import "unicode/utf8"

// Evidence is where a fact comes from: one sentence of one document.
// Span holds the start and end of Quote in Document.Text, counted in Unicode
// code points (not bytes), end exclusive.
type Evidence struct {
	Doc    DocID  `json:"doc"`
	File   string `json:"file"`
	Title  string `json:"title"`
	Source string `json:"source,omitempty"`
	Date   Date   `json:"date,omitempty"`
	Quote  string `json:"quote"`
	Span   [2]int `json:"span"`
}

// EvidenceAt returns the Evidence for the byte range [start, end) of d.Text,
// converting byte offsets to code-point offsets.
func EvidenceAt(d *Document, start, end int) Evidence {
	if start < 0 {
		start = 0
	}
	if end > len(d.Text) {
		end = len(d.Text)
	}
	if start > end {
		start = end
	}
	var rs int
	if x := d.spans; x != nil && x.text == d.Text {
		rs = x.runesBefore(start)
	} else {
		rs = utf8.RuneCountInString(d.Text[:start])
	}
	re := rs + utf8.RuneCountInString(d.Text[start:end])
	return Evidence{
		Doc: d.ID, File: d.File, Title: d.Title, Source: d.Source, Date: d.Date,
		Quote: d.Text[start:end], Span: [2]int{rs, re},
	}
}

// IndexSpans prepares d for many EvidenceAt calls over a long text: byte
// offsets are then converted to code points by counting from a checkpoint at
// most 256 bytes back instead of from the start of the text, which made an
// extraction quadratic in the length of the document. The index is used only
// while Text is the text it was built for; DropSpanIndex releases it.
func (d *Document) IndexSpans() { d.spans = newSpanIndex(d.Text) }

// DropSpanIndex releases the index that IndexSpans built.
func (d *Document) DropSpanIndex() { d.spans = nil }

// spanStep is the distance in bytes between two checkpoints of a spanIndex.
const spanStep = 256

// spanIndex counts the code points of a valid UTF-8 text before every
// spanStep-th byte.
type spanIndex struct {
	text string
	at   []int // at[k]: code points starting before byte k*spanStep
}

// newSpanIndex returns the index of t, or nil when t is short or not valid
// UTF-8 (where code points and rune starts differ).
func newSpanIndex(t string) *spanIndex {
	if len(t) < 4*spanStep || !utf8.ValidString(t) {
		return nil
	}
	x := &spanIndex{text: t, at: make([]int, 0, len(t)/spanStep+1)}
	n := 0
	for i := 0; i < len(t); i++ {
		if i%spanStep == 0 {
			x.at = append(x.at, n)
		}
		if t[i]&0xC0 != 0x80 {
			n++
		}
	}
	return x
}

// runesBefore returns the number of code points in text[:b].
func (x *spanIndex) runesBefore(b int) int {
	k := b / spanStep
	n := x.at[k]
	for i := k * spanStep; i < b; i++ {
		if x.text[i]&0xC0 != 0x80 {
			n++
		}
	}
	return n
}
