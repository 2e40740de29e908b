package german

import (
	_ "embed"
	"strings"
)

//go:embed data/fields.tsv
var fieldsText string

var fieldKinds = func() map[string]string {
	m := map[string]string{}
	for _, ln := range lines(fieldsText) {
		k, kind, ok := strings.Cut(ln, "\t")
		if ok {
			m[strings.ToLower(strings.TrimSpace(k))] = strings.TrimSpace(kind)
		}
	}
	return m
}()

// HeaderField reads a line of the form "Key: value" (also as a list item,
// "- Key: value") whose key is a header
// field of minutes or resolutions (data/fields.tsv: "Datum", "Ort",
// "Vorsitz", …). It returns the field's kind ("date", "place", "chair",
// "host", "participants") and the byte offset of the value in line.
func HeaderField(line string) (kind string, value int, ok bool) {
	k, _, found := strings.Cut(line, ":")
	if !found || strings.Contains(line[:len(k)], "\n") || len(k) > 30 {
		return "", 0, false
	}
	// the key of a list item: "- Termin: 10./11. Mai 2040"
	kind, ok = fieldKinds[strings.ToLower(strings.TrimLeft(strings.TrimSpace(k), "-*•· \t"))]
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

// AgendaItem reports whether s opens with the number of an agenda item:
// "TOP 1 – …", "TOP 7: …", "Tagesordnungspunkt 3: …".
func AgendaItem(s string) bool {
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
