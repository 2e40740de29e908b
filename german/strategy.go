package german

import (
	_ "embed"
	"maps"
)

//go:embed data/adoption.txt
var adoptionText string

//go:embed data/predecessor.txt
var predecessorText string

var adoptionWords, predecessorWords = wordSet(adoptionText), wordSet(predecessorText)

// wordSet returns the words of a list file (one a line) as a set.
func wordSet(src string) map[string]bool {
	out := map[string]bool{}
	for _, ln := range lines(src) {
		out[ln] = true
	}
	return out
}

// AdoptionWords returns the words saying that a strategy was adopted,
// published or presented (data/adoption.txt), as a set of lower-case
// words. The caller owns the copy.
func AdoptionWords() map[string]bool { return maps.Clone(adoptionWords) }

// PredecessorWords returns the words that mark a strategy as the one before
// another (data/predecessor.txt), as a set of lower-case words. The caller
// owns the copy.
func PredecessorWords() map[string]bool { return maps.Clone(predecessorWords) }
