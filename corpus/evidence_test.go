package corpus

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestEvidenceAtIndexed checks that an indexed document gives the same spans
// as counting from the start, at every byte offset that starts a code point.
func TestEvidenceAtIndexed(t *testing.T) {
	tests := []struct {
		name string
		text string
	}{
		{"ascii", strings.Repeat("Breitband im Land. ", 200)},
		{"umlauts across checkpoints", strings.Repeat("Baden-Württemberg übernimmt für Öffentlichkeit. ", 100)},
		{"four-byte runes", strings.Repeat("a𝔘ü€", 500)},
		{"short", "Bayern übernimmt."},
		{"invalid UTF-8", strings.Repeat("Bayern \xff übernimmt. ", 100)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plain := &Document{Text: tt.text}
			indexed := &Document{Text: tt.text}
			indexed.IndexSpans()
			for start := 0; start < len(tt.text); start += 7 {
				for start < len(tt.text) && !utf8.RuneStart(tt.text[start]) {
					start++
				}
				end := min(len(tt.text), start+40)
				got, want := EvidenceAt(indexed, start, end), EvidenceAt(plain, start, end)
				if got.Span != want.Span || got.Quote != want.Quote {
					t.Fatalf("EvidenceAt(%d, %d): got %v %q, want %v %q", start, end, got.Span, got.Quote, want.Span, want.Quote)
				}
			}
			indexed.Text = tt.text[1:] // a changed text does not use the old index
			if got, want := EvidenceAt(indexed, 10, 20).Span, EvidenceAt(&Document{Text: tt.text[1:]}, 10, 20).Span; got != want {
				t.Errorf("after a change of text: got %v, want %v", got, want)
			}
		})
	}
}
