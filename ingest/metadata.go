package ingest

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/ingest/dates"
)

// describe fills the metadata of doc, whose Text is set, from the manifest
// entry (which wins), the markup and the text.
func describe(doc *corpus.Document, c content, m ManifestEntry) {
	doc.Title = firstOf(m.Title, oneLine(c.title), titleFromText(doc.Text))
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
	boilerLine   = regexp.MustCompile(`(?i)cookie|newsletter|javascript|navigation|zum inhalt|inhalt springen|hauptmenü|menü|startseite|suche|sie befinden sich|seite wird erstellt|weiter lesen|barrierefrei|leichte sprache|gebärdensprache|^(home|drucken|teilen|zurück)$`)
	urlLine      = regexp.MustCompile(`(?i)^(https?://|www\.)\S+$|^\S+@\S+$`)
)

// titleFromText returns the first substantive line near the top of t: the
// first line of at least four words among the first six, else the first of at
// least two, else the first line. Navigation crumbs, kind labels
// ("Pressemitteilung"), datelines, cookie and menu lines, paragraphs of body
// text and overly long lines are passed over.
func titleFromText(t string) string {
	var cands []string
	for _, ln := range headLines(t, 12) {
		ln = strings.TrimSpace(mdEmphasis.ReplaceAllString(mdLineMarkup.ReplaceAllString(ln, ""), ""))
		if ln == "" || boilerLine.MatchString(ln) || kindLabel.MatchString(ln) || urlLine.MatchString(ln) ||
			utf8.RuneCountInString(ln) > 200 || isBodyText(ln) {
			continue
		}
		cands = append(cands, ln)
	}
	for i, ln := range cands {
		if i == 6 {
			break
		}
		if words(ln) >= 4 && !looksLikeDateline(ln) {
			return ln
		}
	}
	for _, ln := range cands {
		if words(ln) >= 2 && !looksLikeDateline(ln) {
			return ln
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

// looksLikeDateline reports lines such as "Potsdam, 21.06.2019" or
// "veröffentlicht am 19.06.2019": short, with digits.
func looksLikeDateline(s string) bool {
	return words(s) <= 5 && strings.IndexFunc(s, unicode.IsDigit) >= 0 && !strings.HasSuffix(s, ".")
}

var (
	// dateCue ends the text before a publication date on its line.
	dateCue = regexp.MustCompile(`(?i)(veröffentlicht|veroeffentlicht|erschienen|publiziert|datum|stand|(presse|medien)?(mitteilung|information|meldung)|nachricht|artikel)\s*(am|vom|:)?\s*[:\-–]?\s*$`)
	// dateline is a place before a date at the top: "Potsdam, ".
	dateline = regexp.MustCompile(`^[\p{Lu}][\p{L}.\- ]{1,40},\s*$`)
	weekday  = regexp.MustCompile(`(?i)^(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag),?\s*$`)
)

// dateFromText returns the publication date a text states: a date after a cue
// ("veröffentlicht am", "Pressemitteilung vom", "Stand:") in its first part,
// else a date standing alone, in brackets or after a place ("Potsdam,
// 21.06.2019") in its first lines. It does not guess from other dates.
func dateFromText(t string) corpus.Date {
	head := prefix(t, 3000)
	return pickDate(head, dates.Find(head, ""))
}

// pickDate chooses the publication date among the dates ms found in t.
func pickDate(t string, ms []dates.Match) corpus.Date {
	topEnd := topOffset(t, 6, 600)
	var top corpus.Date
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
		before, after := t[ls:m.Start], strings.TrimSpace(t[m.End:le])
		if dateCue.MatchString(before) {
			return m.From
		}
		if top != "" || m.Start >= topEnd || len(m.From) < 7 {
			continue
		}
		b := strings.TrimSpace(before)
		bracketed := strings.HasSuffix(b, "[") || strings.HasSuffix(b, "(")
		alone := b == "" || dateline.MatchString(b) || weekday.MatchString(b)
		if bracketed || (alone && words(after) <= 4) {
			top = m.From
		}
	}
	return top
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
var institution = regexp.MustCompile(`(?i)staatskanzlei|senatskanzlei|landesregierung|staatsregierung|staatsministerium|ministerium|senatsverwaltung|senator|senat\b|landtag|landesportal|landesamt|regierungssprecher`)

// landFromText returns the Land a line near the top of t names together with
// an office of the Land ("Staatskanzlei Brandenburg", "Landesregierung
// Baden-Württemberg", "Bayerisches Staatsministerium …").
func landFromText(t string) corpus.LandCode {
	for _, ln := range headLines(t, 15) {
		if words(ln) > 12 || strings.HasSuffix(ln, ".") {
			continue
		}
		if c := landFromLine(ln); c != "" {
			return c
		}
	}
	return ""
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
