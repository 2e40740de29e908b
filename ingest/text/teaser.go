package text

import "strings"

// teaserMarks start a line that links to another article.
var teaserMarks = []string{"»", "→", "►", "▶", "⇒"}

// teaserHeads are headings of a block of links to other articles.
var teaserHeads = []string{"mehr zum thema", "lesen sie auch", "auch interessant", "das könnte sie auch interessieren",
	"weitere meldungen", "weitere artikel", "verwandte artikel", "verwandte themen", "mehr dazu", "zum weiterlesen",
	"weitere informationen", "siehe auch", "ähnliche artikel"}

// IsTeaser reports whether the sentence starting at byte p of t is a link to
// another article rather than text of this one: its line starts with an
// arrow ("» Achte DMK: …") or a teaser heading ("Lesen Sie auch: …"), or its
// paragraph starts with such a heading ("Mehr zum Thema:" above a list).
// Facts are not taken from teasers: they are headlines of other texts, cut
// short ("Bayern übernimmt 2035 D16-Vors").
func IsTeaser(t string, p int) bool {
	if p < 0 || p > len(t) {
		return false
	}
	ls := strings.LastIndexByte(t[:p], '\n') + 1
	line := strings.TrimLeft(t[ls:], " \t")
	for _, m := range teaserMarks {
		if strings.HasPrefix(line, m) {
			return true
		}
	}
	ps := strings.LastIndex(t[:p], "\n\n") + 1
	head := strings.ToLower(strings.TrimSpace(t[ps:]))
	for _, h := range teaserHeads {
		if strings.HasPrefix(head, h) {
			return true
		}
	}
	return false
}
