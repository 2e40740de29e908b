// Package text turns raw German text into clean, normalised text and splits
// it into sentences.
package text

import "strings"

// Sentence is one sentence of a text: the byte range [Start, End) of the text,
// without surrounding white space.
type Sentence struct {
	Start, End int
}

// Of returns the sentence's text within t.
func (s Sentence) Of(t string) string { return t[s.Start:s.End] }

// Sentences splits t into sentences. STUB: to be replaced by the real splitter
// (abbreviations such as "u. a.", "Dr.", "z. B.", dates such as "21.6.2019").
func Sentences(t string) []Sentence {
	var out []Sentence
	start := 0
	for i := 0; i < len(t); i++ {
		if t[i] == '\n' || ((t[i] == '.' || t[i] == '!' || t[i] == '?') && i+1 < len(t) && t[i+1] == ' ') {
			s, e := start, i+1
			for s < e && strings.ContainsRune(" \n\t", rune(t[s])) {
				s++
			}
			for e > s && strings.ContainsRune(" \n\t", rune(t[e-1])) {
				e--
			}
			if e > s {
				out = append(out, Sentence{s, e})
			}
			start = i + 1
		}
	}
	if start < len(t) && strings.TrimSpace(t[start:]) != "" {
		s := start
		for s < len(t) && strings.ContainsRune(" \n\t", rune(t[s])) {
			s++
		}
		out = append(out, Sentence{s, len(strings.TrimRight(t, " \n\t"))})
	}
	return out
}
