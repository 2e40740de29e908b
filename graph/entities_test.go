package graph

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/laendergraph/laendergraph/corpus"
)

// linkSet returns the links of g as "source relation target ×count".
func linkSet(g *Entities) []string {
	var out []string
	for _, l := range g.Links {
		out = append(out, l.Source+" "+l.Relation+" "+l.Target+" ×"+string(rune('0'+l.Count)))
	}
	return out
}

func TestBuildEntities(t *testing.T) {
	s := openMemory(t)
	a := extractionA(t)
	put(t, s, a, extractionB(t))
	docA := "doc:" + string(a.Document.ID)
	for _, tc := range []struct {
		name   string
		filter EntityFilter
		// has are links that must be there, hasNot links and nodes that must not.
		has, hasNot []string
		labels      map[string]string
	}{
		{"all", EntityFilter{},
			[]string{"land:BW has topic:cyberwehr ×1", "land:BW adopted topic:digitalstrategie ×1", "land:BY chairs series:d16 ×1",
				"land:BB hosts series:digitalkoordinatoren ×1", "series:digitalkoordinatoren discusses topic:ki ×1",
				"person:erika-beispiel memberOf land:BB ×1", "strategy:BW-digital-bw ofLand land:BW ×1",
				docA + " publishedBy land:BW ×1", docA + " mentions topic:cyberwehr ×1"},
			nil,
			map[string]string{"land:BW": "Baden-Württemberg", "topic:ki": "Künstliche Intelligenz", "person:erika-beispiel": "Dr. Erika Beispiel",
				"strategy:BW-digital-bw": "digital@bw", docA: "Cyberwehr im Südwesten", "series:d16": "D16 – Digitalministertreffen der Länder"}},
		{"organisations and laws", EntityFilter{},
			[]string{"org:HE-lagezentrum-fuer-cybersicherheit ofLand land:HE ×2", "land:HE founded org:HE-lagezentrum-fuer-cybersicherheit ×1",
				"person:max-muster heads org:HE-lagezentrum-fuer-cybersicherheit ×1", "land:TH member org:datenverbund ×1",
				"law:HE-cybersicherheitsgesetz ofLand land:HE ×1", "land:HE passed law:HE-cybersicherheitsgesetz ×1"},
			nil,
			map[string]string{"org:HE-lagezentrum-fuer-cybersicherheit": "Lagezentrum für Cybersicherheit", "law:HE-cybersicherheitsgesetz": "Hessisches Cybersicherheitsgesetz",
				"org:datenverbund": "Datenverbund eG"}},
		{"kinds", EntityFilter{Kinds: []NodeKind{KindLand, KindTopic}},
			[]string{"land:BW has topic:cyberwehr ×1"},
			[]string{docA, "series:d16", "land:BY chairs series:d16 ×1"}, nil},
		{"time", EntityFilter{From: "2024", To: "2024-12"},
			[]string{"land:HE has topic:cybersicherheit ×1"},
			[]string{"land:BW", docA, "land:BW has topic:cyberwehr ×1"}, nil},
		{"before", EntityFilter{To: "2019"},
			[]string{"land:BW has topic:cyberwehr ×1", docA + " publishedBy land:BW ×1"},
			[]string{"topic:cybersicherheit"}, nil},
		{"land", EntityFilter{Land: "BW"},
			[]string{"land:BW has topic:cyberwehr ×1", "strategy:BW-digital-bw ofLand land:BW ×1", docA + " mentions strategy:BW-digital-bw ×1"},
			[]string{"land:HE", "series:d16"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, err := BuildEntities(context.Background(), s, tc.filter)
			if err != nil {
				t.Fatal(err)
			}
			links := linkSet(g)
			nodes := map[string]Node{}
			for _, n := range g.Nodes {
				nodes[n.ID] = n
			}
			for _, l := range tc.has {
				if !slices.Contains(links, l) {
					t.Errorf("got links %q, want one %q", links, l)
				}
			}
			for _, x := range tc.hasNot {
				if _, ok := nodes[x]; ok || slices.Contains(links, x) {
					t.Errorf("got %q, want it filtered out", x)
				}
			}
			for id, want := range tc.labels {
				if got := nodes[id].Label; got != want {
					t.Errorf("label of %s: got %q, want %q", id, got, want)
				}
			}
			for _, l := range g.Links {
				if _, ok := nodes[l.Source]; !ok {
					t.Errorf("link %v: source not a node", l)
				}
				if _, ok := nodes[l.Target]; !ok {
					t.Errorf("link %v: target not a node", l)
				}
				if l.Relation != RelPublishedBy && len(l.Evidence) != l.Count {
					t.Errorf("link %v: count %d, %d evidence", l, l.Count, len(l.Evidence))
				}
			}
		})
	}
	if _, err := BuildEntities(context.Background(), s, EntityFilter{From: "20x"}); !errors.Is(err, corpus.ErrInvalid) {
		t.Errorf("bad date: got %v, want ErrInvalid", err)
	}
	if _, err := ParseNodeKinds("land,banana"); !errors.Is(err, corpus.ErrInvalid) {
		t.Errorf("ParseNodeKinds: got %v, want ErrInvalid", err)
	}
}

// xmlElements decodes an XML document generically and counts its elements by
// name, failing on malformed XML; attrs collects attribute values by
// element/attribute.
func xmlElements(tb testing.TB, b []byte) (map[string]int, map[string][]string) {
	tb.Helper()
	counts, attrs := map[string]int{}, map[string][]string{}
	dec := xml.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			tb.Fatalf("parse XML: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			counts[se.Name.Local]++
			if counts[se.Name.Local] == 1 {
				counts[se.Name.Space+" "+se.Name.Local]++
			}
			for _, a := range se.Attr {
				attrs[se.Name.Local+"/"+a.Name.Local] = append(attrs[se.Name.Local+"/"+a.Name.Local], a.Value)
			}
		}
	}
	return counts, attrs
}

func TestEntityExports(t *testing.T) {
	s := openMemory(t)
	put(t, s, extractionA(t), extractionB(t))
	g, err := BuildEntities(context.Background(), s, EntityFilter{})
	if err != nil {
		t.Fatal(err)
	}
	nodeIDs := map[string]bool{}
	for _, n := range g.Nodes {
		nodeIDs[PublicIRI(n.ID)] = true
	}
	for _, tc := range []struct {
		name  string
		write func(io.Writer, *Entities) error
		// root is the root element with its namespace; one the elements
		// that occur once; nodes and edges the element names and where
		// their ids and ends are.
		root        string
		one         []string
		node, edge  string
		nodeID      string
		source, tgt string
		// attrs are attribute values that must occur.
		attrs map[string]string
	}{
		{"graphml", WriteGraphML, graphMLNS + " graphml", []string{"graphml", "graph"}, "node", "edge", "node/id", "edge/source", "edge/target",
			map[string]string{"key/attr.name": "label", "data/key": "count", "graph/edgedefault": "directed"}},
		{"gexf", WriteGEXF, gexfNS + " gexf", []string{"gexf", "graph", "nodes", "edges"}, "node", "edge", "node/id", "edge/source", "edge/target",
			map[string]string{"gexf/version": "1.3", "attributes/class": "edge", "attribute/id": "kind", "attvalue/for": "relation", "node/label": "Baden-Württemberg"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := tc.write(&buf, g); err != nil {
				t.Fatal(err)
			}
			counts, attrs := xmlElements(t, buf.Bytes())
			if counts[tc.root] != 1 {
				t.Errorf("root: got elements %v, want %s", counts, tc.root)
			}
			for _, e := range tc.one {
				if counts[e] != 1 {
					t.Errorf("<%s>: got %d, want 1", e, counts[e])
				}
			}
			if counts[tc.node] != len(g.Nodes) || counts[tc.edge] != len(g.Links) {
				t.Errorf("got %d nodes and %d edges, want %d and %d", counts[tc.node], counts[tc.edge], len(g.Nodes), len(g.Links))
			}
			for _, id := range attrs[tc.nodeID] {
				if !strings.HasPrefix(id, Namespace) {
					t.Errorf("node id %q: want it in %s", id, Namespace)
				}
			}
			for _, end := range append(slices.Clone(attrs[tc.source]), attrs[tc.tgt]...) {
				if !nodeIDs[end] {
					t.Errorf("edge end %q is no node", end)
				}
			}
			for k, v := range tc.attrs {
				if !slices.Contains(attrs[k], v) {
					t.Errorf("%s: got %q, want one %q", k, attrs[k], v)
				}
			}
		})
	}
	// The exports are well-formed for an empty graph too.
	for _, write := range []func(io.Writer, *Entities) error{WriteGraphML, WriteGEXF} {
		var buf bytes.Buffer
		if err := write(&buf, &Entities{}); err != nil {
			t.Fatal(err)
		}
		xmlElements(t, buf.Bytes())
	}
}

func TestExportNQuads(t *testing.T) {
	s := openMemory(t)
	a, b := extractionA(t), extractionB(t)
	put(t, s, a, b)
	var buf bytes.Buffer
	if err := s.ExportNQuads(context.Background(), &buf); err != nil {
		t.Fatal(err)
	}
	r := nquads.NewReader(&buf, false)
	n := 0
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("parse with cayley's reader: %v", err)
		}
		n++
		for _, v := range []quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
			iri, ok := v.(quad.IRI)
			if !ok {
				continue
			}
			if !strings.HasPrefix(string(iri), "https://") && !strings.HasPrefix(string(iri), xsd) {
				t.Errorf("quad %s: IRI %s not in an https namespace", q.NQuad(), iri)
			}
		}
		if q.Label != quad.IRI(Namespace+"doc/"+string(a.Document.ID)) && q.Label != quad.IRI(Namespace+"doc/"+string(b.Document.ID)) {
			t.Errorf("quad %s: label %v is no document", q.NQuad(), q.Label)
		}
	}
	if want := len(encode(&a)) + len(encode(&b)); n != want {
		t.Errorf("got %d quads, want %d", n, want)
	}
}

func TestPublicIRI(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"lg:kind", Namespace + "ns#kind"},
		{"land:BW", Namespace + "land/BW"},
		{"doc:d0123456789ab", Namespace + "doc/d0123456789ab"},
		{"fact:d01/10", Namespace + "fact/d01/10"},
		{"person:a b", Namespace + "person/a%20b"},
		{"strategy:BW-digital@bw", Namespace + "strategy/BW-digital@bw"},
		{"http://www.w3.org/2001/XMLSchema#integer", "http://www.w3.org/2001/XMLSchema#integer"},
		{"other:x", "other:x"},
	} {
		if got := PublicIRI(tc.in); got != tc.want {
			t.Errorf("PublicIRI(%q): got %q, want %q", tc.in, got, tc.want)
		}
	}
}
