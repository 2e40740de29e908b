package german

import (
	"strconv"
	"strings"
)

// cardinals are the number words up to twelve, lower case.
var cardinals = map[string]int{"eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
	"sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12}

// Cardinal returns the number a word counts: a number word up to twelve
// ("vier", "Zwölf") or digits ("16").
func Cardinal(w string) (int, bool) {
	if IsDigits(w) {
		n, err := strconv.Atoi(w)
		return n, err == nil
	}
	n, ok := cardinals[strings.ToLower(w)]
	return n, ok
}
