package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/laendergraph/laendergraph/ingest/text"
)

func TestMarkdownText(t *testing.T) {
	tests := []struct {
		name, in, want, title string
	}{
		{"heading and emphasis", "# Titel der Seite\n\nEin **fetter** und _kursiver_ und *betonter* Text.", "Titel der Seite\n\nEin fetter und kursiver und betonter Text.", "Titel der Seite"},
		{"links and images", "Siehe [das Portal](https://x.example/p) und ![Bild](a.png) <https://y.example>.", "Siehe das Portal und  https://y.example.", ""},
		{"reference link", "Mehr im [Bericht][1].\n\n[1]: https://x.example/b", "Mehr im Bericht.\n\n", ""},
		{"hard break", "Zeile eins  \nZeile zwei\\\nZeile drei", "Zeile eins\nZeile zwei\nZeile drei", ""},
		{"lists and quotes", "* eins\n+ zwei\n- drei\n1. vier\n> Zitat", "- eins\n- zwei\n- drei\n1. vier\nZitat", ""},
		{"snake_case stays", "Die Datei daten_2024_final.csv liegt bereit.", "Die Datei daten_2024_final.csv liegt bereit.", ""},
		{"setext heading", "Strategie für das Land\n======================\n\nText.", "Strategie für das Land\n\n\nText.", "Strategie für das Land"},
		{"rule and code", "Text\n\n---\n\n```\ncode bleibt\n```\n`inline`", "Text\n\n\n\n\ncode bleibt\n\ninline", ""},
		{"short first heading", "## Pressemitteilung\n\n### **Land startet neues Programm**\n\nText.", "Pressemitteilung\n\nLand startet neues Programm\n\nText.", "Land startet neues Programm"},
		{"table", "| Land | Zahl |\n|---|---|\n| Bayern | 3 |", "Land, Zahl\n\nBayern, 3", ""},
		{"key-value table", "| | |\n|---|---|\n| **Sitzungstag** | Montag, 3. Mai |\n| Ort: | Kiel |\n| Stand | 2 |", "\n\nSitzungstag: Montag, 3. Mai\nOrt: Kiel\nStand, 2", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, title := markdownText(tt.in)
			if got != tt.want || title != tt.title {
				t.Errorf("got %q, %q, want %q, %q", got, title, tt.want, tt.title)
			}
		})
	}
}

func TestHTMLContent(t *testing.T) {
	tests := []struct {
		name       string
		in         string
		has, hasNt []string
		title      string
	}{
		{
			name:  "entities and blocks",
			in:    `<html><head><title>Straße &amp; Weg – Portal</title></head><body><h1>Stra&szlig;en werden digital</h1><p>Erste&nbsp;Zeile<br>zweite Zeile</p><p>Absatz mit &bdquo;Zitat&ldquo;.</p></body></html>`,
			has:   []string{"Straßen werden digital\n\nErste Zeile\nzweite Zeile\n\nAbsatz mit „Zitat“."},
			title: "Straßen werden digital",
		},
		{
			name:  "og title and boilerplate",
			in:    `<html><head><meta property="og:title" content="Neue Agentur gegründet"><title>Start | Land</title><link rel="canonical" href="https://www.example.org/agentur"></head><body><div id="breadcrumb">Start › Presse</div><div class="newsletter-box">Jetzt Newsletter abonnieren!</div><div class="content"><p>Das Land gründet eine Agentur für Cybersicherheit.</p></div><div class="social-share">Teilen</div><aside>Verwandte Themen</aside><form>Suche</form></body></html>`,
			has:   []string{"Das Land gründet eine Agentur für Cybersicherheit."},
			hasNt: []string{"Start ›", "Newsletter", "Teilen", "Verwandte", "Suche"},
			title: "Neue Agentur gegründet",
		},
		{
			// a side box keeps its prose (a teaser's quote with speaker and
			// role), not its heading, links or contact lines
			name:  "aside prose",
			in:    `<html><body><main><p>Die Strategie wurde beschlossen.</p></main><aside class="teaser"><h3>Im Gespräch</h3><p>„Ein Plan ist nur so gut wie sein erster Bericht.“ – Lea Beispiel, Ministerin für Digitales</p><ul><li><a href="/a">Mehr zur Strategie im Überblick und alle Maßnahmen im Detail</a></li></ul><p>Pressestelle, Tel. 0611 123</p></aside></body></html>`,
			has:   []string{"Die Strategie wurde beschlossen.", "– Lea Beispiel, Ministerin für Digitales"},
			hasNt: []string{"Im Gespräch", "Mehr zur Strategie", "Pressestelle"},
		},
		{
			// a side box's table is data: a contact box's name and function
			name:  "aside table",
			in:    `<html><body><main><p>Die Strategie wurde beschlossen.</p></main><aside class="kontaktbox"><h3>Ansprechpartner</h3><table><tr><th>Name</th><th>Funktion</th></tr><tr><td>Ole Beispiel</td><td>Bevollmächtigter für Digitalisierung des Landes</td></tr></table><ul><li><a href="/k">Kontakt</a></li></ul></aside></body></html>`,
			has:   []string{"Die Strategie wurde beschlossen.", "Ole Beispiel, Bevollmächtigter für Digitalisierung des Landes"},
			hasNt: []string{"Ansprechpartner", "Kontakt"},
		},
		{
			name:  "title from title tag",
			in:    `<html><head><title>Digitalprogramm des Landes beschlossen | Staatskanzlei</title></head><body><p>Text des Programms.</p></body></html>`,
			has:   []string{"Text des Programms."},
			title: "Digitalprogramm des Landes beschlossen",
		},
		{
			name:  "article header kept",
			in:    `<html><body><header>Landesportal Menü</header><article><header><p>Pressemitteilung vom 07.11.2023</p></header><p>Die Minister treffen sich in Berlin.</p></article></body></html>`,
			has:   []string{"Pressemitteilung vom 07.11.2023", "Die Minister treffen sich in Berlin."},
			hasNt: []string{"Menü"},
		},
		{
			// a table row reads as the Markdown reader reads one: its
			// cells as an enumeration, a header cell and one value as a
			// field
			name: "table rows",
			in: `<body><article><p>Die Landesregierung hat das Programm für offene Daten beschlossen. Es verbindet die Portale der Kommunen, ` +
				`der Ministerien und der Landesämter und soll bis zum Jahr 2035 alle Datensätze der Verwaltung erschließen.</p>` +
				`<table><tr><th>Termin</th><td>5. März 2031</td></tr>` +
				`<tr><th>Funktion</th><th>Name</th><th>Einheit</th></tr>` +
				`<tr><td>Projektleitung</td><td>Dr. Ida Ilm</td><td>Leiterin des Referats Daten</td></tr></table></article></body>`,
			has: []string{"Termin: 5. März 2031", "Funktion, Name, Einheit", "Projektleitung, Dr. Ida Ilm, Leiterin des Referats Daten"},
		},
		{
			name:  "hidden and comments",
			in:    `<body><p hidden>versteckt</p><p style="display: none">auch weg</p><!-- Kommentar --><p>sichtbar</p><table><tr><td>Zelle1</td><td>Zelle2</td></tr></table></body>`,
			has:   []string{"sichtbar", "Zelle1, Zelle2"},
			hasNt: []string{"versteckt", "auch weg", "Kommentar"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := htmlContent([]byte(tt.in), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			got := text.Normalize(c.text)
			for _, s := range tt.has {
				if !strings.Contains(got, s) {
					t.Errorf("got %q, want it to contain %q", got, s)
				}
			}
			for _, s := range tt.hasNt {
				if strings.Contains(got, s) {
					t.Errorf("got %q, want it without %q", got, s)
				}
			}
			if c.title != tt.title {
				t.Errorf("title: got %q, want %q", c.title, tt.title)
			}
		})
	}
	c, _ := htmlContent([]byte(`<html><head><link rel="canonical" href="https://www.example.org/a"><meta property="article:published_time" content="2023-11-07T10:00:00+01:00"></head><body><p>Text.</p></body></html>`), Limits{})
	if c.source != "https://www.example.org/a" || c.date != "2023-11-07" {
		t.Errorf("got source %q date %q, want the canonical URL and 2023-11-07", c.source, c.date)
	}
}

// TestHTMLTimeDate checks the publication date read from <time> when the
// meta data gives none: the article's, or the page's when all agree.
func TestHTMLTimeDate(t *testing.T) {
	for _, tc := range []struct {
		page, want string
	}{
		{`<body><nav><time datetime="2031-01-02">x</time></nav><article><time datetime="2031-05-06T09:00">6. Mai</time><p>Text.</p></article></body>`, "2031-05-06"},
		{`<body><div class="stand">Stand: <time datetime="2031-05-06">6. Mai</time></div><p>Text.</p></body>`, "2031-05-06"},
		{`<body><aside><article><time datetime="2019-02-01">x</time></article></aside><article><header><time datetime="2031-05-03">3. Mai</time></header><p>Text.</p></article></body>`, "2031-05-03"}, // a teaser in an aside
		{`<body><article><h1>T</h1><p>Der Rat tagt am <time datetime="2031-11-24">24. November</time>.</p></article></body>`, ""},                                                                      // an event in the text
		{`<body><ul><li><time datetime="2031-01-02">a</time></li><li><time datetime="2031-02-03">b</time></li></ul><p>Text.</p></body>`, ""},                                                           // teasers disagree
		{`<head><meta name="date" content="2030-01-01"></head><body><article><time datetime="2031-05-06">x</time></article></body>`, "2030-01-01"},                                                     // meta first
	} {
		c, _ := htmlContent([]byte(`<html>`+tc.page+`</html>`), Limits{})
		if string(c.date) != tc.want {
			t.Errorf("%s: date %q, want %q", tc.page, c.date, tc.want)
		}
	}
}

func TestPDFContent(t *testing.T) {
	c, err := pdfContent(buildPDF(pdfLines...), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := text.Normalize(c.text), strings.Join(pdfLines, "\n"); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	pdf := buildPDF(pdfLines...)
	for _, n := range []int{0, 8, len(pdf) / 3, len(pdf) - 30} {
		if _, err := pdfContent(pdf[:n], Limits{}); err == nil {
			t.Errorf("truncated to %d bytes: got no error, want one", n)
		}
	}
	if _, err := pdfContent([]byte("Nur Text, kein PDF."), Limits{}); err == nil {
		t.Error("not a PDF: got no error, want one")
	}
}

// fixtureSeeds returns the fixture files ending in ext, for fuzz seeds.
func fixtureSeeds(f *testing.F, ext string) {
	f.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "fixtures", "*"+ext))
	if err != nil {
		f.Fatal(err)
	}
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
}

func FuzzHTML(f *testing.F) {
	fixtureSeeds(f, ".html")
	f.Add([]byte(`<html><head><title>T</title></head><body><article><header><p>x</p></header><div class="cookie">Cookies akzeptieren</div><ul><li>a<li>b</ul><pre>a
b</pre></article></body></html>`))
	f.Add([]byte("<table><td><p><b><i><table><tr><td>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := htmlContent(b, Limits{})
		if err == nil {
			_ = text.Normalize(c.text)
		}
	})
}

func FuzzPDF(f *testing.F) {
	fixtureSeeds(f, ".pdf")
	f.Add(buildPDF("Eins (zwei) \\ drei", "Größe"))
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _ = pdfContent(b, Limits{})
	})
}

func FuzzMarkdown(f *testing.F) {
	fixtureSeeds(f, ".md")
	f.Add([]byte("# T\n**a** _b_ [c](d) ![e](f)\n```\ng\n```"))
	f.Fuzz(func(t *testing.T, b []byte) {
		markdownText(string(b))
	})
}

func TestPlainTextWithMarkdown(t *testing.T) {
	tests := []struct {
		name, in, want, notWant string
	}{
		{"markdown in txt", "## Pressemitteilung\n\nDas Land startet ein **Digitallabor** für [Kommunen](https://example.org).\n", "Das Land startet ein Digitallabor für Kommunen.", "**"},
		{"plain text with stars", "Note: 5 * 3 = 15 and #1 on the list.\n", "5 * 3 = 15 and #1", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := extractContent("txt", []byte(tt.in), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(c.text, tt.want) {
				t.Errorf("got %q, want it to contain %q", c.text, tt.want)
			}
			if tt.notWant != "" && strings.Contains(c.text, tt.notWant) {
				t.Errorf("got %q, want no %q", c.text, tt.notWant)
			}
		})
	}
}

// mdInlineAll is mdInline as it was, every pattern run on every line: the
// reference for the literal checks of mdInline.
func mdInlineAll(s string) string {
	s = mdHardBreak.ReplaceAllString(s, "")
	s = mdImage.ReplaceAllString(s, "")
	s = mdLink.ReplaceAllString(s, "$1")
	s = mdAutolink.ReplaceAllString(s, "$1")
	s = mdCode.ReplaceAllString(s, "$1")
	s = mdStrong.ReplaceAllString(s, "$1")
	s = mdStrike.ReplaceAllString(s, "$1")
	for range 2 {
		s = mdStrongU.ReplaceAllString(s, "$1$2$3")
		s = mdEm.ReplaceAllString(s, "$1$2")
		s = mdEmU.ReplaceAllString(s, "$1$2$3")
	}
	s = mdTag.ReplaceAllString(s, "")
	s = mdEscape.ReplaceAllString(s, "$1")
	return strings.TrimRight(s, " \t")
}

var mdInlineCases = []string{
	"", " ", "  ", "\t", "Zeile mit Umbruch  ", "Zeile mit Umbruch\\", "Zeile mit\fFormfeed\f\f", "Ende\r\n",
	"Größe **fett** und *kursiv* und _unter_ und __doppelt__ Straße", "**Termin**: 5. März", "*", "**", "***", "_", "__a__", "a__b__c",
	"[Link](https://example.org) und [Ref][1] und ![Bild](x.png) und ![](y)", "[ohne Ziel] und ] allein", "a](b) ohne Öffnung",
	"<https://example.org> und <mail@example.org> und <b>fett</b> und <br/>", "`Code` und ``doppelt`` und ` allein",
	"~~gestrichen~~ und ~ allein", "\\*kein Stern\\* und \\_ und \\\\", "Müller_Lüdenscheidt_ und _Ä_ und *Ö*", "ẞ**ß**ẞ",
	"Wort*Wort*Wort und Wort_Wort_Wort", "* Liste", "_ _", "a _b_ _c_ d", "**a** **b**", "*a**b*",
}

func TestMdInlineLiterals(t *testing.T) {
	for _, s := range mdInlineCases {
		if got, want := mdInline(s), mdInlineAll(s); got != want {
			t.Errorf("mdInline(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzMdInline(f *testing.F) {
	for _, s := range mdInlineCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := mdInline(s), mdInlineAll(s); got != want {
			t.Errorf("mdInline(%q) = %q, want %q", s, got, want)
		}
	})
}
