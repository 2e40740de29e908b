package german

import (
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed data/fields.tsv
var fieldsText string

var fieldKinds = pairMap(fieldsText)

// HeaderField reads a line of the form "Key: value" (also as a list item,
// "- Key: value") whose key is a header
// field of minutes or resolutions (data/fields.tsv: "Datum", "Ort",
// "Vorsitz", …). It returns the field's kind ("date", "place", "chair",
// "host", "participants", or "date+place" for a key that joins a date's and
// a place's, "Ort und Zeit") and the byte offset of the value in line.
func HeaderField(line string) (kind string, value int, ok bool) {
	k, _, found := strings.Cut(line, ":")
	if !found || strings.Contains(line[:len(k)], "\n") || len(k) > 30 {
		return "", 0, false
	}
	// the key of a list item: "- Termin: 10./11. Mai 2040"
	key := strings.ToLower(strings.TrimLeft(strings.TrimSpace(k), "-*•· \t"))
	kind, ok = fieldKinds[key]
	if !ok {
		kind, ok = jointField(key)
	}
	if !ok {
		return "", 0, false
	}
	v := len(k) + 1
	for v < len(line) && (line[v] == ' ' || line[v] == '\t') {
		v++
	}
	if v >= len(line) {
		return "", 0, false
	}
	return kind, v, true
}

// jointField reads a key that joins two fields of a place and a date, "Ort
// und Zeit", "Datum/Ort", whose value states both: its kind is
// "date+place". Fields of Länder are not joined so: "Vorsitz und
// Gastgeber: Hessen" would not say which Land is which.
func jointField(key string) (string, bool) {
	a, b, ok := strings.Cut(key, " und ")
	if !ok {
		a, b, ok = strings.Cut(key, "/")
	}
	if !ok {
		return "", false
	}
	ka, kb := fieldKinds[strings.TrimSpace(a)], fieldKinds[strings.TrimSpace(b)]
	if ka == "date" && kb == "place" || ka == "place" && kb == "date" {
		return "date+place", true
	}
	return "", false
}

// AgendaItem reports whether s opens with the number of an agenda item:
// "TOP 1 – …", "TOP 7: …", "Tagesordnungspunkt 3: …".
func AgendaItem(s string) bool {
	// most sentences are no item: look at the first word before splitting
	first := strings.TrimLeft(s, " \t\n")
	if len(first) < 3 || first[0] != 'T' && first[0] != 't' {
		return false
	}
	f := strings.Fields(s)
	if len(f) < 3 {
		return false
	}
	w := strings.ToLower(f[0])
	if w != "top" && w != "tagesordnungspunkt" {
		return false
	}
	n := strings.TrimRight(f[1], ":.")
	return n != "" && strings.Trim(n, "0123456789") == ""
}

//go:embed data/formalities.txt
var formalitiesText string

var formalities = lines(formalitiesText)

// maxItemTitle bounds the title of an agenda item, in bytes; a gloss after
// a colon longer than maxItemGloss is no part of it.
const (
	maxItemTitle = 120
	maxItemGloss = 60
)

// itemArticles open a sentence of more than eight words, which is no title.
var itemArticles = map[string]bool{"der": true, "die": true, "das": true, "ein": true, "eine": true}

// ItemTitle returns the title of an agenda or list item: the item's first
// line without its number ("TOP 3 –", "Tagesordnungspunkt 2:", "1.", "2)")
// or bullet ("•", "-"), without closing punctuation and cut at a word to
// at most 120 bytes. It returns "" for an item of the meeting's procedure
// ("Begrüßung", "Genehmigung der Tagesordnung", data/formalities.txt) and
// for one with no word left.
func ItemTitle(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	s = strings.TrimSpace(s)
	if AgendaItem(s) {
		f := strings.Fields(s)
		s = strings.TrimSpace(s[strings.Index(s, f[1])+len(f[1]):])
	} else if body, ok := ListItem(s); ok {
		s = body
	}
	s = strings.TrimSpace(strings.TrimLeft(s, "–-:.) \t"))
	if k := strings.Index(s, ": "); k > 0 && len(s)-k > maxItemGloss {
		s = s[:k] // "Glasfaserausbau: Die Konferenz fordert …": the title before the gloss
	}
	s = strings.TrimRight(s, ".;:, \t")
	if f := strings.Fields(s); len(f) > 8 && itemArticles[strings.ToLower(f[0])] {
		return "" // "Die Konferenz dient der Abstimmung …": a sentence, no title
	}
	if len(s) > maxItemTitle {
		cut := strings.LastIndexByte(s[:maxItemTitle], ' ')
		if cut <= 0 {
			return ""
		}
		s = strings.TrimRight(s[:cut], ".;:,–- ") + " …"
	}
	letters := 0
	for _, r := range s {
		if IsWordRune(r) {
			letters++
		}
	}
	if letters < 3 {
		return ""
	}
	low := strings.ToLower(s)
	for _, f := range formalities {
		if rest, ok := strings.CutPrefix(low, f); ok {
			if r, _ := utf8.DecodeRuneInString(rest); rest == "" || !unicode.IsLetter(r) {
				return ""
			}
		}
	}
	return s
}

// ListItem reports whether s (after leading space) is an item of a list:
// it starts with a bullet or dash and a space ("- Cloud", "• Cyberwehr") or
// a number of up to three digits, "." or ")" and a space ("1. …", "2) …"),
// or a lower-case letter, ")" and a space ("b) …").
// It returns the item's text after its marker.
func ListItem(s string) (string, bool) {
	s = strings.TrimSpace(s)
	for _, b := range []string{"- ", "– ", "• ", "* ", "· ", "▪ "} {
		if rest, ok := strings.CutPrefix(s, b); ok {
			return rest, true
		}
	}
	if k := itemNumberEnd(s, 0); k > 0 {
		return s[k:], true
	}
	if letteredItemAt(s, 0) {
		return s[3:], true // "b) …"
	}
	return "", false
}
