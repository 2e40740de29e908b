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
	rs := utf8.RuneCountInString(d.Text[:start])
	re := rs + utf8.RuneCountInString(d.Text[start:end])
	return Evidence{
		Doc: d.ID, File: d.File, Title: d.Title, Source: d.Source, Date: d.Date,
		Quote: d.Text[start:end], Span: [2]int{rs, re},
	}
}
