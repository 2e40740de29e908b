package german

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is one word of a text: a run of letters and digits ("4.0" with its
// inner dot). Hyphens separate tokens, so "KI-Regulierung" is two tokens
// joined by the separator "-".
type Token struct {
	// Start and End are the byte range of the word in the text.
	Start, End int
	// Raw is the word as written, Lower in lower case.
	Raw, Lower string
	// sep is the normalised text between the previous token and this one:
	// "" for the first token, " " for white space, "-" for a hyphen, "¶" for
	// a paragraph break, other punctuation as written.
	Sep string
}

// Tokenize splits s into tokens. It is the one tokenizer of laendergraph:
// extraction and question analysis read words the same way.
func Tokenize(s string) []Token {
	var out []Token
	prevEnd := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !IsWordRune(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if IsWordRune(r2) {
				j += n2
				continue
			}
			// a dot between digits belongs to the token: "4.0"
			if r2 == '.' && j+1 < len(s) && isDigitByte(s[j+1]) && j > i && isDigitByte(s[j-1]) {
				j++
				continue
			}
			break
		}
		raw := s[i:j]
		sep := ""
		if len(out) > 0 {
			sep = NormSep(s[prevEnd:i])
		}
		out = append(out, Token{Start: i, End: j, Raw: raw, Lower: strings.ToLower(raw), Sep: sep})
		prevEnd = j
		i = j
	}
	return out
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

// NormSep normalises the text between two tokens: hyphen variants become
// "-", runs of white space " ", a blank line "¶".
func NormSep(s string) string {
	if s == "" {
		return ""
	}
	if strings.Count(s, "\n") >= 2 {
		return "¶"
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		case IsHyphen(r):
			b.WriteByte('-')
		default:
			b.WriteRune(r)
		}
		space = false
	}
	return b.String()
}
