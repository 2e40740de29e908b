package german

import (
	_ "embed"
	"strings"
)

//go:embed data/portfolios.tsv
var portfoliosText string

var portfolios = func() map[string]string {
	m := map[string]string{}
	for _, ln := range lines(portfoliosText) {
		p, prefix, ok := strings.Cut(ln, "\t")
		if ok {
			m[strings.ToLower(strings.TrimSpace(p))] = strings.TrimSpace(prefix)
		}
	}
	return m
}()

// PortfolioMinister returns the first part of the name of the ministers
// responsible for a portfolio (data/portfolios.tsv): "Digitales" →
// "Digital", as in "Digitalminister"; "Inneres" → "Innen". A text that
// names the ministers by their portfolio ("die für Digitales zuständigen
// Ministerinnen und Minister der Länder") names them so.
func PortfolioMinister(portfolio string) (string, bool) {
	p, ok := portfolios[strings.ToLower(portfolio)]
	return p, ok
}
