package corpus

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"strings"
	"testing"
)

func ev(doc string, start int) Evidence {
	return Evidence{Doc: DocID(doc), File: doc + ".txt", Quote: "q", Span: [2]int{start, start + 1}}
}

func TestMergePeople(t *testing.T) {
	tests := []struct {
		name string
		in   []Person
		want []PersonProfile
	}{
		{
			name: "one person, latest dated role wins, honorific and party kept",
			in: []Person{
				{ID: "anna-muster", Name: "Anna Muster", Role: "Staatssekretärin", Land: "BB", Date: "2019-06-21", Evidence: ev("a", 0)},
				{ID: "anna-muster", Name: "Anna Muster", Honorific: "Dr.", Role: "Ministerin", Land: "BB", Party: "SPD", Date: "2024-01", Evidence: ev("b", 5)},
				{ID: "anna-muster", Name: "Anna Muster", Role: "Staatssekretärin", Date: "", Evidence: ev("c", 9)},
			},
			want: []PersonProfile{{
				ID: "anna-muster", Name: "Anna Muster", Honorific: "Dr.", Land: "BB", Party: "SPD", Role: "Ministerin",
				Roles: []RoleAt{
					{Role: "Staatssekretärin", Evidence: ev("c", 9)},
					{Role: "Staatssekretärin", Date: "2019-06-21", Evidence: ev("a", 0)},
					{Role: "Ministerin", Date: "2024-01", Evidence: ev("b", 5)},
				},
				Evidence: []Evidence{ev("a", 0), ev("b", 5), ev("c", 9)},
			}},
		},
		{
			name: "no dates: most frequent role; duplicate evidence once",
			in: []Person{
				{ID: "max-beispiel", Name: "Max Beispiel", Role: "Digitalminister", Land: "HE", Evidence: ev("a", 0)},
				{ID: "max-beispiel", Name: "Max Beispiel", Role: "Wirtschaftsminister", Land: "HE", Evidence: ev("b", 0)},
				{ID: "max-beispiel", Name: "Max Beispiel", Role: "Wirtschaftsminister", Land: "HE", Evidence: ev("b", 0)},
			},
			want: []PersonProfile{{
				ID: "max-beispiel", Name: "Max Beispiel", Land: "HE", Role: "Wirtschaftsminister",
				Roles: []RoleAt{
					{Role: "Digitalminister", Evidence: ev("a", 0)},
					{Role: "Wirtschaftsminister", Evidence: ev("b", 0)},
				},
				Evidence: []Evidence{ev("a", 0), ev("b", 0)},
			}},
		},
		{
			name: "two Länder give two profiles; a mention without Land joins the more frequent; sorted by name",
			in: []Person{
				{ID: "zora-zett", Name: "Zora Zett", Role: "Senatorin", Land: "HB", Evidence: ev("a", 0)},
				{ID: "bert-beta", Name: "Bert Beta", Role: "Minister", Land: "SN", Evidence: ev("b", 0)},
				{ID: "bert-beta", Name: "Bert Beta", Role: "Minister", Land: "SN", Evidence: ev("c", 0)},
				{ID: "bert-beta", Name: "Bert Beta", Role: "Staatssekretär", Land: "TH", Evidence: ev("d", 0)},
				{ID: "bert-beta", Name: "Bert Beta", Role: "Präsident", Evidence: ev("e", 0)},
			},
			want: []PersonProfile{
				{ID: "bert-beta", Name: "Bert Beta", Land: "SN", Role: "Minister",
					Roles:    []RoleAt{{Role: "Minister", Evidence: ev("b", 0)}, {Role: "Präsident", Evidence: ev("e", 0)}},
					Evidence: []Evidence{ev("b", 0), ev("c", 0), ev("e", 0)}},
				{ID: "bert-beta", Name: "Bert Beta", Land: "TH", Role: "Staatssekretär",
					Roles:    []RoleAt{{Role: "Staatssekretär", Evidence: ev("d", 0)}},
					Evidence: []Evidence{ev("d", 0)}},
				{ID: "zora-zett", Name: "Zora Zett", Land: "HB", Role: "Senatorin",
					Roles:    []RoleAt{{Role: "Senatorin", Evidence: ev("a", 0)}},
					Evidence: []Evidence{ev("a", 0)}},
			},
		},
		{
			name: "a role that goes on from a shorter one counts its mentions and wins",
			in: []Person{
				{ID: "ida-ist", Name: "Ida Ist", Role: "Staatssekretärin", Land: "HE", Date: "2070-03-01", Evidence: ev("a", 0)},
				{ID: "ida-ist", Name: "Ida Ist", Role: "Staatssekretärin für Digitales", Land: "HE", Date: "2070-03-01", Evidence: ev("a", 9)},
			},
			want: []PersonProfile{{
				ID: "ida-ist", Name: "Ida Ist", Land: "HE", Role: "Staatssekretärin für Digitales",
				Roles: []RoleAt{
					{Role: "Staatssekretärin", Date: "2070-03-01", Evidence: ev("a", 0)},
					{Role: "Staatssekretärin für Digitales", Date: "2070-03-01", Evidence: ev("a", 9)},
				},
				Evidence: []Evidence{ev("a", 0), ev("a", 9)},
			}},
		},
		{name: "empty", in: nil, want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := MergePeople(tt.in)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("MergePeople:\ngot  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestMergeStrategies(t *testing.T) {
	tests := []struct {
		name string
		in   []Strategy
		want []StrategyProfile
	}{
		{
			name: "longer and shorter title of one strategy merge; earliest year; shortest title and its id",
			in: []Strategy{
				{ID: "BW-digitalisierungsstrategie-digital-bw", Land: "BW", Title: "Digitalisierungsstrategie digital@bw", Evidence: ev("a", 0)},
				{ID: "BW-digital-bw", Land: "BW", Title: "digital@bw", Year: 2018, Evidence: ev("b", 0)},
				{ID: "BW-digital-bw", Land: "BW", Title: "digital@bw", Year: 2017, Evidence: ev("c", 0)},
			},
			want: []StrategyProfile{{ID: "BW-digital-bw", Land: "BW", Title: "digital@bw", Year: 2017,
				Evidence: []Evidence{ev("a", 0), ev("b", 0), ev("c", 0)}}},
		},
		{
			name: "same title in two Länder stays apart; different titles stay apart; sorted by Land then title",
			in: []Strategy{
				{ID: "TH-x", Land: "TH", Title: "Strategie für die Digitale Gesellschaft", Evidence: ev("a", 0)},
				{ID: "HB-a", Land: "HB", Title: "Verwaltung 4.1", Year: 2018, Evidence: ev("b", 0)},
				{ID: "HB-b", Land: "HB", Title: "Masterplan Digitalisierung", Evidence: ev("c", 0)},
				{ID: "TH-y", Land: "TH", Title: "Thüringer Strategie für die Digitale Gesellschaft UPDATE 2020", Year: 2020, Evidence: ev("d", 0)},
				{ID: "NI-a", Land: "NI", Title: "Masterplan Digitalisierung", Year: 2018, Evidence: ev("e", 0)},
			},
			want: []StrategyProfile{
				{ID: "HB-b", Land: "HB", Title: "Masterplan Digitalisierung", Evidence: []Evidence{ev("c", 0)}},
				{ID: "HB-a", Land: "HB", Title: "Verwaltung 4.1", Year: 2018, Evidence: []Evidence{ev("b", 0)}},
				{ID: "NI-a", Land: "NI", Title: "Masterplan Digitalisierung", Year: 2018, Evidence: []Evidence{ev("e", 0)}},
				{ID: "TH-x", Land: "TH", Title: "Strategie für die Digitale Gesellschaft", Year: 2020, Evidence: []Evidence{ev("a", 0), ev("d", 0)}},
			},
		},
		{
			name: "containment needs whole words",
			in: []Strategy{
				{ID: "BE-a", Land: "BE", Title: "Digitalagenda", Evidence: ev("a", 0)},
				{ID: "BE-b", Land: "BE", Title: "Digitalagendaplus", Evidence: ev("b", 0)},
			},
			want: []StrategyProfile{
				{ID: "BE-a", Land: "BE", Title: "Digitalagenda", Evidence: []Evidence{ev("a", 0)}},
				{ID: "BE-b", Land: "BE", Title: "Digitalagendaplus", Evidence: []Evidence{ev("b", 0)}},
			},
		},
		{
			// a document that names both as two strategies (the new one
			// replaces the old) keeps them apart, though one title holds
			// the other
			name: "two titles of one document stay apart",
			in: []Strategy{
				{ID: "SN-a", Land: "SN", Title: "Sachsen Vernetzt 2060", Year: 2049, Evidence: ev("a", 0)},
				{ID: "SN-b", Land: "SN", Title: "Sachsen Vernetzt", Evidence: ev("a", 1)},
			},
			want: []StrategyProfile{
				{ID: "SN-b", Land: "SN", Title: "Sachsen Vernetzt", Evidence: []Evidence{ev("a", 1)}},
				{ID: "SN-a", Land: "SN", Title: "Sachsen Vernetzt 2060", Year: 2049, Evidence: []Evidence{ev("a", 0)}},
			},
		},
		{name: "empty", in: nil, want: nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := MergeStrategies(tt.in)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("MergeStrategies:\ngot  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestMergeStrategiesKeepsEditionsApart(t *testing.T) {
	ss := []Strategy{
		{Land: "SN", Title: "Land Digital", Year: 2031, Evidence: Evidence{Doc: "a"}},
		{Land: "SN", Title: "land digital 2040", Year: 2035, Evidence: Evidence{Doc: "b"}},
		{Land: "SN", Title: "Land Digital", Year: 2032, Evidence: Evidence{Doc: "c"}},
	}
	got := MergeStrategies(ss)
	if len(got) != 2 {
		t.Fatalf("got %d strategies, want 2 (the 2035 edition apart, the 2031/2032 mentions one): %+v", len(got), got)
	}
}

// TestMergeStrategiesTitleOfMostDocuments: of the titles one strategy goes
// by, the profile keeps the one most documents state, not merely the
// shortest part of it.
func TestMergeStrategiesTitleOfMostDocuments(t *testing.T) {
	ev := func(doc string) Evidence { return Evidence{Doc: DocID(doc), Quote: doc} }
	got := MergeStrategies([]Strategy{
		{ID: "a", Land: "BB", Title: "Digitales Musterland", Evidence: ev("d1")},
		{ID: "b", Land: "BB", Title: "Zukunftsstrategie Digitales Musterland", Evidence: ev("d2")},
		{ID: "b", Land: "BB", Title: "Zukunftsstrategie Digitales Musterland", Evidence: ev("d3")},
	})
	if len(got) != 1 || got[0].Title != "Zukunftsstrategie Digitales Musterland" || len(got[0].Evidence) != 3 {
		t.Errorf("got %+v, want one profile titled as two documents state it", got)
	}
	got = MergeStrategies([]Strategy{
		{ID: "a", Land: "BW", Title: "digital@musterland", Evidence: ev("d1")},
		{ID: "b", Land: "BW", Title: "Digitalisierungsstrategie digital@musterland", Evidence: ev("d2")},
	})
	if len(got) != 1 || got[0].Title != "digital@musterland" {
		t.Errorf("got %+v, want the shorter title when as many documents state each", got)
	}
}

// TestMergeStrategiesPairwise checks that merging per class of title and
// year groups the statements as comparing every pair of statements does.
func TestMergeStrategiesPairwise(t *testing.T) {
	titles := []string{"Digital BW", "digital@bw", "Strategie digital@bw 2030", "KI", "ki", "Sachsen Digital", "Sachsen digital 2030", "", "Digitalstrategie", "Die Digitalstrategie des Landes"}
	years := []int{0, 2018, 2019, 2022}
	rnd := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		var ss []Strategy
		for i := range 1 + rnd.IntN(30) {
			ss = append(ss, Strategy{
				Land: []LandCode{"BW", "SN"}[rnd.IntN(2)], Title: titles[rnd.IntN(len(titles))], Year: years[rnd.IntN(len(years))],
				Evidence: ev(fmt.Sprintf("d%d", i), i),
			})
		}
		got, want := MergeStrategies(ss), mergeStrategiesPairwise(ss)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d: got %+v, want %+v", round, got, want)
		}
	}
}

// mergeStrategiesPairwise is MergeStrategies comparing every pair of
// statements.
func mergeStrategiesPairwise(ss []Strategy) []StrategyProfile {
	lands, byLand := groupBy(ss, func(s Strategy) LandCode { return s.Land })
	var out []StrategyProfile
	for _, l := range lands {
		group := byLand[l]
		parent := make([]int, len(group))
		for i := range parent {
			parent[i] = i
		}
		find := func(i int) int {
			for parent[i] != i {
				i = parent[i]
			}
			return i
		}
		for i := range group {
			for j := i + 1; j < len(group); j++ {
				a, b := titleKey(group[i].Title), titleKey(group[j].Title)
				if strings.Contains(" "+b+" ", " "+a+" ") && len(a) >= 5 || strings.Contains(" "+a+" ", " "+b+" ") && len(b) >= 5 || a == b && a != "" {
					if !otherEdition(group[i], group[j]) {
						parent[find(j)] = find(i)
					}
				}
			}
		}
		members := map[int][]int{}
		var roots []int
		for i := range group {
			r := find(i)
			if _, ok := members[r]; !ok {
				roots = append(roots, r)
			}
			members[r] = append(members[r], i)
		}
		for _, r := range roots {
			out = append(out, strategyProfile(l, group, members[r]))
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Land != out[j].Land {
			return out[i].Land < out[j].Land
		}
		return out[i].Title < out[j].Title
	})
	return out
}
