package meeting

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/german"
)

// placesTxt is the gazetteer of the German language layer.
var placesTxt = german.PlacesText

// gazetteer holds the known towns, longest names first.
// A town's adjective ("Potsdamer") is read by german.TownByAdjective.
type gazetteer struct {
	names []string
	land  map[string]corpus.LandCode
}

func parseGazetteer(src string) *gazetteer {
	g := &gazetteer{land: map[string]corpus.LandCode{}}
	for _, ln := range strings.Split(src, "\n") {
		ln = strings.TrimSpace(ln)
		if ln == "" || strings.HasPrefix(ln, "#") {
			continue
		}
		name, code, _ := strings.Cut(ln, "\t")
		name = strings.TrimSpace(name)
		g.names = append(g.names, name)
		g.land[name] = corpus.LandCode(strings.TrimSpace(code))
	}
	sort.SliceStable(g.names, func(i, j int) bool { return len(g.names[i]) > len(g.names[j]) })
	return g
}

// landOf returns the Land of a known town, also of one of its districts
// ("Rostock-Warnemünde", "Berlin-Mitte").
func (g *gazetteer) landOf(place string) (corpus.LandCode, bool) {
	if l, ok := g.land[place]; ok {
		return l, true
	}
	if k := strings.IndexByte(place, '-'); k > 0 {
		l, ok := g.land[place[:k]]
		return l, ok
	}
	return "", false
}

// townAt returns the known town whose name starts at s[i:], if any.
func (g *gazetteer) townAt(s string, i int) (string, bool) {
	rest := s[i:]
	for _, n := range g.names {
		if strings.HasPrefix(rest, n) && boundaryAfter(s, i+len(n)) {
			return n, true
		}
	}
	return "", false
}

// townSuffixes are endings of German place names; a capitalised word after a
// bare "in" that ends so is taken for a town ("in Walldorf").
var townSuffixes = []string{"dorf", "burg", "berg", "heim", "hausen", "stadt", "feld", "furt", "bach", "hagen", "ingen", "rode", "stedt", "leben", "born", "brücken", "kirchen", "münster", "hafen", "walde", "holz", "itz", "ow"}

// placeKind reports whether the lower-case word names a kind of place
// whose name follows it: "Ostseebad", "Seebad", "Kurort", "Luftkurort".
func placeKind(lw string) bool {
	return strings.HasSuffix(lw, "seebad") || lw == "heilbad" || strings.HasSuffix(lw, "kurort") || lw == "badeort"
}

func townLike(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || utf8.RuneCountInString(w) < 5 {
		return false
	}
	for _, suf := range townSuffixes {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// venueSuffixes are endings of nouns that name a building or room.
var venueSuffixes = []string{
	"saal", "säle", "institut", "kanzlei", "zentrale", "haus", "halle", "schloss", "schloß", "ministerium",
	"vertretung", "zentrum", "center", "campus", "forum", "messe", "gebäude", "akademie", "universität",
	"hochschule", "hotel", "landtag", "bibliothek", "museum", "palais", "villa", "residenz", "kloster",
	"rathaus", "park", "arena", "kongress", "pavillon",
}

// bareGeneric are venue endings too vague to name a building alone: "im
// Zentrum der Beratungen", "im Fokus".
var bareGeneric = map[string]bool{"zentrum": true, "forum": true, "park": true, "center": true, "campus": true, "arena": true, "kongress": true, "haus": true}

func venueNoun(w string) bool {
	lw := lastPart(strings.ToLower(w))
	if bareGeneric[lw] {
		return false
	}
	for _, suf := range venueSuffixes {
		if strings.HasSuffix(lw, suf) {
			return true
		}
	}
	return lw == "kanzleramt"
}

// placeFind is a town (Place) or building (Venue) named in a sentence.
type placeFind struct {
	place, venue string
	// s, e is the byte range of the phrase, to keep Länder named inside a
	// room name ("Brandenburg-Saal") out of hosts and chairs.
	s, e int
	// land is set when the place is a Land ("findet in Rheinland-Pfalz statt").
	land bool
	// invite is set for the goal of an invitation ("lädt … nach Kiel
	// ein"): no heading of its own.
	invite bool
	// capital is set for a capital named without its name ("in der
	// Landeshauptstadt"): the town is the one named before.
	capital bool
}

// findPlaces returns the towns and buildings that s names as locations:
// "in Potsdam", "in Frankfurt am Main", "in Heidelberg und Walldorf",
// "im Potsdamer HPI", "am Hasso-Plattner-Institut (HPI)", "im Brandenburg-Saal
// der Staatskanzlei", "in der Unternehmenszentrale von DE-CIX". lands are the
// Länder named in s; a Land after a bare "in" is a place too.
func (e *Extractor) findPlaces(s string, ws []word, lands []landSpan) []placeFind {
	var out []placeFind
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		switch w.lower {
		case "in":
			j := i + 1
			if j >= len(ws) || ws[j].s != w.e+1 {
				continue
			}
			if ws[j].lower == "der" || ws[j].lower == "dem" || ws[j].lower == "den" {
				// "in der Landeshauptstadt Mainz", "in der Hansestadt Rostock"
				if k := j + 1; k+1 < len(ws) && (strings.HasSuffix(ws[k].lower, "stadt") || ws[k].lower == "gemeinde") {
					if p, ok := e.townPhrase(s, ws, k+1, nil); ok {
						out = append(out, p)
						continue
					}
				}
				if p, ok := e.capitalOf(ws, j+1, lands); ok {
					// "in der hessischen Landeshauptstadt": that Land's capital
					out = append(out, p)
					continue
				}
				if k := j + 1; k < len(ws) && (ws[k].lower == "landeshauptstadt" || ws[k].lower == "hauptstadt") &&
					(k+1 == len(ws) || !capitalised(ws[k+1].text)) {
					// "kamen … in der Landeshauptstadt zusammen"
					out = append(out, placeFind{capital: true, s: ws[k].s, e: ws[k].e})
					continue
				}
				if v, ok := e.venueAt(s, ws, j+1); ok {
					out = append(out, v)
				}
				continue
			}
			if ws[j].lower == "die" || ws[j].lower == "das" {
				// where guests go: "in die Rostocker Stadthalle"
				if v, ok := e.venueAt(s, ws, j+1); ok {
					out = append(out, v)
				}
				continue
			}
			if p, ok := e.capitalOf(ws, j, lands); ok {
				out = append(out, p) // "in Hessens Landeshauptstadt"
				continue
			}
			if p, ok := e.townPhrase(s, ws, j, lands); ok {
				out = append(out, p)
			}
		case "nach":
			// "X lädt … nach Bremerhaven ein": the place of an invitation
			if j := i + 1; j < len(ws) && ws[j].s == w.e+1 && invites(ws) {
				if p, ok := e.townPhrase(s, ws, j, nil); ok {
					p.invite = true
					out = append(out, p)
				}
			}
		case "tagungsort", "veranstaltungsort", "sitzungsort", "austragungsort":
			// "Tagungsort ist das Hasso-Plattner-Institut in Potsdam"
			j := i + 1
			if j < len(ws) && (ws[j].lower == "ist" || ws[j].lower == "war" || ws[j].lower == "wird" || ws[j].lower == "sind") {
				j++
			}
			if j < len(ws) && (ws[j].lower == "das" || ws[j].lower == "die" || ws[j].lower == "der") {
				j++
			}
			if v, ok := e.venueAt(s, ws, j); ok {
				out = append(out, v)
			}
		case "im", "am", "beim", "ins":
			// "im Ostseebad Warnemünde", "im Kurort Bad Saarow": the name
			// after a word for a kind of place is a town
			if w.lower == "im" && i+2 < len(ws) && placeKind(ws[i+1].lower) && capitalised(ws[i+2].text) && ws[i+2].s == ws[i+1].e+1 {
				k := i + 2
				if ws[k].lower == "bad" && k+1 < len(ws) && capitalised(ws[k+1].text) {
					k++
				}
				out = append(out, placeFind{place: s[ws[i+2].s:ws[k].e], s: ws[i+2].s, e: ws[k].e})
				continue
			}
			if v, ok := e.venueAt(s, ws, i+1); ok {
				out = append(out, v)
			}
		case "zu":
			// a building and its town: "im Neuen Rathaus zu Leipzig"
			if j := i + 1; i > 0 && j < len(ws) && ws[j].s == w.e+1 && venueNoun(ws[i-1].text) {
				if p, ok := e.townPhrase(s, ws, j, nil); ok {
					out = append(out, p)
				}
			}
		case "bei", "auf":
			if i+1 < len(ws) && (ws[i+1].lower == "der" || ws[i+1].lower == "dem") {
				if v, ok := e.venueAt(s, ws, i+2); ok {
					out = append(out, v)
				}
			}
		}
	}
	return out
}

// capitalOf reads a Land's capital named by the Land's adjective or
// genitive at word j and "(Landes-)Hauptstadt" after it: "hessischen
// Landeshauptstadt", "Thüringer Landeshauptstadt", "Hessens Hauptstadt".
func (e *Extractor) capitalOf(ws []word, j int, lands []landSpan) (placeFind, bool) {
	if j+1 >= len(ws) || ws[j+1].lower != "landeshauptstadt" && ws[j+1].lower != "hauptstadt" {
		return placeFind{}, false
	}
	for _, l := range lands {
		if l.s != ws[j].s || l.e != ws[j].e || l.nominative {
			continue
		}
		if land, ok := e.reg.Get(l.code); ok && land.Capital != "" {
			return placeFind{place: land.Capital, s: ws[j].s, e: ws[j+1].e}, true
		}
	}
	return placeFind{}, false
}

// townPhrase reads one town, or two joined by "und", starting at word j.
func (e *Extractor) townPhrase(s string, ws []word, j int, lands []landSpan) (placeFind, bool) {
	start := ws[j].s
	one := func(k int) (string, int, bool) { // name, end byte, ok
		if k >= len(ws) {
			return "", 0, false
		}
		if t, ok := e.places.townAt(s, ws[k].s); ok {
			end := ws[k].s + len(t)
			// a district after a hyphen: "Rostock-Warnemünde", "Berlin-Mitte"
			if end < len(s) && s[end] == '-' {
				if ws[k].e > end+1 {
					return s[ws[k].s:ws[k].e], ws[k].e, true // one hyphenated word
				}
				for m := k; m < len(ws); m++ {
					if ws[m].s == end+1 && capitalised(ws[m].text) {
						return s[ws[k].s:ws[m].e], ws[m].e, true
					}
				}
			}
			return t, end, true
		}
		for _, l := range lands {
			if l.s == ws[k].s && l.nominative {
				return s[l.s:l.e], l.e, true
			}
		}
		if townLike(ws[k].text) && boundaryAfter(s, ws[k].e) && !strings.ContainsAny(s[ws[k].e:min(len(s), ws[k].e+1)], "-") {
			return ws[k].text, ws[k].e, true
		}
		return "", 0, false
	}
	name, end, ok := one(j)
	if !ok {
		return placeFind{}, false
	}
	isLand := false
	for _, l := range lands {
		if l.s == start && l.e == end {
			isLand = true
		}
	}
	if _, known := e.places.land[name]; known {
		isLand = false
	}
	// "in Heidelberg und Walldorf"
	k := j
	for k < len(ws) && ws[k].e <= end {
		k++
	}
	if k+1 < len(ws) && (ws[k].lower == "und" || ws[k].lower == "sowie") {
		if n2, end2, ok := one(k + 1); ok {
			if _, isTown := e.places.land[n2]; isTown || townLike(n2) {
				return placeFind{place: name + " und " + n2, s: start, e: end2}, true
			}
		}
	}
	return placeFind{place: name, s: start, e: end, land: isLand}, true
}

// venueAt reads a building or room name starting at word j: optional town
// adjective, capitalised words, an optional "(ABBR)", and an optional genitive
// ("der Staatskanzlei") or "von X" part.
func (e *Extractor) venueAt(s string, ws []word, j int) (placeFind, bool) {
	if j >= len(ws) {
		return placeFind{}, false
	}
	var town string
	if t, ok := german.TownByAdjective(ws[j].text); ok && j+1 < len(ws) && capitalised(ws[j+1].text) {
		if streetNoun(ws[j+1].lower) {
			// an address, not a town: "am Berliner Platz" in Cottbus,
			// "am Potsdamer Platz" in Berlin
			return placeFind{}, false
		}
		town = t
		j++
	}
	k := j
	for k < len(ws) && k-j < 4 && capitalised(ws[k].text) && (k == j || joinedBySpaceOrHyphen(s, ws[k-1], ws[k])) {
		if _, isTown := e.places.land[ws[k].text]; isTown && k > j {
			break
		}
		k++
	}
	if k == j {
		return placeFind{}, false
	}
	ok := town != "" // "im Potsdamer HPI"
	for m := j; m < k; m++ {
		ok = ok || venueNoun(ws[m].text)
	}
	end := ws[k-1].e
	// "(HPI)"
	if rest := s[end:]; strings.HasPrefix(rest, " (") {
		if c := strings.IndexByte(rest, ')'); c > 2 && c < 16 && isAcronym(rest[2:c]) {
			end += c + 1
			for k < len(ws) && ws[k].s < end {
				k++
			}
		}
	}
	// genitive or "von X": "Brandenburg-Saal der Staatskanzlei",
	// "Unternehmenszentrale von DE-CIX"
	if k+1 < len(ws) && (ws[k].lower == "der" || ws[k].lower == "des" || ws[k].lower == "von") && ws[k].s == end+1 {
		m := k + 1
		for m < len(ws) && m-k-1 < 3 && (capitalised(ws[m].text) || isAcronym(ws[m].text)) && (m == k+1 || joinedBySpaceOrHyphen(s, ws[m-1], ws[m])) {
			if _, isTown := e.places.land[ws[m].text]; isTown {
				break
			}
			m++
		}
		if m > k+1 && (ok || venueNoun(ws[m-1].text)) {
			ok = true
			end = ws[m-1].e
		}
	}
	// a town right after the building: "im Klimahaus Bremerhaven", "auf dem
	// Campus der Technischen Universität Cottbus–Senftenberg"; a name
	// followed by a town is a building even without a building noun ("im
	// Ozeaneum Stralsund")
	if town == "" {
		last, first := end, k
		for first < len(ws) && ws[first].s < end {
			first++
		}
		for m := first; m < len(ws) && m < first+3 && ws[m].s <= last+2; m++ {
			if t, isTown := e.places.townAt(s, ws[m].s); isTown {
				town, end, ok = t, last, true
				break
			}
			if !capitalised(ws[m].text) || !ok {
				break
			}
			last = ws[m].e
		}
	}
	if !ok {
		return placeFind{}, false
	}
	v := strings.TrimSpace(s[ws[j].s:end])
	if _, isTown := e.places.land[v]; isTown {
		return placeFind{}, false
	}
	return placeFind{place: town, venue: v, s: ws[j].s, e: end}, true
}

// streetNoun reports whether a lower-case word names a street or square:
// a town adjective before it names a street, not the town it stands in.
func streetNoun(w string) bool {
	switch w {
	case "platz", "straße", "strasse", "allee", "ring", "tor", "damm", "weg", "ufer", "chaussee", "brücke", "markt", "gasse":
		return true
	}
	return false
}

func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func isAcronym(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n >= 2
}

// joinedBySpaceOrHyphen reports whether b follows a after one space or a
// hyphen ("Hasso-Plattner-Institut" is one word to the tokenizer anyway).
func joinedBySpaceOrHyphen(s string, a, b word) bool {
	gap := s[a.e:b.s]
	return gap == " " || gap == "-" || gap == "‑"
}

// invites reports whether the words invite or travel to a place: "lädt
// … ein", "laden … ein", "einladen", "kamen … zum Gipfel nach Mainz".
func invites(ws []word) bool {
	verb, ein := false, false
	for _, w := range ws {
		switch w.lower {
		case "lädt", "laden", "lud", "luden":
			verb = true
		case "ein":
			ein = verb
		case "einladen", "einlädt", "einlud", "einluden", "eingeladen", "kamen", "kam", "reisten", "reiste":
			return true
		}
	}
	return verb && ein
}
