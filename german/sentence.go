package german

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/laendergraph/laendergraph/corpus"
)

// Sentence is one sentence of a text: the byte range [Start, End) of the text,
// without surrounding white space.
type Sentence struct {
	Start, End int
}

// Of returns the sentence's text within t.
func (s Sentence) Of(t string) string { return t[s.Start:s.End] }

// Sentences splits t into sentences, in order. A sentence ends
//   - at '.', '!', '?' or '…' (with any closing quotes or brackets) followed
//     by white space and a capital letter, a digit, an opening quote or a list
//     bullet, unless the period belongs to an abbreviation ("z. B.", "Dr.",
//     "Nr. 5"), an ordinal or a date ("Die 4. Konferenz", "am 21. Juni"), or
//     an initial;
//   - at a blank line;
//   - at a line break after a line without final punctuation (a heading, a
//     list item, a dateline) unless the next line starts in lower case or the
//     line ends in a comma or a word that cannot end a sentence ("der", "und"),
//     or the line is a long line of running text (a quarter of its words in
//     lower case) inside a sentence begun on an earlier line, so that text
//     wrapped over single line breaks stays one sentence.
//
// The offsets are byte offsets into t; sentences are trimmed of white space,
// never empty and never overlap.
func Sentences(t string) []Sentence {
	var out []Sentence
	start := 0
	emit := func(end int) {
		s, e := trimSpan(t, start, end)
		if e > s {
			out = append(out, Sentence{s, e})
		}
		start = end
	}
	lineStart := 0
	for i := 0; i < len(t); {
		switch c := t[i]; {
		case c == '\n':
			// the pending sentence began on an earlier line: wrapped prose
			inSentence := start < lineStart && strings.TrimSpace(t[start:lineStart]) != ""
			if lineBreakEnds(t, lineStart, i, inSentence) {
				emit(i)
			}
			i++
			lineStart = i
		case c == '.' || c == '!' || c == '?' || strings.HasPrefix(t[i:], "…"):
			end, boundary := terminal(t, i)
			if boundary {
				emit(end)
			}
			i = end
		default:
			i++
		}
	}
	emit(len(t))
	return out
}

// terminal looks at the terminal punctuation starting at t[i]. It returns the
// end of the punctuation cluster (with closing quotes and brackets) and
// whether a sentence ends there.
func terminal(t string, i int) (end int, boundary bool) {
	j, periods, other := i, 0, 0
scan:
	for j < len(t) {
		switch {
		case t[j] == '.':
			periods++
			j++
		case t[j] == '!' || t[j] == '?':
			other++
			j++
		case strings.HasPrefix(t[j:], "…"):
			other++
			j += len("…")
		default:
			break scan
		}
	}
	for j < len(t) {
		r, size := utf8.DecodeRuneInString(t[j:])
		if !isCloser(r) {
			break
		}
		j += size
	}
	end = j
	if j == len(t) {
		return end, true
	}
	// White space must follow.
	r, size := utf8.DecodeRuneInString(t[j:])
	if !unicode.IsSpace(r) {
		return end, false
	}
	for j < len(t) {
		r, size = utf8.DecodeRuneInString(t[j:])
		if !unicode.IsSpace(r) {
			break
		}
		j += size
	}
	if j == len(t) {
		return end, true
	}
	next, opened := nextStart(t, j)
	switch {
	case unicode.IsUpper(next) || unicode.IsDigit(next):
	case opened && unicode.IsLetter(next):
	case !opened && isBulletAt(t, j):
	case strings.Contains(t[end:j], "\n") && letteredItemAt(t, j):
	default:
		return end, false
	}
	if periods == 1 && other == 0 && abbreviationBefore(t, i, unicode.IsDigit(next)) {
		return end, false
	}
	if periods == 1 && other == 0 && insideShortQuote(t, i) {
		return end, false
	}
	return end, true
}

// shortQuote is the most bytes a quoted name may hold on either side of a
// period inside it.
const shortQuote = 60

// insideShortQuote reports whether the period at t[i] stands inside a short
// quoted name that goes on after it: „Verwaltung. Vernetzt. Verlässlich.“,
// the title of a programme, not the sentences of a speaker („Wir handeln.
// Das Land braucht …“).
func insideShortQuote(t string, i int) bool {
	before := t[max(0, i-shortQuote):i]
	o := strings.LastIndex(before, "„")
	if o < 0 || strings.Contains(before[o:], "\n\n") {
		return false
	}
	if strings.ContainsAny(before[o+len("„"):], "“”\"") {
		return false // closed before the period
	}
	after := t[i+1 : min(len(t), i+1+shortQuote)]
	c := strings.IndexAny(after, "“”\"")
	if c <= 0 || strings.Contains(after[:c], "\n\n") || strings.Contains(after[:c], "„") {
		return false
	}
	// what follows the period up to the next one is a word or three
	// ("Vernetzt."), not another sentence of a speaker
	next := after[:c]
	if k := strings.IndexAny(next, ".!?"); k >= 0 {
		next = next[:k]
	}
	return len(strings.Fields(next)) <= 3
}

// nextStart returns the first rune at t[j:] after any opening quotes and
// brackets, and whether there were any.
func nextStart(t string, j int) (rune, bool) {
	opened := false
	for j < len(t) {
		r, size := utf8.DecodeRuneInString(t[j:])
		if !isOpener(r) {
			return r, opened
		}
		opened = true
		j += size
	}
	return utf8.RuneError, opened
}

func isCloser(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '}', '“', '”', '’', '‘', '«', '»', '‹', '›':
		return true
	}
	return false
}

func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '(', '[', '{', '„', '“', '‚', '‘', '«', '»', '‹', '›':
		return true
	}
	return false
}

// numberedItemAt reports whether t[j:] starts with the number of a
// numbered list item and a word ("2. Weiterentwicklung …", "3) ein
// Programm …"), and whether that word is capitalised.
func numberedItemAt(t string, j int) (upper, ok bool) {
	k := itemNumberEnd(t, j)
	if k < 0 || k >= len(t) {
		return false, false
	}
	r, _ := utf8.DecodeRuneInString(t[k:])
	return unicode.IsUpper(r), unicode.IsLetter(r)
}

// itemNumberEnd reads the number of a list item at t[j:], up to three
// digits, "." or ")" and a space ("2. ", "3) "), and returns the index
// after it, or -1.
func itemNumberEnd(t string, j int) int {
	k := j
	for k < len(t) && k-j < 3 && t[k] >= '0' && t[k] <= '9' {
		k++
	}
	if k == j || k+1 >= len(t) || t[k] != '.' && t[k] != ')' || t[k+1] != ' ' {
		return -1
	}
	return k + 2
}

// letteredItemAt reports whether t[j:] starts with the letter of a
// lettered list item and a bracket: "b) Das Saarland …".
func letteredItemAt(t string, j int) bool {
	return j+2 < len(t) && t[j] >= 'a' && t[j] <= 'z' && t[j+1] == ')' && (t[j+2] == ' ' || t[j+2] == '\t')
}

// isBulletAt reports whether t[j:] starts with a list bullet and a space.
func isBulletAt(t string, j int) bool {
	r, size := utf8.DecodeRuneInString(t[j:])
	switch r {
	case '-', '*', '•', '–', '—', '·', '▪', '■', '►', '→':
	default:
		return false
	}
	return j+size < len(t) && (t[j+size] == ' ' || t[j+size] == '\t')
}

// abbreviationBefore reports whether the period at t[i] ends an abbreviation,
// an ordinal number, a date or an initial rather than a sentence. digitNext
// tells whether a digit follows ("Art. 5", "ca. 300").
func abbreviationBefore(t string, i int, digitNext bool) bool {
	k := i
	for k > 0 {
		r, size := utf8.DecodeLastRuneInString(t[:k])
		if unicode.IsSpace(r) {
			break
		}
		k -= size
	}
	word := t[k:i]
	for word != "" {
		r, size := utf8.DecodeRuneInString(word)
		if !isOpener(r) {
			break
		}
		word = word[size:]
	}
	if word == "" {
		return false
	}
	if n := utf8.RuneCountInString(word); n == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		if unicode.IsDigit(r) {
			return !afterReference(t, k) // "4." but not "Abs. 2."
		}
		return unicode.IsLetter(r) // initial, "u. a."
	}
	if isOrdinalOrDate(word) {
		return !afterReference(t, k)
	}
	if isDottedAbbreviation(word) {
		return true
	}
	lower := strings.ToLower(word)
	if abbreviations[lower] || (digitNext && beforeNumber[lower]) {
		return true
	}
	// "Dipl.-Ing.", "Prof. Dr.-Ing.": the last part counts.
	if p := strings.LastIndexAny(lower, ".-/"); p >= 0 && p+1 < len(lower) {
		tail := lower[p+1:]
		return abbreviations[tail] || (digitNext && beforeNumber[tail])
	}
	return false
}

// afterReference reports whether the word before t[k] names a numbered part
// ("Abs. 2", "Seite 4", "§ 3"), so that a number at t[k] is a cardinal and a
// period after it may end the sentence.
func afterReference(t string, k int) bool {
	end := k
	for end > 0 {
		r, size := utf8.DecodeLastRuneInString(t[:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	if end == k {
		return false
	}
	start := end
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(t[:start])
		if unicode.IsSpace(r) {
			break
		}
		start -= size
	}
	return references[strings.ToLower(strings.TrimSuffix(t[start:end], "."))]
}

// references are words that stand before a number that counts, not orders.
var references = setOf("nr", "abs", "art", "s", "§", "§§", "seite", "seiten", "ziff", "ziffer", "kapitel", "kap",
	"anlage", "anl", "punkt", "paragraph", "paragraf", "tz", "rn", "rdnr", "drs", "drucksache", "no", "nummer", "band", "bd", "tabelle", "abb", "abbildung")

// isOrdinalOrDate reports whether w is a number of up to three digits ("4",
// "21") or a day and month without the year ("21.06", "1.2"), or a range
// of them ("12./13", "30.9.–1.10").
func isOrdinalOrDate(w string) bool {
	if p := strings.LastIndexAny(w, "/-–"); p > 0 {
		_, n := utf8.DecodeRuneInString(w[p:])
		return isOrdinalOrDate(strings.TrimSuffix(w[:p], ".")) && isOrdinalOrDate(w[p+n:])
	}
	last := w
	if p := strings.LastIndexByte(w, '.'); p >= 0 {
		for _, c := range w[:p] {
			if c != '.' && (c < '0' || c > '9') {
				return false
			}
		}
		last = w[p+1:]
	}
	if len(last) == 0 || len(last) > 3 {
		return false
	}
	for _, c := range last {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(last) <= 2 || !strings.Contains(w, ".")
}

// isDottedAbbreviation reports whether w is made of dotted parts of one or two
// letters: "z.B", "u.a", "i.d.R", "e.V".
func isDottedAbbreviation(w string) bool {
	parts := strings.Split(w, ".")
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		n := utf8.RuneCountInString(p)
		if n == 0 || n > 2 {
			return false
		}
		for _, r := range p {
			if !unicode.IsLetter(r) {
				return false
			}
		}
	}
	return true
}

// abbreviations are words that end in a period without ending the sentence,
// lower case. "usw." and "etc." are missing on purpose: they often do end one.
var abbreviations = setOf(
	// general
	"bzw", "ca", "vgl", "ggf", "ggfs", "sog", "inkl", "exkl", "zzgl", "evtl", "bspw", "insb", "insbes",
	"bzgl", "ggü", "gem", "lt", "usf", "ebd", "ehem", "geb", "gegr", "gez", "vs", "zit", "ff", "bes",
	"allg", "dt", "engl", "frz", "zt", "mind", "max", "min", "ausg", "anm", "urspr", "verf",
	"hrsg", "abb", "abt", "tab", "bd", "jh", "jhd", "jhdt", "tel", "str", "co", "corp",
	// titles and degrees
	"dr", "prof", "dipl", "ing", "mag", "rer", "nat", "pol", "oec", "phil", "jur", "med", "habil",
	"techn", "hr", "fr", "sen", "st",
	// numbers, documents, law
	"nr", "abs", "drs", "az", "ziff", "kap", "lfd", "anl", "ref", "reg",
	// units and amounts
	"mio", "mrd", "tsd", "std", "sek",
	// months
	"jan", "feb", "febr", "mär", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dez",
)

// beforeNumber are abbreviations that end a sentence less often than they
// stand before a number: "Art. 5", "S. 12".
var beforeNumber = setOf("art", "s", "bd", "nr", "abs", "ziff", "rn", "rdnr", "tz", "no")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// wrappedLineRunes is the shortest line that, inside a sentence begun on an
// earlier line, counts as wrapped prose rather than a heading or a list.
const wrappedLineRunes = 40

// wrappedFirstLineRunes is the shortest first line of a sentence that counts
// as wrapped prose: the width text is wrapped at, longer than a heading.
const wrappedFirstLineRunes = 60

// labelRE matches a line that opens with a label: "Ort: …", "Beschluss
// 2031/01: …", "TOP 3 …".
var labelRE = regexp.MustCompile(`^(?:[\p{L}][\p{L}\d/ .-]{0,28}:\s|TOP\s)`)

// listLine reports whether a line is an item of a list or a form rather
// than wrapped prose: it opens with a label, a bracket, a bullet, a quote
// mark of a teaser or a number.
func listLine(l string) bool {
	if labelRE.MatchString(l) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(l)
	return r == '[' || r == '»' || r == '•' || r == '-' || r == '*' || r == '–' || unicode.IsDigit(r)
}

// wrappedFirstLine reports whether line, the first of a sentence, is the
// start of hard-wrapped prose that rest (the text after its line break)
// goes on with: a long line of running text, and a next line about as long
// or ending the sentence ("… nutzen 410 Gemeinden die App – und seit
// vergangenem↵Sommer auch 38 Gemeinden im Saarland, …"), also the first
// line of a numbered item.
func wrappedFirstLine(line, rest string) bool {
	n := utf8.RuneCountInString(line)
	if n < wrappedFirstLineRunes || !proseLine(line) || strings.Contains(line, "|") {
		return false
	}
	next, _, _ := strings.Cut(rest, "\n")
	next = strings.TrimSpace(next)
	// a numbered item's first line wraps as prose does ("2. Die Länder …
	// erklären, das Fachverfahren↵WoDi ab dem 1. Juli … einzusetzen."),
	// where the next line is no item of its own
	if listLine(line) && itemNumberEnd(line, 0) < 0 || listLine(next) {
		return false
	}
	if itemNumberEnd(line, 0) >= 0 {
		// "2. Der IT-Planungsrat beauftragt … mit der federführenden↵Umsetzung
		// der Föderalen Postfachbrücke.", where the next line ends the
		// sentence and does not open one of its own ("Die Landesregierung …")
		first, _, _ := strings.Cut(next, " ")
		return endsWithStop(next) && !functionWords[strings.ToLower(first)]
	}
	return 5*utf8.RuneCountInString(next) >= 4*n || endsWithStop(next) && proseLine(next)
}

// endsWithStop reports whether a line ends with final punctuation, before
// any closing quotes and brackets.
func endsWithStop(line string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRightFunc(line, isCloser))
	return r == '.' || r == '!' || r == '?' || r == '…'
}

// lineBreakEnds reports whether the line break at t[i] (ending the line that
// starts at lineStart) ends a sentence. inSentence is true when the
// sentence the line belongs to began on an earlier line.
func lineBreakEnds(t string, lineStart, i int, inSentence bool) bool {
	line := strings.TrimFunc(t[lineStart:i], unicode.IsSpace)
	if line == "" {
		return false
	}
	if ruleLine(line) || ruleLine(nextLine(t, i)) {
		return true // a rule of dashes or underscores, as PDF text draws page headers
	}
	j := i + 1
	for j < len(t) {
		r, size := utf8.DecodeRuneInString(t[j:])
		if r == '\n' {
			return true // blank line: paragraph ends
		}
		if !unicode.IsSpace(r) {
			break
		}
		j += size
	}
	if j >= len(t) {
		return true
	}
	// Final punctuation: the punctuation rule decides.
	if endsWithStop(line) {
		return false
	}
	if isBulletAt(t, j) || letteredItemAt(t, j) {
		return true
	}
	if upper, ok := numberedItemAt(t, j); ok && (strings.HasSuffix(line, ";") || upper && strings.ContainsAny(line[len(line)-1:], ",:")) {
		return true // "1. Ausbau …;↵2. Weiterentwicklung …": the next item
	}
	if r, _ := utf8.DecodeRuneInString(t[j:]); unicode.IsLower(r) {
		return false
	}
	// "… liegt bei der↵Beauftragten …, Frau Staatssekretärin↵Prof. Dr. X":
	// a long line inside a sentence begun above is wrapped text, whatever
	// word ends it
	if inSentence && utf8.RuneCountInString(line) >= wrappedLineRunes && proseLine(line) {
		return false
	}
	if wrappedFirstLine(line, t[j:]) {
		return false
	}
	if quoteOpenUntilNextLine(line, t[j:]) {
		return false // „Sachsen↵Digital 3.0“: a name wrapped inside its quotes
	}
	if dateWrapped(line, t[j:]) {
		return false // "am 23. Januar↵2056 beschlossen": a date wrapped before its year
	}
	if landNameWrapped(t, lineStart, i) {
		return false // "die Freie Hansestadt↵Bremen": a Land's name wrapped at the line's end
	}
	return !continues(line)
}

// wrapLands finds the Land names that landNameWrapped reads.
var wrapLands = sync.OnceValue(func() *LandRecogniser { return NewLandRecogniser(corpus.Laender()) })

// landNameWrapped reports whether one of the last three words of the line
// from lineStart to the line break at t[i] begins a Land's name that goes
// on past the break ("Freie Hansestadt" ↵ "Bremen").
func landNameWrapped(t string, lineStart, i int) bool {
	words := 0
	for k := i - 1; k >= lineStart && words < 3; k-- {
		if t[k] != ' ' && t[k] != '\t' && (k == lineStart || t[k-1] == ' ' || t[k-1] == '\t') {
			words++
			if end, ok := wrapLands().MatchAt(t, k); ok && end > i {
				return true
			}
		}
	}
	return false
}

// dateWrapped reports whether line ends with a day and month whose year
// opens the next line, rest: "am 23. Januar" ↵ "2056 beschlossen".
func dateWrapped(line, rest string) bool {
	k := strings.LastIndexAny(line, " \t")
	if k < 0 {
		return false
	}
	if _, ok := Month(line[k+1:]); !ok {
		return false
	}
	before := strings.TrimSpace(line[:k])
	if !strings.HasSuffix(before, ".") || !IsDigits(strings.TrimSuffix(before[strings.LastIndexAny(before, " \t")+1:], ".")) {
		return false
	}
	y, _, _ := strings.Cut(rest, " ")
	y = strings.TrimRight(y, ",.;:")
	return len(y) == 4 && IsDigits(y)
}

// ruleLine reports whether a line is a drawn rule: four or more of "-",
// "_", "=", "*" or "─" and nothing else.
func ruleLine(l string) bool {
	l = strings.TrimSpace(l)
	if utf8.RuneCountInString(l) < 4 {
		return false
	}
	for _, r := range l {
		if !strings.ContainsRune("-_=*─━", r) {
			return false
		}
	}
	return true
}

// nextLine returns the line after the line break at t[i].
func nextLine(t string, i int) string {
	next, _, _ := strings.Cut(t[i+1:], "\n")
	return next
}

// proseLine reports whether a line reads as running German text: a quarter
// of its words or more begin in lower case (articles, prepositions, verbs),
// unlike the row of a table ("Hamburg LMS Hamburg Moodle 2028").
func proseLine(line string) bool { return prose(wordInitials(line)) }

// prose is proseLine of a line with words words that begin with a letter,
// lower of them with a lower-case one.
func prose(words, lower int) bool { return lower >= 2 && 4*lower >= words }

// quoteOpenUntilNextLine reports whether line leaves a German quotation
// („…“ or »…«; typed text closes „ with ” or " too) open that the next
// line, the start of rest, closes.
func quoteOpenUntilNextLine(line, rest string) bool {
	next, _, _ := strings.Cut(rest, "\n")
	for _, q := range []struct{ open, closers string }{{"„", "“”\""}, {"»", "«"}} {
		o := strings.LastIndex(line, q.open)
		if o < 0 || strings.ContainsAny(line[o:], q.closers) {
			continue
		}
		if c := strings.IndexAny(next, q.closers); c >= 0 && !strings.Contains(next[:c], q.open) {
			return true
		}
	}
	return false
}

// continues reports whether a line without final punctuation clearly goes on
// in the next line: it ends in a comma, a hyphen or a word that cannot end a
// German sentence.
func continues(line string) bool {
	r, _ := utf8.DecodeLastRuneInString(line)
	switch r {
	case ',', ';', '-', '–', '—', '(', '/', '&', '+', '„':
		return true
	}
	k := len(line)
	for k > 0 {
		r, size := utf8.DecodeLastRuneInString(line[:k])
		if !unicode.IsLetter(r) {
			break
		}
		k -= size
	}
	if k > 0 {
		if r, _ := utf8.DecodeLastRuneInString(line[:k]); !unicode.IsSpace(r) {
			return false
		}
	}
	return functionWords[line[k:]]
}

// functionWords are lower-case German words that do not end a sentence:
// articles, prepositions, conjunctions, auxiliaries.
var functionWords = setOf(
	"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
	"und", "oder", "sowie", "sondern", "aber", "denn", "doch", "bzw", "sowohl", "weder", "noch",
	"als", "wie", "dass", "daß", "ob", "weil", "wenn", "damit", "sodass", "während",
	"mit", "von", "vom", "zu", "zur", "zum", "für", "im", "in", "ins", "am", "an", "ans", "auf",
	"aus", "bei", "beim", "nach", "über", "unter", "vor", "durch", "gegen", "ohne", "um", "bis",
	"seit", "zwischen", "neben", "innerhalb", "außerhalb", "gegenüber", "laut", "gemäß",
	"ist", "sind", "war", "waren", "wird", "werden", "wurde", "wurden", "hat", "haben", "hatte",
	"soll", "sollen", "kann", "können", "muss", "müssen", "will", "wollen",
	"sich", "nicht", "auch", "so", "sehr", "seine", "seiner", "seinen", "seinem", "ihre", "ihrer",
	"ihren", "ihrem", "unsere", "unserer", "unseren", "dieser", "diese", "dieses", "diesem", "diesen",
	"jeweils", "alle", "allen", "aller", "einzelnen", "beiden", "sie", "er", "es", "wir",
)

// trimSpan returns [start, end) without white space at either end.
func trimSpan(t string, start, end int) (int, int) {
	for start < end {
		r, size := utf8.DecodeRuneInString(t[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += size
	}
	for end > start {
		r, size := utf8.DecodeLastRuneInString(t[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	return start, end
}

// IsQuestion reports whether a sentence asks: it ends with a question mark,
// before any closing quotes, brackets and white space. Extraction takes no
// fact from it, meeting extraction no meeting, passage answering no answer.
func IsQuestion(s string) bool {
	t := strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("“”\"«»‘’')]", r)
	})
	return strings.HasSuffix(t, "?")
}
