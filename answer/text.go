package answer

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/laendergraph/laendergraph/corpus"
)

// The short answer texts, in the question's language.

func nothing(lang string) string {
	if lang == "en" {
		return "Nothing in the corpus answers this."
	}
	return "Dazu steht nichts im Korpus."
}

func (e *Engine) topicLabel(id corpus.TopicID) string { return e.views.TopicRef(id).Label }

func (e *Engine) landName(c corpus.LandCode) string { return e.views.LandRef(c).Name }

// seriesName is the short name of a series: its label up to a dash
// ("D16 – Digitalministertreffen der Länder" → "D16").
func seriesName(id corpus.SeriesID) string {
	name, _, _ := strings.Cut(corpus.SeriesLabel(id), " – ")
	return name
}

func landNames(ls []Land) string {
	names := make([]string, len(ls))
	for i, l := range ls {
		names[i] = l.Name
	}
	return strings.Join(names, ", ")
}

func (e *Engine) textLaender(q Question, ls []Land) string {
	if len(ls) == 0 {
		return nothing(q.Lang)
	}
	label := e.topicLabel(q.Topic)
	if q.Term != "" {
		label = q.Term
	}
	if q.Lang == "en" {
		return fmt.Sprintf("Länder tied to %s in the corpus: %s.", label, landNames(ls))
	}
	return fmt.Sprintf("Länder mit Bezug zu %s laut Korpus: %s.", label, landNames(ls))
}

// textLaenderNegated answers "which Länder have no X": the corpus cannot
// say, so the text names the Länder it does tie to X.
func (e *Engine) textLaenderNegated(q Question, have []Land) string {
	label := e.topicLabel(q.Topic)
	if q.Lang == "en" {
		if len(have) == 0 {
			return fmt.Sprintf("The corpus does not say which Länder have no %s, and ties no Land to it.", label)
		}
		return fmt.Sprintf("The corpus does not say which Länder have no %s; it ties these Länder to it: %s.", label, landNames(have))
	}
	if len(have) == 0 {
		return fmt.Sprintf("Das Korpus sagt nicht, welche Länder kein(e) %s haben, und verbindet kein Land damit.", label)
	}
	return fmt.Sprintf("Das Korpus sagt nicht, welche Länder kein(e) %s haben; belegt ist es für: %s.", label, landNames(have))
}

// textChair names the chairs with their periods: each chair term the answer
// rests on, its Länder (jointly when several) and its period, then the
// Länder only meetings name as chairs. A term of another series than the
// one asked (a predecessor, or any series when none was asked) names its
// series.
func (e *Engine) textChair(q Question, ls []Land, terms []ChairTerm) string {
	if len(ls) == 0 {
		return nothing(q.Lang)
	}
	name := ""
	if q.Series != "" {
		name = seriesName(q.Series)
	}
	when := ""
	if q.Year > 0 {
		when = " " + strconv.Itoa(q.Year)
	}
	var parts []string
	covered := map[corpus.LandCode]bool{}
	for _, t := range terms {
		names := make([]string, len(t.Lands))
		for i, l := range t.Lands {
			names[i] = l.Name
			covered[l.Code] = true
		}
		part := joinAnd(names, q.Lang)
		if len(names) > 1 {
			part += map[bool]string{true: " jointly", false: " gemeinsam"}[q.Lang == "en"]
		}
		if p := period(t.From, t.To, q.Lang); p != "" {
			part += " (" + p + ")"
		}
		if t.Series != q.Series {
			part = seriesName(t.Series) + ": " + part
		}
		parts = append(parts, part)
	}
	for _, l := range ls {
		if !covered[l.Code] {
			parts = append(parts, l.Name)
		}
	}
	if q.Lang == "en" {
		of := ""
		if name != "" {
			of = " of the " + name
		}
		if when != "" {
			when = " in" + when
		}
		return fmt.Sprintf("Chair%s%s: %s.", of, when, strings.Join(parts, "; "))
	}
	of := ""
	if name != "" {
		of = " der " + name
	}
	return fmt.Sprintf("Vorsitz%s%s: %s.", of, when, strings.Join(parts, "; "))
}

// joinAnd joins names with commas and a last "und" ("and").
func joinAnd(names []string, lang string) string {
	and := " und "
	if lang == "en" {
		and = " and "
	}
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + and + names[len(names)-1]
}

// period writes the time of a chair term: "2022", "ab 1.7.2023", "bis 2024",
// "Juli 2023 bis 2024" ("from July 2023 to 2024"); "" when both ends are
// open.
func period(from, to corpus.Date, lang string) string {
	en := lang == "en"
	switch {
	case from == "" && to == "":
		return ""
	case from == to:
		return date(from, lang)
	case to == "":
		if en {
			return "from " + date(from, lang)
		}
		return "ab " + date(from, lang)
	case from == "":
		if en {
			return "until " + date(to, lang)
		}
		return "bis " + date(to, lang)
	}
	if en {
		return "from " + date(from, lang) + " to " + date(to, lang)
	}
	return date(from, lang) + " bis " + date(to, lang)
}

func (e *Engine) textMeeting(q Question, found []rankedMeeting) string {
	if len(found) == 0 {
		return nothing(q.Lang)
	}
	m := found[0].m
	s := seriesName(m.Series)
	if m.Ordinal > 0 {
		if q.Lang == "en" {
			s = fmt.Sprintf("%s, meeting no. %d", s, m.Ordinal)
		} else {
			s = fmt.Sprintf("%s, %d. Sitzung", s, m.Ordinal)
		}
	}
	if !m.Start.Known() && m.Place == "" && m.Venue == "" {
		if q.Lang == "en" {
			return s + ": the corpus gives no date or place."
		}
		return s + ": Datum und Ort nennt der Korpus nicht."
	}
	parts := []string{s + ":"}
	if m.Start.Known() {
		parts = append(parts, dateRange(m.Start, m.End, q.Lang))
	}
	if m.Place != "" {
		parts = append(parts, "in", m.Place)
	}
	if m.Venue != "" {
		parts = append(parts, "("+m.Venue+")")
	}
	if m.Planned {
		if q.Lang == "en" {
			parts = append(parts, "(announced)")
		} else {
			parts = append(parts, "(angekündigt)")
		}
	}
	return strings.Join(parts, " ") + "." + conflictsText(m.Conflicts, q.Lang)
}

// conflictsText says where sources disagree with the values an answer
// gives: " Abweichend nennt 1 Quelle den 19.6.2019." ("1 source gives 19
// June 2019 instead."), one sentence per value; "" when none do.
func conflictsText(cs []corpus.Conflict, lang string) string {
	var b strings.Builder
	for _, c := range cs {
		docs := map[corpus.DocID]bool{}
		for _, e := range c.Evidence {
			docs[e.Doc] = true
		}
		n := max(len(docs), 1)
		value, field := c.Value, c.Field
		if field == "start" || field == "end" {
			value = date(corpus.Date(c.Value), lang)
			if len(c.Value) < 10 && lang != "en" {
				field += "~" // no day: not "den …"
			}
		}
		if lang == "en" {
			what := map[string]string{"start": "the date", "end": "the end", "place": "the place", "venue": "the venue", "ordinal": "the number"}[c.Field]
			if what == "" {
				what = c.Field
			}
			src := fmt.Sprintf("%d sources give", n)
			if n == 1 {
				src = "1 source gives"
			}
			fmt.Fprintf(&b, " %s %s %s instead.", src, what, value)
			continue
		}
		what := map[string]string{"start": "den", "start~": "als Datum", "end": "als Ende den", "end~": "als Ende", "place": "als Ort", "venue": "als Tagungsort", "ordinal": "als Nummer"}[field]
		if what == "" {
			what = c.Field
		}
		src := fmt.Sprintf("nennen %d Quellen", n)
		if n == 1 {
			src = "nennt 1 Quelle"
		}
		fmt.Fprintf(&b, " Abweichend %s %s %s.", src, what, value)
	}
	return b.String()
}

func (e *Engine) textParticipants(q Question, found []rankedMeeting, ls []Land) string {
	if len(ls) == 0 {
		return nothing(q.Lang)
	}
	m := found[0].m
	when := ""
	if m.Start.Known() {
		when = ", " + date(m.Start, q.Lang)
	}
	if q.Lang == "en" {
		return fmt.Sprintf("Länder at the meeting (%s%s): %s.", seriesName(m.Series), when, landNames(ls))
	}
	return fmt.Sprintf("Länder beim Treffen (%s%s): %s.", seriesName(m.Series), when, landNames(ls))
}

func (e *Engine) textAgenda(q Question, best *rankedMeeting, topics []Topic) string {
	if best == nil || len(topics) == 0 {
		return nothing(q.Lang)
	}
	labels := make([]string, len(topics))
	for i, t := range topics {
		labels[i] = t.Label
	}
	m := best.m
	when := ""
	if m.Start.Known() {
		when = " " + dateRange(m.Start, m.End, q.Lang)
	}
	where := ""
	if m.Place != "" {
		where = " in " + m.Place
	}
	if q.Lang == "en" {
		return fmt.Sprintf("Topics of the %s meeting%s%s: %s.", seriesName(m.Series), when, where, strings.Join(labels, ", "))
	}
	return fmt.Sprintf("Themen des Treffens (%s)%s%s: %s.", seriesName(m.Series), when, where, strings.Join(labels, ", "))
}

func (e *Engine) textStrategy(q Question, ss []Strategy) string {
	if len(ss) == 0 {
		return nothing(q.Lang)
	}
	titles := make([]string, len(ss))
	for i, s := range ss {
		titles[i] = s.Title
		if s.Year > 0 {
			titles[i] += fmt.Sprintf(" (%d)", s.Year)
		}
	}
	if q.Lang == "en" {
		return fmt.Sprintf("Strategies of %s: %s.", e.landName(q.Land), strings.Join(titles, "; "))
	}
	return fmt.Sprintf("Strategien von %s: %s.", e.landName(q.Land), strings.Join(titles, "; "))
}

func (e *Engine) textPerson(q Question, ps []Person) string {
	if len(ps) == 0 {
		return nothing(q.Lang)
	}
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = strings.TrimSpace(p.Honorific + " " + p.Name)
		if p.Role != "" {
			names[i] += " (" + p.Role + roleDate(p, q.Lang) + ")"
		}
	}
	return fmt.Sprintf("%s: %s.", e.landName(q.Land), strings.Join(names, "; "))
}

// roleDate is when the sources state a person's role, latest first:
// ", Stand 19.6.2019" (", as of 19 June 2019"); "" when no statement of
// the role is dated.
func roleDate(p Person, lang string) string {
	var latest corpus.Date
	for _, r := range p.Roles {
		if r.Role == p.Role && r.Date.Known() && r.Date > latest {
			latest = r.Date
		}
	}
	if latest == "" {
		return ""
	}
	if lang == "en" {
		return ", as of " + date(latest, lang)
	}
	return ", Stand " + date(latest, lang)
}

func textFallback(q Question, total uint64, shown int) string {
	if shown == 0 {
		return nothing(q.Lang)
	}
	if q.Lang == "en" {
		docs := fmt.Sprintf("%d documents match", total)
		if total == 1 {
			docs = "1 document matches"
		}
		text := "No fact in the graph answers this directly; " + docs + " a search for the question's words"
		if total > uint64(shown) {
			text += fmt.Sprintf(" (the first %d are listed)", shown)
		}
		return text + "."
	}
	docs := fmt.Sprintf("%d Dokumente passen", total)
	if total == 1 {
		docs = "1 Dokument passt"
	}
	text := "Keine Tatsache im Graphen beantwortet das direkt; " + docs + " zur Suche nach den Wörtern der Frage"
	if total > uint64(shown) {
		text += fmt.Sprintf(" (hier die ersten %d)", shown)
	}
	return text + "."
}

var (
	monthsDE = []string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}
	monthsEN = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
)

// date writes a (partial) date the way the language does: "21.6.2019",
// "Juni 2019", "21 June 2019".
func date(d corpus.Date, lang string) string {
	t, ok := d.Time()
	if !ok {
		return string(d)
	}
	switch len(d) {
	case 4:
		return string(d)
	case 7:
		if lang == "en" {
			return fmt.Sprintf("%s %d", monthsEN[t.Month()-1], t.Year())
		}
		return fmt.Sprintf("%s %d", monthsDE[t.Month()-1], t.Year())
	}
	if lang == "en" {
		return fmt.Sprintf("%d %s %d", t.Day(), monthsEN[t.Month()-1], t.Year())
	}
	return fmt.Sprintf("%d.%d.%d", t.Day(), int(t.Month()), t.Year())
}

func dateRange(start, end corpus.Date, lang string) string {
	if end == "" || end == start {
		if len(start) < 10 {
			if lang == "en" {
				return "in " + date(start, lang)
			}
			if len(start) == 4 {
				return date(start, lang)
			}
			return "im " + date(start, lang)
		}
		if lang == "en" {
			return "on " + date(start, lang)
		}
		return "am " + date(start, lang)
	}
	if lang == "en" {
		return fmt.Sprintf("from %s to %s", date(start, lang), date(end, lang))
	}
	return fmt.Sprintf("vom %s bis %s", date(start, lang), date(end, lang))
}

// surfaceLabel returns the label of topic id as an answer shows it: the
// thesaurus label, followed in brackets by the synonym the quotes use when
// they name the topic only by that synonym ("Breitband (Glasfaser)" for
// "der Glasfaserausbau im ländlichen Raum"). A synonym counts as a word or
// phrase of a quote or as the first part of a compound.
func surfaceLabel(th *corpus.Thesaurus, id corpus.TopicID, label string, quotes []string) string {
	if th == nil {
		return label
	}
	t, ok := th.Get(id)
	if !ok {
		return label
	}
	if slices.ContainsFunc(quotes, func(q string) bool { return namesTerm(q, label) }) {
		return label
	}
	for _, syn := range t.Synonyms {
		if corpus.Fold(syn) == corpus.Fold(label) || utf8.RuneCountInString(syn) < 4 {
			continue
		}
		if slices.ContainsFunc(quotes, func(q string) bool { return namesTerm(q, syn) }) {
			return label + " (" + syn + ")"
		}
	}
	return label
}

// namesTerm reports whether text names term: its stemmed words in a row, or
// a one-word term as the first part of a compound ("Glasfaserausbau").
func namesTerm(text, term string) bool {
	want := strings.Fields(stemPhrase(corpus.Fold(term)))
	if len(want) == 0 {
		return false
	}
	ts := tokenize(text)
	for i := 0; i+len(want) <= len(ts); i++ {
		match := true
		for k, w := range want {
			f := ts[i+k].fold
			if stem(f) != w && !(len(want) == 1 && strings.HasPrefix(f, corpus.Fold(term)) && utf8.RuneCountInString(f) > utf8.RuneCountInString(term)+2) {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}
