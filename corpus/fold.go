package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// foldPairs are the replacements of Fold, each of one rune.
var foldPairs = []string{
	"ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss",
	"Ä", "ae", "Ö", "oe", "Ü", "ue", "ẞ", "ss",
	"\u00ad", "", "‐", "-", "‑", "-", "–", "-",
}

var folder = strings.NewReplacer(foldPairs...)

// foldRunes maps the runes of foldPairs to their replacements, for
// AppendFold.
var foldRunes = func() map[rune]string {
	m := map[rune]string{}
	for i := 0; i < len(foldPairs); i += 2 {
		r, n := utf8.DecodeRuneInString(foldPairs[i])
		if n != len(foldPairs[i]) {
			panic("corpus: a replacement of Fold is not one rune: " + foldPairs[i])
		}
		m[r] = foldPairs[i+1]
	}
	return m
}()

// Fold returns the lookup key of s: lower case, umlauts and ß spelt out
// (ä → ae, ß → ss), soft hyphens removed and hyphen variants unified, runs of
// white space collapsed. Registries and the thesaurus compare names by Fold.
func Fold(s string) string {
	s = folder.Replace(strings.TrimSpace(s))
	s = strings.ToLower(s)
	return strings.Join(strings.Fields(s), " ")
}

// AppendFold appends Fold(s) to dst. A word without white space is folded
// rune by rune, without the allocations of Fold: the dates scanner folds
// every word of a text.
func AppendFold(dst []byte, s string) []byte {
	if !utf8.ValidString(s) {
		// Fold's replacer reads bytes: removing "\u00ad" from
		// "\xc2\u00ad\xad" leaves one
		return append(dst, Fold(s)...)
	}
	start := len(dst)
	for _, r := range s {
		if unicode.IsSpace(r) {
			return append(dst[:start], Fold(s)...)
		}
		if f, ok := foldRunes[r]; ok {
			dst = append(dst, f...)
			continue
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst
}
