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
	out := make([]Token, 0, len(s)/7+1)
	// lowered holds the lower case of the words that have upper-case
	// letters, one after another; their Lower is sliced from it at the end,
	// one allocation for the whole text instead of one per word.
	var lowered []byte
	var lowerAtBuf [32][2]int // room for most sentences' capitalised words
	lowerAt := lowerAtBuf[:0] // token index, offset in lowered
	prevEnd := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !IsWordRune(r) {
			i += n
			continue
		}
		j := i + n
		upper := r >= utf8.RuneSelf || 'A' <= r && r <= 'Z'
		for j < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if IsWordRune(r2) {
				upper = upper || r2 >= utf8.RuneSelf || 'A' <= r2 && r2 <= 'Z'
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
		t := Token{Start: i, End: j, Raw: raw, Lower: raw, Sep: sep}
		if upper { // maybe not lower case already: lower it into lowered
			if lowered == nil {
				lowered = make([]byte, 0, len(s)-i)
			}
			lowerAt = append(lowerAt, [2]int{len(out), len(lowered)})
			for _, c := range raw {
				lowered = utf8.AppendRune(lowered, unicode.ToLower(c))
			}
		}
		out = append(out, t)
		prevEnd = j
		i = j
	}
	if len(lowerAt) > 0 {
		all := string(lowered)
		for k, at := range lowerAt {
			end := len(all)
			if k+1 < len(lowerAt) {
				end = lowerAt[k+1][1]
			}
			out[at[0]].Lower = all[at[1]:end]
		}
	}
	return out
}

// plainSep reports whether NormSep(s) is s itself: ASCII with no hyphen
// variant but "-" and no white space but single blanks.
func plainSep(s string) bool {
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return false
		case c == ' ':
			if space {
				return false
			}
			space = true
		case c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			return false
		default:
			space = false
		}
	}
	return true
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

// NormSep normalises the text between two tokens: hyphen variants become
// "-", runs of white space " ", a blank line "¶".
func NormSep(s string) string {
	if s == "" {
		return ""
	}
	if plainSep(s) {
		return s
	}
	return normSep(s)
}

// normSep is NormSep without the shortcut for plain separators.
func normSep(s string) string {
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

// ClauseBreak reports whether sep, the text before a token, ends a clause:
// a comma, semicolon, colon or dash.
func ClauseBreak(sep string) bool { return strings.ContainsAny(sep, ",;:–—") }
