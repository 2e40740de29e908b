package german

import (
	"regexp"
	"strings"
	"time"

	"github.com/laendergraph/laendergraph/corpus"
)

// The calendar words of the language layer: one table of months, weekdays
// and seasons, German and English, keyed by their folded form
// (corpus.Fold: "maerz", "mai").
var (
	months = map[string]time.Month{
		"januar": time.January, "jaenner": time.January, "jan": time.January, "january": time.January,
		"februar": time.February, "feber": time.February, "feb": time.February, "febr": time.February, "february": time.February,
		"maerz": time.March, "maer": time.March, "mrz": time.March, "march": time.March,
		"april": time.April, "apr": time.April,
		"mai": time.May, "may": time.May,
		"juni": time.June, "jun": time.June, "june": time.June,
		"juli": time.July, "jul": time.July, "july": time.July,
		"august": time.August, "aug": time.August,
		"september": time.September, "sept": time.September, "sep": time.September,
		"oktober": time.October, "okt": time.October, "october": time.October, "oct": time.October,
		"november": time.November, "nov": time.November,
		"dezember": time.December, "dez": time.December, "december": time.December, "dec": time.December,
	}
	weekdays = map[string]time.Weekday{
		"montag": time.Monday, "dienstag": time.Tuesday, "mittwoch": time.Wednesday, "donnerstag": time.Thursday,
		"freitag": time.Friday, "samstag": time.Saturday, "sonnabend": time.Saturday, "sonntag": time.Sunday,
		"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday, "thursday": time.Thursday,
		"friday": time.Friday, "saturday": time.Saturday, "sunday": time.Sunday,
	}
	seasons = map[string][]time.Month{
		"fruehjahr": {3, 4, 5}, "fruehling": {3, 4, 5}, "spring": {3, 4, 5},
		"sommer": {6, 7, 8}, "summer": {6, 7, 8},
		"herbst": {9, 10, 11}, "autumn": {9, 10, 11}, "fall": {9, 10, 11},
		"winter": {12, 1, 2},
	}
)

// abbreviatedMonths are the short forms that are month names only when
// written with a full stop or before a year ("Jan.", "Okt. 2024").
var abbreviatedMonths = map[string]bool{"jan": true, "feb": true, "febr": true, "maer": true, "mrz": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sept": true, "sep": true, "okt": true, "oct": true, "nov": true, "dez": true, "dec": true}

// Month returns the month a word names ("März", "Maerz", "May"), full names
// only; Month("Mai") is May.
func Month(w string) (time.Month, bool) {
	var buf [calendarKeyBytes]byte
	f, ok := calendarKey(buf[:0], w)
	if !ok {
		return 0, false
	}
	if abbreviatedMonths[string(f)] {
		return 0, false
	}
	m, ok := months[string(f)]
	return m, ok
}

// MonthAbbrev returns the month of a full or abbreviated name ("Okt").
func MonthAbbrev(w string) (time.Month, bool) {
	m, ok := months[corpus.Fold(strings.TrimSuffix(w, "."))]
	return m, ok
}

// AbbreviatedMonth returns the month of an abbreviation that takes a full
// stop ("Jan", "Okt", "Mrz"); full names are not abbreviations.
func AbbreviatedMonth(w string) (time.Month, bool) {
	var buf [calendarKeyBytes]byte
	f, ok := calendarKey(buf[:0], w)
	if !ok {
		return 0, false
	}
	if !abbreviatedMonths[string(f)] {
		return 0, false
	}
	m, ok := months[string(f)]
	return m, ok
}

// Weekday returns the weekday a word names ("Freitag", "Friday").
func Weekday(w string) (time.Weekday, bool) {
	var buf [calendarKeyBytes]byte
	f, ok := calendarKey(buf[:0], w)
	if !ok {
		return 0, false
	}
	d, ok := weekdays[string(f)]
	return d, ok
}

// calendarKey returns the folded form of a word that may name a month or a
// weekday, or false for a word too short or too long to be one. The dates
// scanner asks for every word of a text, so plain ASCII words are only
// lower-cased, not run through corpus.Fold.
//
// The key is appended to buf, of which the callers make a string only to
// look it up (which allocates nothing).
func calendarKey(buf []byte, w string) ([]byte, bool) {
	if len(w) < 3 || len(w) > 12 {
		return nil, false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 0x80 || c == ' ' || c == '\t' {
			return corpus.AppendFold(buf, w), true
		}
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf, true
}

// calendarKeyBytes is room for most keys of calendarKey.
const calendarKeyBytes = 24

// Season returns the months of a season word, also as the first part of a
// compound ("Frühjahrssitzung", "Herbsttagung"): nil when w names none.
func Season(w string) []time.Month {
	f := corpus.Fold(w)
	if ms, ok := seasons[f]; ok {
		return ms
	}
	for name, ms := range seasons {
		if len(name) >= 5 && strings.HasPrefix(f, name) && len(f) > len(name)+3 {
			return ms
		}
	}
	return nil
}

// MonthName returns the German name of a month.
func MonthName(m time.Month) string {
	return [...]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
		"Oktober", "November", "Dezember"}[m-1]
}

// YearPattern is the regular expression of a year written in full, 1950 to
// MaxYear, for the patterns of every package that reads one: the reader of
// questions and the extractors of strategies and meetings take the same
// years.
const YearPattern = `(?:19[5-9]\d|2[01]\d\d)`

// MaxYear is the last year a text's date may have: dates of the 22nd
// century are read as those of the 21st are, no date after.
const MaxYear = 2199

var yearRE = regexp.MustCompile(`^` + YearPattern + `$`)

// IsYear reports whether s is a year written in full ("2024", "2101").
func IsYear(s string) bool { return yearRE.MatchString(s) }
