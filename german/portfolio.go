package german

import (
	_ "embed"
	"strings"
)

//go:embed data/portfolios.tsv
var portfoliosText string

var portfolios = pairMap(portfoliosText)

// PortfolioMinister returns the first part of the name of the ministers
// responsible for a portfolio (data/portfolios.tsv): "Digitales" →
// "Digital", as in "Digitalminister"; "Inneres" → "Innen". A text that
// names the ministers by their portfolio ("die für Digitales zuständigen
// Ministerinnen und Minister der Länder") names them so.
func PortfolioMinister(portfolio string) (string, bool) {
	p, ok := portfolios[strings.ToLower(portfolio)]
	return p, ok
}
