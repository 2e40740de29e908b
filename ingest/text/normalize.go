package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize cleans text for storage and extraction while keeping its line
// structure (headings and list items stay lines):
//   - invalid UTF-8 becomes U+FFFD, the result is in Unicode NFC;
//   - line ends become "\n", a form feed a blank line;
//   - soft hyphens, zero-width and other format characters and control
//     characters are removed; non-breaking and other spaces and tabs become
//     plain spaces, runs of them one space; lines are trimmed;
//   - words hyphenated at a line end are joined: "Digitali-\nsierung" →
//     "Digitalisierung", "Informations-\nTechnik" → "Informations-Technik"
//     (the hyphen stays before a capital), but "Bund-\nund Länder" stays;
//     so are lower-case word parts that a PDF's text already put on one line
//     ("Digitali- sierung");
//   - at most one blank line separates paragraphs; none lead or trail.
//
// Normalize is idempotent.
func Normalize(s string) string {
	s = mapRunes(s)
	s = norm.NFC.String(s)
	lines := strings.Split(s, "\n")
	out := lines[:0]
	blank := true // suppresses leading blank lines
	for _, ln := range lines {
		ln = joinInline(collapseSpaces(ln))
		if ln == "" {
			if !blank {
				out = append(out, "")
			}
			blank = true
			continue
		}
		if !blank && len(out) > 0 {
			if joined, ok := joinHyphenated(out[len(out)-1], ln); ok {
				out[len(out)-1] = joined
				continue
			}
		}
		out = append(out, ln)
		blank = false
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	s = strings.Join(out, "\n")
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	return s
}

// mapRunes replaces invalid UTF-8, unifies line ends and spaces, removes
// format and control characters, and joins words split by a soft hyphen at a
// line end.
func mapRunes(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case ' ' <= r && r <= '~': // printable ASCII, kept (a space is one of Zs)
			b.WriteByte(byte(r))
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				continue
			}
			b.WriteByte('\n')
		case r == '\n' || r == '\v' || r == 0x85 || r == 0x2028:
			b.WriteByte('\n')
		case r == '\f' || r == 0x2029:
			b.WriteString("\n\n")
		case r == '\t' || unicode.Is(unicode.Zs, r):
			b.WriteByte(' ')
		case r == 0xAD: // soft hyphen: at a line end it joins the word
			if j, ok := skipLineBreak(s, i); ok {
				i = j
			}
		case unicode.Is(unicode.Cf, r) || unicode.IsControl(r):
			// zero-width, bidi marks, BOM, control characters: drop
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// skipLineBreak returns the index after the spaces, one line break and the
// spaces that follow s[i:], if s[i:] starts so.
func skipLineBreak(s string, i int) (int, bool) {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	switch {
	case strings.HasPrefix(s[i:], "\r\n"):
		i += 2
	case i < len(s) && (s[i] == '\n' || s[i] == '\r'):
		i++
	default:
		return i, false
	}
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i, true
}

// collapseSpaces trims ln and collapses runs of spaces to one.
func collapseSpaces(ln string) string {
	ln = strings.Trim(ln, " ")
	if !strings.Contains(ln, "  ") {
		return ln
	}
	var b strings.Builder
	b.Grow(len(ln))
	space := false
	for i := 0; i < len(ln); i++ {
		if ln[i] == ' ' {
			if space {
				continue
			}
			space = true
		} else {
			space = false
		}
		b.WriteByte(ln[i])
	}
	return b.String()
}

// joinInline joins words hyphenated at a line end that text extraction has
// already turned into a space ("Digitali- sierung", typical of PDFs): a
// hyphen after a lower-case letter, a space and a lower-case word that is no
// conjunction ("Landes- und Bundesrecht" stays).
func joinInline(ln string) string {
	if !strings.Contains(ln, "- ") {
		return ln
	}
	var b strings.Builder
	b.Grow(len(ln))
	for i := 0; i < len(ln); {
		if strings.HasPrefix(ln[i:], "- ") && i > 0 {
			before, _ := utf8.DecodeLastRuneInString(b.String())
			if unicode.IsLower(before) && startsHyphenatedPart(ln[i+2:]) {
				i += 2
				continue
			}
		}
		b.WriteByte(ln[i])
		i++
	}
	return b.String()
}

// startsHyphenatedPart reports whether s starts with the lower-case rest of a
// hyphenated word rather than a conjunction.
func startsHyphenatedPart(s string) bool {
	first, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsLower(first) {
		return false
	}
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(s)
	}
	return !suspendedHyphen[s[:end]]
}

// joinHyphenated joins prev, which may end in a hyphenated word part, with
// the next line.
func joinHyphenated(prev, next string) (string, bool) {
	if !strings.HasSuffix(prev, "-") {
		return "", false
	}
	before, _ := utf8.DecodeLastRuneInString(prev[:len(prev)-1])
	if !unicode.IsLetter(before) {
		return "", false
	}
	first, _ := utf8.DecodeRuneInString(next)
	switch {
	case unicode.IsUpper(first):
		return prev + next, true
	case startsHyphenatedPart(next):
		return prev[:len(prev)-1] + next, true
	}
	return "", false
}

// suspendedHyphen are the words after which a hyphen marks a shared word part
// ("Bund- und Länder"), not a line-end hyphenation.
var suspendedHyphen = setOf("und", "oder", "sowie", "bzw", "beziehungsweise", "als", "wie", "noch", "bis", "u", "o", "respektive", "resp")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
