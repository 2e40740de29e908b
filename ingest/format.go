package ingest

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/ingest/text"
)

// content is what a file format yields before normalisation.
type content struct {
	text   string      // the text, line structure kept
	title  string      // a title the markup states (HTML title, Markdown heading)
	date   corpus.Date // a publication date the markup states (HTML meta)
	source string      // the page's own URL (HTML canonical link)
}

// extractContent returns the content of a file's bytes in the given format.
func extractContent(format string, b []byte, lim Limits) (content, error) {
	switch format {
	case "txt":
		s, err := text.Decode(b, "text/plain")
		if err != nil || !looksLikeMarkdown(s) {
			return content{text: s}, err
		}
		// Text saved from a CMS or converter often carries Markdown;
		// its markup must not end up in evidence quotes.
		t, title := markdownText(s)
		return content{text: t, title: title}, nil
	case "md":
		s, err := text.Decode(b, "text/markdown")
		if err != nil {
			return content{}, err
		}
		t, title := markdownText(s)
		return content{text: t, title: title}, nil
	case "html":
		return htmlContent(b, lim)
	case "pdf":
		return pdfContent(b, lim)
	}
	return content{}, fmt.Errorf("%w %s", ErrUnsupported, format)
}

// looksLikeMarkdown reports whether plain text carries Markdown markup: at
// least two of ATX headings, **strong** spans and [links](url), or one of them
// several times. A lone asterisk or hash sign is not enough.
func looksLikeMarkdown(s string) bool {
	signals := 0
	for _, ln := range strings.Split(s, "\n") {
		if mdHeading.MatchString(ln) && strings.HasPrefix(strings.TrimSpace(ln), "#") {
			signals++
		}
	}
	signals += len(mdStrong.FindAllStringIndex(s, 3))
	signals += len(mdLink.FindAllStringIndex(s, 3))
	return signals >= 2
}

var (
	mdFence       = regexp.MustCompile("^\\s*(```|~~~)")
	mdHeading     = regexp.MustCompile(`^\s{0,3}#{1,6}(?:\s+(.*?))?\s*#*\s*$`)
	mdSetext      = regexp.MustCompile(`^\s{0,3}(=+|-+)\s*$`)
	mdRule        = regexp.MustCompile(`^\s{0,3}([-*_])(\s*[-*_]){2,}\s*$`)
	mdRefDef      = regexp.MustCompile(`^\s{0,3}\[[^\]]+\]:\s*\S+`)
	mdQuote       = regexp.MustCompile(`^\s{0,3}(>\s?)+`)
	mdBullet      = regexp.MustCompile(`^(\s*)[*+](\s+)`)
	mdTableSep    = regexp.MustCompile(`^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$`)
	mdImage       = regexp.MustCompile(`!\[[^\]]*\](\([^)]*\)|\[[^\]]*\])`)
	mdLink        = regexp.MustCompile(`\[([^\]]+)\](\([^)]*\)|\[[^\]]*\])`)
	mdAutolink    = regexp.MustCompile(`<((?:https?|mailto):[^>\s]+|[^>@\s]+@[^>\s]+)>`)
	mdStrong      = regexp.MustCompile(`\*\*(\S(?:.*?\S)?)\*\*`)
	mdStrongU     = regexp.MustCompile(`(^|[^\p{L}\p{N}_])__(\S(?:.*?\S)?)__([^\p{L}\p{N}_]|$)`)
	mdEm          = regexp.MustCompile(`(^|[^\p{L}\p{N}*])\*(\S(?:[^*]*?\S)?)\*`)
	mdEmU         = regexp.MustCompile(`(^|[^\p{L}\p{N}_])_(\S(?:[^_]*?\S)?)_([^\p{L}\p{N}_]|$)`)
	mdStrike      = regexp.MustCompile(`~~(\S(?:.*?\S)?)~~`)
	mdCode        = regexp.MustCompile("`+([^`]+)`+")
	mdTag         = regexp.MustCompile(`</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>`)
	mdEscape      = regexp.MustCompile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!>|~])")
	mdHardBreak   = regexp.MustCompile(`(\s{2,}|\\)$`)
	mdTableBorder = regexp.MustCompile(`^\s*\|(.*?)\|?\s*$`)
)

// markdownText removes Markdown markup from s: headings keep their text as a
// line, emphasis markers, links (their text stays), images, code fences,
// rules and HTML tags go. It also returns the title: the first heading, or the
// first one of at least three words among the first three.
func markdownText(s string) (string, string) {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	out := make([]string, 0, len(lines))
	var headings []string
	inFence := false
	for _, ln := range lines {
		if mdFence.MatchString(ln) {
			inFence = !inFence
			out = append(out, "")
			continue
		}
		if inFence {
			out = append(out, ln)
			continue
		}
		switch {
		case mdSetext.MatchString(ln) && len(out) > 0 && strings.TrimSpace(out[len(out)-1]) != "":
			// Setext underline: the line before is a heading.
			headings = append(headings, strings.TrimSpace(out[len(out)-1]))
			out = append(out, "")
			continue
		case mdRule.MatchString(ln), mdRefDef.MatchString(ln), mdTableSep.MatchString(ln):
			out = append(out, "")
			continue
		}
		if m := mdHeading.FindStringSubmatch(ln); m != nil {
			h := mdInline(m[1])
			if h != "" {
				headings = append(headings, h)
			}
			out = append(out, h)
			continue
		}
		ln = mdQuote.ReplaceAllString(ln, "")
		ln = mdBullet.ReplaceAllString(ln, "$1-$2")
		if m := mdTableBorder.FindStringSubmatch(ln); m != nil {
			// a table row reads as an enumeration of its cells:
			// "Saarland, Dr. Leonie Beispiel, Chief Information Officer"
			cells := strings.Split(m[1], "|")
			for i := range cells {
				cells[i] = strings.TrimSpace(cells[i])
			}
			cells = slices.DeleteFunc(cells, func(c string) bool { return c == "" })
			if len(cells) == 2 && mdLabel(cells[0]) {
				// a key and its value: "| **Termin** | 5. März |"
				// reads as a field, "Termin: 5. März"
				ln = strings.TrimRight(strings.Trim(cells[0], "*"), ": ") + ": " + cells[1]
			} else {
				ln = strings.Join(cells, ", ")
			}
		}
		out = append(out, mdInline(ln))
	}
	return strings.Join(out, "\n"), pickHeading(headings)
}

// mdLabel reports whether a table cell is the key of a key–value row: set
// in bold ("**Termin**") or ending with a colon ("Ort:"), and short.
func mdLabel(cell string) bool {
	bold := len(cell) > 4 && strings.HasPrefix(cell, "**") && strings.HasSuffix(cell, "**")
	if !bold && !strings.HasSuffix(cell, ":") {
		return false
	}
	return utf8.RuneCountInString(cell) <= 40 && !strings.ContainsAny(cell, ".!?|")
}

// pickHeading returns the first heading of at least three words among the
// first three, else the first.
func pickHeading(hs []string) string {
	for i, h := range hs {
		if i == 3 {
			break
		}
		if len(strings.Fields(h)) >= 3 {
			return h
		}
	}
	if len(hs) > 0 {
		return hs[0]
	}
	return ""
}

// mdInline removes inline Markdown markup from one line. Each pattern runs
// only on a line that holds the literal every match of it contains (most
// lines of a text hold none of them).
func mdInline(s string) string {
	if hardBreakEnd(s) {
		s = mdHardBreak.ReplaceAllString(s, "")
	}
	s = replaceWith(mdImage, s, "![", "")
	s = replaceWith(mdLink, s, "]", "$1")
	s = replaceWith(mdAutolink, s, "<", "$1")
	s = replaceWith(mdCode, s, "`", "$1")
	s = replaceWith(mdStrong, s, "**", "$1")
	s = replaceWith(mdStrike, s, "~~", "$1")
	for range 2 { // the patterns consume the character between two matches
		s = replaceWith(mdStrongU, s, "__", "$1$2$3")
		s = replaceWith(mdEm, s, "*", "$1$2")
		s = replaceWith(mdEmU, s, "_", "$1$2$3")
	}
	s = replaceWith(mdTag, s, "<", "")
	s = replaceWith(mdEscape, s, "\\", "$1")
	return strings.TrimRight(s, " \t")
}

// replaceWith is re.ReplaceAllString(s, repl) for a pattern every match of
// which contains lit: a line without lit is returned as it is.
func replaceWith(re *regexp.Regexp, s, lit, repl string) string {
	if !strings.Contains(s, lit) {
		return s
	}
	return re.ReplaceAllString(s, repl)
}

// hardBreakEnd reports whether s ends as mdHardBreak needs: in a backslash
// or a white-space character of \s.
func hardBreakEnd(s string) bool {
	return s != "" && strings.IndexByte(" \t\n\f\r\\", s[len(s)-1]) >= 0
}
