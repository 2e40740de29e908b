package ingest

import (
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/ingest/dates"
)

// describe fills the metadata of doc, whose Text is set, from the manifest
// entry (which wins), the markup and the text.
func describe(doc *corpus.Document, c content, m ManifestEntry) {
	// The text is read for a title only when neither the manifest nor the
	// format gives one (it was a fortieth of the ingest's CPU).
	doc.Title = firstOf(m.Title, oneLine(c.title))
	if doc.Title == "" {
		doc.Title = firstOf(titleFromText(doc.Text))
	}
	doc.Source = firstOf(m.Source, c.source)
	doc.Date = m.Date
	if doc.Date == "" {
		doc.Date = c.date
	}
	if doc.Date == "" {
		doc.Date = dateFromText(doc.Text)
	}
	doc.Kind = m.Kind
	if doc.Kind == "" {
		doc.Kind = kindFromText(doc.Text)
	}
	doc.Land = landFromSource(doc.Source)
	if doc.Land == "" {
		doc.Land = landFromText(doc.Text)
	}
	if doc.Land == "" && !isURL(doc.Source) {
		doc.Land = landFromLine(doc.Source)
	}
}

func firstOf(s ...string) string {
	for _, x := range s {
		if x = strings.TrimSpace(x); x != "" {
			return x
		}
	}
	return ""
}

// headLines returns up to n non-empty lines from the top of t.
func headLines(t string, n int) []string {
	var out []string
	for len(out) < n && t != "" {
		var ln string
		ln, t, _ = strings.Cut(t, "\n")
		if ln = strings.TrimSpace(ln); ln != "" {
			out = append(out, ln)
		}
	}
	return out
}

var (
	mdLineMarkup = regexp.MustCompile(`^(#{1,6}\s+|[-*+]\s+|>\s*)+`)
	mdEmphasis   = regexp.MustCompile(`\*\*|__`)
	// breadcrumb matches navigation crumbs ("Start > Presse > Meldung").
	breadcrumb = regexp.MustCompile(`\S\s*(>|›|»)\s*\S.*\s(>|›|»)\s`)
	urlLine    = regexp.MustCompile(`(?i)^(https?://|www\.)\S+$|^\S+@\S+$`)
)

// titleFromText returns the first substantive line among the first lines of
// t: the first of at least three words, else of two, else the first line.
// Navigation crumbs, kind labels ("Pressemitteilung"), datelines, cookie and
// menu lines, paragraphs of body text and overly long lines are passed over;
// a heading that ends in a colon takes the next line along
// ("Digitalkoordinatoren:" / "Erstes Treffen").
// maxTitleRunes is the longest line taken as a title.
const maxTitleRunes = 200

func titleFromText(t string) string {
	lines := headLines(t, 8)
	clean := func(ln string) string {
		if len(ln) > 4*maxTitleRunes { // too long for a title in any encoding; skip the regexps
			return ""
		}
		ln = strings.TrimSpace(mdEmphasis.ReplaceAllString(mdLineMarkup.ReplaceAllString(ln, ""), ""))
		if ln == "" || isBoilerLine(ln) || kindLabel.MatchString(ln) || urlLine.MatchString(ln) ||
			utf8.RuneCountInString(ln) > maxTitleRunes || isBodyText(ln) || looksLikeDateline(ln) {
			return ""
		}
		return ln
	}
	var cands []string
	for i := 0; i < len(lines); i++ {
		ln := clean(lines[i])
		if ln == "" {
			continue
		}
		if strings.HasSuffix(ln, ":") && i+1 < len(lines) {
			if next := clean(lines[i+1]); next != "" && words(next) <= 12 {
				ln += " " + next
				i++
			}
		}
		cands = append(cands, ln)
	}
	for _, min := range []int{3, 2} {
		for _, ln := range cands {
			if len(strings.Fields(ln)) >= min && words(ln) >= 2 {
				return ln
			}
		}
	}
	if len(cands) > 0 {
		return cands[0]
	}
	ln := oneLine(prefix(t, 400))
	if utf8.RuneCountInString(ln) > 100 {
		r := []rune(ln)[:100]
		if i := strings.LastIndexByte(string(r), ' '); i > 40 {
			return string(r)[:i] + " …"
		}
		return string(r) + " …"
	}
	return ln
}

// Words that mark a line of cookie notices, menus and navigation, anywhere
// in it (boilerWords) or as the whole line (boilerLines); lower case.
var (
	boilerWords = []string{"cookie", "newsletter", "javascript", "navigation", "zum inhalt", "inhalt springen",
		"menü", "startseite", "suche", "sie befinden sich", "seite wird erstellt", "weiter lesen",
		"barrierefrei", "leichte sprache", "gebärdensprache"}
	boilerLines = []string{"home", "drucken", "teilen", "zurück", "seiteninhalt", "zur übersicht"}
)

// isBoilerLine reports a line of cookie notices, menus or navigation. It
// tests words rather than one regular expression of all of them, which took
// a sixth of the time of reading a short press release.
func isBoilerLine(ln string) bool {
	lower := strings.ToLower(ln)
	for _, w := range boilerWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	if slices.Contains(boilerLines, lower) {
		return true
	}
	return strings.ContainsAny(ln, ">›»") && breadcrumb.MatchString(ln)
}

// kindLabel matches lines that only say what kind of text follows.
var kindLabel = regexp.MustCompile(`(?i)^(pressemitteilung|presseinformation|pressemeldung|medieninformation|meldung|nachricht|aktuelles|news|artikel)\b[^\p{L}]{0,20}(nr\.?[^\p{L}]{0,12})?$`)

// isBodyText reports whether ln reads as a paragraph rather than a heading:
// more than twelve words ending in sentence punctuation.
func isBodyText(ln string) bool {
	return words(ln) > 12 && strings.ContainsAny(ln[len(ln)-1:], ".!?:;")
}

// words counts the words of s that contain a letter.
func words(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		if strings.IndexFunc(w, unicode.IsLetter) >= 0 {
			n++
		}
	}
	return n
}

// dateLike matches dates as text writes them: "21.06.2019", "31. Jan. 2018",
// "2019-06-21".
var dateLike = regexp.MustCompile(`\d{1,2}\.\s*(\d{1,2}\.\s*\d{2,4}|\p{L}+\.?\s+\d{4})|\d{4}-\d{2}-\d{2}`)

// looksLikeDateline reports lines such as "Potsdam, 21.06.2019" or
// "veröffentlicht am 19.06.2019": a date and at most four other words.
func looksLikeDateline(s string) bool {
	return words(s) <= 5 && dateLike.MatchString(s)
}

var (
	// dateCue ends the text before a publication date on its line.
	dateCue = regexp.MustCompile(`(?i)(veröffentlicht|veroeffentlicht|erschienen|publiziert|datum|stand|(presse|medien)?(mitteilung|information|meldung)|nachricht|artikel)\s*(am|vom|:)?\s*[:\-–]?\s*$`)
	// dateline is a place before a date at the top: "Potsdam, ".
	dateline = regexp.MustCompile(`^[\p{Lu}][\p{L}.\- ]{1,40},$`)
	weekday  = regexp.MustCompile(`(?i)^(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag),?$`)
)

// dateFromText returns the publication date a text states: a date after a cue
// ("veröffentlicht am", "Pressemitteilung vom", "Stand:") in its first part,
// else a date standing alone, in brackets or after a place ("Potsdam,
// 21.06.2019") in its first lines. It does not guess from other dates.
func dateFromText(t string) corpus.Date {
	head := prefix(t, 3000)
	return pickDate(head, dates.Find(head, ""))
}

// pickDate chooses the publication date among the dates ms found in t: the
// first after a cue; else, in its first lines, the first in brackets
// ("[26.6.2019]"), else after a place ("Potsdam, 21.06.2019"), else alone on
// its line. A page's header may show the current day ("Donnerstag, 25.
// Dezember 2025"), so a bare date ranks last.
func pickDate(t string, ms []dates.Match) corpus.Date {
	topEnd := topOffset(t, 6, 600)
	var best corpus.Date
	bestRank := 0
	for _, m := range ms {
		if m.Relative || m.To != "" || !m.From.Known() || m.Start < 0 || m.End > len(t) || m.Start > m.End {
			continue
		}
		ls := strings.LastIndexByte(t[:m.Start], '\n') + 1
		le := strings.IndexByte(t[m.End:], '\n')
		if le < 0 {
			le = len(t)
		} else {
			le += m.End
		}
		before, after := strings.TrimSpace(t[ls:m.Start]), strings.TrimSpace(t[m.End:le])
		if dateCue.MatchString(before) {
			return m.From
		}
		if m.Start >= topEnd || len(m.From) < 7 {
			continue
		}
		rank := 0
		switch {
		case strings.HasSuffix(before, "[") || strings.HasSuffix(before, "("):
			rank = 3
		case dateline.MatchString(before) && !weekday.MatchString(before) && words(after) <= 4:
			rank = 2
		case (before == "" || weekday.MatchString(before)) && words(after) <= 4:
			rank = 1
		}
		if rank > bestRank {
			best, bestRank = m.From, rank
		}
	}
	return best
}

// topOffset returns the offset after the first n non-empty lines of t, at
// most max.
func topOffset(t string, n, max int) int {
	off := 0
	for n > 0 && off < len(t) {
		i := strings.IndexByte(t[off:], '\n')
		if i < 0 {
			return min(len(t), max)
		}
		if strings.TrimSpace(t[off:off+i]) != "" {
			n--
		}
		off += i + 1
	}
	return min(off, max)
}

var pressRelease = regexp.MustCompile(`(?i)pressemitteilung|presseinformation|pressemeldung|medieninformation`)

// kindFromText returns press-release when the top of t says it is one, else
// other.
func kindFromText(t string) corpus.Kind {
	if pressRelease.MatchString(prefix(t, 1000)) {
		return corpus.KindPressRelease
	}
	return corpus.KindOther
}

func isURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// genericLabels are second-level domain labels that name no Land themselves
// but may stand before a Land's top-level domain ("land.nrw").
var genericLabels = map[string]bool{"land": true, "landesregierung": true, "regierung": true, "staatskanzlei": true, "portal": true}

// landFromSource returns the Land whose name is the second-level label of the
// source URL's host ("www.baden-wuerttemberg.de", "dmk.rlp.de").
func landFromSource(src string) corpus.LandCode {
	if !isURL(src) {
		return ""
	}
	u, _ := url.Parse(src)
	labels := strings.Split(strings.ToLower(strings.TrimSuffix(u.Hostname(), ".")), ".")
	if len(labels) < 2 {
		return ""
	}
	sld, tld := labels[len(labels)-2], labels[len(labels)-1]
	if c := landOfLabel(sld); c != "" {
		return c
	}
	if genericLabels[sld] {
		return landOfLabel(tld)
	}
	return ""
}

// landOfLabel returns the Land a domain label names: its name spelt without
// umlauts ("thueringen", "baden-wuerttemberg") or an alias of three letters
// or more ("nrw", "rlp"). Two-letter codes do not count.
func landOfLabel(label string) corpus.LandCode {
	if utf8.RuneCountInString(label) < 3 {
		return ""
	}
	c, _ := corpus.Laender().Lookup(label)
	return c
}

// institution names the offices that publish for a Land.
var institution = regexp.MustCompile(`(?i)staatskanzlei|senatskanzlei|landesregierung|staatsregierung|staatsministerium|ministerium|senatsverwaltung|senator|senat\b|landtag|bürgerschaft|abgeordnetenhaus|landesportal|landesamt|regierungssprecher`)

// landFromText returns the Land that a line near the top of t names, when
// the line starts with an office of a Land ("Staatskanzlei Brandenburg",
// "Landesregierung Baden-Württemberg", "Bayerisches Staatsministerium …",
// "© Senatskanzlei Berlin"). A headline such as "Bayern eröffnet Landesamt"
// names no publisher.
func landFromText(t string) corpus.LandCode {
	for _, ln := range headLines(t, 15) {
		if words(ln) > 12 || strings.HasSuffix(ln, ".") || !institutionLed(ln) {
			continue
		}
		if c := landFromLine(ln); c != "" {
			return c
		}
	}
	return ""
}

// institutionLed reports whether ln starts with an office of a Land, after
// an article, a copyright sign or a Land's adjective.
func institutionLed(ln string) bool {
	toks := strings.FieldsFunc(ln, func(r rune) bool { return unicode.IsSpace(r) || r == '©' || r == '|' })
	for i, tok := range toks {
		if i > 2 {
			break
		}
		if institution.MatchString(tok) && strings.IndexFunc(tok, unicode.IsUpper) == 0 {
			return true
		}
		low := corpus.Fold(tok)
		if low == "der" || low == "die" || low == "das" || low == "(c)" || len(landsIn(tok)) == 1 && !isLandName(tok) {
			continue
		}
		return false
	}
	return false
}

// isLandName reports whether tok is a Land's name itself rather than its
// adjective: "Bayern eröffnet …" is a headline, "Bayerisches
// Staatsministerium" a publisher, and so is "Thüringer Landtag", though
// "Thüringer" is one of the Land's aliases (no Land's name ends in "-er").
func isLandName(tok string) bool {
	c, ok := corpus.Laender().Lookup(tok)
	return ok && c != "" && !strings.HasSuffix(tok, "er")
}

// landFromLine returns the one Land that s names along with an office of a
// Land, or "" when it names none or several.
func landFromLine(s string) corpus.LandCode {
	if !institution.MatchString(s) {
		return ""
	}
	found := landsIn(s)
	if len(found) != 1 {
		return ""
	}
	return found[0]
}

// landsIn returns the Länder that s names by name, genitive, alias or
// adjective ("bayerisches"), in registry order.
func landsIn(s string) []corpus.LandCode {
	toks := strings.FieldsFunc(corpus.Fold(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-'
	})
	var out []corpus.LandCode
	for _, l := range corpus.Laender().All() {
		if mentions(toks, l) {
			out = append(out, l.Code)
		}
	}
	return out
}

func mentions(toks []string, l corpus.Land) bool {
	for _, name := range append([]string{l.Name, l.Genitive}, l.Aliases...) {
		if name != "" && containsSeq(toks, strings.Fields(corpus.Fold(name))) {
			return true
		}
	}
	if adj := corpus.Fold(l.Adjective); adj != "" {
		for _, t := range toks {
			if strings.HasPrefix(t, adj) {
				return true
			}
		}
	}
	return false
}

// containsSeq reports whether seq occurs in toks.
func containsSeq(toks, seq []string) bool {
	if len(seq) == 0 {
		return false
	}
outer:
	for i := 0; i+len(seq) <= len(toks); i++ {
		for j, s := range seq {
			if toks[i+j] != s {
				continue outer
			}
		}
		return true
	}
	return false
}
