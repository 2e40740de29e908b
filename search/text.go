package search

import (
	"context"
	"fmt"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/laendergraph/laendergraph/corpus"
)

// Text is the stored text of one document with the places a query matches.
type Text struct {
	Text string
	// Marks are the spans of Text the query matched, in Unicode code points
	// (end exclusive) like corpus.Evidence spans, sorted and not
	// overlapping; nil without a query.
	Marks [][2]int
}

// Text returns the stored text of document id and, when q is not empty, the
// spans of it that q matches as a search would (compounds, synonyms,
// abbreviations); a document that filters in q exclude has no marks. An unknown id is
// corpus.ErrNotFound; a malformed q is a *QueryError.
func (ix *Index) Text(ctx context.Context, id corpus.DocID, q string) (Text, error) {
	ids := query.NewDocIDQuery([]string{string(id)})
	sr := bleve.NewSearchRequestOptions(ids, 1, 0, false)
	sr.Fields = []string{fText}
	res, err := ix.b.SearchInContext(ctx, sr)
	if err != nil {
		return Text{}, fmt.Errorf("text of %s: %w", id, err)
	}
	if len(res.Hits) == 0 {
		return Text{}, fmt.Errorf("text of %s: %w", id, corpus.NotFound("Das Dokument „%s“ gibt es nicht", id))
	}
	text, _ := res.Hits[0].Fields[fText].(string)
	out := Text{Text: text}
	if q == "" {
		return out, nil
	}
	p, err := ix.prepare(Request{Query: q})
	if err != nil {
		return Text{}, err
	}
	if p.matchAll {
		return out, nil
	}
	exec, err := ix.execution(p, nil)
	if err != nil {
		return Text{}, err
	}
	mr := bleve.NewSearchRequestOptions(query.NewConjunctionQuery([]query.Query{exec.q, ids}), 1, 0, false)
	mr.IncludeLocations = true
	res, err = ix.b.SearchInContext(ctx, mr)
	if err != nil {
		return Text{}, fmt.Errorf("text of %s: %w", id, err)
	}
	if len(res.Hits) == 0 {
		return out, nil
	}
	spans := mergeSpans(text, matchSpans(res.Hits[0].Locations, len(text), []string{fText, fSpell}, []string{fTextParts}))
	out.Marks = make([][2]int, 0, len(spans))
	// Spans are sorted byte ranges: count code points in one pass.
	pos, runes := 0, 0
	for _, s := range spans {
		if s.start < pos {
			continue
		}
		runes += utf8.RuneCountInString(text[pos:s.start])
		start := runes
		runes += utf8.RuneCountInString(text[s.start:s.end])
		pos = s.end
		out.Marks = append(out.Marks, [2]int{start, runes})
	}
	return out, nil
}
