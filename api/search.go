package api

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/laendergraph/laendergraph/corpus"
	"github.com/laendergraph/laendergraph/search"
)

// searchResponse is the JSON of /api/v1/search.
type searchResponse struct {
	Query          string                  `json:"query"`
	Total          uint64                  `json:"total"`
	Hits           []hitView               `json:"hits"`
	Facets         map[string][]facetValue `json:"facets"`
	Next           string                  `json:"next"`
	DidYouMean     string                  `json:"did_you_mean"`
	Interpretation string                  `json:"interpretation"`
	TookMS         float64                 `json:"took_ms"`
}

type facetValue struct {
	Value string `json:"value"`
	// Label names the value in German: the Land's, topic's or series'
	// name, the kind's German name, the year itself.
	Label string `json:"label"`
	Count int    `json:"count"`
}

// facetLabel names a facet value in German.
func (s *server) facetLabel(facet, value string) string {
	switch facet {
	case "land":
		if l, ok := s.reg.Get(corpus.LandCode(value)); ok {
			return l.Name
		}
	case "topic":
		if t, ok := s.th.Get(corpus.TopicID(value)); ok {
			return t.Label
		}
	case "series":
		if sr, ok := corpus.SeriesByID(corpus.SeriesID(value)); ok && sr.Label != "" {
			return sr.Label
		}
	case "kind":
		return corpus.Kind(value).Label()
	}
	return value
}

// search answers a full-text search, or streams every hit as CSV or JSON
// lines when format asks for it.
func (s *server) search(c *gin.Context) {
	req, format, err := s.searchRequest(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	if format != "json" {
		s.exportHits(c, req, format)
		return
	}
	res, err := s.ix.Search(c.Request.Context(), req)
	if err != nil {
		s.fail(c, err)
		return
	}
	out := searchResponse{
		Query: req.Query, Total: res.Total, Hits: make([]hitView, 0, len(res.Hits)),
		Facets: map[string][]facetValue{}, Next: res.Next, DidYouMean: res.DidYouMean,
		Interpretation: res.Interpretation, TookMS: float64(res.Took.Microseconds()) / 1000,
	}
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, viewHit(h))
	}
	for name, vs := range res.Facets {
		fv := make([]facetValue, 0, len(vs))
		for _, v := range vs {
			fv = append(fv, facetValue{Value: v.Value, Label: s.facetLabel(name, v.Value), Count: v.Count})
		}
		out.Facets[name] = fv
	}
	c.JSON(http.StatusOK, out)
}

// searchRequest reads and checks the parameters of a search.
func (s *server) searchRequest(c *gin.Context) (search.Request, string, error) {
	var req search.Request
	var err error
	if req.Query, err = queryParam(c, "q"); err != nil {
		return req, "", err
	}
	format := c.DefaultQuery("format", "json")
	if format != "json" && format != "csv" && format != "jsonl" {
		return req, "", invalid("format ist json, csv oder jsonl, nicht „%s“", clip(format))
	}
	if v, err := shortParam(c, "land"); err != nil {
		return req, "", err
	} else if v != "" {
		code, ok := s.lookupLand(v)
		if !ok {
			return req, "", invalid("Unbekanntes Land „%s“", clip(v))
		}
		req.Land = code
	}
	if v, err := shortParam(c, "kind"); err != nil {
		return req, "", err
	} else if v != "" {
		if !corpus.Kind(v).Valid() {
			return req, "", invalid("Unbekannte Dokumentart „%s“ (press-release, news, strategy, web-page, other)", clip(v))
		}
		req.Kind = corpus.Kind(v)
	}
	if v, err := shortParam(c, "topic"); err != nil {
		return req, "", err
	} else if v != "" {
		id, ok := s.lookupTopic(v)
		if !ok {
			return req, "", invalid("Unbekanntes Thema „%s“", clip(v))
		}
		req.Topic = id
	}
	if v, err := shortParam(c, "series"); err != nil {
		return req, "", err
	} else if v != "" {
		id, ok := lookupSeries(v)
		if !ok {
			return req, "", invalid("Unbekannte Treffenreihe „%s“", clip(v))
		}
		req.Series = id
	}
	for _, p := range []struct {
		name string
		dst  *corpus.Date
	}{{"from", &req.From}, {"to", &req.To}} {
		v, err := shortParam(c, p.name)
		if err != nil {
			return req, "", err
		}
		if !corpus.Date(v).Valid() {
			return req, "", invalid("%s ist ein Datum wie 2023, 2023-06 oder 2023-06-21, nicht „%s“", p.name, clip(v))
		}
		*p.dst = corpus.Date(v)
	}
	if req.Sort, err = shortParam(c, "sort"); err != nil {
		return req, "", err
	}
	if req.Cursor, err = shortParam(c, "cursor"); err != nil {
		return req, "", err
	}
	if req.Limit, err = intParam(c, "limit", defaultSearchLimit, 1, search.MaxLimit); err != nil {
		return req, "", err
	}
	req.Highlight = format == "json"
	return req, format, nil
}

// csvHeader names the columns of a CSV export.
var csvHeader = []string{"id", "file", "title", "source", "date", "kind", "land", "laender", "topics", "duplicate_of", "score"}

// exportHits streams every hit of the search, without the page limit.
func (s *server) exportHits(c *gin.Context, req search.Request, format string) {
	ctx := c.Request.Context()
	req.Limit, req.Cursor = 0, ""
	ct, ext := "application/x-ndjson", "jsonl"
	if format == "csv" {
		ct, ext = "text/csv; charset=utf-8", "csv"
	}
	w := &firstWrite{c: c, timeout: s.streamTimeout, header: func() {
		c.Header("Content-Type", ct)
		c.Header("Content-Disposition", `attachment; filename="laendergraph-search.`+ext+`"`)
		c.Status(http.StatusOK)
	}}
	cw := csv.NewWriter(w)
	enc := json.NewEncoder(w)
	if format == "csv" {
		_ = cw.Write(csvHeader) // buffered; errors surface at Flush
	}
	n := 0
	err := s.ix.Each(ctx, req, func(h search.Hit) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		if format == "csv" {
			err = cw.Write(csvRow(h))
		} else {
			err = enc.Encode(viewHit(h))
		}
		if n++; n%500 == 0 && err == nil {
			cw.Flush()
			if w.started {
				c.Writer.Flush()
			}
			err = cw.Error()
		}
		return err
	})
	if err == nil {
		cw.Flush()
		err = cw.Error()
	}
	if err != nil {
		if w.started {
			err = errors.Join(errors.New("export interrupted"), err)
		}
		s.fail(c, err)
		return
	}
	if !w.started {
		w.header()
		c.Writer.WriteHeaderNow()
	}
}

func csvRow(h search.Hit) []string {
	d := h.Doc
	row := []string{
		string(d.ID), d.File, d.Title, d.Source, string(d.Date), string(d.Kind), string(d.Land),
		joinCodes(d.Laender), joinCodes(d.Topics), string(d.DuplicateOf),
	}
	for i := range row {
		row[i] = csvCell(row[i])
	}
	return append(row, strconv.FormatFloat(h.Score, 'g', 6, 64))
}

// csvCell neutralises a text cell that a spreadsheet would read as a formula
// (starting with =, +, -, @, a tab or a carriage return; titles and file names
// come from ingested documents): a leading apostrophe makes it text.
func csvCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func joinCodes[T ~string](xs []T) string {
	parts := make([]string, len(xs))
	for i, x := range xs {
		parts[i] = string(x)
	}
	return strings.Join(parts, ";")
}

// ask answers a question from the graph, or from the index as a fallback.
func (s *server) ask(c *gin.Context) {
	q, err := queryParam(c, "q")
	if err != nil {
		s.fail(c, err)
		return
	}
	if q == "" {
		s.fail(c, invalid("Parameter q fehlt: eine Frage wie „Welche Länder haben eine Cyberwehr?“"))
		return
	}
	nev, err := evidenceParam(c)
	if err != nil {
		s.fail(c, err)
		return
	}
	a, err := s.ans.Ask(c.Request.Context(), q)
	if err != nil {
		s.fail(c, err)
		return
	}
	capResult(&a.Answer, nev)
	c.JSON(http.StatusOK, a)
}
