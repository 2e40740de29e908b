package corpus

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"sort"
	"testing"
)

// mergeAllPairs is MergeMeetings as it was before mentions were grouped:
// every mention compared with every cluster, all lineages at once. The tests
// check that grouping changes nothing.
func mergeAllPairs(ms []MeetingMention, chairs []ChairTerm) []Meeting {
	var all []*mentionInfo
	for i := range ms {
		all = append(all, newMentionInfo(&ms[i], mentionKey{idx: i}))
	}
	var built []builtMeeting
	for _, c := range clusterComponent(all) {
		built = append(built, builtMeeting{seed: c[0], m: buildMeeting(c, chairs)})
	}
	return finishMeetings(built)
}

// randomMentions returns mentions of few series, ordinals, places and dates,
// so that many of them are of one meeting and many contradict each other.
func randomMentions(r *rand.Rand, docs, n int) []MeetingMention {
	series := []SeriesID{"digitalkoordinatoren", "d16", "dmk", "d17", "", "x-unbekannt"}
	places := []string{"", "", "Potsdam", "Kiel", "Heidelberg", "Heidelberg und Walldorf", "Berlin", "Thüringen"}
	venues := []string{"", "", "", "Schloss", "Rathaus"}
	lands := []LandCode{"BW", "BY", "BE", "BB", "SH", "TH"}
	date := func() Date {
		y := 2019 + r.IntN(4)
		switch r.IntN(6) {
		case 0:
			return ""
		case 1:
			return Date(fmt.Sprint(y))
		case 2:
			return Date(fmt.Sprintf("%d-%02d", y, 1+r.IntN(12)))
		default:
			return Date(fmt.Sprintf("%d-%02d-%02d", y, 1+r.IntN(12), 1+r.IntN(3)*14+r.IntN(3)))
		}
	}
	out := make([]MeetingMention, n)
	for i := range out {
		m := MeetingMention{
			Series: series[r.IntN(len(series))], Place: places[r.IntN(len(places))], Venue: venues[r.IntN(len(venues))],
			Start: date(), Planned: r.IntN(5) == 0,
		}
		if r.IntN(3) == 0 {
			m.Ordinal = 1 + r.IntN(4)
		}
		if len(m.Start) == 10 && r.IntN(4) == 0 {
			m.End = m.Start[:8] + Date(fmt.Sprintf("%02d", min(28, 1+int(m.Start[9]-'0')+10*int(m.Start[8]-'0'))))
		}
		for range r.IntN(3) {
			m.Hosts = append(m.Hosts, lands[r.IntN(len(lands))])
		}
		if r.IntN(4) == 0 {
			m.Chairs = append(m.Chairs, lands[r.IntN(len(lands))])
		}
		if r.IntN(3) == 0 {
			m.Topics = []TopicID{TopicID(fmt.Sprint("t", r.IntN(3)))}
		}
		doc := fmt.Sprint("d", r.IntN(docs))
		pub := date()
		if len(pub) != 10 {
			pub = ""
		}
		m.Evidence = mmEv(doc, pub, fmt.Sprint("Satz ", i))
		m.Evidence.Span = [2]int{r.IntN(5), 10}
		out[i] = m
	}
	return out
}

func randomTerms(r *rand.Rand, docs, n int) []ChairTerm {
	series := []SeriesID{"d16", "dmk", "d17", "digitalkoordinatoren"}
	lands := []LandCode{"BW", "BY", "BE", "BB", "SH", "TH"}
	out := make([]ChairTerm, n)
	for i := range out {
		y := 2019 + r.IntN(4)
		t := ChairTerm{Series: series[r.IntN(len(series))], Lands: []LandCode{lands[r.IntN(len(lands))]}}
		switch r.IntN(3) {
		case 0:
			t.From = Date(fmt.Sprint(y))
		case 1:
			t.From, t.To = Date(fmt.Sprintf("%d-01-01", y)), Date(fmt.Sprintf("%d-12-31", y))
		default:
			t.To = Date(fmt.Sprint(y))
		}
		t.Evidence = mmEv(fmt.Sprint("d", r.IntN(docs)), "", fmt.Sprint("Vorsitz ", i))
		out[i] = t
	}
	return out
}

func TestMergeMeetingsGroupedSameAsAllPairs(t *testing.T) {
	for seed := range uint64(40) {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 7))
			ms := randomMentions(r, 12, 5+r.IntN(60))
			terms := randomTerms(r, 12, r.IntN(6))
			got, want := MergeMeetings(ms, terms), mergeAllPairs(ms, terms)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got %d meetings %v, want %d %v", len(got), ids(got), len(want), ids(want))
			}
		})
	}
}

func ids(ms []Meeting) []MeetingID {
	var out []MeetingID
	for _, m := range ms {
		out = append(out, m.ID)
	}
	return out
}

// indexDoc is one document's part of a MeetingIndex test.
type indexDoc struct {
	file  string
	ms    []MeetingMention
	terms []ChairTerm
}

// mergeDocs merges the documents as a reader of the whole graph would: in
// the order of their files and ids.
func mergeDocs(docs map[DocID]indexDoc) []Meeting {
	var keys []DocID
	for id := range docs {
		keys = append(keys, id)
	}
	slices.SortFunc(keys, func(a, b DocID) int { return cmp.Or(cmp.Compare(docs[a].file, docs[b].file), cmp.Compare(a, b)) })
	var ms []MeetingMention
	var terms []ChairTerm
	for _, id := range keys {
		ms = append(ms, docs[id].ms...)
		terms = append(terms, docs[id].terms...)
	}
	return MergeMeetings(ms, terms)
}

func TestMeetingIndex(t *testing.T) {
	for seed := range uint64(20) {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 11))
			x := NewMeetingIndex()
			docs := map[DocID]indexDoc{}
			for step := range 30 {
				id := DocID(fmt.Sprint("d", r.IntN(10)))
				switch r.IntN(4) {
				case 0:
					delete(docs, id)
					x.Remove(id)
				default:
					d := indexDoc{file: fmt.Sprint(r.IntN(3), "/", id, ".txt"), ms: randomMentions(r, 1, r.IntN(6)), terms: randomTerms(r, 1, r.IntN(2))}
					for i := range d.ms {
						d.ms[i].Evidence.Doc = id
					}
					for i := range d.terms {
						d.terms[i].Evidence.Doc = id
					}
					if len(d.ms)+len(d.terms) == 0 {
						delete(docs, id)
					} else {
						docs[id] = d
					}
					x.Set(id, d.file, slices.Clone(d.ms), slices.Clone(d.terms))
				}
				if r.IntN(3) == 0 || step == 29 {
					if got, want := x.Meetings(), mergeDocs(docs); !reflect.DeepEqual(got, want) {
						t.Fatalf("step %d: got %v, want %v", step, ids(got), ids(want))
					}
				}
			}
		})
	}
}

// BenchmarkMergeMeetings merges many mentions of a few meetings a year, as a
// large corpus of press releases has them.
func BenchmarkMergeMeetings(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			ms := make([]MeetingMention, n)
			places := []string{"Potsdam", "Kiel", "Berlin", "München", "Erfurt", "Mainz"}
			for i := range ms {
				k := i % 40 // forty meetings over ten years
				ms[i] = MeetingMention{
					Series: []SeriesID{"d16", "dmk"}[k%2], Place: places[k%len(places)],
					Start:    Date(fmt.Sprintf("%d-%02d-%02d", 2017+k/4, 1+3*(k%4), 10+k%7)),
					Evidence: mmEv(fmt.Sprint("d", i), Date(fmt.Sprintf("%d-%02d-20", 2017+k/4, 1+3*(k%4))), "…"),
				}
				if i%3 == 0 {
					ms[i].Start = ms[i].Start[:4]
				}
			}
			sort.SliceStable(ms, func(i, j int) bool { return ms[i].Evidence.File < ms[j].Evidence.File })
			b.ResetTimer()
			for range b.N {
				MergeMeetings(ms, nil)
			}
		})
	}
}

// chairsDuringAllPairs is ChairsDuring as it was before it looked up the
// next and previous terms: every term compared with every other.
func chairsDuringAllPairs(terms []ChairTerm, series SeriesID, from, to Date) []ChairTerm {
	fam := map[SeriesID]bool{}
	for _, s := range Family(series) {
		fam[s] = true
	}
	var ts []ChairTerm
	for _, t := range terms {
		if fam[t.Series] && (t.From != "" || t.To != "") && t.From.Valid() && t.To.Valid() {
			ts = append(ts, t)
		}
	}
	type span struct {
		t      ChairTerm
		lo, hi Date
	}
	var out []span
	for _, t := range ts {
		lo, hi := t.From.First(), t.To.Last()
		if t.To == "" {
			for _, u := range ts {
				if s := u.From.First(); s != "" && s > lo && seriesRelated(t.Series, u.Series) {
					if end := dayBefore(s); hi == "" || end < hi {
						hi = end
					}
				}
			}
		}
		if t.From == "" {
			for _, u := range ts {
				s := u.From.First()
				if s == "" || s >= hi || !seriesRelated(t.Series, u.Series) {
					continue
				}
				start := dayAfter(s)
				if e := u.To.Last(); e != "" && e < hi {
					start = dayAfter(e)
				}
				if lo == "" || start > lo {
					lo = start
				}
			}
		}
		if Overlaps(lo, hi, from, to) {
			out = append(out, span{t, lo, hi})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].lo < out[j].lo })
	res := make([]ChairTerm, len(out))
	for i, s := range out {
		res[i] = s.t
	}
	return res
}

func TestChairsDuringSameAsAllPairs(t *testing.T) {
	dates := []Date{"", "2019", "2020", "2020-06", "2020-06-30", "2021-01-01", "2021", "2022-03", "2023", "2023-12-31", "2024-04-19"}
	series := []SeriesID{"digitalkoordinatoren", "d16", "dmk", "d17", "x"}
	for seed := range uint64(200) {
		r := rand.New(rand.NewPCG(seed, 3))
		var terms []ChairTerm
		for i := range r.IntN(12) {
			terms = append(terms, ChairTerm{
				Series: series[r.IntN(len(series))], Lands: []LandCode{"BW"},
				From: dates[r.IntN(len(dates))], To: dates[r.IntN(len(dates))],
				Evidence: mmEv(fmt.Sprint("d", i), "", "Vorsitz"),
			})
		}
		for _, s := range series {
			from, to := dates[r.IntN(len(dates))], dates[r.IntN(len(dates))]
			got, want := ChairsDuring(terms, s, from, to), chairsDuringAllPairs(terms, s, from, to)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("seed %d, %s %s–%s: got %+v, want %+v", seed, s, from, to, got, want)
			}
		}
	}
}

func TestSeriesLabel(t *testing.T) {
	for id, want := range map[SeriesID]string{
		"dmk":                                  "Digitalministerkonferenz (DMK)",
		"digitalkabinett-he":                   "Digitalkabinett (Hessen)",
		"bund-länder-arbeitsgruppe":            "Bund-Länder-Arbeitsgruppe",
		"europaministerkonferenz":              "Europaministerkonferenz",
		"leiter der statistischen landesämter": "Leiter der Statistischen Landesämter",
		"tagung der landes-certs":              "Tagung der Landes-Certs",
		"mpk-ost":                              "MPK-Ost",
	} {
		if got := SeriesLabel(id); got != want {
			t.Errorf("SeriesLabel(%q) = %q, want %q", id, got, want)
		}
	}
}
