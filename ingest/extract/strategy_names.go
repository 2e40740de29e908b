package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/laendergraph/laendergraph/corpus"
)

// descriptorWords may stand in a generic description of a strategy besides
// articles, strategy words, Land forms and lower-case adjectives: "ihre
// erste Digitalisierungsstrategie des Landes".
var descriptorWords = set("ihre", "ihrer", "seine", "seiner", "unsere", "unserer", "neue", "neuen", "landes",
	"freistaates", "freistaats", "senats", "landesregierung", "für", "das", "ganze", "im", "überblick")

// backRefs are the words by which a sentence refers back to a strategy named
// before: a pronoun or a generic noun ("Beschlossen hat es das Kabinett",
// "Das Papier wurde … verabschiedet", "Die Eckpunkte hat die Landesregierung
// … verabschiedet").
var backRefs = set("papier", "programm", "konzept", "dokument", "plan", "strategiepapier", "eckpunkte", "eckpunkten")

// nameLike reports whether the text s (not in quotes) looks like the name of
// a strategy rather than a sentence part: at most six words, not starting
// with an article or preposition, not only a Land or a person's name, and
// either a brand ("digital@bw"), a name with a number ("Verwaltung 4.1") or
// capitalised words only ("Digitales Hessen").
func (x *Extractor) nameLike(s string) bool {
	s = strings.TrimSpace(s)
	toks := tokenize(s)
	if len(toks) == 0 || len(toks) > 6 || !isWordRune(firstRune(s)) || !isWordRune(lastRune(s)) {
		return false
	}
	if articles[toks[0].lower] || prepositions[toks[0].lower] || nameStop[toks[0].lower] {
		return false
	}
	brand, digit := false, false
	for _, t := range toks {
		if t.sep == "@" {
			brand = true
		}
		if unicode.IsDigit(firstRune(t.raw)) {
			digit = true
		}
	}
	if !brand {
		for _, t := range toks {
			if !isUpperInitial(t.raw) && !unicode.IsDigit(firstRune(t.raw)) {
				return false
			}
		}
	}
	if len(toks) == 1 && !brand && !digit {
		return false
	}
	// only a Land: "Bayern", "Freistaat Sachsen"
	for _, h := range x.lm.FindAll(s) {
		if h.Start == 0 && h.End == len(s) {
			return false
		}
	}
	if !brand && !digit {
		if p, ok := x.parseName(s, 0); ok && p.after == len(s) {
			return false // a person: "Mit Max Muster hat …"
		}
	}
	return true
}

// descriptorAt reports whether the tokens [i, end) of s are a generic
// description of a strategy: article or possessive, adjectives, one
// strategy word, a Land ("die Digitalisierungsstrategie
// Baden-Württembergs", "die Strategie des Landes").
func (s *sentence) descriptorAt(i, end int) bool {
	trigger := false
	for k := i; k < end; k++ {
		t := s.toks[k]
		switch {
		case isTrigger(t.lower):
			if trigger {
				return false
			}
			trigger = true
		case articles[t.lower] || descriptorWords[t.lower] || s.isAdjectiveToken(k):
		case s.inLand(t):
		case k+1 < end && s.toks[k+1].sep == "-" && isUpperInitial(t.raw):
			// the front of a hyphenated compound: "die Open-Source-Strategie
			// des Landes"
		default:
			return false
		}
	}
	return trigger
}

// inLand reports whether token t is part of a Land form.
func (s *sentence) inLand(t token) bool {
	for _, h := range s.lands {
		if !h.Compound && t.start >= h.Start && t.end <= h.End {
			return true
		}
	}
	return false
}

// clauseEnd returns the index after the last token of the clause that
// token i is in.
func (s *sentence) clauseEnd(i int) int {
	for k := i + 1; k < len(s.toks); k++ {
		if isClauseSep(s.toks[k].sep) {
			return k
		}
	}
	return len(s.toks)
}

// appositionCands finds strategy names given in apposition to a generic
// description:
//   - "digital@bw: die Digitalisierungsstrategie Baden-Württembergs",
//     "Digitales Hessen, die Strategie des Landes": a name, a colon, comma
//     or dash, and a description that fills the rest of the clause;
//   - "Mit digital@bw hat die Landesregierung 2017 ihre erste
//     Digitalisierungsstrategie vorgelegt": "Mit" + name + "hat/haben" and a
//     strategy word and an adoption verb in the clause.
//
// The returned spans also cover the description, so that a candidate found
// inside it ("Digitalisierungsstrategie Baden-Württembergs") is dropped.
func (x *Extractor) appositionCands(s *sentence) []stratCand {
	var out []stratCand
	// name: description
	for i := 1; i+1 < len(s.toks); i++ {
		// a quoted name too: "„Land quelloffen“, die Open-Source-Strategie …"
		sep := strings.TrimLeft(strings.TrimSpace(s.toks[i].sep), closeQuotes)
		if sep != ":" && sep != "," && sep != "–" && sep != "—" && sep != "-" {
			continue
		}
		end := s.clauseEnd(i)
		if !s.descriptorAt(i, end) || (!articles[s.toks[i].lower] && !isTrigger(s.toks[i].lower) && !descriptorWords[s.toks[i].lower]) {
			continue
		}
		// the name: from the start of the previous clause
		from := i - 1
		for from > 0 && !isClauseSep(s.toks[from].sep) {
			from--
		}
		if i-from > 6 {
			continue
		}
		c, ok := x.nameSpan(s, from, i-1)
		if !ok {
			continue
		}
		c.end = s.toks[end-1].end
		c.trigger = s.descriptorTrigger(i, end)
		if c.land == "" {
			c.land = x.clauseLand(s, i, end)
		}
		out = append(out, c)
	}
	// Mit NAME hat …
	if len(s.toks) > 3 && s.toks[0].lower == "mit" {
		for k := 2; k < len(s.toks) && k <= 7; k++ {
			if w := s.toks[k].lower; w != "hat" && w != "haben" && w != "hatte" && w != "hatten" {
				continue
			}
			end := s.clauseEnd(k)
			trigger := ""
			adopted := false
			for j := k + 1; j < end; j++ {
				t := s.toks[j]
				if isTrigger(t.lower) && isUpperInitial(t.raw) {
					trigger = t.lower
				}
				if adoptionWords[t.lower] {
					adopted = true
				}
			}
			if trigger == "" || !adopted {
				break
			}
			c, ok := x.nameSpan(s, 1, k-1)
			if !ok {
				break
			}
			c.trigger = trigger
			if c.land == "" {
				c.land = x.clauseLand(s, k, end)
			}
			out = append(out, c)
			break
		}
	}
	return out
}

// nameSpan returns the candidate for the tokens [from, to] of s when they
// are a name (quoted, or nameLike).
func (x *Extractor) nameSpan(s *sentence, from, to int) (stratCand, bool) {
	if from < 0 || to < from || to >= len(s.toks) {
		return stratCand{}, false
	}
	start, end := s.toks[from].start, s.toks[to].end
	raw := s.txt[start:end]
	quoted := false
	if q := strings.TrimRight(s.txt[:start], " \t"); q != "" && strings.ContainsRune(openQuotes, lastRune(q)) {
		if r := firstRune(s.txt[end:]); r > 0 && strings.ContainsRune(closeQuotes, r) {
			quoted = true
		}
	}
	for _, t := range s.toks[from+1 : to+1] {
		if strings.ContainsAny(t.sep, ",;:()") && !quoted {
			return stratCand{}, false
		}
	}
	if !quoted && !x.nameLike(raw) {
		return stratCand{}, false
	}
	if quoted && (utf8.RuneCountInString(raw) < 2 || !isUpperInitial(raw)) {
		return stratCand{}, false
	}
	return stratCand{title: raw, start: start, end: end, land: x.titleLand(raw)}, true
}

// descriptorTrigger returns the strategy word of the description [i, end).
func (s *sentence) descriptorTrigger(i, end int) string {
	for k := i; k < end; k++ {
		if isTrigger(s.toks[k].lower) {
			return s.toks[k].lower
		}
	}
	return ""
}

// clauseLand returns the only Land named in the tokens [i, end) of s.
func (x *Extractor) clauseLand(s *sentence, i, end int) corpus.LandCode {
	if i >= len(s.toks) || end > len(s.toks) || i >= end {
		return ""
	}
	from, to := s.toks[i].start, s.toks[end-1].end
	var land corpus.LandCode
	for _, h := range s.lands {
		if h.Compound || h.Start < from || h.End > to {
			continue
		}
		if land != "" && land != h.Land {
			return ""
		}
		land = h.Land
	}
	return land
}

// quotedObjects finds quoted names that are the object of an adoption
// verb in a sentence about a strategy: "Die Landesregierung hat „Sachsen
// Digital“ beschlossen" after "Das Land hat eine neue Digitalstrategie".
// context says whether a strategy word stands in the sentence or the
// previous one of its paragraph. A quote after a capitalised noun ("das
// Gesetz „…“") names that noun's thing, not a strategy.
func (x *Extractor) quotedObjects(s *sentence, context bool) []stratCand {
	if !context {
		return nil
	}
	if done, planned := s.adoption(); !done || planned {
		return nil
	}
	var out []stratCand
	for _, q := range quotedSpans(s.txt) {
		inner := s.txt[q[0]:q[1]]
		itoks := tokenize(inner)
		if len(itoks) == 0 || len(itoks) > 8 || !isUpperInitial(inner) || strings.ContainsAny(inner[len(inner)-1:], ".!?,:") {
			continue
		}
		if j := s.tokenBefore(q[0] - 1); j >= 0 && isUpperInitial(s.toks[j].raw) && j > 0 {
			continue
		}
		// whole Land or person names are not titles
		whole := false
		for _, h := range x.lm.FindAll(inner) {
			if h.Start == 0 && h.End == len(inner) {
				whole = true
			}
		}
		if p, ok := x.parseName(inner, 0); ok && p.after == len(inner) {
			whole = true
		}
		if whole {
			continue
		}
		out = append(out, stratCand{title: strings.TrimSpace(inner), start: q[0], end: q[1], land: x.titleLand(inner)})
	}
	return out
}

// mentionsTrigger reports whether the sentence holds a strategy word.
func (s *sentence) mentionsTrigger() bool {
	for _, t := range s.toks {
		if isTrigger(t.lower) {
			return true
		}
	}
	return false
}

// refersBack reports whether the sentence refers to a strategy by a
// pronoun or by a generic noun after a definite article or demonstrative
// ("das Papier", "diese Strategie"), rather than by name. "seine
// Digitalstrategie" may be another one.
func (s *sentence) refersBack() bool {
	// a demonstrative pronoun before the finite verb: "Die hat der
	// Ministerrat im September beschlossen", "Diese wurde … verabschiedet"
	if len(s.toks) > 1 && definite[s.toks[0].lower] && finiteAux[s.toks[1].lower] && s.toks[1].sep == " " {
		return true
	}
	for i, t := range s.toks {
		if pronounRefs[t.lower] {
			return true
		}
		if (backRefs[t.lower] || (isTrigger(t.lower) && !strings.HasSuffix(t.lower, "en"))) && i > 0 && definite[s.toks[i-1].lower] {
			return true
		}
		if isTrigger(t.lower) && s.shortTitleAt(i) {
			return true // "Das Kabinett hat die Digitale Agenda am … beschlossen"
		}
	}
	return false
}

// shortTitleAt reports whether the strategy word at token i stands
// after a definite article and a capitalised adjective, as a title's
// short form does: "die Digitale Agenda" of "Digitale Agenda Hessen 2110".
func (s *sentence) shortTitleAt(i int) bool {
	return i >= 2 && definite[s.toks[i-2].lower] && s.toks[i-1].sep == " " && s.toks[i].sep == " " &&
		isUpperInitial(s.toks[i-1].raw) && adjectiveStem(s.toks[i-1].lower) != s.toks[i-1].lower
}

var (
	pronounRefs = set("es", "sie", "ihn")
	definite    = set("der", "die", "das", "den", "dem", "des", "dieser", "diese", "dieses", "diesen", "diesem")
	finiteAux   = set("hat", "hatte", "wurde", "ist", "war", "haben", "hatten", "wurden", "sind", "waren")
)

// baseTitle puts a strategy word that opens a title into the nominative:
// "Masterplans Digitalisierung" → "Masterplan Digitalisierung",
// "Digitalprogramms 2025" → "Digitalprogramm 2025".
func baseTitle(title string) string {
	first, rest, _ := strings.Cut(title, " ")
	l := strings.ToLower(first)
	switch {
	case strings.HasSuffix(l, "plans") || strings.HasSuffix(l, "programms"):
		first = first[:len(first)-1]
	case strings.HasSuffix(l, "programmes") || strings.HasSuffix(l, "planes"):
		first = first[:len(first)-2]
	default:
		return title
	}
	if rest == "" {
		return first
	}
	return first + " " + rest
}

// sameParagraph reports whether no blank line lies between two sentences.
func sameParagraph(doc string, a, b sentence) bool {
	if a.span.End > b.span.Start || b.span.Start > len(doc) {
		return false
	}
	gap := doc[a.span.End:b.span.Start]
	return strings.Count(gap, "\n") < 2
}

// isAdjectiveWord reports whether token j, capitalised or not, has an
// adjective ending: "Digitale", "Vernetztes".
func (s *sentence) isAdjectiveWord(j int) bool {
	l := s.toks[j].lower
	for _, e := range adjEndings {
		if strings.HasSuffix(l, e) && len(l) > 5 && !isTrigger(l) {
			return true
		}
	}
	return false
}
