// Package dates finds dates in German text: "21.6.2019", "am 8. und 9.
// November 2023", "vom 12. bis 13. Mai 2025", "[26.6.2019]", and relative
// forms ("am kommenden Freitag", "heute") resolved against a publication date.
package dates

import "github.com/laendergraph/laendergraph/corpus"

// Match is a date or date range found at the byte range [Start, End) of a text.
type Match struct {
	Start, End int
	From, To   corpus.Date // To is "" for a single day
	// Relative is true when the text only gave the date relative to the
	// publication date ("heute", "am kommenden Freitag").
	Relative bool
}

// Find returns the dates in text, in order. published (may be "") resolves
// relative and year-less dates. STUB: to be replaced.
func Find(text string, published corpus.Date) []Match { return nil }
