package graph

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/cayleygraph/quad"

	"github.com/laendergraph/laendergraph/corpus"
)

// rdfJSON is the datatype of a JSON literal (RDF 1.2, rdf:JSON).
const rdfJSON = quad.IRI("http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON")

// evidenceRecord is the evidence of a fact as the graph stores it: one JSON
// literal, the object of the fact's lg:evidence, instead of a node of five
// to nine quads. A fact is read back whole with its document, never found
// by its quote or span, so nothing is lost by not making them nodes, and a
// document takes a third fewer quads to write (and to read on start).
//
// Doc is set only when the cited document is another one; File, Title,
// Source and Date only where they differ from the cited document's.
type evidenceRecord struct {
	Doc    string `json:"doc,omitempty"`
	Span   [2]int `json:"span"`
	Quote  string `json:"quote"`
	File   string `json:"file,omitempty"`
	Title  string `json:"title,omitempty"`
	Source string `json:"source,omitempty"`
	Date   string `json:"date,omitempty"`
}

// value returns r as a literal typed rdf:JSON.
func (r evidenceRecord) value() quad.Value { return jsonValue(r) }

// agendaRecord is an agenda item of a meeting mention as the graph stores
// it: the object of the mention's lg:agenda, one JSON literal per item, its
// title beside the fields of its evidence record.
type agendaRecord struct {
	Item string `json:"item"`
	evidenceRecord
}

// jsonValue returns r as a literal typed rdf:JSON.
func jsonValue(r any) quad.Value {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		panic(err) // strings and ints always encode
	}
	return quad.TypedString{Value: quad.String(bytes.TrimSuffix(b.Bytes(), []byte("\n"))), Type: rdfJSON}
}

// evidenceOf reads the evidence that a fact's lg:evidence object o gives:
// a JSON literal, or (as graphs written before the literal did) the IRI of
// an evidence node among nodes. doc is the document whose quads hold it.
func evidenceOf(o quad.Value, nodes map[string]*node, doc corpus.DocID) (corpus.Evidence, error) {
	var lit string
	switch o := o.(type) {
	case quad.IRI:
		return decodeEvidence(nodes[string(o)], doc), nil
	case quad.TypedString:
		lit = string(o.Value)
	case quad.String:
		lit = string(o)
	case nil:
		return corpus.Evidence{Doc: doc}, nil
	default:
		return corpus.Evidence{}, fmt.Errorf("evidence of document %s: unexpected %T", doc, o)
	}
	var r evidenceRecord
	if err := json.Unmarshal([]byte(lit), &r); err != nil {
		return corpus.Evidence{}, fmt.Errorf("evidence of document %s: %w", doc, err)
	}
	return r.evidence(doc), nil
}

// agendaOf reads the agenda item that a meeting mention's lg:agenda object
// o gives. doc is the document whose quads hold it.
func agendaOf(o quad.Value, doc corpus.DocID) (corpus.AgendaItem, error) {
	lit, ok := o.(quad.TypedString)
	if !ok {
		return corpus.AgendaItem{}, fmt.Errorf("agenda item of document %s: unexpected %T", doc, o)
	}
	var r agendaRecord
	if err := json.Unmarshal([]byte(lit.Value), &r); err != nil {
		return corpus.AgendaItem{}, fmt.Errorf("agenda item of document %s: %w", doc, err)
	}
	return corpus.AgendaItem{Title: r.Item, Evidence: r.evidenceRecord.evidence(doc)}, nil
}

// evidence returns the evidence r records; doc is the document whose quads
// hold it.
func (r evidenceRecord) evidence(doc corpus.DocID) corpus.Evidence {
	ev := corpus.Evidence{
		Doc:    corpus.DocID(r.Doc),
		File:   r.File,
		Title:  r.Title,
		Source: r.Source,
		Date:   corpus.Date(r.Date),
		Quote:  r.Quote,
		Span:   r.Span,
	}
	if ev.Doc == "" {
		ev.Doc = doc
	}
	return ev
}

// decodeEvidence reads an evidence node of a graph written before evidence
// records: the cited document, the quote, the span and whatever file,
// title, source and date it states itself.
func decodeEvidence(n *node, doc corpus.DocID) corpus.Evidence {
	if n == nil {
		return corpus.Evidence{Doc: doc}
	}
	ev := corpus.Evidence{
		Doc:    corpus.DocID(idOf(prefixDoc, n.first(predInDoc))),
		File:   n.str(predFile),
		Title:  n.str(predTitle),
		Source: n.str(predSource),
		Date:   corpus.Date(n.str(predDate)),
		Quote:  n.str(predQuote),
		Span:   [2]int{n.int(predSpanStart), n.int(predSpanEnd)},
	}
	if ev.Doc == "" {
		ev.Doc = doc
	}
	return ev
}
