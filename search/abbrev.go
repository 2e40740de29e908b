package search

import (
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// learnedKey is the internal key under which an index keeps the
// abbreviations its documents define.
var learnedKey = []byte("laendergraph.abbreviations")

// definitionRE finds an abbreviation in brackets: "(HPI)", "(IT-PLR)".
var definitionRE = regexp.MustCompile(`\((\p{Lu}[\p{Lu}\d-]{1,7})\)`)

// maxDefinitionWords bounds the words of a long form before its bracket.
const maxDefinitionWords = 6

// definedAbbreviations returns the abbreviations text defines, each with its
// long form: "am Hasso-Plattner-Institut (HPI)" → {Hasso-Plattner-Institut,
// HPI}. The long form is the fewest words before the bracket whose
// initials (or the initials of their compound parts) spell the
// abbreviation; a bracket whose words do not spell it defines nothing.
func definedAbbreviations(text string, sp *splitter) [][2]string {
	var out [][2]string
	for _, m := range definitionRE.FindAllStringSubmatchIndex(text, -1) {
		short := text[m[2]:m[3]]
		letters := strings.ReplaceAll(short, "-", "")
		before := text[max(0, m[0]-160):m[0]]
		// a quoted name before the bracket: "„Souveräner Arbeitsplatz
		// Länder“ (SAL)"
		before = strings.TrimRight(before, " “”\"»«")
		if k := strings.LastIndexAny(before, ".,;:!?()„“\"\n»«"); k >= 0 {
			_, n := utf8.DecodeRuneInString(before[k:])
			before = before[k+n:]
		}
		words := strings.Fields(before)
	spans:
		for _, match := range []func(string) bool{
			func(long string) bool { return isAbbrev(letters, long, sp) },
			func(long string) bool { return isLooseAbbrev(letters, long) },
		} {
			for n := 1; n <= min(maxDefinitionWords, len(words)); n++ {
				long := strings.Join(words[len(words)-n:], " ")
				if !unicode.IsUpper([]rune(long)[0]) {
					continue // "der Digitalministerkonferenz": the article is no part
				}
				if match(long) {
					out = append(out, [2]string{long, short})
					break spans
				}
			}
		}
	}
	return out
}

// learn adds an abbreviation a document defines as an equivalent of its
// long form, both ways. It reports whether the pair is new.
func (e *expander) learn(long, short string) bool {
	if e == nil {
		return false
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	k := synKey(long) + "|" + synKey(short)
	if e.learned[k] {
		return false
	}
	if e.learned == nil {
		e.learned = map[string]bool{}
	}
	e.learned[k] = true
	e.pairs = append(e.pairs, [2]string{long, short})
	e.addLocked(long, short, true)
	e.addLocked(short, long, true)
	return true
}

// learnedPairs returns the pairs learned from documents, for storing.
func (e *expander) learnedPairs() [][2]string {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return slices.Clone(e.pairs)
}

// learnFrom learns the abbreviations of docs' titles and texts and stores
// every learned pair in the index when some are new.
func (ix *Index) learnFrom(texts []string) error {
	if ix.syn == nil {
		return nil
	}
	fresh := false
	for _, t := range texts {
		for _, p := range definedAbbreviations(t, ix.syn.sp) {
			fresh = ix.syn.learn(p[0], p[1]) || fresh
		}
	}
	if !fresh {
		return nil
	}
	b, err := json.Marshal(ix.syn.learnedPairs())
	if err != nil {
		return fmt.Errorf("store abbreviations: %w", err)
	}
	if err := ix.b.SetInternal(learnedKey, b); err != nil {
		return fmt.Errorf("store abbreviations: %w", err)
	}
	return nil
}

// loadLearned reads the abbreviations an index has learned.
func (ix *Index) loadLearned() error {
	if ix.syn == nil {
		return nil
	}
	b, err := ix.b.GetInternal(learnedKey)
	if err != nil || len(b) == 0 {
		return err
	}
	var pairs [][2]string
	if err := json.Unmarshal(b, &pairs); err != nil {
		return fmt.Errorf("read abbreviations: %w", err)
	}
	for _, p := range pairs {
		ix.syn.learn(p[0], p[1])
	}
	return nil
}

// Abbreviations returns the abbreviations text defines, as pairs of long
// form and abbreviation in the order of the text: "Länderübergreifendes
// Vollmachtsregister (LVR)" gives ["Länderübergreifendes
// Vollmachtsregister", "LVR"]. An answer reads a document's "LVR" as the
// register it stands for there (in another document it may be a
// Landschaftsverband).
func (ix *Index) Abbreviations(text string) [][2]string {
	if ix.syn == nil {
		return nil
	}
	return definedAbbreviations(text, ix.syn.sp)
}
