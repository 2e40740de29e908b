package graph

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
)

// The entity graph in the XML formats graph tools open: GraphML (yEd,
// Cytoscape, Gephi, NetworkX) and GEXF 1.3 (Gephi). Node ids are the public
// IRIs of the entities (see PublicIRI), so exports of one corpus can be
// joined with its N-Quads.

// GraphML namespace and the GEXF namespace and version written.
const (
	graphMLNS   = "http://graphml.graphdrawing.org/xmlns"
	gexfNS      = "http://gexf.net/1.3"
	gexfVersion = "1.3"
)

type gmlDoc struct {
	XMLName xml.Name `xml:"graphml"`
	NS      string   `xml:"xmlns,attr"`
	Keys    []gmlKey `xml:"key"`
	Graph   gmlGraph `xml:"graph"`
}

type gmlKey struct {
	ID   string `xml:"id,attr"`
	For  string `xml:"for,attr"`
	Name string `xml:"attr.name,attr"`
	Type string `xml:"attr.type,attr"`
}

type gmlGraph struct {
	ID          string    `xml:"id,attr"`
	EdgeDefault string    `xml:"edgedefault,attr"`
	Nodes       []gmlNode `xml:"node"`
	Edges       []gmlEdge `xml:"edge"`
}

type gmlNode struct {
	ID   string    `xml:"id,attr"`
	Data []gmlData `xml:"data"`
}

type gmlEdge struct {
	ID     string    `xml:"id,attr"`
	Source string    `xml:"source,attr"`
	Target string    `xml:"target,attr"`
	Data   []gmlData `xml:"data"`
}

type gmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

// firstQuote returns the quote of a link's first evidence, "" without any.
func firstQuote(l Link) string {
	if len(l.Evidence) == 0 {
		return ""
	}
	return l.Evidence[0].Quote
}

// WriteGraphML writes g as GraphML: nodes with label and kind, directed
// edges with relation, count (the number of evidence sentences) and the
// first quote.
func WriteGraphML(w io.Writer, g *Entities) error {
	doc := gmlDoc{NS: graphMLNS, Keys: []gmlKey{
		{"label", "node", "label", "string"},
		{"kind", "node", "kind", "string"},
		{"relation", "edge", "relation", "string"},
		{"count", "edge", "count", "int"},
		{"quote", "edge", "quote", "string"},
	}, Graph: gmlGraph{ID: "laendergraph", EdgeDefault: "directed"}}
	for _, n := range g.Nodes {
		doc.Graph.Nodes = append(doc.Graph.Nodes, gmlNode{ID: PublicIRI(n.ID), Data: []gmlData{{"label", n.Label}, {"kind", string(n.Kind)}}})
	}
	for i, l := range g.Links {
		e := gmlEdge{ID: "e" + strconv.Itoa(i), Source: PublicIRI(l.Source), Target: PublicIRI(l.Target),
			Data: []gmlData{{"relation", l.Relation}, {"count", strconv.Itoa(l.Count)}}}
		if q := firstQuote(l); q != "" {
			e.Data = append(e.Data, gmlData{"quote", q})
		}
		doc.Graph.Edges = append(doc.Graph.Edges, e)
	}
	return writeXML(w, doc)
}

type gexfDoc struct {
	XMLName xml.Name  `xml:"gexf"`
	NS      string    `xml:"xmlns,attr"`
	Version string    `xml:"version,attr"`
	Meta    gexfMeta  `xml:"meta"`
	Graph   gexfGraph `xml:"graph"`
}

type gexfMeta struct {
	Creator     string `xml:"creator"`
	Description string `xml:"description"`
}

type gexfGraph struct {
	DefaultEdgeType string           `xml:"defaultedgetype,attr"`
	Mode            string           `xml:"mode,attr"`
	Attributes      []gexfAttributes `xml:"attributes"`
	Nodes           []gexfNode       `xml:"nodes>node"`
	Edges           []gexfEdge       `xml:"edges>edge"`
}

type gexfAttributes struct {
	Class      string          `xml:"class,attr"`
	Attributes []gexfAttribute `xml:"attribute"`
}

type gexfAttribute struct {
	ID    string `xml:"id,attr"`
	Title string `xml:"title,attr"`
	Type  string `xml:"type,attr"`
}

type gexfNode struct {
	ID        string         `xml:"id,attr"`
	Label     string         `xml:"label,attr"`
	AttValues []gexfAttValue `xml:"attvalues>attvalue"`
}

type gexfEdge struct {
	ID        string         `xml:"id,attr"`
	Source    string         `xml:"source,attr"`
	Target    string         `xml:"target,attr"`
	Label     string         `xml:"label,attr"`
	Weight    int            `xml:"weight,attr"`
	AttValues []gexfAttValue `xml:"attvalues>attvalue"`
}

type gexfAttValue struct {
	For   string `xml:"for,attr"`
	Value string `xml:"value,attr"`
}

// WriteGEXF writes g as GEXF 1.3: nodes labelled with a kind attribute,
// directed edges labelled with their relation and weighted by their count,
// with the first quote as an attribute.
func WriteGEXF(w io.Writer, g *Entities) error {
	doc := gexfDoc{NS: gexfNS, Version: gexfVersion,
		Meta: gexfMeta{Creator: "laendergraph", Description: "Entity graph of the digital policy of the German Länder; edge weights count evidence sentences."},
		Graph: gexfGraph{DefaultEdgeType: "directed", Mode: "static", Attributes: []gexfAttributes{
			{Class: "node", Attributes: []gexfAttribute{{"kind", "kind", "string"}}},
			{Class: "edge", Attributes: []gexfAttribute{{"relation", "relation", "string"}, {"count", "count", "integer"}, {"quote", "quote", "string"}}},
		}}}
	for _, n := range g.Nodes {
		doc.Graph.Nodes = append(doc.Graph.Nodes, gexfNode{ID: PublicIRI(n.ID), Label: n.Label, AttValues: []gexfAttValue{{"kind", string(n.Kind)}}})
	}
	for i, l := range g.Links {
		e := gexfEdge{ID: strconv.Itoa(i), Source: PublicIRI(l.Source), Target: PublicIRI(l.Target), Label: l.Relation, Weight: l.Count,
			AttValues: []gexfAttValue{{"relation", l.Relation}, {"count", strconv.Itoa(l.Count)}}}
		if q := firstQuote(l); q != "" {
			e.AttValues = append(e.AttValues, gexfAttValue{"quote", q})
		}
		doc.Graph.Edges = append(doc.Graph.Edges, e)
	}
	return writeXML(w, doc)
}

// writeXML writes v as an indented XML document.
func writeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("write xml: %w", err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", " ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write xml: %w", err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("write xml: %w", err)
	}
	return nil
}
