package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// teaserMarks start a line that links to another article.
var teaserMarks = []string{"»", "→", "►", "▶", "⇒"}

// teaserHeads are headings of a block of links to other articles.
var teaserHeads = []string{"mehr zum thema", "lesen sie auch", "auch interessant", "das könnte sie auch interessieren",
	"weitere meldungen", "weitere artikel", "verwandte artikel", "verwandte themen", "mehr dazu", "zum weiterlesen",
	"weitere informationen", "siehe auch", "ähnliche artikel"}

// The start of a sentence's line and paragraph is looked for at most this
// far back. Teaser lines are headlines and a block of teasers is a short list;
// a sentence further from its line or paragraph start is running text. The
// bounds keep IsTeaser's cost independent of the length of the text, so a
// pass over every sentence stays linear.
const (
	teaserLineWindow = 4 << 10
	teaserParaWindow = 16 << 10
)

// teaserHeadBytes is how much of a paragraph is compared with teaserHeads:
// enough for the longest heading in any case form.
var teaserHeadBytes = func() int {
	n := 0
	for _, h := range teaserHeads {
		n = max(n, len(h))
	}
	return 2*n + utf8.UTFMax
}()

// IsTeaser reports whether the sentence starting at byte p of t is a link to
// another article rather than text of this one: its line starts with an
// arrow ("» Achte DMK: …") or a teaser heading ("Lesen Sie auch: …"), or its
// paragraph starts with such a heading ("Mehr zum Thema:" above a list).
// Facts are not taken from teasers: they are headlines of other texts, cut
// short ("Bayern übernimmt 2035 D16-Vors").
//
// Its cost is bounded by a few kilobytes whatever the length of t: a line
// start more than 4 KB or a paragraph start more than 16 KB before p is not
// looked for.
func IsTeaser(t string, p int) bool {
	if p < 0 || p > len(t) {
		return false
	}
	if ls, ok := lineStart(t, p, teaserLineWindow); ok {
		line := strings.TrimLeft(t[ls:], " \t")
		for _, m := range teaserMarks {
			if strings.HasPrefix(line, m) {
				return true
			}
		}
	}
	ps, ok := paraStart(t, p, teaserParaWindow)
	if !ok {
		return false
	}
	head := strings.TrimLeftFunc(t[ps:], unicode.IsSpace)
	head = head[:min(len(head), teaserHeadBytes)]
	for _, h := range teaserHeads {
		if lowerHasPrefix(head, h) {
			return true
		}
	}
	return false
}

// lowerHasPrefix reports whether strings.ToLower(s) starts with p, without
// lowering all of s.
func lowerHasPrefix(s, p string) bool {
	var buf [utf8.UTFMax]byte
	for p != "" {
		if s == "" {
			return false
		}
		r, n := utf8.DecodeRuneInString(s)
		s = s[n:]
		// strings.ToLower writes an invalid byte as U+FFFD, as this does
		enc := buf[:utf8.EncodeRune(buf[:], unicode.ToLower(r))]
		if len(enc) >= len(p) {
			return string(enc[:len(p)]) == p
		}
		if string(enc) != p[:len(enc)] {
			return false
		}
		p = p[len(enc):]
	}
	return true
}

// lineStart returns the start of the line holding byte p of t, looking at
// most window bytes back; ok is false when the line starts further back.
func lineStart(t string, p, window int) (int, bool) {
	from := max(0, p-window)
	if i := lastIndex(t[from:p], "\n"); i >= 0 {
		return from + i + 1, true
	}
	return 0, from == 0
}

// paraStart returns the start of the paragraph holding byte p of t, as
// strings.LastIndex(t[:p], "\n\n")+1 would say, looking at most window
// bytes back; ok is false when the paragraph starts further back.
func paraStart(t string, p, window int) (int, bool) {
	from := max(0, p-window)
	if i := lastIndex(t[from:p], "\n\n"); i >= 0 {
		return from + i + 1, true
	}
	return 0, from == 0
}

// lastIndex is strings.LastIndex for a short sep, fast on long strings: it
// tests chunks from the end with strings.Contains, which uses vector
// instructions where strings.LastIndex compares byte by byte.
func lastIndex(s, sep string) int {
	const chunk = 512
	for end := len(s); end > 0; {
		start := max(0, end-chunk)
		c := s[start:min(len(s), end+len(sep)-1)]
		if strings.Contains(c, sep) {
			return start + strings.LastIndex(c, sep)
		}
		end = start
	}
	return -1
}
