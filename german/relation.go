package german

import (
	_ "embed"
	"strings"
)

//go:embed data/relations.tsv
var relationsText string

// relationWords maps one word (lower case) to its relation; relationPhrases
// lists the cues of several words by their first word.
var relationWords, relationPhrases = func() (map[string]string, map[string][][]string) {
	one, many := map[string]string{}, map[string][][]string{}
	for _, ln := range lines(relationsText) {
		w, rel, ok := strings.Cut(ln, "\t")
		if !ok {
			continue
		}
		ws := strings.Fields(strings.ToLower(w))
		switch len(ws) {
		case 0:
		case 1:
			one[ws[0]] = strings.TrimSpace(rel)
		default:
			many[ws[0]] = append(many[ws[0]], append(ws[1:], strings.TrimSpace(rel)))
		}
	}
	return one, many
}()

// Relation returns the relation a single word (lower case) signals between
// an organisation or a law and a Land, a person or a date — "founded",
// "headed", "member", "funds", "runs", "passed", "inforce", "drafted",
// "amended" — or "hedge" for a word of plans and denials ("soll",
// "geplant", "nicht"), or "".
func Relation(w string) string { return relationWords[w] }

// Cue is a word or phrase at the byte range [Start, End) of a text that
// signals a relation (see Relation).
type Cue struct {
	Start, End int
	Relation   string
	// Noun: the cue is a noun ("Gründung", "Präsidentin"), which speaks of
	// the name right after it, not of the whole clause.
	Noun bool
}

// FindCues returns the relation cues of s in text order.
func FindCues(s string) []Cue {
	toks := Tokenize(s)
	var out []Cue
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if ps, ok := relationPhrases[t.Lower]; ok {
			matched := false
			for _, p := range ps {
				rest, rel := p[:len(p)-1], p[len(p)-1]
				if i+len(rest) >= len(toks) {
					continue
				}
				ok := true
				for k, w := range rest {
					if toks[i+1+k].Lower != w || toks[i+1+k].Sep != " " {
						ok = false
						break
					}
				}
				if ok {
					out = append(out, Cue{Start: t.Start, End: toks[i+len(rest)].End, Relation: rel})
					i += len(rest)
					matched = true
					break
				}
			}
			if matched {
				continue
			}
		}
		if rel, ok := relationWords[t.Lower]; ok {
			// a hyphenated compound is one noun: "Mitglieds-…" is no cue of its own
			if i+1 < len(toks) && toks[i+1].Sep == "-" {
				continue
			}
			out = append(out, Cue{Start: t.Start, End: t.End, Relation: rel, Noun: IsUpperInitial(t.Raw)})
		}
	}
	return out
}
