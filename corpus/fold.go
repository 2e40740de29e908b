package corpus

import "strings"

var folder = strings.NewReplacer(
	"ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss",
	"Ä", "ae", "Ö", "oe", "Ü", "ue", "ẞ", "ss",
	"\u00ad", "", "‐", "-", "‑", "-", "–", "-",
)

// Fold returns the lookup key of s: lower case, umlauts and ß spelt out
// (ä → ae, ß → ss), soft hyphens removed and hyphen variants unified, runs of
// white space collapsed. Registries and the thesaurus compare names by Fold.
func Fold(s string) string {
	s = folder.Replace(strings.TrimSpace(s))
	s = strings.ToLower(s)
	return strings.Join(strings.Fields(s), " ")
}
