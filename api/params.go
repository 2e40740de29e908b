package api

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/search"
)

// The bounds of list parameters.
const (
	defaultListLimit   = 100
	maxListLimit       = 1000
	defaultSearchLimit = 10
	maxParamLen        = 200
)

// intParam reads an integer parameter in [lo, hi], or def when it is absent.
func intParam(c *gin.Context, name string, def, lo, hi int) (int, error) {
	v, ok := c.GetQuery(name)
	if !ok || v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, invalid("%s ist eine ganze Zahl von %d bis %d, nicht „%s“", name, lo, hi, clip(v))
	}
	return n, nil
}

// queryParam reads a free-text parameter of at most search.MaxQueryLen
// characters.
func queryParam(c *gin.Context, name string) (string, error) {
	q := strings.TrimSpace(c.Query(name))
	if n := utf8.RuneCountInString(q); n > search.MaxQueryLen {
		return "", invalid("%s ist %d Zeichen lang, erlaubt sind höchstens %d", name, n, search.MaxQueryLen)
	}
	if !utf8.ValidString(q) {
		return "", invalid("%s ist kein gültiges UTF-8", name)
	}
	return q, nil
}

// shortParam reads a parameter that names something (a code, an id).
func shortParam(c *gin.Context, name string) (string, error) {
	v := strings.TrimSpace(c.Query(name))
	if len(v) > maxParamLen {
		return "", invalid("%s ist länger als %d Bytes", name, maxParamLen)
	}
	return v, nil
}

// clip shortens a value for an error message.
func clip(s string) string {
	r := []rune(s)
	if len(r) <= 40 {
		return s
	}
	return string(r[:40]) + "…"
}

// lookupLand finds a Land by code or name ("bw", "Brandenburg", "NRW").
func (s *server) lookupLand(v string) (corpus.LandCode, bool) {
	if l, ok := s.reg.Get(corpus.LandCode(v)); ok {
		return l.Code, true
	}
	return s.reg.Lookup(v)
}

// lookupTopic finds a topic by id, label or synonym.
func (s *server) lookupTopic(v string) (corpus.TopicID, bool) {
	if t, ok := s.th.Get(corpus.TopicID(v)); ok {
		return t.ID, true
	}
	return s.th.Lookup(v)
}

// lookupSeries finds a series by id, label or alias.
func lookupSeries(v string) (corpus.SeriesID, bool) {
	if sr, ok := corpus.SeriesByID(corpus.SeriesID(v)); ok {
		return sr.ID, true
	}
	return corpus.LookupSeries(v)
}
