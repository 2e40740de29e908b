package german

import (
	_ "embed"
	"slices"
	"strings"

	"github.com/laendergraph/laendergraph/corpus"
)

//go:embed data/rank.txt
var rankText string

// Rank is what a word says about a place in a ranking.
type Rank int

const (
	RankNone   Rank = iota
	RankFirst       // at the top: "Spitzenreiter", "vorn", "besser"
	RankLast        // at the bottom: "Schlusslicht", "am unteren Ende"
	RankAhead       // the Land right after it is ahead: "knapp hinter"
	RankNear        // near an end but not at it: "den vorletzten Platz"
	RankBehind      // the Land right after it is behind: "vorn, vor Berlin"
)

type rankPhrase struct {
	kind  Rank
	weak  bool
	words []string
}

var rankPhrases = func() []rankPhrase {
	kinds := map[string]Rank{"first": RankFirst, "last": RankLast, "ahead": RankAhead, "near": RankNear, "behind": RankBehind}
	var out []rankPhrase
	for _, ln := range lines(rankText) {
		f := strings.Fields(ln)
		if len(f) < 2 {
			continue
		}
		name, weak := strings.CutSuffix(f[0], "~")
		if k, ok := kinds[name]; ok {
			out = append(out, rankPhrase{kind: k, weak: weak, words: f[1:]})
		}
	}
	return out
}()

// RankAt returns what the phrase starting at token i of toks says about a
// ranking, and how many tokens it spans (0 when none starts there).
func RankAt(toks []Token, i int) (Rank, int) {
	r, n, _ := RankCueAt(toks, i)
	return r, n
}

// RankCueAt is RankAt that also reports whether the phrase is weak: a
// comparative or superlative ("am besten", "schlechter") that often ranks
// within a part only.
func RankCueAt(toks []Token, i int) (Rank, int, bool) {
	for _, p := range rankPhrases {
		if wordsAt(toks, i, p.words) {
			return p.kind, len(p.words), p.weak
		}
	}
	return RankNone, 0, false
}

// wordsAt reports whether the folded words of a phrase of a word list
// (rank.txt, aside.txt: lower case, ä written ae; a word ending in "*"
// matches any ending) stand at token i of toks.
func wordsAt(toks []Token, i int, words []string) bool {
	for k, w := range words {
		if w == "…" {
			// a gap of up to four words within the clause: "gegen …
			// entschieden" reads "gegen den Arbeitsplatz entschieden"
			for skip := 0; skip <= maxPhraseGap && i+k+skip <= len(toks); skip++ {
				// the words skipped and the next one stand in the clause
				if skip > 0 && slices.ContainsFunc(toks[i+k:min(len(toks), i+k+skip+1)], func(t Token) bool { return ClauseBreak(t.Sep) }) {
					return false
				}
				if skip > 0 && (toks[i+k+skip-1].Lower == "für" || toks[i+k+skip-1].Lower == "dafür") {
					return false // "gegen Jahresende für das Portal entschieden": for, not against
				}
				if wordsAt(toks, i+k+skip, words[k+1:]) {
					return true
				}
			}
			return false
		}
		if i+k >= len(toks) {
			return false
		}
		t := corpus.Fold(toks[i+k].Raw)
		if pre, wild := strings.CutSuffix(w, "*"); wild {
			if !strings.HasPrefix(t, pre) {
				return false
			}
		} else if t != w {
			return false
		}
	}
	return true
}

// maxPhraseGap is the most words a gap ("…") of a word list skips.
const maxPhraseGap = 4
