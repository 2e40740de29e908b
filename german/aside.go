package german

import (
	_ "embed"
	"strings"
)

//go:embed data/aside.txt
var asideText string

// asidePhrase is one line of aside.txt.
type asidePhrase struct {
	clause bool // every Land of its clause, else only the Länder right after it
	done   bool // a clause phrase for questions about what is done (SetAsideDone)
	prev   bool // only the Länder right before it ("Mit Hamburg als Vorbild …")
	words  []string
}

var asidePhrases = func() []asidePhrase {
	var out []asidePhrase
	for _, ln := range lines(asideText) {
		f := strings.Fields(ln)
		if len(f) < 2 || f[0] != "clause" && f[0] != "next" && f[0] != "prev" && f[0] != "done" {
			continue
		}
		out = append(out, asidePhrase{clause: f[0] == "clause" || f[0] == "done", done: f[0] == "done", prev: f[0] == "prev", words: f[1:]})
	}
	return out
}()

// asideAt returns the phrase of aside.txt that starts at token i, if any.
func asideAt(toks []Token, i int) (asidePhrase, bool) {
	for _, p := range asidePhrases {
		if wordsAt(toks, i, p.words) {
			return p, true
		}
	}
	return asidePhrase{}, false
}

// SetAside reports whether the Länder named at tokens a to b of a sentence
// (one Land, or one list of them) are set aside by its words: the clause
// they stand in says they watch, are guests, reserve, abstain, refuse or
// stay out ("Niedersachsen war als Beobachter eingeladen"), or a
// comparison names them right before ("Anders als Bayern"); or the clause
// is an indirect question ("…, ob Niedersachsen beitreten kann"). Clauses
// end at a comma, semicolon, colon or dash outside the list.
func SetAside(toks []Token, a, b int) bool { return setAside(toks, a, b, false) }

// SetAsideDone is SetAside for a question about what is done ("Wo können
// Eltern das Elterngeld schon digital beantragen?"): a Land that only
// announced it is set aside too ("done" phrases of aside.txt).
func SetAsideDone(toks []Token, a, b int) bool { return setAside(toks, a, b, true) }

func setAside(toks []Token, a, b int, done bool) bool {
	from, to := a, b
	for from > 0 && !ClauseBreak(toks[from].Sep) {
		from--
	}
	if from > 0 && toks[from].Lower == "ob" && from < a {
		// "…, ob und zu welchen Bedingungen Niedersachsen beitreten
		// kann": a question, not what a Land does
		return true
	}
	rel := false // in a relative clause right after the Länder
clause:
	for to+1 < len(toks) {
		switch sep := toks[to+1].Sep; {
		case !ClauseBreak(sep) || goesOn(toks, to+1):
		case to == b && strings.TrimSpace(sep) == "," && relativeOpens(toks, to+1):
			rel = true // "Hessen, das ebenfalls angefragt worden war, …"
		case rel && strings.TrimSpace(sep) == ",":
			rel = false // "…, betreibt seine Verfahren weiterhin …": its own clause goes on
		default:
			break clause
		}
		to++
	}
	for i := from; i <= to && i < len(toks); i++ {
		p, ok := asideAt(toks, i)
		if !ok || p.done && !done {
			continue
		}
		if p.done {
			// the Länder's own predicate, right after them: "Rheinland-Pfalz
			// hat angekündigt, …", "Bayern kündigt an, …" (not "Hessen hat
			// den Dienst wie angekündigt eingeführt", "…, das den Dienst
			// angekündigt hatte")
			k := b + 1 // past the rest of the last Land's name: "Rheinland-Pfalz", "Freie und Hansestadt Hamburg"
			for n := 0; n < 4 && k < i && (toks[k].Sep == "-" || IsUpperInitial(toks[k].Raw) || toks[k].Lower == "und" && k+1 < i && IsUpperInitial(toks[k+1].Raw)); n++ {
				k++
			}
			if i == k || i == k+1 && announcers[toks[k].Lower] {
				return true
			}
			continue
		}
		if p.prev {
			// right after the last Land, its name's parts between:
			// "Mit Hamburg als Vorbild …", "Mit Mecklenburg-Vorpommern
			// als Vorbild …"
			k := b + 1
			for k < i && toks[k].Sep == "-" {
				k++
			}
			if k == i {
				return true
			}
			continue
		}
		if p.clause || i+len(p.words) <= a && a-(i+len(p.words)) <= 2 && onlyArticles(toks[i+len(p.words):a]) {
			return true
		}
	}
	return false
}

// announcers are the auxiliaries between the Länder and "angekündigt".
var announcers = map[string]bool{"hat": true, "haben": true, "hatte": true, "hatten": true}

// relativePronouns open a relative clause after a comma.
var relativePronouns = map[string]bool{"der": true, "die": true, "das": true, "dem": true, "den": true, "denen": true, "deren": true, "dessen": true}

// relativeOpens reports whether token i opens a relative clause: a
// relative pronoun, alone or after a preposition ("Niedersachsen, für das
// Dataport Verfahren betreibt, hat sich …").
func relativeOpens(toks []Token, i int) bool {
	if relativePronouns[toks[i].Lower] {
		return true
	}
	if !relativePrepositions[toks[i].Lower] || i+1 >= len(toks) || toks[i+1].Sep != " " || !relativePronouns[toks[i+1].Lower] {
		return false
	}
	// an embedded clause closes with a comma after which the main clause
	// goes on with its verb ("…, hat sich …"); "Bayern, mit dem Ergebnis
	// war Sachsen nicht einverstanden" opens a main clause
	for j := i + 2; j < len(toks); j++ {
		if strings.ContainsAny(toks[j].Sep, ";:–—") {
			return false
		}
		if strings.Contains(toks[j].Sep, ",") {
			return toks[j].Raw == toks[j].Lower && !relativePronouns[toks[j].Lower]
		}
	}
	return false
}

// relativePrepositions may open a relative clause before its pronoun.
var relativePrepositions = map[string]bool{"für": true, "mit": true, "in": true, "an": true, "auf": true, "bei": true,
	"von": true, "zu": true, "aus": true, "über": true, "nach": true, "durch": true, "gegen": true, "unter": true}

// goesOn reports whether the clause that token i opens after a comma goes
// on with the subject of the clause before: "Hamburg hatte das Verfahren
// getestet, sich aber für eine eigene Lösung entschieden" (a reflexive or a
// contrast first, and no subject of its own).
func goesOn(toks []Token, i int) bool {
	if strings.ContainsAny(toks[i].Sep, ";:–—") {
		return false
	}
	switch toks[i].Lower {
	case "sich", "aber", "jedoch":
		return true
	case "hat", "hatte", "ist", "war":
		return i+1 < len(toks) && (toks[i+1].Lower == "sich" || toks[i+1].Lower == "aber" || toks[i+1].Lower == "jedoch")
	}
	return false
}

// onlyArticles reports whether toks, the words between a comparison and a
// Land, can only belong to the Land's name ("anders als der Freistaat").
func onlyArticles(toks []Token) bool {
	for _, t := range toks {
		if IsUpperInitial(t.Raw) && t.Raw != "Land" && t.Raw != "Freistaat" {
			return false
		}
	}
	return true
}

// HasAside reports whether toks hold a phrase that sets a Land aside (a
// question that asks who abstained or watched).
func HasAside(toks []Token) bool {
	for i := range toks {
		if _, ok := asideAt(toks, i); ok {
			return true
		}
	}
	return false
}
