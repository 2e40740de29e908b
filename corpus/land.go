package corpus

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// LandCode is the ISO 3166-2 suffix of a Land, upper case: "BW", "NW".
type LandCode string

// Land is one of the 16 German Länder with the forms German text uses for it.
type Land struct {
	Code LandCode `json:"code"`
	Name string   `json:"name"`
	// Genitive is the genitive of the name: "Brandenburgs".
	Genitive string `json:"genitive"`
	// Adjective is the adjective stem without ending: "brandenburgisch"; text
	// inflects it ("brandenburgische", "baden-württembergischen").
	Adjective string `json:"adjective"`
	// OtherAdjectives are further adjective stems in use
	// ("sachsen-anhaltinisch" beside "sachsen-anhaltisch").
	OtherAdjectives []string `json:"other_adjectives,omitempty"`
	// Aliases are other names: "NRW", "Freistaat Bayern", "Berliner".
	Aliases []string `json:"aliases"`
	// Capital is the seat of the Land's government and parliament: "Mainz".
	Capital string `json:"capital,omitempty"`
	// CapitalAdjectives are the capital's adjectives ("Schweriner",
	// "Münchner"): "die Schweriner Digitalministerin" is the Land's. They
	// name the seat only before a role or an office, so the Land
	// recogniser does not read them.
	CapitalAdjectives []string `json:"capital_adjectives,omitempty"`
	// English are the English names and adjectives that differ from the
	// German ones ("Bavaria", "Bavarian"); questions may use them.
	English []string `json:"english,omitempty"`
}

// Region is a name that stands for several Länder together, such as
// "Hauptstadtregion" for Berlin and Brandenburg.
type Region struct {
	Name    string     `json:"name"`
	Laender []LandCode `json:"laender"`
}

// Registry is the registry of the Länder. The zero value is empty; use
// Laender for the built-in one.
type Registry struct {
	laender []Land
	regions []Region
	byCode  map[LandCode]int
	byKey   map[string]LandCode
}

//go:embed data/laender.json
var laenderJSON []byte

// Laender returns the built-in registry of the 16 Länder.
func Laender() *Registry { return builtinRegistry }

var builtinRegistry = mustRegistry(laenderJSON)

func mustRegistry(b []byte) *Registry {
	r, err := ParseRegistry(b)
	if err != nil {
		panic(fmt.Sprintf("corpus: built-in Länder registry: %v", err)) // embedded data, checked by tests
	}
	return r
}

// ParseRegistry reads a registry in the JSON form of data/laender.json.
func ParseRegistry(b []byte) (*Registry, error) {
	var raw struct {
		Laender []Land   `json:"laender"`
		Regions []Region `json:"regions"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("parse Länder registry: %w", err)
	}
	r := &Registry{laender: raw.Laender, regions: raw.Regions, byCode: map[LandCode]int{}, byKey: map[string]LandCode{}}
	for i, l := range r.laender {
		if len(l.Code) != 2 || l.Name == "" {
			return nil, fmt.Errorf("parse Länder registry: entry %d: code and name required: %w", i, ErrInvalid)
		}
		if _, dup := r.byCode[l.Code]; dup {
			return nil, fmt.Errorf("parse Länder registry: duplicate code %s: %w", l.Code, ErrInvalid)
		}
		r.byCode[l.Code] = i
		for _, k := range append([]string{string(l.Code), l.Name, l.Genitive}, l.Aliases...) {
			if k != "" {
				r.byKey[Fold(k)] = l.Code
			}
		}
	}
	return r, nil
}

// All returns every Land in registry order.
func (r *Registry) All() []Land { return append([]Land(nil), r.laender...) }

// Codes returns every Land code in registry order.
func (r *Registry) Codes() []LandCode {
	out := make([]LandCode, len(r.laender))
	for i, l := range r.laender {
		out[i] = l.Code
	}
	return out
}

// Get returns the Land with the given code (case-insensitive).
func (r *Registry) Get(code LandCode) (Land, bool) {
	i, ok := r.byCode[LandCode(strings.ToUpper(string(code)))]
	if !ok {
		return Land{}, false
	}
	return r.laender[i], true
}

// Lookup finds a Land by code, name, genitive or alias, ignoring case and
// umlaut spelling: "bw", "Brandenburgs", "NRW", "Freistaat Bayern".
func (r *Registry) Lookup(s string) (LandCode, bool) {
	c, ok := r.byKey[Fold(s)]
	return c, ok
}

// Regions returns the names that stand for several Länder together.
func (r *Registry) Regions() []Region { return append([]Region(nil), r.regions...) }

// SortCodes sorts codes in place in registry order and removes duplicates.
func (r *Registry) SortCodes(codes []LandCode) []LandCode {
	sort.SliceStable(codes, func(i, j int) bool { return r.byCode[codes[i]] < r.byCode[codes[j]] })
	out := codes[:0]
	for i, c := range codes {
		if i == 0 || c != codes[i-1] {
			out = append(out, c)
		}
	}
	return out
}
