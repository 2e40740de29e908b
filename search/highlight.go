package search

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	bsearch "github.com/blevesearch/bleve/v2/search"
)

const (
	snippetLen  = 160 // characters in a snippet, about
	maxSnippets = 3
	snapSlack   = 20 // characters a snippet may grow to reach a word boundary
)

// span is a byte range of matched text; whole is true when it matched as a
// whole word (not only as a part of a compound).
type span struct {
	start, end int
	whole      bool
}

// highlights returns the snippets of text around the matches recorded in
// locs, best first; when only the title matched, the marked title.
func highlights(text, title string, locs bsearch.FieldTermLocationMap) []string {
	spans := matchSpans(locs, len(text), []string{fText, fSpell}, []string{fTextParts})
	if len(spans) == 0 {
		ts := matchSpans(locs, len(title), []string{fTitle}, []string{fTitleParts})
		if len(ts) == 0 {
			return nil
		}
		return []string{render(title, 0, len(title), mergeSpans(title, ts))}
	}
	return snippets(text, spans)
}

// matchSpans collects the spans of the matches in the whole-word fields and
// the compound-part fields of a text n bytes long, sorted.
func matchSpans(locs bsearch.FieldTermLocationMap, n int, whole, parts []string) []span {
	var ss []span
	add := func(fields []string, w bool) {
		for _, f := range fields {
			for _, ls := range locs[f] {
				for _, l := range ls {
					s, e := int(l.Start), int(l.End)
					if s < 0 || e > n || s >= e {
						continue
					}
					ss = append(ss, span{s, e, w})
				}
			}
		}
	}
	add(whole, true)
	add(parts, false)
	sort.Slice(ss, func(i, j int) bool {
		return ss[i].start < ss[j].start || ss[i].start == ss[j].start && ss[i].end > ss[j].end
	})
	return ss
}

// mergeSpans merges overlapping spans, and spans separated only by a space
// or hyphen ("digitalen Teilhabe" in one mark).
func mergeSpans(text string, ss []span) []span {
	var out []span
	for _, s := range ss {
		if k := len(out) - 1; k >= 0 {
			last := &out[k]
			if s.start <= last.end {
				last.end = max(last.end, s.end)
				last.whole = last.whole || s.whole
				continue
			}
			gap := text[last.end:s.start]
			if len(gap) <= 3 && strings.TrimFunc(gap, func(r rune) bool { return r == ' ' || r == '-' }) == "" {
				last.end = s.end
				last.whole = last.whole || s.whole
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

// snippets picks up to maxSnippets windows of about snippetLen characters
// covering the most distinct matched words (a whole-word match counts more
// than a match inside a compound), best first.
func snippets(text string, ss []span) []string {
	ss = mergeSpans(text, ss)
	covered := make([]bool, len(ss))
	var out []string
	for len(out) < maxSnippets {
		bestScore, bestS, bestE := -1.0, 0, 0
		for i, a := range ss {
			if covered[i] {
				continue
			}
			ws, we := window(text, a)
			distinct := map[string]float64{}
			count := 0
			for _, s := range ss {
				if s.start >= ws && s.end <= we {
					w := 0.6
					if s.whole {
						w = 1
					}
					k := strings.ToLower(text[s.start:s.end])
					distinct[k] = max(distinct[k], w)
					count++
				}
			}
			score := 0.1 * float64(count)
			for _, w := range distinct {
				score += w
			}
			if score > bestScore {
				bestScore, bestS, bestE = score, ws, we
			}
		}
		if bestScore < 0 {
			break
		}
		var in []span
		for i, s := range ss {
			if s.start >= bestS && s.end <= bestE {
				covered[i] = true
				in = append(in, s)
			}
		}
		if len(in) == 0 { // a single span longer than a window
			break
		}
		out = append(out, render(text, bestS, bestE, in))
	}
	return out
}

// window returns a window of about snippetLen characters around the span a,
// with a little context before it, cut at word boundaries.
func window(text string, a span) (int, int) {
	lead := (snippetLen - utf8.RuneCountInString(text[a.start:a.end])) / 3
	ws := back(text, a.start, max(lead, 0))
	we := forward(text, ws, snippetLen)
	if we < a.end {
		we = a.end
	}
	if we == len(text) { // at the end: use the room before
		ws = back(text, we, snippetLen)
		if ws > a.start {
			ws = a.start
		}
	}
	// snap to word boundaries
	if ws > 0 && !isBreak(text, ws-1) {
		if s := wordStart(text, ws); ws-s <= snapSlack {
			ws = s
		} else if e := wordEnd(text, ws); e <= a.start {
			ws = e
		}
	}
	if we < len(text) && !isBreak(text, we) {
		if e := wordEnd(text, we); e-we <= snapSlack {
			we = e
		} else if s := wordStart(text, we); s >= a.end {
			we = s
		}
	}
	return ws, we
}

// isBreak reports whether the byte at i starts a space or punctuation rune.
func isBreak(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsSpace(r)
}

// wordStart returns the start of the word containing byte offset i.
func wordStart(text string, i int) int {
	for i > 0 {
		r, w := utf8.DecodeLastRuneInString(text[:i])
		if unicode.IsSpace(r) {
			break
		}
		i -= w
	}
	return i
}

// wordEnd returns the end of the word containing byte offset i.
func wordEnd(text string, i int) int {
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			break
		}
		i += w
	}
	return i
}

// back moves n runes back from byte offset i.
func back(text string, i, n int) int {
	for ; n > 0 && i > 0; n-- {
		_, w := utf8.DecodeLastRuneInString(text[:i])
		i -= w
	}
	return i
}

// forward moves n runes forward from byte offset i.
func forward(text string, i, n int) int {
	for ; n > 0 && i < len(text); n-- {
		_, w := utf8.DecodeRuneInString(text[i:])
		i += w
	}
	return i
}

// render returns text[ws:we] HTML-escaped, white space collapsed, the spans
// in <mark>, with "…" where the text was cut.
func render(text string, ws, we int, ss []span) string {
	var b strings.Builder
	at := ws
	for _, s := range ss {
		if s.start < at || s.end > we {
			continue
		}
		b.WriteString(clean(text[at:s.start]))
		b.WriteString("<mark>")
		b.WriteString(clean(text[s.start:s.end]))
		b.WriteString("</mark>")
		at = s.end
	}
	b.WriteString(clean(text[at:we]))
	out := strings.TrimSpace(b.String())
	if ws > 0 {
		out = "…" + out
	}
	if we < len(text) {
		out += "…"
	}
	return out
}

// htmlEscaper escapes what HTML text needs escaped (quotes stay readable).
var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// clean escapes s for HTML and collapses runs of white space.
func clean(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return htmlEscaper.Replace(b.String())
}
