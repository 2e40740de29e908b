package ingest

import (
	"bytes"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	readability "github.com/go-shiori/go-readability"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/ingest/text"
)

// htmlContent returns the main text of an HTML page and its metadata. The
// page is cleaned of scripts, navigation, page header and footer, forms and
// cookie, newsletter and share blocks; go-readability then picks the main
// content, unless it keeps too little of the cleaned page.
func htmlContent(b []byte, lim Limits) (c content, err error) {
	defer func() {
		if v := recover(); v != nil {
			c, err = content{}, fmt.Errorf("parse HTML: %v", v)
		}
	}()
	if n, limit := htmlElements(b), lim.withDefaults().MaxHTMLElements; limit >= 0 && n > limit {
		// The parser and readability build a tree of every element and walk
		// it several times; a page of millions of elements is not an article.
		return content{}, fmt.Errorf("%w: more than %d HTML elements", ErrLimit, limit)
	}
	s, err := text.Decode(b, "text/html")
	if err != nil {
		return content{}, err
	}
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return content{}, fmt.Errorf("parse HTML: %w", err)
	}
	meta := readHTMLMeta(doc)
	cleanHTML(doc, false)
	// the prose of side boxes (a teaser's quote with its speaker's role)
	// follows the main text, which readability reads without them
	asides := takeAsides(doc)
	body := renderHTML(doc)
	c.text = withAsides(body, asides)
	if main := readableText(doc); letters(main) >= 200 || letters(main)*2 >= letters(body) {
		c.text = withAsides(main, asides)
	}
	if meta.h1 != "" && !strings.Contains(squeeze(prefix(c.text, 600)), squeeze(meta.h1)) {
		c.text = meta.h1 + "\n\n" + c.text
	}
	c.title = meta.title()
	c.date = meta.published
	c.source = meta.canonical
	return c, nil
}

// readableText returns the text of the main content as go-readability finds
// it, or "" where it finds none.
func readableText(doc *html.Node) (s string) {
	defer func() {
		if recover() != nil {
			s = ""
		}
	}()
	article, err := readability.FromDocument(doc, nil)
	if err != nil || strings.TrimSpace(article.Content) == "" {
		return ""
	}
	n, err := html.Parse(strings.NewReader(article.Content))
	if err != nil {
		return ""
	}
	return renderHTML(n)
}

// htmlMeta is what a page's markup says about it.
type htmlMeta struct {
	docTitle, ogTitle, h1 string
	published             corpus.Date
	canonical             string
}

// title returns og:title, else the first h1, else <title> without the site
// name.
func (m htmlMeta) title() string {
	switch {
	case m.ogTitle != "":
		return m.ogTitle
	case m.h1 != "":
		return m.h1
	}
	return stripSiteName(m.docTitle)
}

var siteSeparators = regexp.MustCompile(`\s+[|–—:·-]{1,2}\s+`)

// stripSiteName removes a site name from a <title>: of "Titel | Landesportal"
// the first part when it has at least three words, else the longest part.
func stripSiteName(t string) string {
	parts := siteSeparators.Split(t, -1)
	if len(parts) < 2 {
		return t
	}
	if len(strings.Fields(parts[0])) >= 3 {
		return parts[0]
	}
	best := parts[0]
	for _, p := range parts[1:] {
		if len(p) > len(best) {
			best = p
		}
	}
	return best
}

// readHTMLMeta reads the title, first h1, publication date and canonical URL.
func readHTMLMeta(doc *html.Node) htmlMeta {
	var m htmlMeta
	// <time datetime="…"> elements: the first inside <article> or <main>,
	// and whether all the page's agree
	var timeMain, timeAny corpus.Date
	timesAgree := true
	// skip: inside running text, a list, a table or the page's side parts,
	// a <time> dates an event or a teaser, not the page
	var visit func(n *html.Node, inMain, skip bool)
	visit = func(n *html.Node, inMain, skip bool) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Article, atom.Main:
				inMain = inMain || !skip
			case atom.P, atom.Li, atom.Td, atom.Aside, atom.Nav, atom.Footer, atom.Blockquote:
				skip = true
			case atom.Time:
				if v := strings.TrimSpace(attr(n, "datetime")); !skip && len(v) >= 10 && corpus.Date(v[:10]).Valid() {
					d := corpus.Date(v[:10])
					if inMain && timeMain == "" {
						timeMain = d
					}
					if timeAny == "" {
						timeAny = d
					} else if d != timeAny {
						timesAgree = false
					}
				}
			case atom.Title:
				if m.docTitle == "" {
					m.docTitle = oneLine(nodeText(n))
				}
			case atom.H1:
				if m.h1 == "" {
					m.h1 = oneLine(nodeText(n))
				}
			case atom.Meta:
				key := strings.ToLower(attr(n, "property") + attr(n, "name") + attr(n, "itemprop"))
				val := strings.TrimSpace(attr(n, "content"))
				switch key {
				case "og:title":
					m.ogTitle = oneLine(val)
				case "article:published_time", "date", "dc.date", "dc.date.issued", "dcterms.date",
					"dcterms.issued", "publication_date", "pubdate", "datepublished":
					if m.published == "" && len(val) >= 10 && corpus.Date(val[:10]).Valid() {
						m.published = corpus.Date(val[:10])
					}
				case "og:url":
					if m.canonical == "" {
						m.canonical = absoluteURL(val)
					}
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") {
					m.canonical = absoluteURL(attr(n, "href"))
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c, inMain, skip)
		}
	}
	visit(doc, false, false)
	// Without a date in the meta data, the article's <time> is the
	// publication date; outside an article only when every <time> of the
	// page agrees (teasers of other articles carry their own).
	if m.published == "" {
		switch {
		case timeMain != "":
			m.published = timeMain
		case timeAny != "" && timesAgree:
			m.published = timeAny
		}
	}
	return m
}

func absoluteURL(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

// dropTags are elements that never hold the page's text.
var dropTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Iframe: true,
	atom.Svg: true, atom.Math: true, atom.Canvas: true, atom.Nav: true, atom.Form: true,
	atom.Button: true, atom.Select: true, atom.Input: true, atom.Textarea: true, atom.Dialog: true,
	atom.Object: true, atom.Embed: true, atom.Audio: true, atom.Video: true, atom.Map: true, atom.Head: true,
}

var (
	// boilerClass matches class and id names of blocks that are boilerplate anywhere.
	boilerClass = regexp.MustCompile(`(?i)(^|[-_\s])(cookies?|consent|gdpr|dsgvo|newsletter|share|sharing|social|socialmedia|shariff|breadcrumbs?|skip|skiplinks?|sr-only|visually-?hidden|screen-?reader|popup|modal|overlay)([-_\s]|$)`)
	// pageClass matches class and id names of page furniture, boilerplate
	// outside an article or main element.
	pageClass = regexp.MustCompile(`(?i)(^|[-_\s])(nav|navi|navigation|navbar|menu|mainmenu|subnav|header|footer|sidebar|marginal)([-_\s]|$)`)
	// pageRoles are ARIA roles of page furniture.
	pageRoles = map[string]bool{"navigation": true, "banner": true, "contentinfo": true, "complementary": true, "search": true, "dialog": true, "alertdialog": true}
)

// cleanHTML removes the boilerplate below n. inMain tells whether n is inside
// an article or main element, where a header or footer belongs to the text.
func cleanHTML(n *html.Node, inMain bool) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.CommentNode:
			n.RemoveChild(c)
		case c.Type == html.ElementNode && c.DataAtom == atom.Aside && !hidden(c):
			// a side box keeps its paragraphs of prose (a teaser's quote
			// with its speaker and role) and its tables; its links, lists
			// and contact lines go
			ps := asideProse(c)
			if len(ps) == 0 {
				n.RemoveChild(c)
				break
			}
			for k := c.FirstChild; k != nil; k = c.FirstChild {
				c.RemoveChild(k)
			}
			for _, p := range ps {
				c.AppendChild(p)
			}
			cleanHTML(c, inMain)
		case c.Type == html.ElementNode && isBoilerplate(c, inMain):
			n.RemoveChild(c)
		default:
			cleanHTML(c, inMain || c.DataAtom == atom.Article || c.DataAtom == atom.Main)
		}
		c = next
	}
}

// asideMinWords is how many words a paragraph of a side box needs to be
// kept as prose.
const asideMinWords = 8

// asideProse returns the paragraphs and quotes of a side box that hold
// prose, detached from it: at least asideMinWords words, not a boilerplate
// block; and its tables (a contact box's names and functions).
func asideProse(n *html.Node) []*html.Node {
	var out []*html.Node
	var walk func(c *html.Node)
	walk = func(c *html.Node) {
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			if k.Type != html.ElementNode || hidden(k) || dropTags[k.DataAtom] {
				continue
			}
			if k.DataAtom == atom.P || k.DataAtom == atom.Blockquote {
				if len(strings.Fields(nodeText(k))) >= asideMinWords && !boilerText(k) {
					out = append(out, k)
				}
				continue
			}
			if k.DataAtom == atom.Table {
				// a table is data: "Name | Funktion" of a contact box
				if !boilerText(k) {
					out = append(out, k)
				}
				continue
			}
			walk(k)
		}
	}
	walk(n)
	for _, p := range out {
		p.Parent.RemoveChild(p)
	}
	return out
}

// takeAsides removes the side boxes cleanHTML kept from doc and returns
// their text.
func takeAsides(doc *html.Node) []string {
	var out []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode && c.DataAtom == atom.Aside {
				if t := strings.TrimSpace(renderHTML(c)); t != "" {
					out = append(out, t)
				}
				n.RemoveChild(c)
			} else {
				walk(c)
			}
			c = next
		}
	}
	walk(doc)
	return out
}

// withAsides appends to text the side boxes' texts it does not hold.
func withAsides(text string, asides []string) string {
	for _, a := range asides {
		if !strings.Contains(squeeze(text), squeeze(a)) {
			text = strings.TrimRight(text, "\n") + "\n\n" + a
		}
	}
	return text
}

// hidden reports whether an element is hidden from readers.
func hidden(n *html.Node) bool {
	return hasAttr(n, "hidden") || strings.EqualFold(attr(n, "aria-hidden"), "true") ||
		strings.Contains(strings.ReplaceAll(strings.ToLower(attr(n, "style")), " ", ""), "display:none")
}

func isBoilerplate(n *html.Node, inMain bool) bool {
	if dropTags[n.DataAtom] {
		return true
	}
	if (n.DataAtom == atom.Header || n.DataAtom == atom.Footer) && !inMain {
		return true
	}
	if hidden(n) {
		return true
	}
	if pageRoles[strings.ToLower(attr(n, "role"))] {
		return true
	}
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Main, atom.Article:
		return false
	}
	names := attr(n, "class") + " " + attr(n, "id")
	if boilerClass.MatchString(names) || (!inMain && pageClass.MatchString(names)) {
		return true
	}
	return boilerText(n)
}

var (
	cookieWords     = []string{"akzeptieren", "zustimmen", "einverstanden", "einstellungen", "verwendet", "nutzt", "setzt", "datenschutz"}
	newsletterWords = []string{"abonnieren", "anmelden", "bestellen", "registrieren"}
	shareWords      = map[string]bool{"teilen": true, "drucken": true, "facebook": true, "twitter": true, "x": true, "linkedin": true, "xing": true, "whatsapp": true, "e-mail": true, "email": true, "mail": true, "mastodon": true, "instagram": true, "youtube": true, "threads": true, "bluesky": true, "seite": true, "artikel": true, "link": true, "kopieren": true, "per": true, "auf": true, "diese": true, "den": true, "versenden": true, "share": true, "print": true, "drucken/pdf": true, "pdf": true}
)

// boilerText reports whether a short block reads as a cookie banner, a
// newsletter box or a row of share buttons.
func boilerText(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.P, atom.Ul, atom.Ol, atom.Li, atom.Span, atom.Table, atom.Figure:
	default:
		return false
	}
	t, ok := shortText(n, 400)
	if !ok {
		return false
	}
	low := strings.ToLower(t)
	if strings.Contains(low, "cookie") && containsAny(low, cookieWords) {
		return true
	}
	if strings.Contains(low, "newsletter") && containsAny(low, newsletterWords) {
		return true
	}
	words := strings.FieldsFunc(low, func(r rune) bool { return unicode.IsSpace(r) || r == '|' || r == '·' || r == ',' })
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		if !shareWords[w] {
			return false
		}
	}
	return containsAny(low, []string{"teilen", "facebook", "twitter", "linkedin", "whatsapp", "share"})
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// blockBreaks is the number of line breaks around a block element: 2 for a
// paragraph, 1 for a line.
var blockBreaks = map[atom.Atom]int{
	atom.P: 2, atom.H1: 2, atom.H2: 2, atom.H3: 2, atom.H4: 2, atom.H5: 2, atom.H6: 2,
	atom.Ul: 2, atom.Ol: 2, atom.Dl: 2, atom.Table: 2, atom.Blockquote: 2, atom.Pre: 2,
	atom.Figure: 2, atom.Hr: 2, atom.Header: 2, atom.Footer: 2, atom.Section: 2, atom.Article: 2, atom.Main: 2,
	atom.Div: 1, atom.Li: 1, atom.Tr: 1, atom.Dt: 1, atom.Dd: 1, atom.Figcaption: 1, atom.Address: 1,
	atom.Details: 1, atom.Summary: 1, atom.Fieldset: 1, atom.Center: 1, atom.Caption: 1, atom.Body: 2,
}

// renderHTML returns the text of n: white space collapsed as a browser
// would, block elements on lines of their own, list items as "- " lines,
// preformatted text as it is.
func renderHTML(n *html.Node) string {
	r := &htmlRenderer{}
	r.node(n, false)
	return r.b.String()
}

type htmlRenderer struct {
	b       strings.Builder
	space   bool // a space is due before the next text
	breaks  int  // line breaks due before the next text
	started bool // text has been written
	// sep is due before the next text of a table cell after the first of
	// its row: ", " (or ": " after a header cell that labels one value),
	// so a row reads as the Markdown reader reads one.
	sep string
}

// cellSeparator returns what stands before the text of table cell n in
// its row: nothing for the first cell, ": " after a header cell that
// labels the only other cell ("<th>Termin</th><td>5. März</td>" reads
// "Termin: 5. März"), else ", ".
func cellSeparator(n *html.Node) string {
	var prev *html.Node
	cells := 0
	for c := n.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.Td || c.DataAtom == atom.Th) {
			cells++
		}
	}
	for c := n.PrevSibling; c != nil; c = c.PrevSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.Td || c.DataAtom == atom.Th) {
			prev = c
			break
		}
	}
	switch {
	case prev == nil:
		return ""
	case cells == 2 && prev.DataAtom == atom.Th && n.DataAtom == atom.Td:
		return ": "
	}
	return ", "
}

func (r *htmlRenderer) block(n int) {
	r.breaks = max(r.breaks, n)
	r.space = false
}

func (r *htmlRenderer) flush() {
	switch {
	case !r.started:
	case r.breaks > 0:
		r.b.WriteString(strings.Repeat("\n", min(r.breaks, 2)))
	case r.sep != "":
		r.b.WriteString(r.sep)
	case r.space:
		r.b.WriteByte(' ')
	}
	r.breaks, r.space, r.started, r.sep = 0, false, true, ""
}

func (r *htmlRenderer) text(s string, pre bool) {
	for _, c := range s {
		switch {
		case pre && c == '\n':
			r.block(1)
		case !pre && unicode.IsSpace(c) && c != '\u00a0':
			r.space = true
		default:
			r.flush()
			r.b.WriteRune(c)
		}
	}
}

func (r *htmlRenderer) node(n *html.Node, pre bool) {
	switch n.Type {
	case html.TextNode:
		r.text(n.Data, pre)
		return
	case html.ElementNode:
		if dropTags[n.DataAtom] {
			return
		}
		switch n.DataAtom {
		case atom.Img, atom.Picture, atom.Source:
			return
		case atom.Br:
			r.block(1)
			return
		case atom.Td, atom.Th:
			r.space = true
			r.sep = cellSeparator(n)
		case atom.Pre:
			pre = true
		}
	case html.CommentNode, html.DoctypeNode:
		return
	}
	br := blockBreaks[n.DataAtom]
	if n.Type == html.ElementNode && br > 0 {
		r.block(br)
	}
	if n.DataAtom == atom.Li && n.Type == html.ElementNode {
		r.flush()
		r.b.WriteString("- ")
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.node(c, pre)
	}
	if n.Type == html.ElementNode && br > 0 {
		r.block(br)
	}
}

// nodeText returns the text below n, white space collapsed.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var visit func(n *html.Node)
	visit = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			b.WriteByte(' ')
		case html.ElementNode:
			if n.DataAtom == atom.Script || n.DataAtom == atom.Style {
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			visit(c)
		}
	}
	visit(n)
	return oneLine(b.String())
}

// shortText returns the text below n, white space collapsed, if it has at
// most limit bytes.
func shortText(n *html.Node, limit int) (string, bool) {
	var b strings.Builder
	var visit func(n *html.Node) bool
	visit = func(n *html.Node) bool {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
			return b.Len() <= 4*limit // white space collapses later
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !visit(c) {
				return false
			}
		}
		return true
	}
	if !visit(n) {
		return "", false
	}
	t := oneLine(b.String())
	return t, len(t) <= limit
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return true
		}
	}
	return false
}

// oneLine collapses white space (also non-breaking) to single spaces.
func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' }), " ")
}

// squeeze removes all but letters and digits, lower case, for loose
// comparison.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}

// letters counts the letters of s.
func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// prefix returns about the first n bytes of s, cut at a rune boundary.
func prefix(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// htmlElements counts the start tags of an HTML page: "<" followed by a
// letter.
func htmlElements(b []byte) int {
	n := 0
	for i := bytes.IndexByte(b, '<'); i >= 0 && i+1 < len(b); {
		if c := b[i+1] | 0x20; c >= 'a' && c <= 'z' {
			n++
		}
		j := bytes.IndexByte(b[i+1:], '<')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return n
}
