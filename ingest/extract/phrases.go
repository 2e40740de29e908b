package extract

import (
	"slices"
	"strings"
	"unicode"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/german"
)

// The phrase rules of german/data/phrases.tsv that extraction runs. Each
// family is read here into the facts of people: the Land of a role, of a
// clause's people, of a name.

// slots recognises the slots of a sentence for the phrase engine: LAND (a
// Land form, not the first part of a compound), LAND:name (by its name or
// an alias only), PERSON (a name with its honorific, as parseName reads
// it), ROLE (a role noun with its modifiers and complement), OFFICE (an
// office by the form of its name, whose head the rule names), DUTY (the
// duties of an office's head, with the office: "Leitung des Landesamts").
type slots struct {
	x *Extractor
	s *sentence
}

// SlotAt implements german.SlotReader.
func (r slots) SlotAt(kind string, i int) (int, bool) {
	s := r.s
	switch kind {
	case "LAND", "LAND:name":
		h, ok := s.landAt(i)
		if !ok || kind == "LAND:name" && h.Kind != FormName {
			return 0, false
		}
		return s.tokenBefore(h.End) + 1, true
	case "PERSON":
		p, ok := r.x.parseName(s.txt, s.toks[i].start)
		if !ok || p.hstart != s.toks[i].start {
			return 0, false
		}
		return s.tokenBefore(p.after) + 1, true
	case "DUTY":
		// a duty taken on, with the office it is of: "die
		// Geschäftsführung des SID", "die Leitung der CSBW"
		if dutyNouns[s.toks[i].lower] && i+2 < len(s.toks) && (s.toks[i+1].lower == "des" || s.toks[i+1].lower == "der") &&
			isUpperInitial(s.toks[i+2].raw) {
			return r.x.rolePhrase(s, i) + 1, true
		}
	case "OFFICE":
		// an office by the form of its name after its article, as a
		// relative clause says its head leads it: "das Berlin-CERT", "das
		// Landesamt für Datenpflege"
		j := i
		for j+1 < len(s.toks) && s.toks[j+1].sep == "-" {
			j++
		}
		w := s.txt[s.toks[i].start:s.toks[j].end]
		acronym := false // "das Berlin-CERT", "das LDI"
		for k := i; k <= j; k++ {
			acronym = acronym || len(s.toks[k].raw) >= 3 && isAllUpper(s.toks[k].raw) && !slices.Contains(parties, s.toks[k].raw)
		}
		if !isUpperInitial(s.toks[i].raw) || !german.HasInstitutionHead(w) && !officeNoun(w) && !acronym {
			return 0, false
		}
		return r.x.rolePhrase(s, j) + 1, true
	case "ROLE":
		if rs, ok := s.roleStartingAt(i); ok {
			e := r.x.rolePhrase(s, rs.to)
			if s.bracketedAcronym(e + 1) {
				e++ // "… für Informationstechnik (CIO)"
			} else if _, last, ok := s.roleAcronymAfter(e + 1); ok {
				e = last // "… (Chief Information Officer, CIO)"
			}
			return e + 1, true
		}
	}
	return 0, false
}

// headVerbs say that a person leads an office (the OFFICE rows).
var headVerbs = map[string]bool{"leitet": true, "leitete": true}

// dutyNouns are the duties whose taking on names a person's role: "übernimmt
// die Geschäftsführung des SID".
var dutyNouns = map[string]bool{"leitung": true, "geschäftsführung": true, "präsidentschaft": true, "amtsleitung": true, "behördenleitung": true}

// phraseLand returns the Land of the first rule of family whose anchor is
// token k and whose LAND slot holds a Land, or "".
func (x *Extractor) phraseLand(s *sentence, family string, k int) corpus.LandCode {
	if k < 0 {
		return ""
	}
	for _, m := range german.DefaultPhrases.MatchAt(family, s.phraseTokens(), slots{x, s}, k) {
		if l, ok := m.Slots["LAND"]; ok {
			if h, ok := s.landAt(l[0]); ok {
				return h.Land
			}
		}
	}
	return ""
}

// phraseTokens returns the sentence's tokens as the language layer's type,
// for the phrase engine and the institution recogniser.
func (s *sentence) phraseTokens() []german.Token { return s.gtoks }

// phrasePeople emits the people of the sentence's person-role rules: the
// PERSON slot's name with the ROLE slot's role ("X ist vom Kabinett zum
// neuen Amtschef ernannt worden"), the role's Land read from its phrase or
// the word before it, else left to emit (the document's Land for a role of
// a Land government).
func (x *Extractor) phrasePeople(s *sentence, emit func(p personName, role string, land corpus.LandCode, landRole bool)) {
	// every person-role row holds a ROLE, a duty or a verb of leading: a
	// sentence without one matches none, and most sentences have none
	hasRole := false
	for k := range s.toks {
		if _, ok := s.roleEndingAt(k); ok || dutyNouns[s.toks[k].lower] || headVerbs[s.toks[k].lower] {
			hasRole = true
			break
		}
	}
	if !hasRole {
		return
	}
	// a duty taken on ("übernimmt X die Leitung des Amts") is the person's
	// role where no rule names a role of theirs: "X übernimmt die Leitung
	// der Abteilung als Amtschefin" makes X Amtschefin
	type duty struct {
		p    personName
		span [2]int
	}
	var duties []duty
	withRole := map[int]bool{}
	defer func() {
		for _, d := range duties {
			if withRole[d.p.hstart] {
				continue
			}
			withRole[d.p.hstart] = true
			text, land := s.splitRole(d.span[0], d.span[1]-1)
			if land == "" {
				land = s.officeLand(d.span[0], d.span[1]-1) // "die Leitung der CSBW"
			}
			emit(d.p, text, land, false)
		}
	}()
	for _, m := range german.DefaultPhrases.Match("person-role", s.phraseTokens(), slots{x, s}) {
		ps, okP := m.Slots["PERSON"]
		rs, okR := m.Slots["ROLE"]
		ds, okD := m.Slots["DUTY"]
		os, okO := m.Slots["OFFICE"]
		if !okP || !okR && !okD && !okO {
			continue
		}
		p, ok := x.parseName(s.txt, s.toks[ps[0]].start)
		if !ok {
			continue
		}
		if okO && !okR && !okD {
			// "X, der das Berlin-CERT seit Januar leitet": the head of
			// the office, as "die Leitung des Berlin-CERT" would say
			if _, ok := s.roleEndingAt(s.tokenBefore(p.hstart)); ok || withRole[p.hstart] {
				continue // a role of their own beside the name
			}
			of := "des "
			if os[0] > 0 && s.toks[os[0]-1].lower == "die" {
				of = "der "
			}
			withRole[p.hstart] = true
			text, land := s.splitRole(os[0], os[1]-1)
			if land == "" {
				land = s.officeLand(os[0], os[1]-1)
			}
			for _, h := range s.lands {
				// the Land in the office's compound: "das Berlin-CERT"
				if land == "" && h.Start >= s.toks[os[0]].start && h.End <= s.toks[os[1]-1].end {
					land = h.Land
				}
			}
			if text == "" {
				continue // the office is a Land's name: "das NRW Innovation Lab"
			}
			if head, rest, _ := strings.Cut(text, " "); of == "des " && !strings.ContainsRune("sßxzSXZ", lastRune(head)) && unicode.IsLower(lastRune(head)) {
				// the genitive of a noun ("des Landesamts für …"), not of an
				// acronym ("des Berlin-CERT")
				text = strings.TrimSpace(head + "s " + rest)
			}
			emit(p, "Leitung "+of+text, land, strings.HasPrefix(s.toks[os[0]].lower, "landes"))
			continue
		}
		if !okR {
			if _, ok := s.roleEndingAt(s.tokenBefore(p.hstart)); !ok {
				duties = append(duties, duty{p, ds}) // not "Staatssekretärin X übernimmt die Leitung …"
			}
			continue
		}
		r, ok := s.roleStartingAt(rs[0])
		if !ok {
			continue
		}
		withRole[p.hstart] = true
		to := rs[1] - 1
		if to > r.from && s.bracketedAcronym(to) {
			to-- // splitRole adds it back
		}
		for k := r.from + 1; k <= to; k++ {
			if _, last, ok := s.roleAcronymAfter(k); ok && last == to {
				to = k - 1 // "(Chief Information Officer, CIO)": splitRole adds "(CIO)"
				break
			}
		}
		text, land := s.splitRole(r.from, to)
		if land == "" {
			land, _ = s.possessorBefore(r.from)
		}
		emit(p, text, land, r.landRole || s.landOfficeIn(m.From, m.To))
	}
}

// federalAppointment reports whether the words before token to name the
// federal government or a federal office as who appoints ("Bundeskanzler
// X ernennt Y zum Staatssekretär", "Die Bundesregierung hat Y … berufen"):
// the appointed takes no Land from the document.
func (s *sentence) federalAppointment(to int) bool {
	appoints := false
	for _, t := range s.toks {
		if strings.HasPrefix(t.lower, "ernenn") || strings.HasPrefix(t.lower, "ernannt") || strings.HasPrefix(t.lower, "beruf") ||
			t.lower == "bestellt" || t.lower == "bestellte" {
			appoints = true
		}
	}
	return appoints && s.federalActor(to)
}

// federalActor reports whether the tokens before token to name the
// federal government or a federal office: "Bundeskanzler",
// "Bundesregierung", "Bundesministerin", "der Bund".
func (s *sentence) federalActor(to int) bool {
	for k := 0; k < to && k < len(s.toks); k++ {
		l := s.toks[k].lower
		if isUpperInitial(s.toks[k].raw) && (l == "bund" || strings.HasPrefix(l, "bundeskanzler") || strings.HasPrefix(l, "bundesregierung") ||
			strings.HasPrefix(l, "bundesminister") || strings.HasPrefix(l, "bundespräsident")) {
			return true
		}
	}
	return false
}

// landOfficeIn reports whether tokens [from, to) name an office of a Land
// by its "Landes-" noun: "leitet Dr. X den Landesbetrieb als Präsidentin"
// heads an office of the document's Land.
func (s *sentence) landOfficeIn(from, to int) bool {
	for k := from; k < to && k < len(s.toks); k++ {
		if l := s.toks[k].lower; strings.HasPrefix(l, "landes") && isUpperInitial(s.toks[k].raw) && containsAny(l, orgHeads) {
			return true
		}
	}
	return false
}

// roleAcronymAfter reads a bracket opening at token k that ends in a role
// acronym: "(CIO)", "(Chief Information Officer, CIO)". It returns the
// acronym's token and the bracket's last token.
func (s *sentence) roleAcronymAfter(k int) (acr, last int, ok bool) {
	if k <= 0 || k >= len(s.toks) || !strings.HasSuffix(s.toks[k].sep, "(") {
		return 0, 0, false
	}
	for j := k; j < len(s.toks) && j <= k+5; j++ {
		if j > k && strings.ContainsAny(s.toks[j].sep, "()") {
			return 0, 0, false
		}
		t := s.toks[j]
		if t.end < len(s.txt) && s.txt[t.end] == ')' {
			if roleAcronyms[t.raw] && (j == k || strings.TrimSpace(t.sep) == ",") {
				return j, j, true
			}
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// bracketedAcronym reports whether token k is an acronym in brackets of
// its own: "(CIO)", "(LDP)".
func (s *sentence) bracketedAcronym(k int) bool {
	if k <= 0 || k >= len(s.toks) {
		return false
	}
	t := s.toks[k]
	return strings.HasSuffix(t.sep, "(") && isAllUpper(strings.ReplaceAll(t.raw, "-", "")) &&
		t.end < len(s.txt) && s.txt[t.end] == ')'
}

// roleStartingAt returns the role noun whose phrase starts at token i.
func (s *sentence) roleStartingAt(i int) (roleSpan, bool) {
	for k := i; k < len(s.toks) && k <= i+3; k++ {
		if r, ok := s.roleEndingAt(k); ok && r.from == i {
			return r, true
		}
	}
	return roleSpan{}, false
}
