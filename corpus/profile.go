package corpus

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// RoleAt is a role a person held at a date, as one sentence states it.
type RoleAt struct {
	Role     string   `json:"role"`
	Date     Date     `json:"date,omitempty"`
	Evidence Evidence `json:"evidence"`
}

// PersonProfile is one person merged from every sentence that names them.
type PersonProfile struct {
	ID        PersonID `json:"id"`
	Name      string   `json:"name"`
	Honorific string   `json:"honorific,omitempty"`
	Land      LandCode `json:"land,omitempty"`
	Party     string   `json:"party,omitempty"`
	// Role is the role of the latest dated statement, else the most frequent.
	Role string `json:"role,omitempty"`
	// Roles lists each distinct role and date, by date.
	Roles    []RoleAt   `json:"roles,omitempty"`
	Evidence []Evidence `json:"evidence"`
}

// MergePeople merges person mentions into one profile per person ID. When
// the mentions give different Länder, there is one profile per Land, and
// mentions without a Land join the Land named most often. Profiles are
// sorted by name, then Land.
func MergePeople(ps []Person) []PersonProfile {
	ids, byID := groupBy(ps, func(p Person) PersonID { return p.ID })
	var out []PersonProfile
	for _, id := range ids {
		group := byID[id]
		var lands []string
		for _, p := range group {
			if p.Land != "" {
				lands = append(lands, string(p.Land))
			}
		}
		main := LandCode(mostFrequent(lands, nil))
		byLand := map[LandCode][]Person{}
		var order []LandCode
		for _, p := range group {
			l := p.Land
			if l == "" {
				l = main
			}
			if _, ok := byLand[l]; !ok {
				order = append(order, l)
			}
			byLand[l] = append(byLand[l], p)
		}
		for _, l := range order {
			out = append(out, personProfile(id, l, byLand[l]))
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		if out[i].Land != out[j].Land {
			return out[i].Land < out[j].Land
		}
		return out[i].ID < out[j].ID
	})
	return out
}

func personProfile(id PersonID, land LandCode, ps []Person) PersonProfile {
	pp := PersonProfile{ID: id, Land: land}
	var names, hons, parties, roles []string
	seenRole := map[string]bool{}
	seenEv := map[string]bool{}
	var latest Date
	var latestRoles []string
	for _, p := range ps {
		names = append(names, p.Name)
		if p.Honorific != "" {
			hons = append(hons, p.Honorific)
		}
		if p.Party != "" {
			parties = append(parties, p.Party)
		}
		if k := evidenceKey(p.Evidence); !seenEv[k] {
			seenEv[k] = true
			pp.Evidence = append(pp.Evidence, p.Evidence)
		}
		if p.Role == "" {
			continue
		}
		roles = append(roles, p.Role)
		if k := p.Role + "|" + string(p.Date); !seenRole[k] {
			seenRole[k] = true
			pp.Roles = append(pp.Roles, RoleAt{Role: p.Role, Date: p.Date, Evidence: p.Evidence})
		}
		if p.Date.Known() {
			switch d := p.Date.First(); {
			case latest == "" || d > latest:
				latest, latestRoles = d, []string{p.Role}
			case d == latest:
				latestRoles = append(latestRoles, p.Role)
			}
		}
	}
	pp.Name = mostFrequent(names, nil)
	pp.Honorific = mostFrequent(hons, func(a, b string) bool { return len(a) > len(b) })
	pp.Party = mostFrequent(parties, nil)
	if len(latestRoles) > 0 {
		pp.Role = headRole(latestRoles)
	} else {
		pp.Role = headRole(roles)
	}
	sort.SliceStable(pp.Roles, func(i, j int) bool {
		if pp.Roles[i].Date.First() != pp.Roles[j].Date.First() {
			return pp.Roles[i].Date.First() < pp.Roles[j].Date.First()
		}
		return pp.Roles[i].Role < pp.Roles[j].Role
	})
	return pp
}

// headRole returns the role that most of roles name: a role counts for
// every role it goes on from ("Staatssekretärin für Digitalisierung" for
// "Staatssekretärin"), and ties go to the first seen.
func headRole(roles []string) string {
	freq := map[string]int{}
	var distinct []string // in order of first mention
	for _, r := range roles {
		if freq[r] == 0 {
			distinct = append(distinct, r)
		}
		freq[r]++
	}
	best, bestN := "", 0
	for _, x := range distinct {
		n := 0
		for _, r := range distinct {
			if x == r || strings.HasPrefix(x, r+" ") {
				n += freq[r]
			}
		}
		if best == "" || n > bestN {
			best, bestN = x, n
		}
	}
	return best
}

// mostFrequent returns the most frequent string of xs; ties go to the one
// that better prefers, else to the first seen.
func mostFrequent(xs []string, better func(a, b string) bool) string {
	count := map[string]int{}
	best := ""
	for _, x := range xs {
		count[x]++
	}
	for _, x := range xs {
		switch {
		case best == "":
			best = x
		case count[x] > count[best]:
			best = x
		case count[x] == count[best] && better != nil && better(x, best):
			best = x
		}
	}
	return best
}

func evidenceKey(e Evidence) string {
	return string(e.Doc) + "|" + e.File + "|" + strconv.Itoa(e.Span[0]) + "|" + strconv.Itoa(e.Span[1])
}

// StrategyProfile is one strategy of a Land merged from every sentence that
// names it.
type StrategyProfile struct {
	ID    StrategyID `json:"id"`
	Land  LandCode   `json:"land,omitempty"`
	Title string     `json:"title"`
	// Year is the earliest year stated for the adoption, 0 when none is.
	Year     int        `json:"year,omitempty"`
	Evidence []Evidence `json:"evidence"`
}

// MergeStrategies merges strategy mentions: within one Land, two mentions
// are the same strategy when one folded title contains the other as whole
// words ("Digitalisierungsstrategie digital@bw" and "digital@bw"). The
// profile keeps the title stated by the most documents (of those, the
// shortest) and its ID, the earliest stated year and every evidence. Profiles are sorted by Land, then title.
func MergeStrategies(ss []Strategy) []StrategyProfile {
	lands, byLand := groupBy(ss, func(s Strategy) LandCode { return s.Land })
	var out []StrategyProfile
	for _, l := range lands {
		group := byLand[l]
		// Whether two statements merge depends only on their title keys
		// and years, and two of the same key (not empty) and year merge:
		// the pairs are compared per class of key and year, not per
		// statement (a Land's strategy is stated thousands of times at
		// 100,000 documents).
		type class struct {
			key  string
			year int
		}
		classOf := make([]int, len(group))
		ids := map[class]int{}
		var classes []class
		var docsOf []map[DocID]bool // the documents that state each class
		for i, s := range group {
			c := class{titleKey(s.Title), s.Year}
			id, ok := ids[c]
			if !ok || c.key == "" { // an empty key merges with nothing
				id = len(classes)
				ids[c] = id
				classes = append(classes, c)
				docsOf = append(docsOf, map[DocID]bool{})
			}
			classOf[i] = id
			docsOf[id][s.Evidence.Doc] = true
		}
		// A document that states two titles as two strategies ("„Sachsen
		// digital gestalten 2060“ … ersetzt die Vorgängerstrategie
		// „Sachsen Digital“") says they are not one.
		apart := func(i, j int) bool {
			a, b := docsOf[i], docsOf[j]
			if len(a) > len(b) {
				a, b = b, a
			}
			for d := range a {
				if d != "" && b[d] {
					return true
				}
			}
			return false
		}
		parent := make([]int, len(classes))
		for i := range parent {
			parent[i] = i
		}
		var find func(int) int
		find = func(i int) int {
			for parent[i] != i {
				parent[i] = parent[parent[i]]
				i = parent[i]
			}
			return i
		}
		for i, a := range classes {
			for j := i + 1; j < len(classes); j++ {
				b := classes[j]
				if sameTitle(a.key, b.key) && !otherEdition(Strategy{Year: a.year}, Strategy{Year: b.year}) && !apart(i, j) {
					parent[find(j)] = find(i)
				}
			}
		}
		members := map[int][]int{}
		var roots []int
		for i := range group {
			r := find(classOf[i])
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

func strategyProfile(land LandCode, group []Strategy, idx []int) StrategyProfile {
	sp := StrategyProfile{Land: land}
	best := -1
	seenEv := map[string]bool{}
	// how many documents state each title
	docs := map[string]map[DocID]bool{}
	for _, i := range idx {
		k := titleKey(group[i].Title)
		if docs[k] == nil {
			docs[k] = map[DocID]bool{}
		}
		docs[k][group[i].Evidence.Doc] = true
	}
	for _, i := range idx {
		s := group[i]
		n := utf8.RuneCountInString(s.Title)
		nd, bd := 0, 0
		if best >= 0 {
			nd, bd = len(docs[titleKey(s.Title)]), len(docs[titleKey(group[best].Title)])
		}
		if best < 0 || nd > bd || nd == bd && (n < utf8.RuneCountInString(group[best].Title) ||
			(n == utf8.RuneCountInString(group[best].Title) && s.Title < group[best].Title)) {
			best = i
		}
		if s.Year != 0 && (sp.Year == 0 || s.Year < sp.Year) {
			sp.Year = s.Year
		}
		if k := evidenceKey(s.Evidence); !seenEv[k] {
			seenEv[k] = true
			sp.Evidence = append(sp.Evidence, s.Evidence)
		}
	}
	sp.ID, sp.Title = group[best].ID, group[best].Title
	return sp
}

// titleKey folds a title to lower-case words separated by single spaces.
func titleKey(t string) string {
	f := strings.FieldsFunc(Fold(t), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	return strings.Join(f, " ")
}

// otherEdition reports whether two strategies of like titles are different
// editions: both dated, at least two years apart ("Sachsen Digital" of 2019
// and "sachsen digital 2030" of 2023).
func otherEdition(a, b Strategy) bool {
	return a.Year != 0 && b.Year != 0 && (a.Year-b.Year >= 2 || b.Year-a.Year >= 2)
}

// sameTitle reports whether one title key contains the other as whole
// words. Keys shorter than five characters match only when equal.
func sameTitle(a, b string) bool {
	if a == b {
		return a != ""
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(a) < 5 {
		return false
	}
	for i := 0; ; {
		j := strings.Index(b[i:], a)
		if j < 0 {
			return false
		}
		j += i
		if (j == 0 || b[j-1] == ' ') && (j+len(a) == len(b) || b[j+len(a)] == ' ') {
			return true
		}
		i = j + 1
	}
}

// groupBy groups xs by key, keeping the order in which keys first appear and
// the order of the items within each group.
func groupBy[T any, K comparable](xs []T, key func(T) K) ([]K, map[K][]T) {
	var keys []K
	groups := map[K][]T{}
	for _, x := range xs {
		k := key(x)
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], x)
	}
	return keys, groups
}
