package german

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// navSeparator separates the parts of a navigation bar: "|", "›", "»",
// ">", "·" or "•" with white space on both sides, not a quotation mark
// inside prose (»Wir werden …«) nor "> 3 Mio.".
var navSeparator = regexp.MustCompile(`\s[|›»>·•]\s`)

// navMarks are the separators of navSeparator.
const navMarks = "|›»>·•"

// runningWords is the fewest words a line (or a part of one between the
// separators of a navigation bar) needs to read as running text.
const runningWords = 6

// RunningText returns the lines of t that read as running German text,
// each on a line of its own: what a republication keeps of its original
// when it brings its own header, navigation, dateline, contact box and
// footer. A line is cut at the separators of navigation bars ("|", "›",
// "»", ">", "·", "•"); a part is running text when it has at least six
// words and reads as prose (proseLine), or when it continues a running line
// that ends inside a sentence (the last line of a hard-wrapped paragraph).
func RunningText(t string) string {
	var b strings.Builder
	open := false // the last kept part ends inside a sentence
	for _, line := range strings.Split(t, "\n") {
		if strings.TrimSpace(line) == "" {
			open = false
			continue
		}
		parts := []string{line}
		if strings.ContainsAny(line, navMarks) { // else navSeparator cannot match
			parts = navSeparator.Split(line, -1)
		}
		for _, p := range parts {
			p = strings.TrimSpace(p)
			if p == "" {
				continue
			}
			if !open && !runningPart(p) {
				open = false
				continue
			}
			b.WriteString(p)
			b.WriteByte('\n')
			open = !sentenceEnds(p)
		}
	}
	return b.String()
}

// runningPart reports whether a part of a line has enough words to read
// as running text and reads as prose (proseLine), its words counted once.
func runningPart(p string) bool {
	words, lower := wordInitials(p)
	return words >= runningWords && prose(words, lower)
}

// wordInitials counts the words of s (strings.Fields) that begin with a
// letter, and those that begin with a lower-case letter.
func wordInitials(s string) (letter, lower int) {
	inWord := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			inWord = false
			continue
		}
		if !inWord && unicode.IsLetter(r) {
			letter++
			if unicode.IsLower(r) {
				lower++
			}
		}
		inWord = true
	}
	return letter, lower
}

// sentenceEnds reports whether s ends a sentence: its last rune, after
// closing quotes and brackets, is a full stop, a question or exclamation
// mark.
func sentenceEnds(s string) bool {
	s = strings.TrimRight(s, " \"“”«)]")
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?'
}
