package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"html"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The generator writes a corpus of German texts about the digital policy of
// the Länder that reads like the real thing to the pipeline: press releases,
// news, web pages and strategies with datelines, Länder, ministers, topics,
// strategies, meetings of the Digitalkoordinatoren, D16, D17 and DMK series
// with their chairs — and a long tail of ordinary words drawn from a Zipf
// distribution. Every sentence is recombined from templates written for this
// benchmark; the same seed and size give the same files, byte for byte.

// land is one Land as the generator writes about it.
type land struct {
	code, name, genitive, capital, domain string
}

var laender = []land{
	{"BW", "Baden-Württemberg", "Baden-Württembergs", "Stuttgart", "baden-wuerttemberg.de"},
	{"BY", "Bayern", "Bayerns", "München", "bayern.de"},
	{"BE", "Berlin", "Berlins", "Berlin", "berlin.de"},
	{"BB", "Brandenburg", "Brandenburgs", "Potsdam", "brandenburg.de"},
	{"HB", "Bremen", "Bremens", "Bremen", "bremen.de"},
	{"HH", "Hamburg", "Hamburgs", "Hamburg", "hamburg.de"},
	{"HE", "Hessen", "Hessens", "Wiesbaden", "hessen.de"},
	{"MV", "Mecklenburg-Vorpommern", "Mecklenburg-Vorpommerns", "Schwerin", "regierung-mv.de"},
	{"NI", "Niedersachsen", "Niedersachsens", "Hannover", "niedersachsen.de"},
	{"NW", "Nordrhein-Westfalen", "Nordrhein-Westfalens", "Düsseldorf", "land.nrw"},
	{"RP", "Rheinland-Pfalz", "Rheinland-Pfalz'", "Mainz", "rlp.de"},
	{"SL", "Saarland", "des Saarlandes", "Saarbrücken", "saarland.de"},
	{"SN", "Sachsen", "Sachsens", "Dresden", "sachsen.de"},
	{"ST", "Sachsen-Anhalt", "Sachsen-Anhalts", "Magdeburg", "sachsen-anhalt.de"},
	{"SH", "Schleswig-Holstein", "Schleswig-Holsteins", "Kiel", "schleswig-holstein.de"},
	{"TH", "Thüringen", "Thüringens", "Erfurt", "thueringen.de"},
}

// topic is a policy topic: how a sentence names what a Land has or builds,
// and its bare name for lists.
type topic struct{ has, name string }

var topics = []topic{
	{"eine Cyberwehr", "die Cyberwehr"},
	{"eine Agentur für Cybersicherheit", "die Cybersicherheit"},
	{"ein Zentrum für Künstliche Intelligenz", "die Künstliche Intelligenz"},
	{"ein Portal für die digitale Verwaltung", "die digitale Verwaltung"},
	{"ein Förderprogramm für den Breitbandausbau", "den Breitbandausbau"},
	{"eine Initiative für digitale Teilhabe", "die digitale Teilhabe"},
	{"ein Smart-City-Programm", "Smart Cities"},
	{"eine Digitalstrategie", "die Digitalstrategie"},
	{"eine Offensive für IT-Fachkräfte", "die IT-Fachkräfte"},
	{"ein Open-Data-Portal", "Open Data"},
	{"ein Landesprogramm für digitale Bildung", "die digitale Bildung"},
	{"eine Cloud-Strategie", "die Cloud"},
	{"ein Kompetenzzentrum Open Source", "Open Source"},
	{"ein Programm für digitale Gesundheit", "die digitale Gesundheit"},
	{"eine Strategie für digitale Souveränität", "die digitale Souveränität"},
	{"ein Projekt zur Registermodernisierung", "die Registermodernisierung"},
}

// meeting is one meeting of the calendar the generated texts report on.
type meeting struct {
	series  string // short name as texts use it: "D16", "DMK" …
	long    string // "Digitalministerkonferenz" …
	ordinal int
	y, m, d int
	host    int // index into laender
	chair   int
}

// calendar returns the meetings of the series from 2019 on: the first
// Konferenz der Digitalkoordinatoren, two D16 meetings a year until 2023,
// then two DMK meetings a year, and one D17 meeting a year.
func calendar() []meeting {
	var out []meeting
	out = append(out, meeting{series: "Digitalkoordinatoren", long: "Konferenz der Digitalkoordinatoren", ordinal: 1, y: 2019, m: 6, d: 21, host: 3, chair: 3})
	chairOf := func(y int) int { return (y - 2019 + 1) % len(laender) }
	n := 0
	for y := 2019; y <= 2023; y++ {
		for _, md := range [][2]int{{5, 12}, {11, 7}} {
			if y == 2019 && md[0] == 5 {
				continue
			}
			n++
			host := chairOf(y)
			if md[0] == 11 {
				host = (host + 5) % len(laender)
			}
			out = append(out, meeting{series: "D16", long: "D16-Digitalministertreffen", ordinal: n, y: y, m: md[0], d: md[1] + y%5, host: host, chair: chairOf(y)})
		}
	}
	n = 0
	for y := 2024; y <= 2026; y++ {
		for _, md := range [][2]int{{4, 19}, {11, 14}} {
			n++
			host := chairOf(y)
			if md[0] == 11 {
				host = (host + 7) % len(laender)
			}
			out = append(out, meeting{series: "DMK", long: "Digitalministerkonferenz", ordinal: n, y: y, m: md[0], d: md[1] - y%4, host: host, chair: chairOf(y)})
		}
	}
	for y := 2019; y <= 2026; y++ {
		out = append(out, meeting{series: "D17", long: "D17-Konferenz der Digitalminister von Bund und Ländern", y: y, m: 9, d: 20 + y%7, host: (y * 3) % len(laender), chair: -1})
	}
	return out
}

var months = []string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}

var ordinals = []string{"", "ersten", "zweiten", "dritten", "vierten", "fünften", "sechsten", "siebten", "achten", "neunten", "zehnten", "elften", "zwölften"}

// person is a member of a Land government.
type person struct {
	name, role string
	land       int
}

var firstNames = []string{"Anna", "Thomas", "Katrin", "Michael", "Sabine", "Jörg", "Claudia", "Stefan", "Julia", "Andreas",
	"Petra", "Matthias", "Nicole", "Frank", "Susanne", "Tobias", "Birgit", "Markus", "Heike", "Florian", "Ute", "Jens", "Silke", "Dirk"}
var lastNames = []string{"Schneider", "Wagner", "Becker", "Hoffmann", "Schäfer", "Koch", "Richter", "Klein", "Wolf", "Schröder",
	"Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Werner", "Krause", "Lehmann", "Köhler", "Maier", "Herrmann"}
var roles = []string{"Digitalministerin", "Staatssekretär für Digitalisierung", "Chief Information Officer", "Ministerin für Digitales", "Staatssekretärin"}

// The Zipf vocabulary: words of rank 0 … are drawn with probability falling
// as 1/rank^s. The first ranks are common German nouns; later ranks are
// compounds of two of them, so the tail is long and mostly unique words, as
// in real text.
var nounStems = strings.Fields("Verwaltung Daten Netz Land Bürger Schule Förderung Projekt Plattform Sicherheit " +
	"Kommune Dienst Angebot Antrag Infrastruktur Wirtschaft Forschung Hochschule Unternehmen Gemeinde " +
	"Portal Strategie Programm Zentrum Konzept Leistung Prozess Standard Schnittstelle Anwendung " +
	"Betrieb Rechenzentrum Glasfaser Mobilfunk Bildung Gesundheit Pflege Mobilität Energie Klima " +
	"Haushalt Personal Ausbildung Beratung Modell Labor Region Kreis Stadt Behörde " +
	"Akte Register Formular Nachweis Identität Zugang Signatur Post Termin Bescheid " +
	"Kultur Medien Justiz Polizei Feuerwehr Verkehr Wasser Wald Landwirtschaft Tourismus")

var adjectives = strings.Fields("digitale neue gemeinsame moderne sichere offene zentrale regionale kommunale öffentliche " +
	"schnelle nachhaltige einheitliche innovative nutzerfreundliche barrierefreie zuverlässige landesweite erste weitere")

var verbsPlural = strings.Fields("profitieren arbeiten entwickeln nutzen beraten unterstützen erproben planen prüfen begleiten")

// zipf draws word ranks.
type zipf struct {
	z *rand.Zipf
}

const vocabulary = 60000

func newZipf(r *rand.Rand) zipf { return zipf{rand.NewZipf(r, 1.08, 2, vocabulary-1)} }

// noun returns the noun of a rank: a stem, or a compound of two stems.
func noun(rank uint64) string {
	n := uint64(len(nounStems))
	if rank < n {
		return nounStems[rank]
	}
	head := nounStems[rank%n]
	mod := nounStems[(rank/n)%n]
	if rank/(n*n) > 0 {
		mod = nounStems[(rank/(n*n))%n] + strings.ToLower(mod)
	}
	return mod + linker(mod) + strings.ToLower(head)
}

// linker is the Fugen-s a compound takes after some words.
func linker(w string) string {
	for _, suf := range []string{"ung", "heit", "keit", "ion", "tät", "schaft"} {
		if strings.HasSuffix(w, suf) {
			return "s"
		}
	}
	return ""
}

// doc is one generated document and its manifest entry.
type doc struct {
	File   string `json:"file"`
	Source string `json:"source"`
	Title  string `json:"title"`
	Date   string `json:"date"`
	Kind   string `json:"kind"`
	body   string
}

// gen holds the generator's state.
type gen struct {
	r        *rand.Rand
	z        zipf
	meetings []meeting
	people   []person
	prev     []string // bodies of recent documents, for reprints
}

func newGen(seed uint64) *gen {
	r := rand.New(rand.NewPCG(seed, 0x6c67))
	g := &gen{r: r, z: newZipf(r), meetings: calendar()}
	for i := range laender {
		for k := range 3 {
			g.people = append(g.people, person{
				name: firstNames[(i*7+k*5)%len(firstNames)] + " " + lastNames[(i*5+k*11)%len(lastNames)],
				role: roles[(i+k)%len(roles)], land: i,
			})
		}
	}
	return g
}

func (g *gen) pick(n int) int { return g.r.IntN(n) }

func (g *gen) word() string { return noun(g.z.z.Uint64()) }

func (g *gen) adj() string { return adjectives[g.pick(len(adjectives))] }

func dateWords(y, m, d int) string { return fmt.Sprintf("%d. %s %d", d, months[m-1], y) }

// fillers are sentence frames; %[1]s … are filled by Zipf nouns, %[4]s by an
// adjective, %[5]d by a number.
var fillers = []string{
	"Die %[4]s %[1]s soll bis zum Jahresende in allen Landkreisen verfügbar sein.",
	"Nach Angaben des Ministeriums profitieren davon bereits rund %[5]d Kommunen.",
	"Das Land stellt dafür in den kommenden Jahren %[5]d Millionen Euro aus dem Programm %[1]s bereit.",
	"Ziel ist es, %[1]s und %[2]s enger miteinander zu verzahnen.",
	"Bereits im vergangenen Jahr wurden %[5]d Vorhaben im Bereich %[1]s umgesetzt.",
	"Die Nachfrage nach %[4]sn Angeboten der %[1]s ist weiter gestiegen.",
	"Künftig sollen Anträge zur %[1]s vollständig online gestellt werden können.",
	"Die %[1]s wird dabei eng mit der %[2]s zusammenarbeiten.",
	"Im Mittelpunkt stehen die %[4]s %[1]s und der Ausbau der %[2]s.",
	"Eine Arbeitsgruppe aus %[1]s und %[2]s hat dazu Empfehlungen vorgelegt.",
	"Die Ergebnisse der Pilotphase zur %[1]s werden derzeit ausgewertet.",
	"Für die %[1]s ist eine %[4]s Lösung auf Basis der %[2]s vorgesehen.",
	"Die Beschäftigten der %[1]s werden dafür eigens geschult.",
	"Kritik kam von Verbänden, die eine stärkere Beteiligung der %[1]s fordern.",
	"Bis %[6]d sollen %[5]d weitere Leistungen der %[1]s digital angeboten werden.",
	"Die %[3]s gilt dabei als Vorbild für andere Länder.",
	"Wie das Ministerium mitteilte, läuft die Ausschreibung für die %[1]s noch bis Ende des Monats.",
	"Gemeinsam mit der %[2]s wird die %[4]s %[1]s weiterentwickelt.",
	"Auch kleinere Gemeinden %[7]s von der %[1]s.",
	"Die Mittel für die %[1]s wurden im Haushalt um %[5]d Prozent erhöht.",
	"Das Vorhaben %[1]s ist Teil eines größeren Programms zur %[2]s.",
	"Fachleute aus %[1]s und %[3]s haben das Konzept begleitet.",
}

func (g *gen) filler(year int) string {
	f := fillers[g.pick(len(fillers))]
	return fmt.Sprintf(f, g.word(), g.word(), g.word(), g.adj(), 3+g.pick(400), year+1+g.pick(6), verbsPlural[g.pick(len(verbsPlural))])
}

// document returns the i-th document.
func (g *gen) document(i int) doc {
	r := g.r
	li := g.zipfLand()
	l := laender[li]
	y, m, d := 2017+r.IntN(10), 1+r.IntN(12), 1+r.IntN(28)
	var kind string
	switch x := r.IntN(100); {
	case x < 60:
		kind = "press-release"
	case x < 80:
		kind = "news"
	case x < 90:
		kind = "web-page"
	case x < 95:
		kind = "strategy"
	default:
		kind = "other"
	}
	var sents []string
	var title string
	// A report on, or an announcement of, a meeting of one of the series.
	if r.IntN(100) < 18 {
		mt := g.meetings[r.IntN(len(g.meetings))]
		var ms []string
		title, ms, y, m, d = g.meetingText(mt)
		sents = append(sents, ms...)
		li = mt.host
		l = laender[li]
	}
	if r.IntN(100) < 6 {
		cy := 2019 + r.IntN(8)
		ch := laender[(cy-2019+1)%len(laender)]
		series := "D16"
		if cy >= 2024 {
			series = "Digitalministerkonferenz"
		}
		sents = append(sents, fmt.Sprintf("%s hat im Jahr %d den Vorsitz der %s inne.", ch.name, cy, series))
		if title == "" {
			y = cy - r.IntN(2) // announced the year before, or in the year itself
		}
		if title == "" {
			title = fmt.Sprintf("%s übernimmt %d den Vorsitz der %s", ch.name, cy, series)
		}
	}
	if r.IntN(100) < 55 {
		t := topics[g.zipfTopic()]
		switch r.IntN(3) {
		case 0:
			sents = append(sents, fmt.Sprintf("%s baut %s auf.", l.name, t.has))
		case 1:
			sents = append(sents, fmt.Sprintf("Seit %d hat %s %s.", y-1-r.IntN(3), l.name, t.has))
		default:
			sents = append(sents, fmt.Sprintf("In %s gibt es inzwischen %s.", l.name, t.has))
		}
		if title == "" {
			title = fmt.Sprintf("%s setzt auf %s", l.name, strings.TrimPrefix(strings.TrimPrefix(t.name, "die "), "den "))
		}
	}
	if kind == "strategy" || r.IntN(100) < 8 {
		name := fmt.Sprintf("%s digital %d", l.name, y+3+r.IntN(5))
		if r.IntN(2) == 0 {
			name = fmt.Sprintf("Digitalstrategie %s", l.name)
		}
		sents = append(sents, fmt.Sprintf("Die Landesregierung hat im %s %d die Strategie „%s“ beschlossen.", months[m-1], y, name))
		if title == "" {
			title = fmt.Sprintf("Strategie „%s“ beschlossen", name)
		}
	}
	if r.IntN(100) < 45 {
		p := g.people[li*3+r.IntN(3)]
		sents = append(sents, fmt.Sprintf("„Wir machen die %s einfacher, schneller und sicherer“, sagte %s %s.", g.word(), p.role, p.name))
	}
	if title == "" {
		title = fmt.Sprintf("%s: %s %s", l.name, capitalize(g.adj()), g.word())
	}
	paragraphs := 2 + r.IntN(4)
	if kind == "strategy" {
		paragraphs = 8 + r.IntN(12)
	}
	var body strings.Builder
	fmt.Fprintf(&body, "%s, %d.%d.%d – ", l.capital, d, m, y)
	k := 0
	for p := range paragraphs {
		if p > 0 {
			body.WriteString("\n\n")
		}
		for s := range 3 + r.IntN(5) {
			if s > 0 {
				body.WriteByte(' ')
			}
			if k < len(sents) && (p > 0 || s == 0) && r.IntN(2) == 0 {
				body.WriteString(sents[k])
				k++
				continue
			}
			body.WriteString(g.filler(y))
		}
	}
	for ; k < len(sents); k++ {
		body.WriteString(" " + sents[k])
	}
	text := body.String()
	// A few documents reprint an earlier one under another name.
	if len(g.prev) > 0 && r.IntN(100) < 2 {
		text = g.prev[r.IntN(len(g.prev))]
	}
	if len(g.prev) < 64 {
		g.prev = append(g.prev, text)
	} else {
		g.prev[r.IntN(len(g.prev))] = text
	}
	slug := slugify(title)
	ext := "txt"
	switch x := r.IntN(10); {
	case x == 0:
		ext = "md"
	case x == 1:
		ext = "html"
	}
	out := doc{
		File:   fmt.Sprintf("docs/%d/%s/%06d-%s.%s", y, strings.ToLower(l.code), i, slug, ext),
		Source: fmt.Sprintf("https://www.%s/presse/%d/%s-%d", l.domain, y, slug, i),
		Title:  title,
		Date:   fmt.Sprintf("%04d-%02d-%02d", y, m, d),
		Kind:   kind,
	}
	switch ext {
	case "md":
		out.body = "# " + title + "\n\n" + strings.ReplaceAll(text, "\n\n", "\n\n") + "\n"
	case "html":
		var b strings.Builder
		fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"de\"><head><meta charset=\"utf-8\"><title>%s</title></head>\n<body>\n", html.EscapeString(title))
		b.WriteString("<nav><a href=\"/\">Startseite</a> | <a href=\"/presse\">Presse</a></nav>\n<main><article>\n")
		fmt.Fprintf(&b, "<h1>%s</h1>\n", html.EscapeString(title))
		for _, p := range strings.Split(text, "\n\n") {
			fmt.Fprintf(&b, "<p>%s</p>\n", html.EscapeString(p))
		}
		b.WriteString("</article></main>\n<footer>Impressum | Datenschutz | Barrierefreiheit</footer>\n</body></html>\n")
		out.body = b.String()
	default:
		out.body = title + "\n\n" + text + "\n"
	}
	return out
}

// meetingText returns a title, sentences and the publication date of a text
// about a meeting: a report a few days after it, or an announcement before.
func (g *gen) meetingText(mt meeting) (title string, sents []string, y, m, d int) {
	r := g.r
	host := laender[mt.host]
	when := dateWords(mt.y, mt.m, mt.d)
	report := r.IntN(4) != 0
	y, m, d = mt.y, mt.m, min(28, mt.d+r.IntN(4))
	if !report {
		m, d = max(1, mt.m-1), 1+r.IntN(28)
	}
	var ord string
	if mt.ordinal > 0 && mt.ordinal < len(ordinals) && r.IntN(2) == 0 {
		ord = ordinals[mt.ordinal] + " "
	}
	switch {
	case !report:
		title = fmt.Sprintf("%s lädt zur %s nach %s ein", host.name, mt.long, host.capital)
		sents = append(sents, fmt.Sprintf("Die nächste %s findet am %s in %s statt.", mt.long, when, host.capital))
		sents = append(sents, fmt.Sprintf("Gastgeber ist das Land %s.", host.name))
	case r.IntN(2) == 0:
		title = fmt.Sprintf("%s in %s: Länder beraten über %s", mt.series, host.capital, strings.TrimPrefix(topics[g.zipfTopic()].name, "die "))
		sents = append(sents, fmt.Sprintf("Am %s kamen die für Digitalisierung zuständigen Ministerinnen und Minister der Länder in %s zur %s%s zusammen.", when, host.capital, ord, mt.long))
	default:
		title = fmt.Sprintf("%s tagt in %s", mt.long, host.capital)
		sents = append(sents, fmt.Sprintf("Die %s%s tagte am %s in %s.", ord, mt.long, when, host.capital))
	}
	if report && mt.chair >= 0 && r.IntN(2) == 0 {
		sents = append(sents, fmt.Sprintf("Den Vorsitz hatte %s.", laender[mt.chair].name))
	}
	if report && r.IntN(2) == 0 {
		a, b := topics[g.zipfTopic()], topics[g.zipfTopic()]
		sents = append(sents, fmt.Sprintf("Auf der Tagesordnung standen %s und %s.", a.name, b.name))
	}
	return title, sents, y, m, d
}

// zipfLand picks Länder unevenly, as some publish far more than others.
func (g *gen) zipfLand() int {
	return int(g.r.IntN(len(laender)*len(laender))) % (1 + g.r.IntN(len(laender)))
}

// zipfTopic picks topics unevenly.
func (g *gen) zipfTopic() int { return g.r.IntN(1 + g.r.IntN(len(topics))) }

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func slugify(s string) string {
	repl := strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", "Ä", "ae", "Ö", "oe", "Ü", "ue")
	s = strings.ToLower(repl.Replace(s))
	var b strings.Builder
	dash := false
	for _, c := range s {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			b.WriteRune(c)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= 48 {
			break
		}
	}
	return strings.Trim(b.String(), "-")
}

// generated describes a generated corpus.
type generated struct {
	dir, docs, manifest string
	n                   int
	bytes               int64
}

// generate writes n documents below dir/docs and their manifest to
// dir/sources.jsonl.
func generate(dir string, n int, seed uint64) (generated, error) {
	out := generated{dir: dir, docs: filepath.Join(dir, "docs"), manifest: filepath.Join(dir, "sources.jsonl"), n: n}
	if err := os.RemoveAll(dir); err != nil {
		return out, fmt.Errorf("generate: %w", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return out, fmt.Errorf("generate: %w", err)
	}
	mf, err := os.Create(out.manifest)
	if err != nil {
		return out, fmt.Errorf("generate: %w", err)
	}
	defer mf.Close()
	w := bufio.NewWriter(mf)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	g := newGen(seed)
	made := map[string]bool{}
	for i := range n {
		d := g.document(i)
		p := filepath.Join(dir, d.File)
		if dd := filepath.Dir(p); !made[dd] {
			if err := os.MkdirAll(dd, 0o755); err != nil {
				return out, fmt.Errorf("generate: %w", err)
			}
			made[dd] = true
		}
		if err := os.WriteFile(p, []byte(d.body), 0o644); err != nil {
			return out, fmt.Errorf("generate: %w", err)
		}
		out.bytes += int64(len(d.body))
		if err := enc.Encode(d); err != nil {
			return out, fmt.Errorf("generate: %w", err)
		}
	}
	if err := w.Flush(); err != nil {
		return out, fmt.Errorf("generate: %w", err)
	}
	if err := mf.Close(); err != nil {
		return out, fmt.Errorf("generate: %w", err)
	}
	return out, nil
}
