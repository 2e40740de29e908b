package api

import (
	"encoding/base64"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/laendergraph/laendergraph/answer"
	"github.com/laendergraph/laendergraph/corpus"
)

// Responses are bounded: every list is a page of at most limit items from
// the position its cursor names (the response's next_cursor, absent on the
// last page), and every record cites at most `evidence` pieces of evidence,
// its evidence_count saying how many there are. With the defaults no
// response of the corpora measured (10,000 documents) reaches 1 MB; a
// client that wants everything pages on, asks for more evidence, or uses an
// export.
const (
	defaultEvidence = 20
	// defaultListEvidence is the default for lists of many records
	// (meetings, people, organisations, laws).
	defaultListEvidence = 5
	maxEvidence         = 1000
)

// window is the part of a list one response holds.
type window struct {
	offset, limit int
}

// cursorPrefix starts the cursors of list pages, so that a search cursor
// sent to a list (or the other way round) is refused rather than misread.
const cursorPrefix = "p1:"

// pageParams reads limit (default def, at most maxListLimit) and cursor; an
// offset parameter is still understood where a cursor is absent.
func pageParams(c *gin.Context, def int) (window, error) {
	limit, err := intParam(c, "limit", def, 1, maxListLimit)
	if err != nil {
		return window{}, err
	}
	w := window{limit: limit}
	cur, err := shortParam(c, "cursor")
	if err != nil {
		return window{}, err
	}
	if cur == "" {
		w.offset, err = intParam(c, "offset", 0, 0, 1<<31-1)
		return w, err
	}
	b, err := base64.RawURLEncoding.DecodeString(cur)
	s, ok := strings.CutPrefix(string(b), cursorPrefix)
	n, aerr := strconv.Atoi(s)
	if err != nil || !ok || aerr != nil || n < 0 {
		return window{}, invalid("cursor %q is not one this list gave out", clip(cur))
	}
	w.offset = n
	return w, nil
}

// cursorAt returns the cursor of the page that starts at offset.
func cursorAt(offset int) string {
	return base64.RawURLEncoding.EncodeToString([]byte(cursorPrefix + strconv.Itoa(offset)))
}

// pageOf returns the items of xs in w and the cursor of the next page, ""
// when w reaches the end.
func pageOf[T any](xs []T, w window) ([]T, string) {
	from := min(w.offset, len(xs))
	to := min(from+w.limit, len(xs))
	next := ""
	if to < len(xs) {
		next = cursorAt(to)
	}
	return xs[from:to:to], next
}

// listPage is the JSON of a page of a list: the items under name, the
// total, and next_cursor unless the page is the last.
func listPage[T any](name string, items []T, total int, next string) gin.H {
	h := gin.H{name: nonNil(items), "total": total}
	if next != "" {
		h["next_cursor"] = next
	}
	return h
}

// evidenceParam reads how many pieces of evidence each record cites.
func evidenceParam(c *gin.Context) (int, error) {
	return intParam(c, "evidence", defaultEvidence, 0, maxEvidence)
}

// listEvidenceParam is evidenceParam for lists of many records.
func listEvidenceParam(c *gin.Context) (int, error) {
	return intParam(c, "evidence", defaultListEvidence, 0, maxEvidence)
}

// capEvidence keeps the first n of es and returns how many there were.
func capEvidence(es []corpus.Evidence, n int) ([]corpus.Evidence, int) {
	return es[:min(n, len(es)):min(n, len(es))], len(es)
}

// capLands, capTopics, … cap the evidence of every record of a list to n,
// setting each record's EvidenceCount.
func capLands(xs []answer.Land, n int) {
	for i := range xs {
		xs[i].Evidence, xs[i].EvidenceCount = capEvidence(xs[i].Evidence, n)
	}
}

func capTopics(xs []answer.Topic, n int) {
	for i := range xs {
		xs[i].Evidence, xs[i].EvidenceCount = capEvidence(xs[i].Evidence, n)
	}
}

func capStrategies(xs []answer.Strategy, n int) {
	for i := range xs {
		xs[i].Evidence, xs[i].EvidenceCount = capEvidence(xs[i].Evidence, n)
	}
}

// capPeople caps the evidence and the dated roles of every person.
func capPeople(xs []answer.Person, n int) {
	for i := range xs {
		xs[i].Evidence, xs[i].EvidenceCount = capEvidence(xs[i].Evidence, n)
		xs[i].RoleCount = len(xs[i].Roles)
		xs[i].Roles = xs[i].Roles[:min(n, len(xs[i].Roles)):min(n, len(xs[i].Roles))]
	}
}

// capMeetings caps the evidence of every meeting and of its conflicts.
func capMeetings(xs []answer.Meeting, n int) {
	for i := range xs {
		capMeeting(&xs[i], n)
	}
}

func capMeeting(m *answer.Meeting, n int) {
	m.Evidence, m.EvidenceCount = capEvidence(m.Evidence, n)
	for j := range m.Conflicts {
		c := &m.Conflicts[j]
		c.Evidence, c.EvidenceCount = capEvidence(c.Evidence, n)
	}
}

func capDocRefs(xs []docRef, n int) {
	for i := range xs {
		xs[i].Evidence, xs[i].EvidenceCount = capEvidence(xs[i].Evidence, n)
	}
}

func capChairTerms(xs []answer.ChairTerm, n int) {
	for i := range xs {
		xs[i].Evidence, xs[i].EvidenceCount = capEvidence(xs[i].Evidence, n)
	}
}

// capOrganisations and capLaws cap the evidence of every statement.
func capOrganisations(xs []organisationView, n int) {
	for i := range xs {
		for j := range xs[i].Statements {
			st := &xs[i].Statements[j]
			st.Evidence, st.EvidenceCount = capEvidence(st.Evidence, n)
		}
	}
}

func capLaws(xs []lawView, n int) {
	for i := range xs {
		for j := range xs[i].Statements {
			st := &xs[i].Statements[j]
			st.Evidence, st.EvidenceCount = capEvidence(st.Evidence, n)
		}
	}
}

// capResult caps every record of an answer.
func capResult(r *answer.Result, n int) {
	capLands(r.Laender, n)
	capMeetings(r.Meetings, n)
	capTopics(r.Topics, n)
	capPeople(r.People, n)
	capStrategies(r.Strategies, n)
	capChairTerms(r.ChairTerms, n)
}
