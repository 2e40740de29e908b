package corpus

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// SeriesID identifies a meeting series: "digitalkoordinatoren", "d16", "d17", "dmk".
type SeriesID string

// Series is a recurring meeting format of the Länder digital leads.
type Series struct {
	ID          SeriesID `json:"id"`
	Label       string   `json:"label"`
	Aliases     []string `json:"aliases"`
	Since       int      `json:"since,omitempty"`
	Continues   SeriesID `json:"continues,omitempty"` // the series this one continues
	Description string   `json:"description,omitempty"`
}

//go:embed data/series.json
var seriesJSON []byte

var builtinSeries = mustSeries(seriesJSON)

func mustSeries(b []byte) []Series {
	var s []Series
	if err := json.Unmarshal(b, &s); err != nil {
		panic(fmt.Sprintf("corpus: built-in series: %v", err)) // embedded data, checked by tests
	}
	return s
}

// AllSeries returns the known meeting series.
func AllSeries() []Series { return append([]Series(nil), builtinSeries...) }

// SeriesByID returns the series with the given id.
func SeriesByID(id SeriesID) (Series, bool) {
	for _, s := range builtinSeries {
		if s.ID == id {
			return s, true
		}
	}
	return Series{}, false
}

// LookupSeries finds a series by id, label or alias, ignoring case.
func LookupSeries(name string) (SeriesID, bool) {
	k := Fold(name)
	for _, s := range builtinSeries {
		if Fold(string(s.ID)) == k || Fold(s.Label) == k {
			return s.ID, true
		}
		for _, a := range s.Aliases {
			if Fold(a) == k {
				return s.ID, true
			}
		}
	}
	return "", false
}

// Lineage returns id followed by the series it continues, and so on back:
// Lineage("dmk") is [dmk d16 digitalkoordinatoren].
func Lineage(id SeriesID) []SeriesID {
	if l, ok := builtinLineages[id]; ok {
		return append([]SeriesID(nil), l...)
	}
	return lineageOf(id)
}

// builtinLineages holds the lineage of every built-in series.
var builtinLineages = func() map[SeriesID][]SeriesID {
	out := map[SeriesID][]SeriesID{}
	for _, s := range builtinSeries {
		out[s.ID] = lineageOf(s.ID)
	}
	return out
}()

// lineage returns Lineage(id), shared for built-in series: callers must not
// change it.
func lineage(id SeriesID) []SeriesID {
	if l, ok := builtinLineages[id]; ok {
		return l
	}
	return lineageOf(id)
}

func lineageOf(id SeriesID) []SeriesID {
	var out []SeriesID
	for seen := map[SeriesID]bool{}; id != "" && !seen[id]; {
		seen[id] = true
		out = append(out, id)
		s, ok := SeriesByID(id)
		if !ok {
			break
		}
		id = s.Continues
	}
	return out
}

// Family returns every series related to id by continuation, in either
// direction: a question about the DMK may need the D16 and back.
func Family(id SeriesID) []SeriesID {
	out := Lineage(id)
	for _, s := range builtinSeries {
		for _, anc := range Lineage(s.ID) {
			if anc == id && s.ID != id {
				out = append(out, s.ID)
			}
		}
	}
	return out
}

// SeriesBase splits the id of a body found by the form of its name into its
// name and the Land it belongs to: "digitalkabinett-by" → "digitalkabinett",
// BY. A registered series, or a body of no Land, has no Land.
func SeriesBase(id SeriesID) (SeriesID, LandCode) {
	if _, ok := SeriesByID(id); ok {
		return id, ""
	}
	s := string(id)
	if k := strings.LastIndexByte(s, '-'); k > 0 && len(s)-k == 3 {
		code := LandCode(strings.ToUpper(s[k+1:]))
		if _, ok := Laender().Get(code); ok {
			return SeriesID(s[:k]), code
		}
	}
	return id, ""
}

// labelFunctionWords stay in lower case inside a series label.
var labelFunctionWords = map[string]bool{"der": true, "des": true, "die": true, "das": true, "den": true, "dem": true,
	"und": true, "für": true, "von": true, "vom": true, "im": true, "in": true, "am": true, "an": true, "zu": true,
	"zur": true, "zum": true, "mit": true, "bei": true, "beim": true, "auf": true, "aus": true, "über": true}

// SeriesLabel names a series: the registry's label, or for a body found by
// the form of its name (see ingest/meeting) its name from the id with the
// Land it belongs to: "digitalkabinett-he" → "Digitalkabinett (Hessen)".
func SeriesLabel(id SeriesID) string {
	if s, ok := SeriesByID(id); ok && s.Label != "" {
		return s.Label
	}
	// a region's conference of a registered series: "mpk-ost" → "MPK-Ost"
	if k := strings.LastIndexByte(string(id), '-'); k > 0 {
		if sr, ok := SeriesByID(id[:k]); ok {
			for _, a := range sr.Aliases {
				if len(a) <= 6 && strings.ToUpper(a) == a {
					r, n := utf8.DecodeRuneInString(string(id[k+1:]))
					return a + "-" + string(unicode.ToUpper(r)) + string(id[k+1+n:])
				}
			}
		}
	}
	base, code := SeriesBase(id)
	name, land := string(base), ""
	if l, ok := Laender().Get(code); ok && code != "" {
		land = l.Name
	}
	if name == "" {
		return ""
	}
	// the capitals are lost in the id: each word but the articles and
	// prepositions of a longer name, and each part of a hyphenated word,
	// starts with a capital ("bund-länder-arbeitsgruppe" →
	// "Bund-Länder-Arbeitsgruppe", "leiter der statistischen landesämter"
	// → "Leiter der Statistischen Landesämter")
	words := strings.Split(name, " ")
	for i, w := range words {
		if i > 0 && labelFunctionWords[w] {
			continue
		}
		parts := strings.Split(w, "-")
		for k, p := range parts {
			if q, m := utf8.DecodeRuneInString(p); m > 0 {
				parts[k] = string(unicode.ToUpper(q)) + p[m:]
			}
		}
		words[i] = strings.Join(parts, "-")
	}
	label := strings.Join(words, " ")
	if land != "" {
		label += " (" + land + ")"
	}
	return label
}
